//! The questions of the contact form, each set to the routine answer when the form opens.

use leptos::prelude::*;

use crate::domain::contact_form::ContactDraft;
use crate::domain::ContactKind;
use crate::ui::components::{FieldError, FieldMessage};
use crate::ui::device_now;

/// A GOV.UK radio button.
fn radio(
    name: &'static str,
    id: String,
    label: String,
    hint: Option<&'static str>,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_select: impl Fn() + 'static,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="radios__item">
            <input class="radios__input" type="radio" name=name id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=checked
                on:change=move |_| on_select() />
            <div>
                <label class="radios__label" for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint radios__hint" id=hint_id>{h}</p> })}
            </div>
        </div>
    }
}

/// One box of a GOV.UK date input (day, month, year, or hour and minute), digits only.
fn part(
    id: &'static str,
    label: &'static str,
    width: u8,
    draft: RwSignal<ContactDraft>,
    field: fn(&mut ContactDraft) -> &mut String,
) -> impl IntoView {
    view! {
        <div class="date-input__item">
            <label class="label date-input__label" for=id>{label}</label>
            <input class=format!("input input--width-{width}") id=id type="text" inputmode="numeric"
                autocomplete="off"
                prop:value=move || field(&mut draft.get()).clone()
                on:input=move |ev| draft.update(|d| *field(d) = event_target_value(&ev)) />
        </div>
    }
}

fn kind_slug(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::HomeVisit => "home-visit",
        ContactKind::UnannouncedHomeVisit => "unannounced-home-visit",
        ContactKind::OfficeReport => "office-report",
        ContactKind::Phone => "phone",
        ContactKind::Video => "video",
    }
}

/// Every question, bound to the draft. `given` is the nominal's given name.
#[component]
pub fn ContactFields(
    draft: RwSignal<ContactDraft>,
    errors: Signal<Vec<FieldError>>,
    given: String,
) -> impl IntoView {
    let has_error =
        move |field: &'static str| errors.with(|es| es.iter().any(|e| e.field == field));
    let group_class = move |field: &'static str| {
        if has_error(field) {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let seen = move || draft.with(|d| d.seen);
    let when_class = move || {
        if has_error("contact-date") || has_error("contact-time") {
            "radios__conditional form-group--error"
        } else {
            "radios__conditional"
        }
    };
    let notes_label = move || {
        if draft.with(|d| d.seen && d.concerns) {
            "Notes"
        } else {
            "Notes (optional)"
        }
    };
    let notes_hint = move || {
        draft.with(|d| match (d.seen, d.concerns) {
            (false, _) => "Say what was tried, for example no answer at the door.",
            (true, true) => "Describe the concerns.",
            (true, false) => "Anything worth knowing before the next visit.",
        })
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Kind of contact"</legend>
            {ContactKind::ALL
                .into_iter()
                .map(|k| radio(
                    "contact-kind",
                    format!("contact-kind-{}", kind_slug(k)),
                    k.label().to_string(),
                    None,
                    move || draft.with(|d| d.kind == k),
                    move || draft.update(|d| d.kind = k),
                ))
                .collect_view()}
        </fieldset>

        <fieldset class="fieldset">
            <legend class="fieldset__legend">{format!("Was {given} seen?")}</legend>
            <p class="hint">"For a phone or video call: spoken to."</p>
            {radio("contact-seen", "contact-seen-yes".into(), "Yes".into(), None,
                move || draft.with(|d| d.seen), move || draft.update(|d| d.seen = true))}
            {radio("contact-seen", "contact-seen-no".into(), "No".into(), None,
                move || draft.with(|d| !d.seen), move || draft.update(|d| d.seen = false))}
        </fieldset>

        <Show when=seen>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Outcome"</legend>
                {radio("contact-outcome", "contact-outcome-no-concerns".into(), "No concerns".into(), None,
                    move || draft.with(|d| !d.concerns), move || draft.update(|d| d.concerns = false))}
                {radio("contact-outcome", "contact-outcome-concerns".into(), "Concerns recorded".into(),
                    Some("Describe them in the notes."),
                    move || draft.with(|d| d.concerns), move || draft.update(|d| d.concerns = true))}
            </fieldset>
        </Show>

        <fieldset class="fieldset">
            <legend class="fieldset__legend">"When was the contact?"</legend>
            {radio("contact-when", "contact-when-now".into(), "Just now".into(), None,
                move || draft.with(|d| d.now), move || draft.update(|d| d.now = true))}
            {radio("contact-when", "contact-when-earlier".into(), "Earlier".into(), None,
                move || draft.with(|d| !d.now), move || draft.update(|d| {
                    d.now = false;
                    d.fill_when(device_now());
                }))}
            <Show when=move || !draft.with(|d| d.now)>
                <div class=when_class>
                    <fieldset class="fieldset" role="group" aria-describedby="contact-date-hint">
                        <legend class="fieldset__legend fieldset__legend--s">"Date"</legend>
                        <p class="hint" id="contact-date-hint">"For example, 23 11 2026"</p>
                        <FieldMessage errors field="contact-date" />
                        <div class="date-input">
                            {part("contact-date", "Day", 2, draft, |d| &mut d.day)}
                            {part("contact-date-month", "Month", 2, draft, |d| &mut d.month)}
                            {part("contact-date-year", "Year", 4, draft, |d| &mut d.year)}
                        </div>
                    </fieldset>
                    <fieldset class="fieldset" role="group" aria-describedby="contact-time-hint">
                        <legend class="fieldset__legend fieldset__legend--s">"Time"</legend>
                        <p class="hint" id="contact-time-hint">"24-hour clock, for example 14 30"</p>
                        <FieldMessage errors field="contact-time" />
                        <div class="date-input">
                            {part("contact-time", "Hour", 2, draft, |d| &mut d.hour)}
                            {part("contact-time-minute", "Minute", 2, draft, |d| &mut d.minute)}
                        </div>
                    </fieldset>
                </div>
            </Show>
        </fieldset>

        <div class=move || group_class("contact-notes")>
            <label class="label" for="contact-notes">{notes_label}</label>
            <p class="hint" id="contact-notes-hint">{notes_hint}</p>
            <FieldMessage errors field="contact-notes" />
            <textarea class="textarea" id="contact-notes" rows="4"
                aria-describedby="contact-notes-hint"
                prop:value=move || draft.with(|d| d.notes.clone())
                on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
        </div>
    }
}
