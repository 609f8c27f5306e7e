//! The supervisor's web view under `/supervise`: server-rendered pages, same look and same strict
//! CSP as the app. This part is the sign-in: passkeys (WebAuthn), sessions in the database
//! (HttpOnly, Secure, SameSite=Strict cookie; 15 minutes idle, 8 hours at most; sign out
//! everywhere), and a CSRF token on every form.
//!
//! Pages depend only on [`Supervisor`], the signed-in supervisor. A passkey ceremony ends in
//! [`start_session`]; another sign-in method (OpenID Connect with Entra ID, say) would be two
//! more routes ending in the same call, with no page touched.

mod breaches;
pub mod clock;
mod cohort;
mod forms;
mod import;
pub mod keep;
pub mod kit;
mod missing;
pub use missing::missing;
mod nominal;
pub mod oversight;
mod sign_in;
mod team;
mod transferred;
mod unit;
mod url;

use axum::extract::{Form, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::secrets;
use crate::state::AppState;
use crate::storage::{Officer, Role};

/// A session ends after this long without a request.
pub const IDLE_MS: i64 = 15 * 60 * 1000;
/// And after this long whatever happens.
pub const ABSOLUTE_MS: i64 = 8 * 60 * 60 * 1000;
const COOKIE: &str = "scpo_session";

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(sign_in::routes())
        .merge(cohort::routes())
        .merge(nominal::routes())
        .merge(oversight::routes())
        .merge(breaches::routes())
        .merge(keep::routes())
        .merge(team::routes())
        .route("/supervise/sign-out", post(sign_out))
        .route("/supervise/sign-out-everywhere", post(sign_out_everywhere))
        .with_state(state)
}

fn problem(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

/// Begin a session for a signed-in supervisor: the one place every sign-in method ends.
async fn start_session(state: &AppState, officer: &Officer) -> Result<HeaderValue, Response> {
    let token = secrets::new_credential();
    let csrf = secrets::new_credential();
    state
        .storage
        .start_session(&secrets::hash(&token), &officer.id, &csrf, state.now())
        .await
        .map_err(|_| {
            problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "Sign-in failed. Try again.",
            )
        })?;
    tracing::info!(officer = %officer.id, "signed in at the desk");
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/supervise; HttpOnly; Secure; SameSite=Strict"
    ))
    .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "Sign-in failed."))
}

/// The answer to a finished ceremony: the session cookie, and where to go (the DS to the
/// team, an offender manager to their nominals).
async fn signed_in(state: &AppState, officer: &Officer) -> Response {
    let next = match officer.role {
        Role::Supervisor => "/supervise",
        Role::Officer => cohort::mine::PATH,
    };
    match start_session(state, officer).await {
        Ok(cookie) => (
            [(header::SET_COOKIE, cookie)],
            Json(json!({ "next": next })),
        )
            .into_response(),
        Err(r) => r,
    }
}

fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "scpo_session=; Path=/supervise; HttpOnly; Secure; SameSite=Strict; Max-Age=0",
    )
}

/// Anyone of a unit signed in at the desk, from the session cookie alone: the DS, or an
/// offender manager (who keeps their own nominals, or the whole unit's with the right).
/// Anything else (no cookie, an ended or expired session, a device credential) is sent to sign
/// in.
pub struct DeskUser {
    pub officer: Officer,
    pub csrf: String,
    token_hash: String,
}

impl DeskUser {
    /// May keep (record and change) every nominal of the unit, not only their own.
    pub fn keeps_whole_unit(&self) -> bool {
        self.officer.role == Role::Supervisor || self.officer.keeps_cohort
    }
}

/// The signed-in supervisor: a [`DeskUser`] who is the unit's DS. Anyone not signed in is sent
/// to sign in; an offender manager signed in gets the desk's "Page not found" (the DS's pages
/// are not theirs), or their own nominals for the desk's front page.
pub struct Supervisor(DeskUser);

impl std::ops::Deref for Supervisor {
    type Target = DeskUser;
    fn deref(&self) -> &DeskUser {
        &self.0
    }
}

impl FromRequestParts<AppState> for DeskUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let to_sign_in = || Redirect::to("/supervise/sign-in").into_response();
        let Some(token) = session_token(&parts.headers) else {
            return Err(to_sign_in());
        };
        let token_hash = secrets::hash(&token);
        match state
            .storage
            .session(&token_hash, state.now(), IDLE_MS, ABSOLUTE_MS)
            .await
        {
            Ok(Some((officer, csrf))) => Ok(Self {
                officer,
                csrf,
                token_hash,
            }),
            Ok(None) => Err(to_sign_in()),
            Err(_) => Err(problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "The server could not check your session. Try again.",
            )),
        }
    }
}

impl FromRequestParts<AppState> for Supervisor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let user = DeskUser::from_request_parts(parts, state).await?;
        if user.officer.role == Role::Supervisor {
            Ok(Self(user))
        } else if parts.uri.path() == "/supervise" {
            Err(Redirect::to(cohort::mine::PATH).into_response())
        } else {
            Err(forms::page_not_found(state, Some(&user)))
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

/// The CSRF token a form sent (its `csrf` field) against the session's: the refusal to send
/// back when they differ.
fn csrf_refusal(s: &DeskUser, token: &str) -> Option<Response> {
    let same = secrets::same(&secrets::hash(&s.csrf), &secrets::hash(token));
    (!same).then(|| {
        (
            StatusCode::FORBIDDEN,
            "The form has expired. Go back and try again.",
        )
            .into_response()
    })
}

async fn sign_out(State(state): State<AppState>, s: DeskUser, Form(f): Form<CsrfForm>) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let _ = state.storage.end_session(&s.token_hash, state.now()).await;
    (
        [(header::SET_COOKIE, clear_cookie())],
        Redirect::to("/supervise/sign-in?signed-out=1"),
    )
        .into_response()
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    s: DeskUser,
    Form(f): Form<CsrfForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let _ = state
        .storage
        .end_all_sessions(&s.officer.id, state.now())
        .await;
    (
        [(header::SET_COOKIE, clear_cookie())],
        Redirect::to("/supervise/sign-in?signed-out=everywhere"),
    )
        .into_response()
}
