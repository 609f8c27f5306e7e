//! The questions of the contact form, each set to the routine answer when the form opens.

use leptos::prelude::*;

use crate::domain::field::contact_form::ContactDraft;
use crate::domain::ContactKind;
use crate::ui::components::{
    error_for, DateInput, DateItem, FieldError, Legend, RadioItem, Radios, Textarea,
};
use crate::ui::device_now;

/// A radio button bound to the draft: chosen while `is`, and `choose` makes it so.
fn radio(
    draft: RwSignal<ContactDraft>,
    id: &str,
    label: &str,
    is: fn(&ContactDraft) -> bool,
    choose: fn(&mut ContactDraft),
) -> RadioItem {
    RadioItem::new(
        id,
        label,
        Signal::derive(move || draft.with(is)),
        Callback::new(move |()| draft.update(choose)),
    )
}

/// One box of the date or time, bound to its part of the draft.
fn part(
    draft: RwSignal<ContactDraft>,
    id: &str,
    label: &'static str,
    width: u8,
    field: fn(&mut ContactDraft) -> &mut String,
) -> DateItem {
    DateItem {
        id: id.to_string(),
        label,
        width,
        value: Signal::derive(move || field(&mut draft.get()).clone()),
        on_input: Callback::new(move |v| draft.update(|d| *field(d) = v)),
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
    let seen = move || draft.with(|d| d.seen);
    let notes_label = Signal::derive(move || {
        if draft.with(|d| d.seen && d.concerns) {
            "Notes"
        } else {
            "Notes (optional)"
        }
        .to_string()
    });
    let notes_hint = Signal::derive(move || {
        draft
            .with(|d| match (d.seen, d.concerns) {
                (false, _) => "Say what was tried, for example no answer at the door.",
                (true, true) => "Describe the concerns.",
                (true, false) => "Anything worth knowing before the next visit.",
            })
            .to_string()
    });
    let kinds = ContactKind::ALL
        .into_iter()
        .map(|k| {
            RadioItem::new(
                format!("contact-kind-{}", kind_slug(k)),
                k.label(),
                Signal::derive(move || draft.with(|d| d.kind == k)),
                Callback::new(move |()| draft.update(|d| d.kind = k)),
            )
        })
        .collect();
    view! {
        <Radios id="contact-kind" name="contact-kind" legend="Kind of contact" items=kinds />

        <Radios id="contact-seen" name="contact-seen" legend=format!("Was {given} seen?")
            hint="For a phone or video call: spoken to."
            items=vec![
                radio(draft, "contact-seen-yes", "Yes", |d| d.seen, |d| d.seen = true),
                radio(draft, "contact-seen-no", "No", |d| !d.seen, |d| d.seen = false),
            ] />

        <Show when=seen>
            <Radios id="contact-outcome" name="contact-outcome" legend="Outcome" items=vec![
                radio(draft, "contact-outcome-no-concerns", "No concerns", |d| !d.concerns, |d| d.concerns = false),
                radio(draft, "contact-outcome-concerns", "Concerns recorded", |d| d.concerns, |d| d.concerns = true)
                    .hint("Describe them in the notes."),
            ] />
        </Show>

        <Radios id="contact-when" name="contact-when" legend="When was the contact?" items=vec![
            radio(draft, "contact-when-now", "Just now", |d| d.now, |d| d.now = true),
            radio(draft, "contact-when-earlier", "Earlier", |d| !d.now, |d| {
                d.now = false;
                d.fill_when(device_now());
            }),
        ]>
            <Show when=move || !draft.with(|d| d.now)>
                <div class="radios__conditional">
                    <DateInput id="contact-date" legend=Legend::Small("Date".into())
                        hint="For example, 23 11 2026"
                        error_message=error_for(errors, "contact-date")
                        items=vec![
                            part(draft, "contact-date", "Day", 2, |d| &mut d.day),
                            part(draft, "contact-date-month", "Month", 2, |d| &mut d.month),
                            part(draft, "contact-date-year", "Year", 4, |d| &mut d.year),
                        ] />
                    <DateInput id="contact-time" legend=Legend::Small("Time".into())
                        hint="24-hour clock, for example 14 30"
                        error_message=error_for(errors, "contact-time")
                        items=vec![
                            part(draft, "contact-time", "Hour", 2, |d| &mut d.hour),
                            part(draft, "contact-time-minute", "Minute", 2, |d| &mut d.minute),
                        ] />
                </div>
            </Show>
        </Radios>

        <Textarea id="contact-notes" label=notes_label hint=notes_hint
            error_message=error_for(errors, "contact-notes")
            value=Signal::derive(move || draft.with(|d| d.notes.clone()))
            on_input=move |v| draft.update(|d| d.notes = v) />
    }
}
