//! The tasks after the conditions: body-worn video, the copy of the order, and the point that
//! telling probation is not telling police.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::flow::{use_flow, Flow};
use super::{next_path, BackToTasks, SavedStatus};
use crate::domain::{BriefingGap, BriefingTask, CopyOfOrder};
use crate::ui::components::{CheckboxItem, Checkboxes, Input, Legend, RadioItem, Radios, Textarea};

/// The message for a gap of this kind, once a sign-off has been refused.
fn gap_message(flow: Flow, wanted: BriefingGap) -> Signal<Option<String>> {
    Signal::derive(move || {
        if !flow.show_gaps.get() {
            return None;
        }
        let live = flow.live_ids();
        flow.read(|b| b.gaps(&live).contains(&wanted).then(|| wanted.to_string()))
    })
}

/// Submitting a task page saves and moves on to the next task.
fn continue_to(flow: Flow, task: BriefingTask) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    let next = next_path(flow, &task);
    let navigate = use_navigate();
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flow.save_now();
        navigate(&next, Default::default());
    }
}

#[component]
pub fn VideoStep() -> impl IntoView {
    let flow = use_flow();
    let not_on = gap_message(flow, BriefingGap::BodyWornVideoNotConfirmed);
    let no_reference = gap_message(flow, BriefingGap::BodyWornVideoReferenceMissing);
    view! {
        <BackToTasks />
        <h1 class="heading-l">"Body-worn video"</h1>
        <p class="body">
            "The recording is the evidence that the nominal was told the terms of the order and agreed to them."
        </p>
        <form on:submit=continue_to(flow, BriefingTask::BodyWornVideo) novalidate>
            <Checkboxes id="bwv" items=vec![
                CheckboxItem::new("bwv-on", "Body-worn video was recording throughout the briefing",
                    Signal::derive(move || flow.read(|b| b.body_worn_video_on)),
                    Callback::new(move |on| flow.choose(|b| b.body_worn_video_on = on)))
                    .error_message(not_on),
            ] />
            <Input id="bwv-reference" label="Body-worn video reference"
                hint="As shown on the camera or the evidence system."
                error_message=no_reference
                autocomplete="off" spellcheck="false"
                value=Signal::derive(move || flow.read(|b| b.body_worn_video_reference.clone()))
                on_input=move |text| flow.type_in(|b| b.body_worn_video_reference = text)
                on_change=move |()| flow.save_now() />
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
}

#[component]
pub fn CopyStep() -> impl IntoView {
    let flow = use_flow();
    // The reason is kept while "Yes" is chosen, so changing back to "No" brings it back.
    let reason = RwSignal::new(flow.read(|b| match &b.copy_of_order {
        CopyOfOrder::NotHandedOver { reason } => reason.clone(),
        _ => String::new(),
    }));
    let choice = move || flow.read(|b| b.copy_of_order.clone());
    let not_recorded = gap_message(flow, BriefingGap::CopyOfOrderNotRecorded);
    let no_reason = gap_message(flow, BriefingGap::NoReasonCopyNotHandedOver);
    let not_handed = move || matches!(choice(), CopyOfOrder::NotHandedOver { .. });
    view! {
        <BackToTasks />
        <form on:submit=continue_to(flow, BriefingTask::CopyOfOrder) novalidate>
            <Radios id="copy-yes" name="copy"
                legend=Legend::heading("Did you hand over a copy of the order?")
                hint="Give a copy whenever the order is complex, so the nominal can check what it says."
                error_message=not_recorded
                items=vec![
                    RadioItem::new("copy-yes", "Yes, I handed over a copy",
                        Signal::derive(move || choice() == CopyOfOrder::HandedOver),
                        Callback::new(move |()| flow.choose(|b| b.copy_of_order = CopyOfOrder::HandedOver))),
                    RadioItem::new("copy-no", "No, I did not hand over a copy",
                        Signal::derive(not_handed),
                        Callback::new(move |()| {
                            let reason = reason.get_untracked();
                            flow.choose(|b| b.copy_of_order = CopyOfOrder::NotHandedOver { reason });
                        })),
                ]>
                <Show when=not_handed>
                    <Textarea id="copy-reason" label="Why not?" rows=3
                        group_classes="radios__conditional" group_id="copy-reason-group"
                        hint="For example, the nominal refused it, or the court has not yet sent a certified copy."
                        error_message=no_reason
                        value=reason
                        on_input=move |text: String| {
                            reason.set(text.clone());
                            flow.type_in(|b| b.copy_of_order = CopyOfOrder::NotHandedOver { reason: text });
                        }
                        on_change=move |()| flow.save_now() />
                </Show>
            </Radios>
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
}

#[component]
pub fn ProbationStep() -> impl IntoView {
    let flow = use_flow();
    let not_confirmed = gap_message(flow, BriefingGap::ProbationPointNotConfirmed);
    let duties: Vec<String> = flow.live.with_untracked(|cs| {
        cs.iter()
            .filter(|c| c.notification.is_some())
            .map(|c| c.summary.clone())
            .collect()
    });
    let duties = (!duties.is_empty()).then(|| {
        view! {
            <h2 class="heading-m">"What this order says they must tell police"</h2>
            <ul class="list">{duties.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <BackToTasks />
        <h1 class="heading-l">"Telling probation is not telling police"</h1>
        <p class="body">
            "Some nominals have believed that telling their probation officer was the same as telling the police. It is not. Make the point plainly, in words like these:"
        </p>
        <blockquote class="inset-text briefing-script">
            <p class="body">"Your probation officer is not the police."</p>
            <p class="body">"When this order says you must tell the police something, you must tell the police yourself, and in time."</p>
            <p class="body">"Telling your probation officer does not count as telling the police. If you only tell probation, you have broken the order."</p>
        </blockquote>
        {duties}
        <form on:submit=continue_to(flow, BriefingTask::ProbationPoint) novalidate>
            <Checkboxes id="probation" items=vec![
                CheckboxItem::new("probation-point",
                    "I said this and the nominal said they understood that telling probation is not telling police",
                    Signal::derive(move || flow.read(|b| b.probation_is_not_police_confirmed)),
                    Callback::new(move |on| flow.choose(|b| b.probation_is_not_police_confirmed = on)))
                    .error_message(not_confirmed),
            ] />
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
}
