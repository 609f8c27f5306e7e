//! The release-day briefing: a GOV.UK task list through every condition in force, body-worn
//! video, the copy of the order and the probation-is-not-police point, then sign-off.
//!
//! One route, `/nominal/:id/briefing/*step`, so the flow (and the briefing being worked on)
//! stays in memory from task to task; each step is saved to the draft `briefing:{id}` as the
//! officer goes, so the flow resumes after a reload, a lock or a crash.

mod action;
mod condition;
mod flow;
mod released;
mod sign_off;
mod task_list;
mod tasks;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::BriefingTask;
use crate::ui::components::{NominalNotFound, Page};
use crate::ui::draft::DraftStatus;
use crate::ui::{routes, use_app};

pub use action::BriefingAction;
use flow::{use_flow, Flow, Loaded};

/// Where in the flow the officer is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    TaskList,
    Condition(String),
    BodyWornVideo,
    CopyOfOrder,
    ProbationPoint,
    SignOff,
    SignedOff,
    Unknown,
}

impl Step {
    fn parse(step: &str) -> Self {
        match step.trim_matches('/') {
            "" => Self::TaskList,
            "body-worn-video" => Self::BodyWornVideo,
            "copy-of-order" => Self::CopyOfOrder,
            "probation-is-not-police" => Self::ProbationPoint,
            "sign-off" => Self::SignOff,
            "signed-off" => Self::SignedOff,
            other => match other.strip_prefix("condition/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Self::Condition(id.into()),
                _ => Self::Unknown,
            },
        }
    }

    /// What the page is, for the document's title.
    fn title(&self) -> &'static str {
        match self {
            Self::TaskList => "Release-day briefing",
            Self::Condition(_) => "A condition",
            Self::BodyWornVideo => "Body-worn video",
            Self::CopyOfOrder => "Copy of the order",
            Self::ProbationPoint => "Telling probation is not telling police",
            Self::SignOff => "Check your answers and sign off",
            Self::SignedOff => "Briefing signed off",
            Self::Unknown => "Page not found",
        }
    }

    fn of_task(task: &BriefingTask) -> Self {
        match task {
            BriefingTask::Condition(id) => Self::Condition(id.clone()),
            BriefingTask::BodyWornVideo => Self::BodyWornVideo,
            BriefingTask::CopyOfOrder => Self::CopyOfOrder,
            BriefingTask::ProbationPoint => Self::ProbationPoint,
        }
    }

    fn path(&self, nominal_id: &str) -> String {
        let tail = match self {
            Self::TaskList | Self::Unknown => String::new(),
            Self::Condition(id) => format!("/condition/{id}"),
            Self::BodyWornVideo => "/body-worn-video".into(),
            Self::CopyOfOrder => "/copy-of-order".into(),
            Self::ProbationPoint => "/probation-is-not-police".into(),
            Self::SignOff => "/sign-off".into(),
            Self::SignedOff => "/signed-off".into(),
        };
        routes::briefing(nominal_id, &tail)
    }
}

/// The address of a task's page.
fn task_path(nominal_id: &str, task: &BriefingTask) -> String {
    Step::of_task(task).path(nominal_id)
}

/// The page after a task: the next task, and sign-off after the last.
fn next_path(flow: Flow, task: &BriefingTask) -> String {
    let id = flow.nominal_id.get_value();
    let tasks = flow.tasks();
    match tasks
        .iter()
        .position(|t| t == task)
        .and_then(|i| tasks.get(i + 1))
    {
        Some(next) => task_path(&id, next),
        None => Step::SignOff.path(&id),
    }
}

/// The route: one flow per nominal.
#[component]
pub fn BriefingPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let nominal_id = id.get();
        view! { <BriefingFlow nominal_id /> }
    }
}

#[component]
fn BriefingFlow(nominal_id: String) -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let step = Memo::new(move |_| Step::parse(&params.read().get("step").unwrap_or_default()));
    let flow = Flow::open(nominal_id.clone());
    provide_context(flow);
    let id = StoredValue::new(nominal_id);
    let name = Memo::new(move |_| {
        app.cohort
            .with(|c| c.nominal(&id.read_value()).map(|n| n.display_name()))
    });
    let signed = Memo::new(move |_| {
        let today = app.today.get();
        app.cohort
            .with(|c| c.signed_briefing(&id.read_value(), today).cloned())
    });
    let started = Memo::new(move |_| flow.briefing.with(Option::is_some));
    let title = Signal::derive(move || {
        let id = id.get_value();
        match (name.with(Option::is_some), step.get()) {
            (false, _) => "Nominal not found".to_string(),
            (true, Step::TaskList) => format!("Release-day briefing – {id}"),
            (true, s) => format!("{} – Release-day briefing – {id}", s.title()),
        }
    });
    let page = move || {
        let id = id.get_value();
        let Some(name) = name.get() else {
            return view! { <NominalNotFound /> }.into_any();
        };
        if let Some(b) = signed.get() {
            return view! { <sign_off::SignedOff briefing=b name /> }.into_any();
        }
        match flow.loaded() {
            Loaded::Loading => {
                return view! { <p class="body" role="status">"Opening the briefing…"</p> }
                    .into_any()
            }
            Loaded::Failed(why) => {
                return view! {
                    <h1 class="heading-l">"The briefing could not be opened"</h1>
                    <p class="body">{why}</p>
                    <p class="body"><A href=routes::nominal(&id)>"Back to the nominal"</A></p>
                }
                .into_any()
            }
            Loaded::Ready => {}
        }
        if !started.get() {
            return view! {
                <A href=routes::nominal(&id) attr:class="back-link">"Back to nominal"</A>
                <span class="caption">{name}</span>
                <h1 class="heading-l">"No briefing to do today"</h1>
                <p class="body">"The order is not in force today, so there are no conditions to go through. The release-day briefing opens on the day the order comes into force."</p>
            }
            .into_any();
        }
        match step.get() {
            Step::TaskList | Step::SignedOff => view! { <task_list::TaskList name /> }.into_any(),
            Step::Condition(condition_id) => {
                view! { <condition::ConditionStep condition_id /> }.into_any()
            }
            Step::BodyWornVideo => view! { <tasks::VideoStep /> }.into_any(),
            Step::CopyOfOrder => view! { <tasks::CopyStep /> }.into_any(),
            Step::ProbationPoint => view! { <tasks::ProbationStep /> }.into_any(),
            Step::SignOff => view! { <sign_off::SignOffStep name /> }.into_any(),
            Step::Unknown => view! {
                <h1 class="heading-l">"Page not found"</h1>
                <p class="body"><A href=Step::TaskList.path(&id)>"Go to the briefing task list"</A></p>
            }
            .into_any(),
        }
    };
    view! { <Page title>{page}</Page> }
}

/// "Back to task list", at the top of every task page.
#[component]
fn BackToTasks() -> impl IntoView {
    let flow = use_flow();
    let href = Step::TaskList.path(&flow.nominal_id.get_value());
    view! { <A href attr:class="back-link">"Back to task list"</A> }
}

/// Whether what the officer recorded is safely on the phone.
#[component]
fn SavedStatus() -> impl IntoView {
    view! { <DraftStatus status=use_flow().draft.status /> }
}

#[cfg(test)]
mod tests {
    use super::Step;

    #[test]
    fn steps_round_trip_through_their_addresses() {
        for step in [
            Step::TaskList,
            Step::Condition("C-0001-03".into()),
            Step::BodyWornVideo,
            Step::CopyOfOrder,
            Step::ProbationPoint,
            Step::SignOff,
            Step::SignedOff,
        ] {
            let path = step.path("N-0001");
            let tail = path.strip_prefix("/nominal/N-0001/briefing").unwrap();
            assert_eq!(Step::parse(tail), step, "{path}");
        }
        assert_eq!(Step::parse("condition/"), Step::Unknown);
        assert_eq!(Step::parse("condition/a/b"), Step::Unknown);
        assert_eq!(Step::parse("nonsense"), Step::Unknown);
    }
}
