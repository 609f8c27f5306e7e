//! What every request shares, whichever part of the server answers it: the storage and the
//! clock ([`AppState`]), the supervisor's passkey ceremonies under way ([`Supervision`]), the
//! JSON error ([`ApiError`]), the phone's credential ([`Authorised`]) and the rules of
//! enrolment codes used by both the phones' API and the desk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use webauthn_rs::prelude::{
    PasskeyAuthentication, PasskeyRegistration, Url, Webauthn, WebauthnBuilder,
};

use crate::held_unit::HeldUnits;
use crate::secrets;
use crate::storage::{Device, Officer, Storage, StorageError};

/// Enrolment codes live this long.
pub const CODE_MINUTES: i64 = 15;
/// Wrong secrets that burn a code.
pub const CODE_MAX_FAILURES: i64 = 5;

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    pub storage: Arc<dyn Storage>,
    pub clock: Arc<dyn Fn() -> i64 + Send + Sync>,
    /// The supervisor's sign-in (passkeys for this origin, ceremonies under way).
    pub supervision: Arc<Supervision>,
    /// Each unit's records and cohort as the desk last read them, moved on in place when they
    /// change (held_unit.rs).
    pub held_units: Arc<HeldUnits>,
}

impl AppState {
    /// For http://localhost (any port), without the app's stylesheet: tests and development.
    pub fn new(storage: Arc<dyn Storage>) -> Self {
        let supervision = Supervision::new("http://localhost", None)
            .expect("http://localhost is a valid origin for passkeys");
        Self::with_supervision(storage, supervision)
    }

    pub fn with_supervision(storage: Arc<dyn Storage>, supervision: Supervision) -> Self {
        Self {
            storage,
            clock: Arc::new(|| chrono::Utc::now().timestamp_millis()),
            supervision: Arc::new(supervision),
            held_units: Arc::new(HeldUnits::default()),
        }
    }

    pub fn now(&self) -> i64 {
        (self.clock)()
    }
}

/// An error answered as JSON `{"error": ...}` with its status.
pub struct ApiError(pub(crate) StatusCode, pub(crate) serde_json::Value);

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: &str) -> Self {
        Self(status, json!({ "error": message }))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> Self {
        tracing::error!(error = %e, "storage");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "The server could not do that just now. Nothing was changed; try again.",
        )
    }
}

/// The device behind the request's credential. Unknown: 401. Revoked: 401 with `wipe`.
pub struct Authorised(pub Device);

impl FromRequestParts<AppState> for Authorised {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let credential = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .unwrap_or_default();
        if credential.is_empty() || credential.len() > 128 {
            return Err(ApiError::new(StatusCode::UNAUTHORIZED, "unknown_device"));
        }
        match state
            .storage
            .device_by_credential(&secrets::hash(credential))
            .await?
        {
            None => Err(ApiError::new(StatusCode::UNAUTHORIZED, "unknown_device")),
            Some(d) if d.revoked => {
                tracing::info!(device = %d.id, "call from a revoked device");
                Err(ApiError(
                    StatusCode::UNAUTHORIZED,
                    json!({"error": "revoked", "wipe": true}),
                ))
            }
            Some(d) => Ok(Self(d)),
        }
    }
}

/// WebAuthn set up for this server's origin, and the ceremonies under way.
pub struct Supervision {
    pub(crate) webauthn: Webauthn,
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
}

/// A passkey ceremony must finish within this.
const CEREMONY_MS: i64 = 5 * 60 * 1000;

pub(crate) enum Ceremony {
    Register {
        officer: Officer,
        /// The code it began with (its public part and its secret's hash), used up at the end.
        code_id: String,
        secret_hash: String,
        state: PasskeyRegistration,
    },
    SignIn {
        officer_id: String,
        /// Whether the ID had passkeys (else its options named stand-ins): only then is it an
        /// officer's ID to log, not whatever was typed.
        known: bool,
        state: PasskeyAuthentication,
    },
}

impl Supervision {
    pub(crate) fn keep(&self, now: i64, c: Ceremony) -> String {
        let id = secrets::random_id(16);
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (at, _)| now - *at < CEREMONY_MS);
        map.insert(id.clone(), (now, c));
        id
    }

    pub(crate) fn take(&self, id: &str, now: i64) -> Option<Ceremony> {
        let mut map = self.ceremonies.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id)
            .filter(|(at, _)| now - *at < CEREMONY_MS)
            .map(|(_, c)| c)
    }
}
