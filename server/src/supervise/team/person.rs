//! One person of the unit at the desk: their page, a one-time code made for them (a phone's or
//! a desk passkey's, shown once), and revoking their passkeys after a warning.

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::html;
use serde::Deserialize;

use super::{done_text, person_of, person_path, view, SECTION};
use crate::secrets;
use crate::state::{AppState, CODE_MINUTES};
use crate::storage::{CodeUse, Officer, StorageError};
use crate::supervise::clock::uk_date_time;
use crate::supervise::forms::{not_found, unavailable, with_status};
use crate::supervise::kit::{confirmation_panel, page_at, Problem};
use crate::supervise::{clear_cookie, csrf_refusal, CsrfForm, Supervisor};

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// How many passkeys and phones (not revoked) the person holds; `None` if storage fails.
async fn holds(state: &AppState, o: &Officer) -> Option<(i64, usize)> {
    let passkeys = state
        .storage
        .unit_passkeys(&o.unit_id)
        .await
        .ok()?
        .into_iter()
        .find(|(id, _)| id == &o.id)
        .map_or(0, |(_, n)| n);
    let phones = state
        .storage
        .devices()
        .await
        .ok()?
        .iter()
        .filter(|d| d.officer_id == o.id && d.revoked_at.is_none())
        .count();
    Some((passkeys, phones))
}

pub async fn page(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    person_page(&state, &s, &id, done_text(q.done.as_deref()), "", &[]).await
}

async fn person_page(
    state: &AppState,
    s: &Supervisor,
    id: &str,
    done: Option<&str>,
    made_for: &str,
    problems: &[Problem],
) -> Response {
    let o = match person_of(state, s, id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let Some((passkeys, phones)) = holds(state, &o).await else {
        return unavailable(state, s);
    };
    let body = view::person(s, &o, passkeys, phones, done, made_for, problems);
    let title = crate::supervise::kit::titled(problems, &o.name);
    let r = page_at(state, Some(s), &title, body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    made_for: String,
}

pub async fn code(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
    Form(f): Form<CodeForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let o = match person_of(&state, &s, &id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let made_for = match f.made_for.as_str() {
        "phone" => CodeUse::Phone,
        "passkey" => CodeUse::Passkey,
        _ => {
            let p = [("made_for".into(), "Choose what the code is for".into())];
            return person_page(&state, &s, &o.id, None, &f.made_for, &p).await;
        }
    };
    let now = state.now();
    let (code_id, secret) = secrets::new_enrolment_code();
    let until = now + CODE_MINUTES * 60 * 1000;
    match state
        .storage
        .add_unit_code(
            &s.officer.unit_id,
            &code_id,
            &secrets::hash(&secret),
            &o.id,
            made_for,
            until,
            &s.officer.id,
            now,
        )
        .await
    {
        Ok(()) => {}
        Err(StorageError::NotFound(_)) => return not_found(&state, &s),
        Err(e) => {
            tracing::error!(error = %e, officer = %o.id, "one-time code");
            return unavailable(&state, &s);
        }
    }
    // The code's public half names it in the log; its secret half is never written down.
    tracing::info!(officer = %o.id, code = %code_id, actor = %s.officer.id, "one-time code made at the desk");
    let code = format!("{code_id}-{secret}");
    let (what, how) = match made_for {
        CodeUse::Passkey => (
            "Passkey code",
            "At their desk, they go to this service's /supervise/register page, enter it as the one-time code and choose Register a passkey. They then sign in with their officer ID and the passkey.",
        ),
        CodeUse::Phone => (
            "Enrolment code",
            "On their phone, they open SCPO Field, enter it as the enrolment code and choose Enrol this phone. The phone then brings their nominals.",
        ),
    };
    let body = html! {
        (confirmation_panel(&format!("One-time code for {}", o.name), html! {
            (what) br;
            strong class="panel__reference" id="code" { (code) }
        }))
        p class="body" { "It works once, until " (uk_date_time(until)) " (" (CODE_MINUTES) " minutes from now). It is shown only this once." }
        p class="body" { (how) }
        p class="body" { a href=(person_path(&o.id)) { "Back to " (o.name) } }
    };
    page_at(&state, Some(&s), "One-time code", body, SECTION)
}

pub async fn confirm_revoke(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
) -> Response {
    let o = match person_of(&state, &s, &id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let Some((passkeys, _)) = holds(&state, &o).await else {
        return unavailable(&state, &s);
    };
    let own = o.id == s.officer.id;
    let body = view::revoke_check(&s, &o, passkeys, own);
    page_at(&state, Some(&s), "Revoke passkeys", body, SECTION)
}

pub async fn revoke(
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
        .revoke_passkeys(&s.officer.unit_id, &id, &s.officer.id, state.now())
        .await
    {
        Ok(r) => {
            tracing::info!(officer = %id, passkeys = r.passkeys, sessions = r.sessions, actor = %s.officer.id, "passkeys revoked");
            if id == s.officer.id {
                // Their own session ended with the others.
                return (
                    [(header::SET_COOKIE, clear_cookie())],
                    Redirect::to("/supervise/sign-in?signed-out=everywhere"),
                )
                    .into_response();
            }
            Redirect::to(&format!("{}?done=revoked", person_path(&id))).into_response()
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(e) => {
            tracing::error!(error = %e, officer = %id, "revoke passkeys");
            unavailable(&state, &s)
        }
    }
}
