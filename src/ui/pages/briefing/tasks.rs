//! The tasks after the conditions: body-worn video, the copy of the order, and the point that
//! telling probation is not telling police.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::flow::{use_flow, Flow};
use super::{next_path, BackToTasks, GapMessage, SavedStatus};
use crate::domain::{BriefingGap, BriefingTask, CopyOfOrder};

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
            <div class="form-group" class:form-group--error=move || not_on.get().is_some()>
                <GapMessage id="bwv-on-error" message=not_on />
                <div class="checkboxes__item">
                    <input class="checkboxes__input" id="bwv-on" type="checkbox"
                        prop:checked=move || flow.read(|b| b.body_worn_video_on)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            flow.choose(|b| b.body_worn_video_on = on);
                        } />
                    <label class="label checkboxes__label" for="bwv-on">"Body-worn video was recording throughout the briefing"</label>
                </div>
            </div>
            <div class="form-group" class:form-group--error=move || no_reference.get().is_some()>
                <label class="label" for="bwv-reference">"Body-worn video reference"</label>
                <p class="hint" id="bwv-reference-hint">"As shown on the camera or the evidence system."</p>
                <GapMessage id="bwv-reference-error" message=no_reference />
                <input class="input" id="bwv-reference" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby="bwv-reference-hint"
                    prop:value=move || flow.read(|b| b.body_worn_video_reference.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        flow.type_in(|b| b.body_worn_video_reference = text);
                    }
                    on:change=move |_| flow.save_now() />
            </div>
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
            <div class="form-group" class:form-group--error=move || not_recorded.get().is_some()>
                <fieldset class="fieldset" aria-describedby="copy-hint">
                    <legend class="fieldset__legend fieldset__legend--page">
                        <h1 class="heading-l">"Did you hand over a copy of the order?"</h1>
                    </legend>
                    <p class="hint" id="copy-hint">"Give a copy whenever the order is complex, so the nominal can check what it says."</p>
                    <GapMessage id="copy-yes-error" message=not_recorded />
                    <div class="radios__item">
                        <input class="radios__input" id="copy-yes" name="copy" type="radio"
                            prop:checked=move || choice() == CopyOfOrder::HandedOver
                            on:change=move |_| flow.choose(|b| b.copy_of_order = CopyOfOrder::HandedOver) />
                        <label class="label radios__label" for="copy-yes">"Yes, I handed over a copy"</label>
                    </div>
                    <div class="radios__item">
                        <input class="radios__input" id="copy-no" name="copy" type="radio"
                            prop:checked=not_handed
                            on:change=move |_| {
                                let reason = reason.get_untracked();
                                flow.choose(|b| b.copy_of_order = CopyOfOrder::NotHandedOver { reason });
                            } />
                        <label class="label radios__label" for="copy-no">"No, I did not hand over a copy"</label>
                    </div>
                </fieldset>
            </div>
            <Show when=not_handed>
                <div class="form-group radios__conditional" id="copy-reason-group"
                    class:form-group--error=move || no_reason.get().is_some()>
                    <label class="label" for="copy-reason">"Why not?"</label>
                    <p class="hint" id="copy-reason-hint">"For example, the nominal refused it, or the court has not yet sent a certified copy."</p>
                    <GapMessage id="copy-reason-error" message=no_reason />
                    <textarea class="textarea" id="copy-reason" rows="3" aria-describedby="copy-reason-hint"
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            reason.set(text.clone());
                            flow.type_in(|b| b.copy_of_order = CopyOfOrder::NotHandedOver { reason: text });
                        }
                        on:change=move |_| flow.save_now()></textarea>
                </div>
            </Show>
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
            <div class="form-group" class:form-group--error=move || not_confirmed.get().is_some()>
                <GapMessage id="probation-point-error" message=not_confirmed />
                <div class="checkboxes__item">
                    <input class="checkboxes__input" id="probation-point" type="checkbox"
                        prop:checked=move || flow.read(|b| b.probation_is_not_police_confirmed)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            flow.choose(|b| b.probation_is_not_police_confirmed = on);
                        } />
                    <label class="label checkboxes__label" for="probation-point">"I said this and the nominal said they understood that telling probation is not telling police"</label>
                </div>
            </div>
            <button class="button" type="submit">"Continue"</button>
        </form>
        <SavedStatus />
    }
}
