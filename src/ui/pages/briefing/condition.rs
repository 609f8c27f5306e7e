//! One condition, gone through with the nominal: the plain-English summary, the wording as
//! granted, whether it was explained and understood, and any question the nominal raised.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::flow::use_flow;
use super::{next_path, BackToTasks, SavedStatus};
use crate::domain::{BriefingGap, BriefingTask};
use crate::ui::components::{CheckboxItem, Checkboxes, Textarea};

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
    let question = Signal::derive(move || {
        flow.read(|b| {
            b.condition(&cid.read_value())
                .map(|c| c.question.clone())
                .unwrap_or_default()
        })
    });
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
            <Checkboxes id="condition-checks" legend="With the nominal" hint="Tick each one that is true."
                items=vec![
                    CheckboxItem::new("explained", "I explained this condition",
                        Signal::derive(move || entry(|c| c.explained)),
                        Callback::new(move |on| flow.choose(|b| b.condition_mut(&cid.read_value()).explained = on)))
                        .error_message(not_explained),
                    CheckboxItem::new("understood", "The nominal said they understood it",
                        Signal::derive(move || entry(|c| c.understood)),
                        Callback::new(move |on| flow.choose(|b| b.condition_mut(&cid.read_value()).understood = on)))
                        .error_message(not_understood),
                ] />
            <Textarea id="question" label="Any question the nominal raised (optional)"
                hint="In your own words, with the answer you gave."
                value=question
                on_input=move |text| flow.type_in(|b| b.condition_mut(&cid.read_value()).question = text)
                on_change=move |()| flow.save_now() />
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
    .into_any()
}
