//! A phone's enrolment: a one-time code from the DS for a device credential. Failures are
//! counted per address in the database; the address is never logged.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::{ADDRESS_MAX_FAILURES, OTHER_USE_ON_PHONE, WINDOW_MS};
use crate::secrets;
use crate::state::{ApiError, AppState, CODE_MAX_FAILURES};
use crate::storage::Redeemed;

#[derive(Deserialize)]
pub(super) struct EnrolRequest {
    code: String,
    #[serde(default)]
    label: String,
}

pub(super) async fn enrol(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Json<EnrolRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let now = state.now();
    // Counted in the database (a restart forgets nothing) as a failure until the code proves
    // right; the address is the counter's key only, never logged.
    let address = peer.ip().to_canonical().to_string();
    let max = i64::from(ADDRESS_MAX_FAILURES);
    if !state
        .storage
        .enrolment_attempt(&address, now, WINDOW_MS, max)
        .await?
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many attempts. Wait 15 minutes, or ask for a new code.",
        ));
    }
    let invalid = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "That code is not valid. Check it, or ask for a new one.",
        )
    };
    let Ok(Json(req)) = body else {
        return Err(invalid());
    };
    let Some((code_id, secret)) = secrets::parse_enrolment_code(&req.code) else {
        return Err(invalid());
    };
    let credential = secrets::new_credential();
    let device_id = format!("D-{}", secrets::random_id(8));
    let label: String = req.label.chars().take(80).collect();
    match state
        .storage
        .redeem_enrolment_code(
            &code_id,
            &secrets::hash(&secret),
            &secrets::hash(&credential),
            &device_id,
            &label,
            now,
            CODE_MAX_FAILURES,
        )
        .await?
    {
        Redeemed::Invalid => Err(invalid()),
        // The right secret of a code made for the desk: no guess, so not counted against the
        // address; the code is left for its passkey.
        Redeemed::OtherUse => Err(ApiError::new(StatusCode::BAD_REQUEST, OTHER_USE_ON_PHONE)),
        Redeemed::Enrolled { device_id, officer } => {
            tracing::info!(device = %device_id, officer = %officer.id, "device enrolled");
            // The device exists now: its credential must reach the phone whatever happens here.
            if let Err(e) = state.storage.enrolment_succeeded(&address).await {
                tracing::warn!(error = %e, "an enrolment's attempt was left counted");
            }
            Ok(Json(json!({
                "device_id": device_id,
                "credential": credential,
                "officer": {"id": officer.id, "name": officer.name},
            }))
            .into_response())
        }
    }
}
