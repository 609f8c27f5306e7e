//! Check answers and sign off; and the confirmation once signed. Signing off is refused while
//! anything is missing: every gap is listed, each a link to the task that puts it right, and
//! nothing recorded is lost.

use gloo::timers::callback::Interval;
use leptos::prelude::*;
use leptos_router::components::A;

use super::flow::{use_flow, Flow};
use super::{task_path, BackToTasks, SavedStatus, Step};
use crate::domain::field::briefing::IncompleteBriefing;
use crate::domain::time::dates::format_date_time;
use crate::domain::{Briefing, BriefingGap, BriefingTask, CopyOfOrder, SignOff};
use crate::ui::components::{ErrorSummaryList, SummaryList, SummaryRow};
use crate::ui::records::submit_and_open;
use crate::ui::{device_now, routes, use_app};

/// The field on a task page that puts a gap right.
fn field_of(gap: &BriefingGap) -> &'static str {
    match gap {
        BriefingGap::ConditionNotExplained { .. } => "explained",
        BriefingGap::ConditionNotUnderstood { .. } => "understood",
        BriefingGap::BodyWornVideoNotConfirmed => "bwv-on",
        BriefingGap::BodyWornVideoReferenceMissing => "bwv-reference",
        BriefingGap::CopyOfOrderNotRecorded => "copy-yes",
        BriefingGap::NoReasonCopyNotHandedOver => "copy-reason",
        BriefingGap::ProbationPointNotConfirmed => "probation-point",
    }
}

/// Each gap as (link, message). A condition's gap names the condition, and a condition neither
/// explained nor understood is one line, not two, so the list stays readable on a phone.
fn gap_links(flow: Flow, gaps: &[BriefingGap]) -> Vec<(String, String)> {
    let id = flow.nominal_id.get_value();
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, gap) in gaps.iter().enumerate() {
        let href = format!("{}#{}", task_path(&id, &gap.task()), field_of(gap));
        let message = match gap {
            BriefingGap::ConditionNotExplained { condition_id }
            | BriefingGap::ConditionNotUnderstood { condition_id } => {
                let both = matches!(gap, BriefingGap::ConditionNotExplained { .. })
                    && gaps.get(i + 1)
                        == Some(&BriefingGap::ConditionNotUnderstood {
                            condition_id: condition_id.clone(),
                        });
                let follows_its_pair = i > 0
                    && matches!(gap, BriefingGap::ConditionNotUnderstood { .. })
                    && gaps[i - 1]
                        == BriefingGap::ConditionNotExplained {
                            condition_id: condition_id.clone(),
                        };
                if follows_its_pair {
                    continue;
                }
                let summary = flow.live.with_untracked(|cs| {
                    cs.iter()
                        .find(|c| &c.id == condition_id)
                        .map(|c| c.summary.trim_end_matches('.').to_string())
                        .unwrap_or_else(|| condition_id.clone())
                });
                let what = if both {
                    "Go through the condition with the nominal".to_string()
                } else {
                    gap.to_string()
                };
                format!("{what}: “{summary}”")
            }
            _ => gap.to_string(),
        };
        out.push((href, message));
    }
    out
}

#[component]
pub fn SignOffStep(name: String) -> impl IntoView {
    let app = use_app();
    let flow = use_flow();
    let id = flow.nominal_id.get_value();
    let officer = app.officer();
    let now = RwSignal::new(device_now());
    let clock = Interval::new(15_000, move || {
        let _ = now.try_set(device_now());
    });
    // Dropped (stopped) with the page.
    StoredValue::new_local(clock);
    let problems = RwSignal::new(Vec::<(String, String)>::new());
    let done = Step::SignedOff.path(&id);
    let save = submit_and_open(
        flow.draft,
        move |_: &Briefing| done.clone(),
        move |e| {
            problems.try_set(vec![(
                "#sign-off".into(),
                format!("The briefing was not signed off: {e}"),
            )]);
        },
    );
    let signing = save.pending();
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if signing.get_untracked() {
            return;
        }
        let Some(mut briefing) = flow.briefing.get_untracked() else {
            return;
        };
        let officer = app.officer();
        let signed = SignOff {
            officer_id: officer.id,
            officer_name: officer.name,
            at: device_now(),
        };
        if let Err(IncompleteBriefing(gaps)) = briefing.sign_off(&flow.live_ids(), signed) {
            flow.show_gaps.set(true);
            problems.set(gap_links(flow, &gaps));
            return;
        }
        problems.set(vec![]);
        save.dispatch_local(briefing);
    };
    let conditions = flow
        .live
        .get_untracked()
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let cid = c.id.clone();
            let state = move || {
                flow.read(|b| match b.condition(&cid) {
                    Some(e) if e.explained && e.understood => "Explained and understood",
                    Some(e) if e.explained => "Explained, not yet understood",
                    Some(e) if e.understood => "Understood, not marked as explained",
                    _ => "Not gone through",
                })
            };
            let cid = c.id.clone();
            let question = move || flow.read(|b| b.condition(&cid).map(|e| e.question.trim().to_string()).unwrap_or_default());
            let href = task_path(&id, &BriefingTask::Condition(c.id.clone()));
            view! {
                <SummaryRow key=c.summary.clone() action_href=href action_hidden=format!("condition {}", i + 1)>
                    <p class="summary-list__line">{state}</p>
                    {move || {
                        let q = question();
                        (!q.is_empty()).then(|| view! { <p class="summary-list__line hint">"Question: " {q}</p> })
                    }}
                </SummaryRow>
            }
        })
        .collect_view();
    let video = move || {
        flow.read(
            |b| match (b.body_worn_video_on, b.body_worn_video_reference.trim()) {
                (true, "") => "Recording, no reference entered".to_string(),
                (true, r) => format!("Recording, reference {r}"),
                (false, "") => "Not confirmed".to_string(),
                (false, r) => format!("Not confirmed as recording (reference {r})"),
            },
        )
    };
    let copy = move || {
        flow.read(|b| match &b.copy_of_order {
            CopyOfOrder::NotRecorded => "Not recorded".to_string(),
            CopyOfOrder::HandedOver => "Handed over".to_string(),
            CopyOfOrder::NotHandedOver { reason } if reason.trim().is_empty() => {
                "Not handed over, no reason given".to_string()
            }
            CopyOfOrder::NotHandedOver { reason } => format!("Not handed over: {}", reason.trim()),
        })
    };
    let probation = move || {
        if flow.read(|b| b.probation_is_not_police_confirmed) {
            "Said and understood"
        } else {
            "Not confirmed"
        }
    };
    let video_href = task_path(&id, &BriefingTask::BodyWornVideo);
    let copy_href = task_path(&id, &BriefingTask::CopyOfOrder);
    let probation_href = task_path(&id, &BriefingTask::ProbationPoint);
    view! {
        <ErrorSummaryList items=problems.into() title="You cannot sign off yet"
            description="Everything you recorded is kept. Put these right, then sign off:" />
        <BackToTasks />
        <span class="caption">{name}</span>
        <h1 class="heading-l">"Check your answers and sign off"</h1>
        <h2 class="heading-m">"Conditions"</h2>
        <SummaryList>{conditions}</SummaryList>
        <h2 class="heading-m">"Before you finish"</h2>
        <SummaryList>
            <SummaryRow key="Body-worn video" action_href=video_href action_hidden="body-worn video">{video}</SummaryRow>
            <SummaryRow key="Copy of the order" action_href=copy_href action_hidden="copy of the order">{copy}</SummaryRow>
            <SummaryRow key="Telling probation is not telling police" action_href=probation_href action_hidden="the probation point">{probation}</SummaryRow>
        </SummaryList>
        <h2 class="heading-m">"Sign off"</h2>
        <SummaryList>
            <SummaryRow key="Officer">{officer.name}</SummaryRow>
            <SummaryRow key="Time">{move || format_date_time(now.get())}</SummaryRow>
        </SummaryList>
        <form on:submit=sign novalidate>
            <p class="body">"By signing off you confirm that you went through every condition above with the nominal, on body-worn video."</p>
            <button class="button" type="submit" id="sign-off" disabled=move || signing.get()>
                {move || if signing.get() { "Signing off…" } else { "Sign off briefing" }}
            </button>
        </form>
        <SavedStatus />
    }
}

/// The briefing is signed off: it is a record on the nominal's timeline and in the outbox.
#[component]
pub fn SignedOff(briefing: Briefing, name: String) -> impl IntoView {
    let id = briefing.nominal_id.clone();
    let when = briefing
        .signed_off
        .as_ref()
        .map(|s| format!("{} by {}", format_date_time(s.at), s.officer_name))
        .unwrap_or_default();
    view! {
        <div class="panel panel--confirmation">
            <h1 class="heading-l">"Briefing signed off"</h1>
            <p class="body">{when}</p>
        </div>
        <p class="body">
            {format!("The release-day briefing is on {name}'s timeline and waiting to be sent to the team with your other records.")}
        </p>
        <p class="body"><A href=routes::nominal(&id)>{format!("Back to {name}")}</A></p>
    }
}
