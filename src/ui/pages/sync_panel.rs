//! The team server on the Device page: enrol this phone, "Sync now", the last sync, the outbox
//! by state, each record's state and the transmission log; and the Cohort page's one line.

use crate::ui::browser::enrol_link_code;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use crate::domain::common::json;
use crate::domain::time::dates::format_date_time;
use crate::domain::OfficerRef;
use crate::store::{Enrolment, OutboxEntry, OutboxStatus, SyncStatus};
use crate::ui::components::{error_for, ErrorSummary, FieldError, Input, SummaryList, SummaryRow};
use crate::ui::session::sync::sync_soon;
use crate::ui::use_app;

/// "24 Nov 2026, 14:05", on the phone's clock.
pub fn local_time(t: DateTime<Utc>) -> String {
    format_date_time(t.with_timezone(&chrono::Local).naive_local())
}

/// The sync status, read again after every sync attempt. `None` while reading.
pub fn sync_status() -> ReadSignal<Option<SyncStatus>> {
    let app = use_app();
    let status = RwSignal::new(None::<SyncStatus>);
    Effect::new(move |_| {
        app.sync.changed.track();
        if let Some(store) = app.store() {
            spawn_local(async move {
                if let Ok(s) = store.sync_status().await {
                    status.set(Some(s));
                }
            });
        }
    });
    status.read_only()
}

/// The Cohort page's line: last synced, and how many records are waiting.
#[component]
pub fn CohortSyncLine() -> impl IntoView {
    let status = sync_status();
    let text = move || {
        let s = status.get()?;
        let waiting = s.counts.unacknowledged();
        let records = if waiting == 1 { "record" } else { "records" };
        Some(match (&s.enrolment, s.last_synced) {
            (None, _) => {
                "Not enrolled: records are kept on this phone and can be exported".to_string()
            }
            (Some(_), None) => format!("Not synced yet. {waiting} {records} waiting to be sent."),
            (Some(_), Some(t)) => format!(
                "Last synced {}. {waiting} {records} waiting to be sent.",
                local_time(t)
            ),
        })
    };
    view! { <p class="body-s" id="sync-line">{text}</p> }
}

#[derive(Deserialize)]
struct Enrolled {
    device_id: String,
    credential: String,
    officer: OfficerRef,
}

/// POST /api/enrol. The server's message in words on failure.
async fn enrol_call(code: &str) -> Result<Enrolment, String> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let offline = || "This phone cannot reach the team server. Check the signal and try again.";
    let body = serde_json::json!({"code": code, "label": "SCPO Field"}).to_string();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    let headers = web_sys::Headers::new().map_err(|_| offline())?;
    let _ = headers.set("Content-Type", "application/json");
    init.set_headers(&headers);
    let req =
        web_sys::Request::new_with_str_and_init("/api/enrol", &init).map_err(|_| offline())?;
    let window = web_sys::window().ok_or_else(offline)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(|_| offline())?
        .unchecked_into();
    let text = JsFuture::from(resp.text().map_err(|_| offline())?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    if resp.status() == 200 {
        let e: Enrolled = json::from_bytes(text.as_bytes())
            .ok_or_else(|| "The team server's answer was not understood.".to_string())?;
        return Ok(Enrolment {
            device_id: e.device_id,
            credential: e.credential,
            officer: e.officer,
        });
    }
    let said = json::parse(text.as_bytes())
        .ok()
        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned));
    Err(said.unwrap_or_else(|| "The team server could not enrol this phone. Try again.".into()))
}

/// "Enrol this phone": one input for the code.
#[component]
pub fn EnrolForm() -> impl IntoView {
    let app = use_app();
    let code = RwSignal::new(enrol_link_code().unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let enrol = Action::new_local(move |typed: &String| {
        let typed = typed.clone();
        async move {
            let Some(store) = app.store() else { return };
            let result = match enrol_call(&typed).await {
                Ok(e) => store.save_enrolment(e).await.map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    crate::ui::browser::forget_enrol_link();
                    errors.try_set(vec![]);
                    code.try_set(String::new());
                    app.sync.changed.update(|n| *n += 1);
                    sync_soon(app, true);
                }
                Err(e) => {
                    errors.try_set(vec![FieldError::new("enrol-code", e)]);
                }
            }
        }
    });
    let enrolling = enrol.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked().trim().to_uppercase();
        if typed.is_empty() {
            errors.set(vec![FieldError::new(
                "enrol-code",
                "Enter the enrolment code your supervisor gave you",
            )]);
            return;
        }
        if !enrolling.get_untracked() {
            enrol.dispatch_local(typed);
        }
    };
    view! {
        <ErrorSummary errors=errors.into() />
        <form on:submit=submit novalidate>
            <Input id="enrol-code" label="Enrolment code"
                hint="The code your supervisor gave you, for example K7Q2-9XHM. It works once, within 15 minutes."
                error_message=error_for(errors.into(), "enrol-code")
                autocomplete="off" spellcheck="false" autocapitalize="characters"
                value=code on_input=move |v| code.set(v) />
            <button class="button" type="submit" disabled=move || enrolling.get()>"Enrol this phone"</button>
        </form>
    }
}

fn status_tag(s: &OutboxStatus) -> &'static str {
    match s {
        OutboxStatus::Waiting => "tag tag--yellow",
        OutboxStatus::Sent => "tag tag--blue",
        OutboxStatus::Acknowledged => "tag tag--green",
        OutboxStatus::Rejected { .. } => "tag tag--red",
    }
}

fn kind_words(kind: &str) -> &'static str {
    match kind {
        "contact" => "Contact",
        "notification" => "Notification",
        "briefing" => "Briefing",
        "breach_report" => "Breach report",
        "exhibit" => "Photo exhibit",
        "exhibit_withdrawal" => "Exhibit withdrawal",
        "recall_referral" => "Recall referral",
        "referral_status" => "Recall referral status",
        "release" => "Release",
        _ => "Record",
    }
}

/// The Device page's "Team server" section.
#[component]
pub fn SyncSection() -> impl IntoView {
    let app = use_app();
    let status = sync_status();
    let entries = RwSignal::new(Vec::<OutboxEntry>::new());
    Effect::new(move |_| {
        app.sync.changed.track();
        if let Some(store) = app.store() {
            spawn_local(async move {
                if let Ok(mut e) = store.outbox().await {
                    e.reverse();
                    entries.set(e);
                }
            });
        }
    });
    // A memo, so the form and the button are rebuilt only when the enrolment changes.
    let enrolled = Memo::new(move |_| {
        status.with(|s| {
            s.as_ref()
                .map(|s| s.enrolment.as_ref().map(|e| e.officer.clone()))
        })
    });
    let summary = move || {
        let s = status.get()?;
        let c = s.counts;
        Some(view! {
            <p class="body" id="sync-last">{match s.last_synced {
                Some(t) => format!("Last synced {}", local_time(t)),
                None => "Not synced yet".to_string(),
            }}</p>
            <SummaryList id="sync-counts">
                <SummaryRow key="Waiting">{c.waiting}</SummaryRow>
                <SummaryRow key="Sent, no answer yet">{c.sent}</SummaryRow>
                <SummaryRow key="Acknowledged">{c.acknowledged}</SummaryRow>
                <SummaryRow key="Rejected">{c.rejected}</SummaryRow>
            </SummaryList>
        })
    };
    view! {
        <h2 class="heading-m">"Team server"</h2>
        {move || match enrolled.get() {
            None => None,
            Some(None) => Some(view! {
                <p class="body">"This phone is not enrolled: records are kept on this phone and can be exported."</p>
                <EnrolForm />
            }.into_any()),
            Some(Some(officer)) => Some(view! {
                <p class="body" id="enrolled-for">{format!("Enrolled for {} ({}).", officer.name, officer.id)}</p>
                {summary}
                <button class="button" type="button" id="sync-now"
                    disabled=move || app.sync.running.get()
                    on:click=move |_| sync_soon(app, true)>"Sync now"</button>
                <p class="body-s" role="status">{move || if app.sync.running.get() { "Syncing…" } else { "" }}</p>
            }.into_any()),
        }}
        <Show when=move || !entries.with(Vec::is_empty)>
            <h3 class="heading-s">"Records on this phone"</h3>
            <ul class="list" id="outbox-list">
                <For each=move || entries.get() key=|e| format!("{}{:?}", e.uuid, e.status) let:e>
                    <li class="outbox-item">
                        <strong class=status_tag(&e.status)>{e.status.label()}</strong>
                        " " {kind_words(&e.kind)} " about " {e.nominal_id().unwrap_or("?").to_string()}
                        ", " {local_time(e.created_at)}
                        {match &e.status {
                            OutboxStatus::Rejected { reason } => Some(view! { <p class="error-message">{format!("Reason: {reason}")}</p> }),
                            _ => None,
                        }}
                    </li>
                </For>
            </ul>
        </Show>
        {move || status.with(|s| s.as_ref().filter(|s| !s.log.is_empty()).map(|s| {
            let rows = s.log.iter().map(|ev| {
                let what = match &ev.error {
                    Some(e) => e.clone(),
                    None => format!(
                        "Sent {}, accepted {}, rejected {}, received {}",
                        ev.pushed, ev.accepted, ev.rejected, ev.pulled
                    ),
                };
                view! { <li>{local_time(ev.at)} ": " {what}</li> }
            }).collect_view();
            view! {
                <h3 class="heading-s">"Transmission log"</h3>
                <ul class="list" id="sync-log">{rows}</ul>
            }
        }))}
    }
}
