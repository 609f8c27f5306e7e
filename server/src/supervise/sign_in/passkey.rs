//! Passkeys at the desk (WebAuthn), for the DS and the unit's offender managers alike:
//! registering one with a one-time code made for a passkey, and signing in with it. Both ceremonies end in the parent module's `signed_in`, like any other
//! sign-in method would.
//!
//! The code is checked when registration starts and used up only when the passkey is kept (in
//! the same transaction), so a cancelled or failed ceremony leaves it usable until it expires.
//! Signing in says nothing of whether an officer ID has a passkey: every ID gets a ceremony
//! whose options name passkeys (an ID without any gets stand-ins, [`stand_in_ids`]), and every
//! refusal the same answer.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::json;
use webauthn_rs::prelude::{Passkey, PublicKeyCredential, RegisterPublicKeyCredential};

use crate::secrets;
use crate::state::{AppState, Ceremony, CODE_MAX_FAILURES};
use crate::storage::{CodeCheck, CodeUse};
use crate::supervise::{problem, signed_in};

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

const CODE_REFUSED: &str = "That code is not valid. Check it, or ask for a new one.";
/// The answer to a phone's code typed on the passkey page: refused, and left for the phone.
const PHONE_CODE_AT_DESK: &str = "That code is for enrolling a phone, not for registering a passkey. Ask your administrator for a passkey code.";

async fn register_start(State(state): State<AppState>, body: Json<CodeRequest>) -> Response {
    let now = state.now();
    let refused = || problem(StatusCode::BAD_REQUEST, CODE_REFUSED);
    let Some((code_id, secret)) = secrets::parse_enrolment_code(&body.code) else {
        return refused();
    };
    let secret_hash = secrets::hash(&secret);
    // Checked, not used up: that happens when the passkey is kept.
    let officer = match state
        .storage
        .check_code(
            &code_id,
            &secret_hash,
            CodeUse::Passkey,
            now,
            CODE_MAX_FAILURES,
        )
        .await
    {
        Ok(CodeCheck::Valid(o)) => o,
        Ok(CodeCheck::OtherUse) => return problem(StatusCode::BAD_REQUEST, PHONE_CODE_AT_DESK),
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
        code_id,
        secret_hash,
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
        code_id,
        secret_hash,
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
                "The passkey could not be registered. Your code still works until it expires: try again.",
            )
        }
    };
    let stored = serde_json::to_string(&passkey).unwrap_or_default();
    let cred_id = stored_id(&passkey);
    match state
        .storage
        .add_passkey_with_code(
            &code_id,
            &secret_hash,
            &officer.id,
            &cred_id,
            &stored,
            now,
            CODE_MAX_FAILURES,
        )
        .await
    {
        Ok(CodeCheck::Valid(officer)) => signed_in(&state, &officer).await,
        // Used meanwhile by another ceremony, or expired: nothing was kept.
        Ok(_) => problem(StatusCode::BAD_REQUEST, CODE_REFUSED),
        Err(_) => problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "The passkey could not be kept. Try again.",
        ),
    }
}

#[derive(Deserialize)]
struct SignInStart {
    officer: String,
}

/// The name of the database secret the stand-in passkey ids are made with.
const STAND_IN_SECRET: &str = "passkey_stand_ins";

/// The passkey ids sign-in names for an officer ID that has no passkey (unknown, or an officer
/// who never registered one), made from the ID with a secret of the database: one, two or three
/// (as a supervisor may have registered a passkey on more than one desk; mostly one), each of
/// 32 bytes as a platform authenticator's. The same ID always gets the same ones, and without
/// the secret nobody can tell them from a real passkey's; no authenticator holds them, so the
/// ceremony fails as a wrong passkey does. `None` only if the secret cannot key the HMAC.
fn stand_in_ids(secret: &str, officer_id: &str) -> Option<Vec<Vec<u8>>> {
    use hmac::{Hmac, Mac};
    let derive = |what: &[u8]| {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).ok()?;
        mac.update(b"passkey stand-in\0");
        mac.update(officer_id.as_bytes());
        mac.update(what);
        Some(mac.finalize().into_bytes().to_vec())
    };
    let count = match derive(b"\0count")?.first().copied().unwrap_or(0) {
        0..=178 => 1u8,
        179..=229 => 2,
        _ => 3,
    };
    (0..count).map(|n| derive(&[0, n])).collect()
}

async fn sign_in_start(State(state): State<AppState>, body: Json<SignInStart>) -> Response {
    let now = state.now();
    // No officer ID is this long; the rest of a longer one would only take up memory.
    let officer_id: String = body
        .officer
        .trim()
        .to_uppercase()
        .chars()
        .take(64)
        .collect();
    if officer_id.is_empty() {
        return problem(StatusCode::BAD_REQUEST, "Enter your officer ID.");
    }
    let unavailable = || problem(StatusCode::SERVICE_UNAVAILABLE, "Try again.");
    let Ok(stored) = state.storage.passkeys_of(&officer_id).await else {
        return unavailable();
    };
    let passkeys: Vec<Passkey> = stored
        .iter()
        .filter_map(|p| serde_json::from_str(p).ok())
        .collect();
    let mut started = state
        .supervision
        .webauthn
        .start_passkey_authentication(&passkeys);
    if passkeys.is_empty() {
        // Options that name stand-in passkeys, read into the very type a real ceremony's are (so
        // they are written out alike); the ceremony itself holds none, so nothing is accepted.
        let Ok(secret) = state.storage.secret(STAND_IN_SECRET).await else {
            return unavailable();
        };
        let Some(ids) = stand_in_ids(&secret, &officer_id) else {
            return unavailable();
        };
        if let Ok((options, _)) = started.as_mut() {
            let named: Result<Vec<_>, _> = ids
                .iter()
                .map(|id| {
                    serde_json::from_value(json!({
                        "type": "public-key",
                        "id": URL_SAFE_NO_PAD.encode(id),
                    }))
                })
                .collect();
            match named {
                Ok(named) => options.public_key.allow_credentials = named,
                Err(_) => return unavailable(),
            }
        }
    }
    let known = !passkeys.is_empty();
    ceremony_started(&state, now, started, |auth| Ceremony::SignIn {
        officer_id,
        known,
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
        known,
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
        if known {
            tracing::info!(officer = %officer_id, "passkey refused");
        } else {
            tracing::info!("passkey refused for an officer ID without one");
        }
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
        Ok(Some(o)) => o,
        _ => return refused(),
    };
    signed_in(&state, &officer).await
}
