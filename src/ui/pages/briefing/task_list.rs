//! The briefing's task list (the GOV.UK "task list" pattern): each task a link with its status.

use leptos::prelude::*;
use leptos_router::components::A;

use super::flow::use_flow;
use super::{task_path, SavedStatus, Step};
use crate::domain::BriefingTask;
use crate::ui::routes;

#[component]
pub fn TaskList(name: String) -> impl IntoView {
    let flow = use_flow();
    let id = flow.nominal_id.get_value();
    let progress = move || {
        let tasks = flow.tasks();
        let done = tasks.iter().filter(|t| flow.task_done(t)).count();
        format!("You have completed {done} of {} tasks.", tasks.len())
    };
    let all_done = Signal::derive(move || flow.tasks().iter().all(|t| flow.task_done(t)));
    let conditions = flow
        .live
        .get_untracked()
        .into_iter()
        .map(|c| {
            let task = BriefingTask::Condition(c.id.clone());
            let href = task_path(&id, &task);
            view! {
                <TaskRow
                    href
                    name=c.summary.clone()
                    hint=c.family.label().to_string()
                    slug=c.id.clone()
                    done=Signal::derive(move || flow.task_done(&task))
                />
            }
        })
        .collect_view();
    let other = |task: BriefingTask, name: &'static str, slug: &'static str| {
        let href = task_path(&id, &task);
        view! {
            <TaskRow href name slug done=Signal::derive(move || flow.task_done(&task)) />
        }
    };
    view! {
        <A href=routes::nominal(&id) attr:class="back-link">"Back to nominal"</A>
        <span class="caption">{name}</span>
        <h1 class="heading-l">"Release-day briefing"</h1>
        <div class="warning-text">
            <strong>"Start body-worn video before you begin and keep it recording until you sign off."</strong>
        </div>
        <p class="body">
            "Go through each task with the nominal, in any order. You can leave and come back: nothing is lost."
        </p>
        <p class="body">{progress}</p>

        <h2 class="heading-m">"Conditions in force today"</h2>
        <p class="hint">"Explain each condition and check the nominal understood it."</p>
        <ul class="task-list">{conditions}</ul>

        <h2 class="heading-m">"Before you finish"</h2>
        <ul class="task-list">
            {other(BriefingTask::BodyWornVideo, "Body-worn video", "video")}
            {other(BriefingTask::CopyOfOrder, "Copy of the order", "copy")}
            {other(BriefingTask::ProbationPoint, "Telling probation is not telling police", "probation")}
        </ul>

        <h2 class="heading-m">"Sign off"</h2>
        <ul class="task-list">
            <li class="task-list__item">
                <div class="task-list__name-and-hint">
                    <A href=Step::SignOff.path(&id) attr:class="task-list__link" attr:aria-describedby="task-sign-off-status">
                        "Check answers and sign off"
                    </A>
                </div>
                <div class="task-list__status" id="task-sign-off-status">
                    {move || if all_done.get() {
                        view! { <strong class="tag tag--green">"Ready"</strong> }.into_any()
                    } else {
                        view! { <span class="hint">"Not ready yet"</span> }.into_any()
                    }}
                </div>
            </li>
        </ul>
        <SavedStatus />
    }
}

/// One task: its name as a link (the whole row is tappable) and its status.
#[component]
fn TaskRow(
    href: String,
    #[prop(into)] name: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] slug: String,
    done: Signal<bool>,
) -> impl IntoView {
    let status_id = format!("task-{slug}-status");
    let hint_id = format!("task-{slug}-hint");
    let described_by = match &hint {
        Some(_) => format!("{hint_id} {status_id}"),
        None => status_id.clone(),
    };
    view! {
        <li class="task-list__item">
            <div class="task-list__name-and-hint">
                <A href attr:class="task-list__link" attr:aria-describedby=described_by>{name}</A>
                {hint.map(|h| view! { <div class="task-list__hint" id=hint_id>{h}</div> })}
            </div>
            <div class="task-list__status" id=status_id>
                {move || if done.get() {
                    view! { <span>"Completed"</span> }.into_any()
                } else {
                    view! { <strong class="tag tag--blue">"Incomplete"</strong> }.into_any()
                }}
            </div>
        </li>
    }
}
