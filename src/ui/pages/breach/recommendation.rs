//! The recommendation, every reason behind it and the facts it rests on; the officer accepts
//! it or chooses another level with a reason; then the report is submitted.

use leptos::prelude::*;

use super::{field_errors, BackLink, Caption, Flow};
use crate::domain::breach::report::{BreachFacts, BreachReport, EnforcementLevel, Recommendation};
use crate::domain::forms::breach_form::{BreachField, BreachStep};
use crate::ui::components::{
    error_for, ErrorSummary, FieldError, FieldMessage, RadioItem, Radios, SummaryList, SummaryRow,
    Textarea,
};
use crate::ui::records::submit_and_open;
use crate::ui::{device_now, new_record_id, routes};

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn level_id(l: EnforcementLevel) -> &'static str {
    match l {
        EnforcementLevel::InterviewAndCaution => "level-caution",
        EnforcementLevel::Charge => "level-charge",
        EnforcementLevel::RequestRecall => "level-recall",
        EnforcementLevel::ProactiveReferral => "level-proactive",
    }
}

#[component]
pub(super) fn RecommendationStep(flow: Flow) -> impl IntoView {
    let result = flow.app.cohort.with_untracked(|c| {
        flow.draft().with_untracked(|d| {
            let now = device_now();
            d.facts(c, now).map(|f| (f, d.recommendation(c, now)))
        })
    });
    match result {
        Ok((facts, Ok(rec))) => view! { <Decide flow facts rec /> }.into_any(),
        _ => {
            let next = flow.app.cohort.with_untracked(|c| {
                flow.draft()
                    .with_untracked(|d| d.first_incomplete(c, device_now()))
                    .unwrap_or(BreachStep::Check)
            });
            let href = flow.href(next);
            let go = href.clone();
            view! {
                <BackLink flow step=BreachStep::Recommendation />
                <Caption flow />
                <h1 class="heading-l">"Some answers are missing"</h1>
                <p class="body">"The recommendation needs every answer first."</p>
                <a class="button" href=href on:click=move |ev| { ev.prevent_default(); flow.go(go.clone()); }>
                    "Answer the next question"
                </a>
            }
            .into_any()
        }
    }
}

#[component]
fn Decide(flow: Flow, facts: BreachFacts, rec: Recommendation) -> impl IntoView {
    let app = flow.app;
    let recommended = rec.level;
    let on_breach_day = facts.licence_on_breach_day;
    let on_licence_today = facts.licence_on_decision_day;
    let mirrored = facts.condition_mirrored;
    let earlier = facts.earlier_breaches().to_string();
    let intelligence = facts.intelligence.label();
    let admission = facts.admission.label();
    let caution_barred = yes_no(facts.caution_barred());
    let chosen = move || flow.draft().with(|d| d.chosen.unwrap_or(recommended));
    let overriding = move || chosen() != recommended;
    let reason = Signal::derive(move || flow.draft().with(|d| d.override_reason.clone()));
    let rec_for_submit = StoredValue::new(rec.clone());
    let save = submit_and_open(
        flow.keeper,
        |r: &BreachReport| routes::breach_submitted(&r.nominal_id, &r.id),
        move |e| {
            flow.errors.try_set(vec![FieldError::new(
                "submit-report",
                format!("The report was not submitted: {e}"),
            )]);
        },
    );
    let submitting = save.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submitting.get_untracked() {
            return;
        }
        let id = new_record_id("BR");
        let officer = app.officer();
        let now = device_now();
        let report = app.cohort.with_untracked(|c| {
            flow.draft()
                .with_untracked(|d| d.to_report(c, id, &officer, now))
        });
        let report = match report {
            Ok(r) if r.decision.recommended == rec_for_submit.get_value() => r,
            Ok(_) => {
                // The facts changed under the page (another report came in): show them again.
                flow.go(flow.href(BreachStep::Recommendation));
                return;
            }
            Err(problems) => {
                if problems
                    .iter()
                    .all(|p| matches!(p.field, BreachField::OverrideReason | BreachField::Level))
                {
                    flow.errors.set(field_errors(problems));
                } else {
                    flow.go(flow.href(BreachStep::Check));
                }
                return;
            }
        };
        flow.errors.set(vec![]);
        save.dispatch_local(report);
    };
    let reasons = rec.reasons.clone();
    let levels = EnforcementLevel::ALL
        .into_iter()
        .map(|l| {
            let label = if l == recommended {
                format!("{} (recommended)", l.label())
            } else {
                l.label().to_string()
            };
            RadioItem::new(
                level_id(l),
                label,
                Signal::derive(move || chosen() == l),
                Callback::new(move |()| {
                    flow.edit(|d| d.chosen = (l != recommended).then_some(l));
                }),
            )
        })
        .collect();
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step=BreachStep::Recommendation />
        <Caption flow />
        <h1 class="heading-l">{BreachStep::Recommendation.title()}</h1>
        <div class="panel panel--recommendation">
            <p class="panel__caption">"Recommended enforcement level"</p>
            <p class="panel__level" id="recommended-level">{recommended.label()}</p>
        </div>
        <h2 class="heading-m">"Why"</h2>
        <ul class="list reasons" aria-label="Reasons for the recommendation">
            {reasons.into_iter().map(|r| view! { <li>{r.0}</li> }).collect_view()}
        </ul>
        <h2 class="heading-s">"The facts it rests on"</h2>
        <SummaryList>
            <SummaryRow key="On licence on the day of the breach">{yes_no(on_breach_day)}</SummaryRow>
            <SummaryRow key="Licence still in force today">{yes_no(on_licence_today)}</SummaryRow>
            <SummaryRow key="A breached condition is mirrored in the licence">{yes_no(mirrored)}</SummaryRow>
            <SummaryRow key="Breaches on earlier occasions under this order">{earlier}</SummaryRow>
            <SummaryRow key="Admits the breach">{admission}</SummaryRow>
            <SummaryRow key="A caution or conviction for a breach of this order in the two years before">{caution_barred}</SummaryRow>
            <SummaryRow key="Intelligence">{intelligence}</SummaryRow>
        </SummaryList>
        <form on:submit=submit novalidate>
            <Radios id="level-caution" name="level" legend="Enforcement level"
                hint="You decide. To choose a level other than the recommendation, say why: the reason is kept with the report."
                error_message=error_for(flow.errors.into(), "level-caution")
                items=levels>
                <Show when=overriding>
                    <Textarea id="override-reason" label="Why are you choosing a different level?"
                        group_classes="radios__conditional"
                        hint="For example, what you know that the recommendation does not take into account."
                        error_message=error_for(flow.errors.into(), "override-reason")
                        value=reason
                        on_input=move |v| flow.edit(|d| d.override_reason = v) />
                </Show>
            </Radios>
            <FieldMessage errors=flow.errors.into() field="submit-report" />
            <button class="button" type="submit" id="submit-report" disabled=move || submitting.get()>
                {move || if submitting.get() { "Submitting…" } else { "Submit report" }}
            </button>
        </form>
    }
}
