//! "What happened?": where (with quick answers), what was seen, any explanation, whether the
//! nominal admits it and any earlier caution or conviction the officer knows of, and any
//! evidence (several pieces, or none); and the question asked first, on the conditions page:
//! when it happened (today, now, unless the officer says otherwise).

use leptos::prelude::*;

use super::{BackLink, Caption, Flow};
use crate::domain::breach::report::{Admission, EvidenceKind};
use crate::domain::forms::breach_form::{quick_locations, BreachDraft, BreachStep};
use crate::domain::time::dates::format_date_time;
use crate::ui::components::{
    error_for, CheckboxItem, Checkboxes, ErrorSummary, Input, RadioItem, Radios, Select, Textarea,
};

/// A text answer: its value in the draft, and how to change it.
fn text(
    flow: Flow,
    get: fn(&BreachDraft) -> &String,
    set: fn(&mut BreachDraft) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let value = Signal::derive(move || flow.draft().with(|d| get(d).clone()));
    let input = Callback::new(move |v: String| flow.edit(|d| *set(d) = v));
    (value, input)
}

/// "When did it happen?": today, now (one tap, the answer unless the officer says otherwise),
/// or another date and time. Asked first, with the conditions in force on that day.
#[component]
pub(super) fn WhenQuestion(flow: Flow) -> impl IntoView {
    let today = flow.app.today.get_untracked();
    let started = flow.draft().with_untracked(|d| d.started_at);
    let now_label = if started.date() == today {
        "Today, now"
    } else {
        "When this report was started"
    };
    let is_now = Signal::derive(move || flow.draft().with(|d| d.now));
    let (date, on_date) = text(flow, |d| &d.date, |d| &mut d.date);
    let (time, on_time) = text(flow, |d| &d.time, |d| &mut d.time);
    // A failure to notify happens on a day, at no time in particular.
    let time_hint = if flow
        .draft()
        .with_untracked(|d| d.from_notification.is_some())
    {
        "Leave it blank for a failure to notify: that happens on a day, not at a time."
    } else {
        "24-hour clock, like 14:05"
    };
    let errs = flow.errors;
    let error = move |field| error_for(errs.into(), field);
    view! {
        <Radios id="breach-when" name="breach-when" legend="When did it happen?"
            error_message=error("breach-when")
            items=vec![
                RadioItem::new("breach-when", now_label, is_now,
                    Callback::new(move |()| flow.edit(|d| d.now = true)))
                    .hint(format_date_time(started)),
                RadioItem::new("breach-when-other", "Another date and time",
                    Signal::derive(move || !is_now.get()),
                    Callback::new(move |()| flow.edit(|d| d.now = false))),
            ]>
            <Show when=move || !is_now.get()>
                <div class="radios__conditional">
                    <Input id="breach-date" label="Date" input_type="date" classes="input--date"
                        error_message=error("breach-date")
                        max=crate::domain::time::dates::iso_date(today)
                        value=date on_input=on_date />
                    <Input id="breach-time" label="Time" input_type="time" classes="input--time"
                        hint=time_hint
                        error_message=error("breach-time")
                        value=time on_input=on_time />
                </div>
            </Show>
        </Radios>
    }
}

#[component]
pub(super) fn DetailsStep(flow: Flow) -> impl IntoView {
    let (location, on_location) = text(flow, |d| &d.location, |d| &mut d.location);
    let (seen, on_seen) = text(flow, |d| &d.what_was_seen, |d| &mut d.what_was_seen);
    let (explanation, on_explanation) = text(flow, |d| &d.explanation, |d| &mut d.explanation);
    let home = flow
        .app
        .cohort
        .with_untracked(|c| c.nominal(&flow.id()).and_then(|n| n.address.clone()));
    let errs = flow.errors;
    let error = move |field| error_for(errs.into(), field);
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
            <Input id="location" label="Where did it happen?" autocomplete="off"
                hint="Tap a quick answer or type the place."
                error_message=error("location")
                value=location on_input=on_location>
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
            </Input>

            <Textarea id="what-was-seen" label="What was seen?" rows=5
                hint="What you or others saw or heard."
                error_message=error("what-was-seen")
                value=seen on_input=on_seen />

            <Textarea id="explanation" label="Any explanation given (optional)" rows=3
                hint="What the nominal said to explain it, in their words as near as you can: a reasonable excuse is a defence. Leave it blank if they gave none."
                error_message=error("explanation")
                value=explanation on_input=on_explanation />

            <Admits flow />

            <Evidence flow />

            <button class="button" type="submit">"Continue"</button>
        </form>
    }
}

/// Whether the nominal admits the breach ("Not asked yet" is an answer, and the default), and
/// an earlier caution or conviction the officer knows of: a caution needs an admission and is
/// barred by either, so both can make the recommendation investigate and charge (s.25).
#[component]
fn Admits(flow: Flow) -> impl IntoView {
    let items = Admission::ALL
        .into_iter()
        .map(|a| {
            RadioItem::new(
                format!("admission-{}", a.code()),
                a.label(),
                Signal::derive(move || flow.draft().with(|d| d.admission == a)),
                Callback::new(move |()| flow.edit(|d| d.admission = a)),
            )
        })
        .collect();
    let stated = Signal::derive(move || flow.draft().with(|d| d.caution_bar_stated));
    view! {
        <Radios id="admission-admits" name="admission" legend="Does the nominal admit the breach?"
            hint="A caution needs an admission. Without one, the breach is investigated and charged (s.25)."
            items=items />
        <Checkboxes id="caution-bar" legend="Earlier cautions or convictions"
            hint="Only what you know, for example from the police national computer. Earlier breach reports are not cautions."
            items=vec![CheckboxItem::new(
                "caution-bar",
                "Cautioned or convicted for a breach of this order in the two years before this breach",
                stated,
                Callback::new(move |on: bool| flow.edit(|d| d.caution_bar_stated = on)),
            )] />
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
    let add_error = RwSignal::new(None::<String>);
    // The form's problem with the description, or the one from "Add this evidence".
    let form_error = error_for(errs.into(), "evidence-description");
    let description_error = Signal::derive(move || form_error.get().or_else(|| add_error.get()));
    let cohort = flow.app.cohort;
    let add = move |_| {
        let mut said = None;
        cohort.with_untracked(|c| flow.edit(|d| said = d.add_evidence(c).err()));
        add_error.set(said);
    };
    // One sequence of exhibit references per officer, typed or photo: the next one.
    let officer = flow.app.officer().name;
    let reference_hint = move || {
        let next = cohort.with(|c| flow.draft().with(|d| d.next_reference(c, &officer)));
        format!("Exhibit or property number. Your next exhibit reference is {next}.")
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
                <Select id="evidence-kind" label="Kind of evidence" on_change=move |v: String| {
                    if let Some(k) = EvidenceKind::ALL.into_iter().find(|k| format!("{k:?}") == v) {
                        flow.edit(|d| d.new_evidence.kind = k);
                    }
                }>
                    {EvidenceKind::ALL.into_iter().map(|k| view! {
                        <option value=format!("{k:?}") selected=move || kind() == k>{k.option_label()}</option>
                    }).collect_view()}
                </Select>
                <Input id="evidence-description" label="Description"
                    error_message=description_error
                    value=description
                    on_input=move |v| { add_error.set(None); on_description.run(v) } />
                <Input id="evidence-reference" label="Reference (optional)" autocomplete="off"
                    hint=Signal::derive(reference_hint)
                    value=reference on_input=on_reference />
                <button class="button button--secondary" type="button" on:click=add>"Add this evidence"</button>
            </div>
        </details>
    }
}
