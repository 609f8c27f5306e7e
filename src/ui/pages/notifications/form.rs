//! Record a notification: what it was (which preselects the condition carrying that duty), the
//! details, when it happened and when police were told, with the deadline judged at once.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::TimelinessLine;
use crate::domain::notification_form::NotificationDraft;
use crate::domain::{Condition, Notification, NotificationKind};
use crate::ui::components::{ErrorSummary, FieldError, FieldMessage};
use crate::ui::draft::{Draft, DraftKey, DraftStatus};
use crate::ui::pages::breach::page_title;
use crate::ui::records::submit_and_open;
use crate::ui::{device_now, new_record_id, use_app};

fn blank(d: &NotificationDraft) -> bool {
    d.kind.is_none() && d.details.trim().is_empty() && d.event_on.is_empty() && !d.not_told_yet
}

/// `/nominal/:id/notifications/new`.
#[component]
pub fn RecordNotificationPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let nominal_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    page_title("Record a notification");
    move || {
        let id = nominal_id.get();
        match app
            .cohort
            .with_untracked(|c| c.nominal(&id).map(|n| n.display_name()))
        {
            Some(name) => view! { <NotificationForm nominal_id=id name /> }.into_any(),
            None => view! {
                <h1 class="heading-l">"Nominal not found"</h1>
                <p class="body"><A href="/">"Back to the cohort"</A></p>
            }
            .into_any(),
        }
    }
}

#[component]
fn NotificationForm(nominal_id: String, name: String) -> impl IntoView {
    let app = use_app();
    let today = app.today.get_untracked();
    let keeper = Draft::open(
        DraftKey::Notification(nominal_id.clone()),
        NotificationDraft::new(today),
        blank,
    );
    let draft = keeper.value;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let id = StoredValue::new(nominal_id.clone());
    // Conditions that oblige the nominal to tell police something, in force today.
    let duties: StoredValue<Vec<Condition>> = StoredValue::new(app.cohort.with_untracked(|c| {
        c.live_conditions(&nominal_id, today)
            .into_iter()
            .filter(|x| x.notification.is_some())
            .cloned()
            .collect()
    }));
    let kind = move || draft.with(|d| d.kind);
    let preview = move || {
        let d = draft.get();
        let t = app.cohort.with(|c| d.preview(c, today))?;
        let told = if d.not_told_yet {
            None
        } else {
            chrono::NaiveDate::parse_from_str(&d.notified_on, "%Y-%m-%d").ok()
        };
        Some(view! { <TimelinessLine t notified_on=told /> })
    };
    let save = submit_and_open(
        keeper,
        |n: &Notification| format!("/nominal/{}/notifications?recorded={}", n.nominal_id, n.id),
        move |e| {
            errors.try_set(vec![FieldError::new(
                "save-notification",
                format!("The notification was not saved: {e}"),
            )]);
        },
    );
    let saving = save.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let officer = app.officer();
        let n = draft.with_untracked(|d| {
            d.to_notification(
                new_record_id("NT"),
                &id.get_value(),
                &officer.id,
                device_now(),
            )
        });
        let n = match n {
            Ok(n) => n,
            Err(problems) => {
                errors.set(
                    problems
                        .into_iter()
                        .map(|p| FieldError::new(p.field.id(), p.message))
                        .collect(),
                );
                return;
            }
        };
        errors.set(vec![]);
        save.dispatch_local(n);
    };
    let has =
        move |field: &'static str| move || errors.with(|e| e.iter().any(|x| x.field == field));
    let event_label = move || {
        kind()
            .map(|k| k.event_question())
            .unwrap_or("When did it happen?")
    };
    let input = move |set: fn(&mut NotificationDraft, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            keeper.edit(|d| set(d, v));
        }
    };
    view! {
        <ErrorSummary errors=errors.into() />
        <A href=format!("/nominal/{nominal_id}/notifications") attr:class="back-link">"Back to notifications"</A>
        <span class="caption">{name}</span>
        <h1 class="heading-l">"Record a notification"</h1>
        <Show when=move || keeper.loaded.get() fallback=|| view! { <p class="body" role="status">"Opening…"</p> }>
        <form on:submit=submit novalidate>
            <div class="form-group" class:form-group--error=has("notification-kind")>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"What did they notify?"</legend>
                    <FieldMessage errors=errors.into() field="notification-kind" />
                    {NotificationKind::ALL.into_iter().enumerate().map(|(i, k)| {
                        let input_id = if i == 0 { "notification-kind".to_string() } else { format!("notification-kind-{i}") };
                        let nominal = id.get_value();
                        view! {
                            <div class="radios__item">
                                <input class="radios__input" type="radio" name="notification-kind" id=input_id.clone()
                                    prop:checked=move || kind() == Some(k)
                                    on:change=move |_| {
                                        let nominal = nominal.clone();
                                        app.cohort.with_untracked(|c| keeper.edit(|d| d.choose_kind(k, c, &nominal, today)));
                                    } />
                                <label class="radios__label" for=input_id>{k.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </div>

            <div class="form-group">
                <label class="label" for="notification-condition">"Condition that sets the duty"</label>
                <p class="hint" id="notification-condition-hint">"Chosen from what they notified. Change it if another condition applies."</p>
                <select class="select" id="notification-condition" aria-describedby="notification-condition-hint"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        keeper.edit(|d| d.condition_id = (!v.is_empty()).then_some(v));
                    }>
                    <option value="" selected=move || draft.with(|d| d.condition_id.is_none())>"No condition sets a deadline for this"</option>
                    {duties.get_value().into_iter().map(|c| {
                        let cid = c.id.clone();
                        let deadline = c.notification.as_ref().map(|d| d.deadline.describe()).unwrap_or_default();
                        view! {
                            <option value=c.id.clone() selected=move || draft.with(|d| d.condition_id.as_deref() == Some(cid.as_str()))>
                                {format!("{} ({deadline})", c.summary)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>

            <div class="form-group" class:form-group--error=has("notification-details")>
                <label class="label" for="notification-details">"Details"</label>
                <p class="hint" id="notification-details-hint">"For example the number and handset, the registration, the new address, or the destination and dates."</p>
                <FieldMessage errors=errors.into() field="notification-details" />
                <textarea class="textarea" id="notification-details" rows="3" aria-describedby="notification-details-hint"
                    prop:value=move || draft.with(|d| d.details.clone())
                    on:input=input(|d, v| d.details = v)></textarea>
            </div>

            <div class="form-group" class:form-group--error=has("event-on")>
                <label class="label" for="event-on">{event_label}</label>
                <FieldMessage errors=errors.into() field="event-on" />
                <input class="input input--date" type="date" id="event-on"
                    prop:value=move || draft.with(|d| d.event_on.clone())
                    on:input=input(|d, v| d.event_on = v) on:change=input(|d, v| d.event_on = v) />
            </div>

            <div class="form-group" class:form-group--error=has("notified-on")>
                <label class="label" for="notified-on">"When were police told?"</label>
                <p class="hint" id="notified-on-hint">"Today, unless they told police earlier. Telling probation does not count."</p>
                <FieldMessage errors=errors.into() field="notified-on" />
                <input class="input input--date" type="date" id="notified-on" aria-describedby="notified-on-hint"
                    max=today.format("%Y-%m-%d").to_string()
                    disabled=move || draft.with(|d| d.not_told_yet)
                    prop:value=move || draft.with(|d| d.notified_on.clone())
                    on:input=input(|d, v| d.notified_on = v) on:change=input(|d, v| d.notified_on = v) />
                <div class="checkboxes__item">
                    <input class="checkboxes__input" type="checkbox" id="not-told-yet"
                        prop:checked=move || draft.with(|d| d.not_told_yet)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            keeper.edit(|d| d.not_told_yet = on);
                        } />
                    <label class="checkboxes__label" for="not-told-yet">"They have not told police yet (police found out another way)"</label>
                </div>
            </div>

            <div class="timeliness-preview" role="status" aria-live="polite">
                {preview}
            </div>

            <FieldMessage errors=errors.into() field="save-notification" />
            <button class="button" type="submit" id="save-notification" disabled=move || saving.get()>"Save notification"</button>
        </form>
        <DraftStatus status=keeper.status />
        </Show>
    }
}
