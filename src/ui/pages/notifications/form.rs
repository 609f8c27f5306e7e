//! Record a notification: what it was (which preselects the condition carrying that duty), the
//! details, when it happened and when police were told, with the deadline judged at once.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::TimelinessLine;
use crate::domain::forms::notification_form::NotificationDraft;
use crate::domain::{Condition, Notification, NotificationKind};
use crate::ui::components::{
    error_for, CheckboxItem, ErrorSummary, FieldError, FieldMessage, Input, NominalNotFound, Page,
    RadioItem, Radios, Select, Textarea,
};
use crate::ui::draft::{Draft, DraftKey, DraftStatus};
use crate::ui::records::submit_and_open;
use crate::ui::{device_now, new_record_id, routes, use_app};

fn blank(d: &NotificationDraft) -> bool {
    d.kind.is_none() && d.details.trim().is_empty() && d.event_on.is_empty() && !d.not_told_yet
}

/// `/nominal/:id/notifications/new`.
#[component]
pub fn RecordNotificationPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let nominal_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let id = nominal_id.get();
        match app
            .cohort
            .with_untracked(|c| c.nominal(&id).map(|n| n.display_name()))
        {
            Some(name) => view! { <NotificationForm nominal_id=id name /> }.into_any(),
            None => view! { <NominalNotFound /> }.into_any(),
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
    // Conditions that oblige the nominal to tell police something, in force on the day of the
    // event (today until it is entered), worded as then.
    let duties_nominal = nominal_id.clone();
    let duties = Memo::new(move |_| {
        let d = draft.get();
        app.cohort.with(|c| {
            d.duties(c, &duties_nominal, today)
                .into_iter()
                .cloned()
                .collect::<Vec<Condition>>()
        })
    });
    let kind = move || draft.with(|d| d.kind);
    let preview = move || {
        let d = draft.get();
        let t = app.cohort.with(|c| d.preview(c, today))?;
        let told = if d.not_told_yet {
            None
        } else {
            crate::domain::time::dates::parse_iso_date(&d.notified_on)
        };
        Some(view! { <TimelinessLine t notified_on=told /> })
    };
    let save = submit_and_open(
        keeper,
        |n: &Notification| routes::notification_recorded(&n.nominal_id, &n.id),
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
    let error = move |field| error_for(errors.into(), field);
    let event_label = Signal::derive(move || {
        kind()
            .map(|k| k.event_question())
            .unwrap_or("When did it happen?")
            .to_string()
    });
    let value =
        move |get: fn(&NotificationDraft) -> String| Signal::derive(move || draft.with(get));
    let input = move |set: fn(&mut NotificationDraft, String)| {
        Callback::new(move |v: String| keeper.edit(|d| set(d, v)))
    };
    let kinds = move || {
        NotificationKind::ALL
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let input_id = if i == 0 {
                    "notification-kind".to_string()
                } else {
                    format!("notification-kind-{i}")
                };
                let nominal = id.get_value();
                RadioItem::new(
                    input_id,
                    k.label(),
                    Signal::derive(move || kind() == Some(k)),
                    Callback::new(move |()| {
                        app.cohort.with_untracked(|c| {
                            keeper.edit(|d| d.choose_kind(k, c, &nominal, today))
                        });
                    }),
                )
            })
            .collect::<Vec<_>>()
    };
    let title = format!("Record a notification – {nominal_id}");
    view! {
        <Page title>
        <ErrorSummary errors=errors.into() />
        <A href=routes::notifications(&nominal_id) attr:class="back-link">"Back to notifications"</A>
        <span class="caption">{name}</span>
        <h1 class="heading-l">"Record a notification"</h1>
        <Show when=move || keeper.loaded.get() fallback=|| view! { <p class="body" role="status">"Opening…"</p> }>
        <form on:submit=submit novalidate>
            <Radios id="notification-kind" name="notification-kind" legend="What did they notify?"
                error_message=error("notification-kind")
                items=kinds() />

            <Select id="notification-condition" label="Condition that sets the duty"
                hint="Chosen from what they notified. Change it if another condition applies."
                on_change=move |v: String| keeper.edit(|d| d.condition_id = (!v.is_empty()).then_some(v))>
                <option value="" selected=move || draft.with(|d| d.condition_id.is_none())>"No condition sets a deadline for this"</option>
                {move || duties.get().into_iter().map(|c| {
                    let cid = c.id.clone();
                    let deadline = c.notification.as_ref().map(|d| d.deadline.describe()).unwrap_or_default();
                    view! {
                        <option value=c.id.clone() selected=move || draft.with(|d| d.condition_id.as_deref() == Some(cid.as_str()))>
                            {format!("{} ({deadline})", c.summary)}
                        </option>
                    }
                }).collect_view()}
            </Select>

            <Textarea id="notification-details" label="Details" rows=3
                hint="For example the number and handset, the registration, the new address, or the destination and dates."
                error_message=error("notification-details")
                value=value(|d| d.details.clone())
                on_input=input(|d, v| d.details = v) />

            <Input id="event-on" label=event_label input_type="date" classes="input--date"
                error_message=error("event-on")
                value=value(|d| d.event_on.clone())
                on_input=Callback::new(move |v: String| {
                    let nominal = id.get_value();
                    app.cohort.with_untracked(|c| keeper.edit(|d| d.set_event_on(v, c, &nominal)));
                }) />

            <Input id="notified-on" label="When were police told?" input_type="date" classes="input--date"
                hint="Today, unless they told police earlier. Telling probation does not count."
                error_message=error("notified-on")
                max=crate::domain::time::dates::iso_date(today)
                disabled=Signal::derive(move || draft.with(|d| d.not_told_yet))
                value=value(|d| d.notified_on.clone())
                on_input=input(|d, v| d.notified_on = v)>
                {CheckboxItem::new(
                    "not-told-yet",
                    "They have not told police yet (police found out another way)",
                    Signal::derive(move || draft.with(|d| d.not_told_yet)),
                    Callback::new(move |on| keeper.edit(|d| d.not_told_yet = on)),
                )
                .into_view()}
            </Input>

            <div class="timeliness-preview" role="status" aria-live="polite">
                {preview}
            </div>

            <FieldMessage errors=errors.into() field="save-notification" />
            <button class="button" type="submit" id="save-notification" disabled=move || saving.get()>"Save notification"</button>
        </form>
        <DraftStatus status=keeper.status />
        </Show>
        </Page>
    }
}
