//! "What happened?": when (today, now, unless the officer says otherwise), where (with quick
//! answers), what was seen, and any evidence (several pieces, or none).

use leptos::prelude::*;

use super::{BackLink, Caption, Flow};
use crate::domain::breach::EvidenceKind;
use crate::domain::breach_form::{quick_locations, BreachDraft, BreachStep};
use crate::domain::dates::format_date_time;
use crate::ui::components::{ErrorSummary, FieldMessage};

/// A text answer: its value in the draft, and how to change it.
fn text(
    flow: Flow,
    get: fn(&BreachDraft) -> &String,
    set: fn(&mut BreachDraft) -> &mut String,
) -> (
    impl Fn() -> String + Copy,
    impl Fn(leptos::ev::Event) + Copy,
) {
    let value = move || flow.draft().with(|d| get(d).clone());
    let input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        flow.edit(|d| *set(d) = v);
    };
    (value, input)
}

#[component]
pub(super) fn DetailsStep(flow: Flow) -> impl IntoView {
    let today = flow.app.today.get_untracked();
    let started = flow.draft().with_untracked(|d| d.started_at);
    let now_label = if started.date() == today {
        "Today, now"
    } else {
        "When this report was started"
    };
    let is_now = move || flow.draft().with(|d| d.now);
    let (date, on_date) = text(flow, |d| &d.date, |d| &mut d.date);
    let (time, on_time) = text(flow, |d| &d.time, |d| &mut d.time);
    let (location, on_location) = text(flow, |d| &d.location, |d| &mut d.location);
    let (seen, on_seen) = text(flow, |d| &d.what_was_seen, |d| &mut d.what_was_seen);
    let home = flow
        .app
        .cohort
        .with_untracked(|c| c.nominal(&flow.id()).and_then(|n| n.address.clone()));
    let errs = flow.errors;
    let has = move |fields: &'static [&'static str]| {
        move || errs.with(|e| e.iter().any(|x| fields.contains(&x.field)))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Evidence typed but not yet added is added, not lost.
        if flow
            .draft()
            .with_untracked(|d| !d.new_evidence.description.trim().is_empty())
        {
            flow.edit(|d| {
                d.add_new_evidence();
            });
        }
        flow.go_on(BreachStep::Details);
    };
    view! {
        <ErrorSummary errors=errs.into() />
        <BackLink flow step=BreachStep::Details />
        <Caption flow />
        <h1 class="heading-l">{BreachStep::Details.title()}</h1>
        <form on:submit=submit novalidate>
            <div class="form-group" class:form-group--error=has(&["breach-when", "breach-date", "breach-time"])>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"When did it happen?"</legend>
                    <FieldMessage errors=errs.into() field="breach-when" />
                    <div class="radios__item">
                        <input class="radios__input" type="radio" name="breach-when" id="breach-when"
                            aria-describedby="breach-when-hint"
                            prop:checked=is_now on:change=move |_| flow.edit(|d| d.now = true) />
                        <label class="radios__label" for="breach-when">
                            {now_label}
                            <span class="hint radios__hint" id="breach-when-hint">{format_date_time(started)}</span>
                        </label>
                    </div>
                    <div class="radios__item">
                        <input class="radios__input" type="radio" name="breach-when" id="breach-when-other"
                            prop:checked=move || !is_now() on:change=move |_| flow.edit(|d| d.now = false) />
                        <label class="radios__label" for="breach-when-other">"Another date and time"</label>
                    </div>
                    <Show when=move || !is_now()>
                        <div class="radios__conditional">
                            <div class="form-group">
                                <label class="label" for="breach-date">"Date"</label>
                                <FieldMessage errors=errs.into() field="breach-date" />
                                <input class="input input--date" type="date" id="breach-date"
                                    max=today.format("%Y-%m-%d").to_string()
                                    prop:value=date on:input=on_date on:change=on_date />
                            </div>
                            <div class="form-group">
                                <label class="label" for="breach-time">"Time"</label>
                                <p class="hint" id="breach-time-hint">"24-hour clock, like 14:05"</p>
                                <FieldMessage errors=errs.into() field="breach-time" />
                                <input class="input input--time" type="time" id="breach-time"
                                    aria-describedby="breach-time-hint"
                                    prop:value=time on:input=on_time on:change=on_time />
                            </div>
                        </div>
                    </Show>
                </fieldset>
            </div>

            <div class="form-group" class:form-group--error=has(&["location"])>
                <label class="label" for="location">"Where did it happen?"</label>
                <p class="hint" id="location-hint">"Tap a quick answer or type the place."</p>
                <FieldMessage errors=errs.into() field="location" />
                <input class="input" type="text" id="location" autocomplete="off"
                    aria-describedby="location-hint"
                    prop:value=location on:input=on_location />
                <div class="quick-choices" role="group" aria-label="Quick answers for where it happened">
                    {quick_locations(home.as_deref())
                        .into_iter()
                        .map(|(label, value)| {
                            view! {
                                <button class="button button--secondary quick-choice" type="button"
                                    on:click=move |_| {
                                        let v = value.clone();
                                        flow.edit(|d| d.location = v);
                                    }>{label}</button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>

            <div class="form-group" class:form-group--error=has(&["what-was-seen"])>
                <label class="label" for="what-was-seen">"What was seen?"</label>
                <p class="hint" id="what-was-seen-hint">"What you or others saw or heard, and anything the nominal said."</p>
                <FieldMessage errors=errs.into() field="what-was-seen" />
                <textarea class="textarea" id="what-was-seen" rows="5"
                    aria-describedby="what-was-seen-hint"
                    prop:value=seen on:input=on_seen></textarea>
            </div>

            <Evidence flow />

            <button class="button" type="submit">"Continue"</button>
        </form>
    }
}

/// Evidence: the pieces added so far, and a form to add another.
#[component]
fn Evidence(flow: Flow) -> impl IntoView {
    let errs = flow.errors;
    let items = move || flow.draft().with(|d| d.evidence.clone());
    let open = flow
        .draft()
        .with_untracked(|d| !d.new_evidence.is_blank() || errs.with_untracked(|e| !e.is_empty()));
    let (description, on_description) = text(
        flow,
        |d| &d.new_evidence.description,
        |d| &mut d.new_evidence.description,
    );
    let (reference, on_reference) = text(
        flow,
        |d| &d.new_evidence.reference,
        |d| &mut d.new_evidence.reference,
    );
    let kind = move || flow.draft().with(|d| d.new_evidence.kind);
    let add_error = RwSignal::new(false);
    let add = move |_| {
        let mut added = false;
        flow.edit(|d| added = d.add_new_evidence());
        add_error.set(!added);
    };
    view! {
        <h2 class="heading-m" id="evidence">"Evidence (optional)"</h2>
        {move || {
            let list = items();
            if list.is_empty() {
                view! { <p class="body">"No evidence added. Add as many pieces as there are, or none."</p> }.into_any()
            } else {
                view! {
                    <ul class="evidence-list">
                        {list.into_iter().enumerate().map(|(i, e)| {
                            let reference = if e.reference.is_empty() { String::new() } else { format!(" ({})", e.reference) };
                            view! {
                                <li class="evidence-list__item">
                                    <span><strong>{e.kind.label()}</strong>": " {e.description.clone()} {reference}</span>
                                    <button class="link-button" type="button"
                                        on:click=move |_| flow.edit(|d| { if i < d.evidence.len() { d.evidence.remove(i); } })>
                                        "Remove" <span class="visually-hidden">{format!(" evidence {}", i + 1)}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <details class="details evidence-add" open=open>
            <summary class="details__summary">"Add evidence"</summary>
            <div class="details__text">
                <div class="form-group">
                    <label class="label" for="evidence-kind">"Kind of evidence"</label>
                    <select class="select" id="evidence-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = EvidenceKind::ALL.into_iter().find(|k| format!("{k:?}") == v) {
                            flow.edit(|d| d.new_evidence.kind = k);
                        }
                    }>
                        {EvidenceKind::ALL.into_iter().map(|k| view! {
                            <option value=format!("{k:?}") selected=move || kind() == k>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group" class:form-group--error=move || add_error.get() || errs.with(|e| e.iter().any(|x| x.field == "evidence-description"))>
                    <label class="label" for="evidence-description">"Description"</label>
                    <FieldMessage errors=errs.into() field="evidence-description" />
                    {move || add_error.get().then(|| view! {
                        <p class="error-message"><span class="visually-hidden">"Error: "</span>"Enter a description of the evidence"</p>
                    })}
                    <input class="input" type="text" id="evidence-description"
                        prop:value=description on:input=move |ev| { add_error.set(false); on_description(ev) } />
                </div>
                <div class="form-group">
                    <label class="label" for="evidence-reference">"Reference (optional)"</label>
                    <p class="hint" id="evidence-reference-hint">"Exhibit or property number, or a photo's file name."</p>
                    <input class="input" type="text" id="evidence-reference" autocomplete="off"
                        aria-describedby="evidence-reference-hint"
                        prop:value=reference on:input=on_reference />
                </div>
                <button class="button button--secondary" type="button" on:click=add>"Add this evidence"</button>
            </div>
        </details>
    }
}
