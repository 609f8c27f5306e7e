//! Devices: the unit's officers' phones with their last sync and the records they said were
//! waiting, enrolling a phone (a one-time code shown once), and revoking one after a warning.
//! Another unit's phone is answered as if it did not exist.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{html, Markup};
use serde::Deserialize;

use crate::secrets;
use crate::state::{AppState, CODE_MINUTES};
use crate::storage::{CodeUse, DeviceInfo, StorageError};
use crate::supervise::clock::{uk_date_time, uk_local};
use crate::supervise::forms::{not_found, unavailable, unit_officers, with_status};
use crate::supervise::kit::{
    back_link, button, confirmation_panel, csrf_field, error_summary, officer_select, page_at,
    success_panel, table, tag, titled, warning_text, ButtonKind, Colour, Column, Problem,
};
use crate::supervise::url::segment;
use crate::supervise::{csrf_refusal, CsrfForm, Supervisor};
use scpo_field::domain::time::dates::format_date;

const SECTION: Option<&str> = Some("/supervise/devices");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/devices", get(list))
        .route("/supervise/devices/enrol", post(enrol))
        .route(
            "/supervise/devices/{device_id}/revoke",
            get(confirm_revoke).post(revoke),
        )
}

/// The unit's devices, each with its officer's name; `None` if the database cannot answer.
async fn unit_devices(state: &AppState, unit_id: &str) -> Option<Vec<(DeviceInfo, String)>> {
    let officers: HashMap<String, String> = state
        .storage
        .officers()
        .await
        .ok()?
        .into_iter()
        .filter(|o| o.unit_id == unit_id)
        .map(|o| (o.id, o.name))
        .collect();
    let devices = state.storage.devices().await.ok()?;
    Some(
        devices
            .into_iter()
            .filter_map(|d| {
                let name = officers.get(&d.officer_id)?.clone();
                Some((d, name))
            })
            .collect(),
    )
}

fn label(d: &DeviceInfo) -> String {
    if d.label.trim().is_empty() {
        format!("Phone {}", d.id)
    } else {
        format!("{} ({})", d.label, d.id)
    }
}

fn waiting(d: &DeviceInfo) -> Markup {
    html! {
        @match (d.waiting, d.waiting_at) {
            (Some(n), Some(at)) => { (n) br; span class="body-s" { "at " (uk_date_time(at)) } }
            (Some(n), None) => (n),
            _ => "Not reported",
        }
    }
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

async fn list(State(state): State<AppState>, s: Supervisor, Query(q): Query<Done>) -> Response {
    let banner = (q.done.as_deref() == Some("revoked"))
        .then_some("The device is revoked. The phone is wiped at its next call to the server.");
    list_page(&state, &s, banner, &[], None).await
}

async fn list_page(
    state: &AppState,
    s: &Supervisor,
    banner: Option<&str>,
    problems: &[Problem],
    officer: Option<&str>,
) -> Response {
    let Some(devices) = unit_devices(state, &s.officer.unit_id).await else {
        return unavailable(state, s);
    };
    let rows: Vec<Vec<Markup>> = devices
        .iter()
        .map(|(d, name)| {
            let (status, action) = match d.revoked_at {
                Some(at) => (
                    html! {
                        (tag("Revoked", Colour::Red)) br;
                        span class="body-s" { (format_date(uk_local(at).date())) }
                    },
                    html! {},
                ),
                None => (
                    tag("Active", Colour::Green),
                    html! {
                        a href={ "/supervise/devices/" (segment(&d.id)) "/revoke" } {
                            "Revoke" span class="visually-hidden" { " " (label(d)) " of " (name) }
                        }
                    },
                ),
            };
            vec![
                html! { (name) },
                html! { (label(d)) },
                html! { (format_date(uk_local(d.enrolled_at).date())) },
                html! { (d.last_seen_at.map_or("Never".into(), uk_date_time)) },
                waiting(d),
                status,
                action,
            ]
        })
        .collect();
    let columns = [
        Column::text("Officer"),
        Column::text("Device"),
        Column::text("Enrolled"),
        Column::text("Last sync"),
        Column::number("Records waiting"),
        Column::text("Status"),
        Column::text("Action"),
    ];
    let officers = unit_officers(state, &s.officer.unit_id).await;
    let body = html! {
        @if let Some(b) = banner { (success_panel(html! { p class="body" { (b) } })) }
        (error_summary(problems))
        h1 class="heading-l" { "Devices" }
        p class="body" { "Your officers' phones. Records waiting is how many records the phone held that the server had not yet acknowledged, as the phone last said." }
        @if rows.is_empty() {
            p class="body" { "No phone of your unit is enrolled yet." }
        } @else {
            (table(&format!("Phones ({})", rows.len()), &columns, &rows))
        }
        h2 class="heading-m" { "Enrol a phone" }
        form method="post" action="/supervise/devices/enrol" novalidate {
            (csrf_field(s))
            (officer_select("officer", "Officer", &officers, officer, problems))
            (button("Make a one-time code", ButtonKind::Primary))
        }
    };
    let r = page_at(state, Some(s), &titled(problems, "Devices"), body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

#[derive(Deserialize)]
pub struct EnrolForm {
    csrf: String,
    #[serde(default)]
    officer: String,
}

async fn enrol(State(state): State<AppState>, s: Supervisor, Form(f): Form<EnrolForm>) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let officers = unit_officers(&state, &s.officer.unit_id).await;
    let Some(officer) = officers.iter().find(|o| o.id == f.officer) else {
        let m = if f.officer.is_empty() {
            "Choose the officer whose phone it is"
        } else {
            "Choose an officer of your unit"
        };
        let problems = [("officer".to_string(), m.to_string())];
        return list_page(&state, &s, None, &problems, Some(&f.officer)).await;
    };
    let now = state.now();
    // The code and its audit line in one transaction: a failure leaves no code issued
    // (a live code nobody logged) and none shown.
    let (code_id, secret) = secrets::new_enrolment_code();
    let kept = state
        .storage
        .add_unit_code(
            &s.officer.unit_id,
            &code_id,
            &secrets::hash(&secret),
            &officer.id,
            CodeUse::Phone,
            now + CODE_MINUTES * 60 * 1000,
            &s.officer.id,
            now,
        )
        .await;
    match kept {
        Ok(()) => {}
        Err(StorageError::NotFound(_)) => {
            let problems = [(
                "officer".to_string(),
                "Choose an officer of your unit".to_string(),
            )];
            return list_page(&state, &s, None, &problems, Some(&f.officer)).await;
        }
        Err(e) => {
            tracing::error!(error = %e, officer = %officer.id, "enrolment code");
            return unavailable(&state, &s);
        }
    }
    // The code's public half names it in the log; its secret half is never written down.
    tracing::info!(officer = %officer.id, code = %code_id, actor = %s.officer.id, "enrolment code made");
    let code = format!("{code_id}-{secret}");
    let until = uk_date_time(now + CODE_MINUTES * 60 * 1000);
    let body = html! {
        (confirmation_panel(&format!("One-time code for {}", officer.name), html! {
            "Enrolment code" br;
            strong class="panel__reference" id="code" { (code) }
        }))
        p class="body" { "It works once, until " (until) " (" (CODE_MINUTES) " minutes from now). It is shown only this once." }
        p class="body" { "On the officer's phone, open SCPO Field, enter it as the enrolment code and choose Enrol this phone. The phone then brings the officer's nominals." }
        p class="body" { a href="/supervise/devices" { "Back to devices" } }
    };
    page_at(&state, Some(&s), "One-time code", body, SECTION)
}

/// The unit's device `id` with its officer's name, or the answer to send instead.
async fn unit_device(
    state: &AppState,
    s: &Supervisor,
    id: &str,
) -> Result<(DeviceInfo, String), Response> {
    let Some(devices) = unit_devices(state, &s.officer.unit_id).await else {
        return Err(unavailable(state, s));
    };
    devices
        .into_iter()
        .find(|(d, _)| d.id == id)
        .ok_or_else(|| not_found(state, s))
}

async fn confirm_revoke(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
) -> Response {
    let (d, name) = match unit_device(&state, &s, &id).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    if d.revoked_at.is_some() {
        return Redirect::to("/supervise/devices").into_response();
    }
    let lost = match d.waiting {
        Some(n) if n > 0 => format!(
            " When it last called, it held {n} record{} not yet on the server.",
            if n == 1 { "" } else { "s" }
        ),
        _ => String::new(),
    };
    let body = html! {
        (back_link("/supervise/devices", "Back to devices"))
        span class="caption" { (name) }
        h1 class="heading-l" { "Revoke " (label(&d)) "?" }
        (warning_text(html! {
            "The phone is wiped at its next call to the server. Records on it that have not reached the server are lost." (lost)
        }))
        p class="body" { "Last sync: " (d.last_seen_at.map_or("never".into(), uk_date_time)) "." }
        form method="post" action={ "/supervise/devices/" (segment(&d.id)) "/revoke" } novalidate {
            (csrf_field(&s))
            (button("Revoke this device", ButtonKind::Warning))
        }
        p class="body" { a href="/supervise/devices" { "Cancel" } }
    };
    page_at(&state, Some(&s), "Revoke a device", body, SECTION)
}

async fn revoke(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    match state
        .storage
        .revoke_unit_device(&s.officer.unit_id, &id, &s.officer.id, state.now())
        .await
    {
        Ok(true) => {
            tracing::info!(device = %id, actor = %s.officer.id, "device revoked");
            Redirect::to("/supervise/devices?done=revoked").into_response()
        }
        Ok(false) => not_found(&state, &s),
        Err(e) => {
            tracing::error!(error = %e, device = %id, "revoke");
            unavailable(&state, &s)
        }
    }
}
