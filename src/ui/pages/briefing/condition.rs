//! One condition, gone through with the nominal: the plain-English summary, the wording as
//! granted, whether it was explained and understood, and any question the nominal raised.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::flow::use_flow;
use super::{next_path, BackToTasks, GapMessage, SavedStatus};
use crate::domain::{BriefingGap, BriefingTask};

#[component]
pub fn ConditionStep(condition_id: String) -> impl IntoView {
    let flow = use_flow();
    let found = flow.live.with_untracked(|cs| {
        cs.iter()
            .position(|c| c.id == condition_id)
            .map(|i| (i, cs.len(), cs[i].clone()))
    });
    let Some((index, total, condition)) = found else {
        return view! {
            <BackToTasks />
            <h1 class="heading-l">"This condition is not in force today"</h1>
            <p class="body">"Go back to the task list to see the conditions to go through."</p>
        }
        .into_any();
    };
    let cid = StoredValue::new(condition.id.clone());
    let task = BriefingTask::Condition(condition.id.clone());
    let next = next_path(flow, &task);
    let entry = move |f: fn(&crate::domain::ConditionBriefed) -> bool| {
        flow.read(|b| b.condition(&cid.read_value()).is_some_and(f))
    };
    let question = move || {
        flow.read(|b| {
            b.condition(&cid.read_value())
                .map(|c| c.question.clone())
                .unwrap_or_default()
        })
    };
    let gap = move |wanted: fn(&BriefingGap) -> bool| {
        Signal::derive(move || {
            if !flow.show_gaps.get() {
                return None;
            }
            let live = flow.live_ids();
            flow.read(|b| {
                b.gaps(&live)
                    .into_iter()
                    .filter(|g| g.task() == BriefingTask::Condition(cid.get_value()))
                    .find(wanted)
                    .map(|g| g.to_string())
            })
        })
    };
    let not_explained = gap(|g| matches!(g, BriefingGap::ConditionNotExplained { .. }));
    let not_understood = gap(|g| matches!(g, BriefingGap::ConditionNotUnderstood { .. }));
    let has_error = move || not_explained.get().is_some() || not_understood.get().is_some();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flow.save_now();
        navigate(&next, Default::default());
    };
    let deadline = condition
        .notification
        .as_ref()
        .map(|d| format!("Must tell police {}.", d.deadline.describe()));
    view! {
        <BackToTasks />
        <span class="caption">{format!("Condition {} of {} · {}", index + 1, total, condition.family.label())}</span>
        <h1 class="heading-l">{condition.summary.clone()}</h1>
        {condition.mirrored_in_licence.then(|| view! {
            <p class="body"><strong class="tag tag--blue">"Mirrored in licence"</strong></p>
        })}
        {deadline.map(|d| view! { <p class="body">{d}</p> })}
        <h2 class="heading-s">"Wording in the order"</h2>
        <blockquote class="inset-text condition__verbatim">{condition.verbatim.clone()}</blockquote>
        <form on:submit=submit novalidate>
            <div class="form-group" class:form-group--error=has_error>
                <fieldset class="fieldset" aria-describedby="condition-checks-hint">
                    <legend class="fieldset__legend">"With the nominal"</legend>
                    <p class="hint" id="condition-checks-hint">"Tick each one that is true."</p>
                    <GapMessage id="explained-error" message=not_explained />
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" id="explained" type="checkbox"
                            prop:checked=move || entry(|c| c.explained)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                flow.choose(|b| b.condition_mut(&cid.read_value()).explained = on);
                            } />
                        <label class="label checkboxes__label" for="explained">"I explained this condition"</label>
                    </div>
                    <GapMessage id="understood-error" message=not_understood />
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" id="understood" type="checkbox"
                            prop:checked=move || entry(|c| c.understood)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                flow.choose(|b| b.condition_mut(&cid.read_value()).understood = on);
                            } />
                        <label class="label checkboxes__label" for="understood">"The nominal said they understood it"</label>
                    </div>
                </fieldset>
            </div>
            <div class="form-group">
                <label class="label" for="question">"Any question the nominal raised (optional)"</label>
                <p class="hint" id="question-hint">"In your own words, with the answer you gave."</p>
                <textarea class="textarea" id="question" rows="4" aria-describedby="question-hint"
                    prop:value=question
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        flow.type_in(|b| b.condition_mut(&cid.read_value()).question = text);
                    }
                    on:change=move |_| flow.save_now()></textarea>
            </div>
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
    .into_any()
}
