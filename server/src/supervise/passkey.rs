//! Supervisors' passkeys (WebAuthn): registering one with a one-time code, and signing in with
//! it. Both ceremonies end in the parent module's `signed_in`, like any other sign-in method
//! would.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential,
};

use super::{problem, signed_in, Supervision};
use crate::api::AppState;
use crate::secrets;
use crate::storage::{Officer, Role};

/// A passkey ceremony must finish within this.
const CEREMONY_MS: i64 = 5 * 60 * 1000;

pub(super) enum Ceremony {
    Register {
        officer: Officer,
        state: PasskeyRegistration,
    },
    SignIn {
        officer_id: String,
        state: PasskeyAuthentication,
    },
}

impl Supervision {
    pub(super) fn keep(&self, now: i64, c: Ceremony) -> String {
        let id = secrets::random_id(16);
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (at, _)| now - *at < CEREMONY_MS);
        map.insert(id.clone(), (now, c));
        id
    }

    pub(super) fn take(&self, id: &str, now: i64) -> Option<Ceremony> {
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id)
            .filter(|(at, _)| now - *at < CEREMONY_MS)
            .map(|(_, c)| c)
    }
}

/// The passkey ceremonies' routes: the script, and a start and a finish for each ceremony.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/passkey.js", get(passkey_js))
        .route("/supervise/api/register/start", post(register_start))
        .route("/supervise/api/register/finish", post(register_finish))
        .route("/supervise/api/sign-in/start", post(sign_in_start))
        .route("/supervise/api/sign-in/finish", post(sign_in_finish))
}

/// The answer to the start of a ceremony: its id (the ceremony is kept until it finishes or
/// times out) and the options for the browser, or that passkeys are not available.
fn ceremony_started<O: Serialize, S, E>(
    state: &AppState,
    now: i64,
    started: Result<(O, S), E>,
    ceremony: impl FnOnce(S) -> Ceremony,
) -> Response {
    match started {
        Ok((options, s)) => {
            let id = state.supervision.keep(now, ceremony(s));
            Json(json!({ "ceremony": id, "options": options })).into_response()
        }
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Passkeys are not available.",
        ),
    }
}

/// The id a passkey is stored under: the same at registration and at every sign-in.
fn stored_id(p: &Passkey) -> String {
    secrets::hash(&format!("{:?}", p.cred_id()))
}

async fn passkey_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("passkey.js"),
    )
        .into_response()
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
    let started = state.supervision.webauthn.start_passkey_registration(
        user,
        &officer.id,
        &officer.name,
        None,
    );
    ceremony_started(&state, now, started, |reg| Ceremony::Register {
        officer,
        state: reg,
    })
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
    let cred_id = stored_id(&passkey);
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
    let started = state
        .supervision
        .webauthn
        .start_passkey_authentication(&passkeys);
    ceremony_started(&state, now, started, |auth| Ceremony::SignIn {
        officer_id,
        state: auth,
    })
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
                let cred_id = stored_id(&pk);
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
