//! The first and last questions: which conditions were breached, and what intelligence says.

use leptos::prelude::*;

use super::{BackLink, Caption, Flow};
use crate::domain::breach::report::IntelligenceAssessment;
use crate::domain::forms::breach_form::BreachStep;
use crate::domain::time::dates::format_date;
use crate::domain::Condition;
use crate::ui::components::{
    error_for, CheckboxItem, Checkboxes, ErrorSummary, FieldMessage, Legend,
};
use crate::ui::device_now;

#[component]
pub(super) fn ConditionsStep(flow: Flow) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flow.go_on(BreachStep::Conditions);
    };
    let resume = move || {
        let draft = flow.draft().get();
        let notice = draft.resume_notice(flow.keeper.restored.get(), flow.just_started);
        notice.map(|notice| {
            let next = flow.app.cohort.with_untracked(|c| {
                draft
                    .first_incomplete(c, device_now())
                    .unwrap_or(BreachStep::Check)
            });
            let href = flow.href(next);
            let go = href.clone();
            view! {
                <div class="panel panel--notice" role="status">
                    <p class="body">{notice}</p>
                    <a class="button button--secondary" href=href on:click=move |ev| {
                        ev.prevent_default();
                        flow.go(go.clone());
                    }>"Continue where you left off"</a>
                </div>
            }
        })
    };
    // The day it happened, and the conditions to choose from on it (rebuilt only when the day
    // or the list changes, not at every key typed).
    let choices = Memo::new(move |_| {
        let draft = flow.draft().get();
        let list = flow.app.cohort.with(|c| {
            draft
                .choices(c)
                .into_iter()
                .cloned()
                .collect::<Vec<Condition>>()
        });
        (draft.day(), list)
    });
    let conditions = move || {
        let (day, list) = choices.get();
        let Some(day) = day else {
            return view! {
                <p class="body" id="conditions">"Enter the date it happened to see the conditions in force that day."</p>
            }
            .into_any();
        };
        let day = format_date(day);
        if list.is_empty() {
            return view! {
                <p class="body" id="conditions">{format!("No conditions were in force on {day}: the order was not live then, so there is no condition to breach. Check the order's dates on the nominal's page.")}</p>
            }
            .into_any();
        }
        view! {
            <Checkboxes id="conditions"
                legend=Legend::Text(format!("Conditions in force on {day}"))
                hint="Select every condition that applies. Each is worded as it was that day."
                error_message=error_for(flow.errors.into(), "conditions")
                items=list
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| condition_choice(flow, c, i))
                    .collect() />
        }
        .into_any()
    };
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step=BreachStep::Conditions />
        {resume}
        <Caption flow />
        <h1 class="heading-l">{BreachStep::Conditions.title()}</h1>
        <form on:submit=submit novalidate>
            <super::details::WhenQuestion flow />
            {conditions}
            <button class="button" type="submit">"Continue"</button>
        </form>
    }
}

fn condition_choice(flow: Flow, condition: Condition, index: usize) -> CheckboxItem {
    let input_id = if index == 0 {
        "conditions".to_string()
    } else {
        format!("conditions-{index}")
    };
    let id = StoredValue::new(condition.id.clone());
    let checked = Signal::derive(move || {
        flow.draft()
            .with(|d| d.condition_ids.contains(&id.get_value()))
    });
    let toggle = Callback::new(move |on: bool| {
        let id = id.get_value();
        flow.edit(|d| {
            d.condition_ids.retain(|x| *x != id);
            if on {
                d.condition_ids.push(id);
            }
        });
    });
    let label = view! {
        <span class="condition-choice__summary">{condition.summary.clone()}</span>
        <span class="condition-choice__family">{condition.family.label()}</span>
        {condition.mirrored_in_licence.then(|| view! { <span class="tag tag--blue">"Mirrored in licence"</span> })}
    };
    CheckboxItem::new(input_id, label, checked, toggle)
        .value(condition.id.clone())
        .classes("condition-choice")
}

fn intelligence_hint(a: IntelligenceAssessment) -> &'static str {
    match a {
        IntelligenceAssessment::None => "Nothing on file points to a return to criminality.",
        IntelligenceAssessment::Suggests => {
            "Some intelligence points that way, but it does not yet support it."
        }
        IntelligenceAssessment::Supports => {
            "Intelligence supports a return to serious crime: a case for the proactive team."
        }
    }
}

/// One tap answers and moves on: each answer is a button.
#[component]
pub(super) fn IntelligenceStep(flow: Flow) -> impl IntoView {
    let current = move || flow.draft().with(|d| d.intelligence);
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step=BreachStep::Intelligence />
        <Caption flow />
        <h1 class="heading-l" id="intelligence-question">{BreachStep::Intelligence.title()}</h1>
        <p class="hint" id="intelligence-hint">"Ask the researcher if you are not sure. Tap the answer that fits: you can change it on the next page."</p>
        <FieldMessage errors=flow.errors.into() field="intelligence" />
        <div class="choice-buttons" id="intelligence" role="group"
            aria-labelledby="intelligence-question" aria-describedby="intelligence-hint">
            {IntelligenceAssessment::ALL
                .into_iter()
                .map(|a| {
                    let choose = move |_| {
                        flow.edit(|d| d.intelligence = Some(a));
                        flow.go_on(BreachStep::Intelligence);
                    };
                    view! {
                        <button class="choice-button" type="button" on:click=choose
                            class:choice-button--current=move || current() == Some(a)>
                            <span class="choice-button__label">{a.label()}</span>
                            <span class="choice-button__hint">{intelligence_hint(a)}</span>
                            {move || (current() == Some(a)).then(|| view! {
                                <span class="tag tag--blue">"Your answer"</span>
                            })}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
