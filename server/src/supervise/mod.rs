//! The supervisor's web view under `/supervise`: server-rendered pages, same look and same strict
//! CSP as the app. This part is the sign-in: passkeys (WebAuthn), sessions in the database
//! (HttpOnly, Secure, SameSite=Strict cookie; 15 minutes idle, 8 hours at most; sign out
//! everywhere), and a CSRF token on every form.
//!
//! Pages depend only on [`Supervisor`], the signed-in supervisor. A passkey ceremony ends in
//! [`start_session`]; another sign-in method (OpenID Connect with Entra ID, say) would be two
//! more routes ending in the same call, with no page touched.

mod pages;

use std::collections::HashMap;
use std::sync::Mutex;

use axum::extract::{Form, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

use crate::api::AppState;
use crate::secrets;
use crate::storage::{Officer, Role};

/// A session ends after this long without a request.
pub const IDLE_MS: i64 = 15 * 60 * 1000;
/// And after this long whatever happens.
pub const ABSOLUTE_MS: i64 = 8 * 60 * 60 * 1000;
const COOKIE: &str = "scpo_session";
/// A passkey ceremony must finish within this.
const CEREMONY_MS: i64 = 5 * 60 * 1000;

enum Ceremony {
    Register {
        officer: Officer,
        state: PasskeyRegistration,
    },
    SignIn {
        officer_id: String,
        state: PasskeyAuthentication,
    },
}

/// WebAuthn set up for this server's origin, and the ceremonies under way.
pub struct Supervision {
    webauthn: Webauthn,
    ceremonies: Mutex<HashMap<String, (i64, Ceremony)>>,
    /// The app's stylesheet in dist/ (hashed name), shared by these pages.
    pub stylesheet: Option<String>,
}

impl Supervision {
    /// `origin` is where supervisors reach the server, e.g. `https://scpo.example.police.uk`
    /// (http://localhost in development: a passkey's relying party is a host name, never an IP
    /// address).
    pub fn new(origin: &str, stylesheet: Option<String>) -> Result<Self, String> {
        let url = Url::parse(origin).map_err(|e| format!("--public-origin {origin}: {e}"))?;
        let host = url
            .host_str()
            .ok_or_else(|| format!("--public-origin {origin} has no host"))?
            .to_string();
        let webauthn = WebauthnBuilder::new(&host, &url)
            .map_err(|e| format!("passkeys cannot use {origin}: {e}"))?
            .rp_name("SCPO Field")
            .allow_any_port(true)
            .build()
            .map_err(|e| format!("passkeys cannot use {origin}: {e}"))?;
        Ok(Self {
            webauthn,
            ceremonies: Mutex::new(HashMap::new()),
            stylesheet,
        })
    }

    fn keep(&self, now: i64, c: Ceremony) -> String {
        let id = secrets::random_id(16);
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (at, _)| now - *at < CEREMONY_MS);
        map.insert(id.clone(), (now, c));
        id
    }

    fn take(&self, id: &str, now: i64) -> Option<Ceremony> {
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id)
            .filter(|(at, _)| now - *at < CEREMONY_MS)
            .map(|(_, c)| c)
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/supervise", get(pages::team))
        .route("/supervise/sign-in", get(pages::sign_in))
        .route("/supervise/register", get(pages::register))
        .route("/supervise/passkey.js", get(passkey_js))
        .route("/supervise/api/register/start", post(register_start))
        .route("/supervise/api/register/finish", post(register_finish))
        .route("/supervise/api/sign-in/start", post(sign_in_start))
        .route("/supervise/api/sign-in/finish", post(sign_in_finish))
        .route("/supervise/sign-out", post(sign_out))
        .route("/supervise/sign-out-everywhere", post(sign_out_everywhere))
        .with_state(state)
}

async fn passkey_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("passkey.js"),
    )
        .into_response()
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
    tracing::info!(officer = %officer.id, "supervisor signed in");
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/supervise; HttpOnly; Secure; SameSite=Strict"
    ))
    .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "Sign-in failed."))
}

/// The answer to a finished ceremony: the session cookie, and where to go.
async fn signed_in(state: &AppState, officer: &Officer) -> Response {
    match start_session(state, officer).await {
        Ok(cookie) => (
            [(header::SET_COOKIE, cookie)],
            Json(json!({ "next": "/supervise" })),
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

/// The signed-in supervisor, from the session cookie alone. Anything else (no cookie, an ended
/// or expired session, an officer who is not a supervisor, a device credential) is sent to
/// sign in.
pub struct Supervisor {
    pub officer: Officer,
    pub csrf: String,
    token_hash: String,
}

impl FromRequestParts<AppState> for Supervisor {
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
            Ok(Some((officer, csrf))) if officer.role == Role::Supervisor => Ok(Self {
                officer,
                csrf,
                token_hash,
            }),
            Ok(_) => Err(to_sign_in()),
            Err(_) => Err(problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "The server could not check your session. Try again.",
            )),
        }
    }
}

#[derive(Deserialize)]
struct CodeRequest {
    code: String,
}

async fn register_start(State(state): State<AppState>, body: Json<CodeRequest>) -> Response {
    let now = state.now();
    let refused = || {
        problem(
            StatusCode::BAD_REQUEST,
            "That code is not valid. Check it, or ask for a new one.",
        )
    };
    let Some((code_id, secret)) = secrets::parse_enrolment_code(&body.code) else {
        return refused();
    };
    let officer = match state
        .storage
        .take_code(
            &code_id,
            &secrets::hash(&secret),
            now,
            crate::api::CODE_MAX_FAILURES,
        )
        .await
    {
        Ok(Some(o)) if o.role == Role::Supervisor => o,
        Ok(_) => return refused(),
        Err(_) => return problem(StatusCode::SERVICE_UNAVAILABLE, "Try again."),
    };
    let user = uuid::Uuid::new_v4();
    match state.supervision.webauthn.start_passkey_registration(
        user,
        &officer.id,
        &officer.name,
        None,
    ) {
        Ok((options, reg)) => {
            let ceremony = state.supervision.keep(
                now,
                Ceremony::Register {
                    officer,
                    state: reg,
                },
            );
            Json(json!({ "ceremony": ceremony, "options": options })).into_response()
        }
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Passkeys are not available.",
        ),
    }
}

#[derive(Deserialize)]
struct RegisterFinish {
    ceremony: String,
    credential: RegisterPublicKeyCredential,
}

async fn register_finish(State(state): State<AppState>, body: Json<RegisterFinish>) -> Response {
    let now = state.now();
    let Some(Ceremony::Register {
        officer,
        state: reg,
    }) = state.supervision.take(&body.ceremony, now)
    else {
        return problem(StatusCode::BAD_REQUEST, "That took too long. Start again.");
    };
    let passkey = match state
        .supervision
        .webauthn
        .finish_passkey_registration(&body.credential, &reg)
    {
        Ok(p) => p,
        Err(_) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "The passkey could not be registered.",
            )
        }
    };
    let stored = serde_json::to_string(&passkey).unwrap_or_default();
    let cred_id = secrets::hash(&format!("{:?}", passkey.cred_id()));
    if state
        .storage
        .add_passkey(&officer.id, &cred_id, &stored, now)
        .await
        .is_err()
    {
        return problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "The passkey could not be kept. Try again.",
        );
    }
    signed_in(&state, &officer).await
}

#[derive(Deserialize)]
struct SignInStart {
    officer: String,
}

async fn sign_in_start(State(state): State<AppState>, body: Json<SignInStart>) -> Response {
    let now = state.now();
    let officer_id = body.officer.trim().to_uppercase();
    let passkeys: Vec<Passkey> = state
        .storage
        .passkeys_of(&officer_id)
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|p| serde_json::from_str(p).ok())
        .collect();
    if passkeys.is_empty() {
        return problem(
            StatusCode::BAD_REQUEST,
            "There is no passkey for that officer ID. Check it, or register with a code from your administrator.",
        );
    }
    match state
        .supervision
        .webauthn
        .start_passkey_authentication(&passkeys)
    {
        Ok((options, auth)) => {
            let ceremony = state.supervision.keep(
                now,
                Ceremony::SignIn {
                    officer_id,
                    state: auth,
                },
            );
            Json(json!({ "ceremony": ceremony, "options": options })).into_response()
        }
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Passkeys are not available.",
        ),
    }
}

#[derive(Deserialize)]
struct SignInFinish {
    ceremony: String,
    credential: PublicKeyCredential,
}

async fn sign_in_finish(State(state): State<AppState>, body: Json<SignInFinish>) -> Response {
    let now = state.now();
    let Some(Ceremony::SignIn {
        officer_id,
        state: auth,
    }) = state.supervision.take(&body.ceremony, now)
    else {
        return problem(StatusCode::BAD_REQUEST, "That took too long. Start again.");
    };
    let refused = || {
        problem(
            StatusCode::UNAUTHORIZED,
            "That passkey was not accepted. Try again.",
        )
    };
    let Ok(result) = state
        .supervision
        .webauthn
        .finish_passkey_authentication(&body.credential, &auth)
    else {
        tracing::info!(officer = %officer_id, "passkey refused");
        return refused();
    };
    // Keep the signature counter up to date.
    for p in state
        .storage
        .passkeys_of(&officer_id)
        .await
        .unwrap_or_default()
    {
        if let Ok(mut pk) = serde_json::from_str::<Passkey>(&p) {
            if pk.update_credential(&result).is_some() {
                let cred_id = secrets::hash(&format!("{:?}", pk.cred_id()));
                let json = serde_json::to_string(&pk).unwrap_or_default();
                let _ = state.storage.update_passkey(&cred_id, &json, now).await;
            }
        }
    }
    let officer = match state.storage.officer(&officer_id).await {
        Ok(Some(o)) if o.role == Role::Supervisor => o,
        _ => return refused(),
    };
    signed_in(&state, &officer).await
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

fn csrf_ok(s: &Supervisor, form: &CsrfForm) -> bool {
    secrets::same(&secrets::hash(&s.csrf), &secrets::hash(&form.csrf))
}

async fn sign_out(
    State(state): State<AppState>,
    s: Supervisor,
    Form(f): Form<CsrfForm>,
) -> Response {
    if !csrf_ok(&s, &f) {
        return (
            StatusCode::FORBIDDEN,
            "The form has expired. Go back and try again.",
        )
            .into_response();
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
    s: Supervisor,
    Form(f): Form<CsrfForm>,
) -> Response {
    if !csrf_ok(&s, &f) {
        return (
            StatusCode::FORBIDDEN,
            "The form has expired. Go back and try again.",
        )
            .into_response();
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
