//! Check your answers: each answer with a link back to its question.

use leptos::prelude::*;

use super::{BackLink, Caption, Flow};
use crate::domain::forms::breach_form::{BreachField, BreachStep};
use crate::domain::time::dates::{format_date, format_date_time};
use crate::ui::components::{ErrorSummary, FieldError, SummaryList, SummaryRow};
use crate::ui::device_now;

/// The row of this page an answer's problem is shown against.
fn row_id(field: BreachField) -> &'static str {
    match field {
        BreachField::Conditions => "answer-conditions",
        BreachField::When | BreachField::Date | BreachField::Time => "answer-when",
        BreachField::Location => "answer-where",
        BreachField::WhatWasSeen => "answer-seen",
        BreachField::Explanation => "answer-explanation",
        BreachField::EvidenceDescription => "answer-evidence",
        BreachField::Intelligence => "answer-intelligence",
        BreachField::Level | BreachField::OverrideReason => "answer-conditions",
    }
}

fn not_answered() -> AnyView {
    view! { <span class="answer-missing">"Not answered"</span> }.into_any()
}

#[component]
pub(super) fn CheckStep(flow: Flow) -> impl IntoView {
    let draft = flow.draft().get_untracked();
    let now = device_now();
    let (conditions, problems) = flow.app.cohort.with_untracked(|c| {
        let conditions: Vec<(String, &'static str)> = draft
            .conditions(c)
            .into_iter()
            .map(|x| (x.summary.clone(), x.family.label()))
            .collect();
        (conditions, draft.problems(BreachStep::Check, c, now))
    });
    let when = match draft.occurred_at(now) {
        Ok(t) if draft.date_only() => format_date(t.date()).into_any(),
        Ok(t) => format_date_time(t).into_any(),
        Err(_) => not_answered(),
    };
    let answer = |s: &str| {
        if s.trim().is_empty() {
            not_answered()
        } else {
            view! { <span class="answer-text">{s.trim().to_string()}</span> }.into_any()
        }
    };
    let location = answer(&draft.location);
    let seen = answer(&draft.what_was_seen);
    let admission = draft.admission.label();
    let caution_bar = if draft.caution_bar_stated {
        "Yes"
    } else {
        "Not that you know of"
    };
    let explanation = match draft.explanation.trim() {
        "" => "None recorded".into_any(),
        _ => answer(&draft.explanation),
    };
    let mut evidence = draft.evidence.clone();
    if !draft.new_evidence.description.trim().is_empty() {
        evidence.push(draft.new_evidence.clone());
    }
    let evidence = if evidence.is_empty() {
        "None".into_any()
    } else {
        view! {
            <ul class="list">
                {evidence.into_iter().map(|e| {
                    let r = if e.reference.trim().is_empty() { String::new() } else { format!(" ({})", e.reference.trim()) };
                    view! { <li><strong>{e.kind.label()}</strong>": " {e.description.trim().to_string()} {r}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let intelligence = match draft.intelligence {
        Some(a) => a.label().into_any(),
        None => not_answered(),
    };
    let conditions = if conditions.is_empty() {
        not_answered()
    } else {
        view! {
            <ul class="list">
                {conditions.into_iter().map(|(s, f)| view! {
                    <li>{s} <span class="hint">{format!(" ({f})")}</span></li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let go_on = move |_| {
        if problems.is_empty() {
            flow.go_on(BreachStep::Check);
        } else {
            let mut errors: Vec<FieldError> = vec![];
            for p in &problems {
                let id = row_id(p.field);
                if !errors.iter().any(|e| e.field == id) {
                    errors.push(FieldError::new(id, p.message.clone()));
                }
            }
            flow.errors.set(errors);
        }
    };
    // "Change" saves the draft, then opens the question.
    let go = Callback::new(move |href: String| flow.go(href));
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step=BreachStep::Check />
        <Caption flow />
        <h1 class="heading-l">{BreachStep::Check.title()}</h1>
        <SummaryList classes="summary-list--actions">
            <SummaryRow id="answer-when" key="When" action_href=flow.change_href(BreachStep::Conditions) action_hidden="when it happened" on_action=go>{when}</SummaryRow>
            <SummaryRow id="answer-conditions" key="Conditions breached" action_href=flow.change_href(BreachStep::Conditions) action_hidden="conditions breached" on_action=go>{conditions}</SummaryRow>
            <SummaryRow id="answer-where" key="Where" action_href=flow.change_href(BreachStep::Details) action_hidden="where it happened" on_action=go>{location}</SummaryRow>
            <SummaryRow id="answer-seen" key="What was seen" action_href=flow.change_href(BreachStep::Details) action_hidden="what was seen" on_action=go>{seen}</SummaryRow>
            <SummaryRow id="answer-explanation" key="Any explanation given" action_href=flow.change_href(BreachStep::Details) action_hidden="any explanation given" on_action=go>{explanation}</SummaryRow>
            <SummaryRow id="answer-admission" key="Admits the breach" action_href=flow.change_href(BreachStep::Details) action_hidden="whether the nominal admits the breach" on_action=go>{admission}</SummaryRow>
            <SummaryRow id="answer-caution-bar" key="Cautioned or convicted for a breach of this order in the two years before" action_href=flow.change_href(BreachStep::Details) action_hidden="earlier cautions or convictions" on_action=go>{caution_bar}</SummaryRow>
            <SummaryRow id="answer-evidence" key="Evidence" action_href=flow.change_href(BreachStep::Details) action_hidden="evidence" on_action=go>{evidence}</SummaryRow>
            <SummaryRow id="answer-intelligence" key="Intelligence" action_href=flow.change_href(BreachStep::Intelligence) action_hidden="intelligence assessment" on_action=go>{intelligence}</SummaryRow>
        </SummaryList>
        <p class="body">"Next you will see the recommended enforcement level and the reasons for it."</p>
        <button class="button" type="button" on:click=go_on>"Continue"</button>
    }
}
