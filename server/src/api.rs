//! The phones' API under `/api/`: enrol, push, pull. Every call but enrolment is authorised
//! from the device credential alone; logs carry ids, never names or record contents.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::secrets;
use crate::storage::{Device, Redeemed, Storage, StorageError};
use crate::sync;

/// Longest request body: 4 MB (a push of 200 entries of a few KB each fits many times).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Most entries in one push.
pub const MAX_ENTRIES: usize = 200;
/// Most records in one pull page.
pub const PULL_PAGE: i64 = 500;
/// Most bytes of record bodies in one pull page (1 MB), beyond its first record: a record
/// larger than this has a page of its own.
pub const PULL_PAGE_BYTES: i64 = 1024 * 1024;
/// Enrolment codes live this long.
pub const CODE_MINUTES: i64 = 15;
/// Wrong secrets that burn a code.
pub const CODE_MAX_FAILURES: i64 = 5;
/// The answer to a code made for registering a supervisor's passkey, typed on a phone.
pub const OTHER_USE_ON_PHONE: &str = "That code is for registering a passkey at the supervisor's desk, not for a phone. Ask for a code to enrol this phone.";
/// Failed enrolments from one address in one window before it must wait.
pub const ADDRESS_MAX_FAILURES: u32 = 10;
const WINDOW_MS: i64 = 15 * 60 * 1000;

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    pub storage: Arc<dyn Storage>,
    pub clock: Arc<dyn Fn() -> i64 + Send + Sync>,
    /// The supervisor's sign-in (passkeys for this origin, ceremonies under way).
    pub supervision: Arc<crate::supervise::Supervision>,
}

impl AppState {
    /// For http://localhost (any port), without the app's stylesheet: tests and development.
    pub fn new(storage: Arc<dyn Storage>) -> Self {
        let supervision = crate::supervise::Supervision::new("http://localhost", None)
            .expect("http://localhost is a valid origin for passkeys");
        Self::with_supervision(storage, supervision)
    }

    pub fn with_supervision(
        storage: Arc<dyn Storage>,
        supervision: crate::supervise::Supervision,
    ) -> Self {
        Self {
            storage,
            clock: Arc::new(|| chrono::Utc::now().timestamp_millis()),
            supervision: Arc::new(supervision),
        }
    }

    pub fn now(&self) -> i64 {
        (self.clock)()
    }
}

/// An error answered as JSON `{"error": ...}` with its status.
pub struct ApiError(StatusCode, serde_json::Value);

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

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/enrol", post(enrol))
        .route("/api/sync/push", post(push))
        .route("/api/sync/pull", get(pull))
        .route(
            "/api/sync/photos/{exhibit_id}",
            put(crate::photos::upload)
                .layer(DefaultBodyLimit::max(crate::photos::PHOTO_BODY_LIMIT)),
        )
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// The answer to any other address under `/api`, whatever the method (see `crate::app`).
pub async fn no_such_call() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "No such call")
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

#[derive(Deserialize)]
struct EnrolRequest {
    code: String,
    #[serde(default)]
    label: String,
}

async fn enrol(
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

async fn push(
    State(state): State<AppState>,
    Authorised(device): Authorised,
    Query(query): Query<Vec<(String, String)>>,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    // Kept even if this push then fails: a phone that cannot push is what the DS must see.
    keep_waiting(&state, &device, &query).await?;
    let body = match body {
        Ok(Json(body)) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The push is larger than 4 MB. Send fewer entries at a time. Nothing was stored.",
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "The push is not JSON of the form {\"entries\": [...]}. Nothing was stored.",
            ))
        }
    };
    let Some(entries) = body.get("entries").and_then(|e| e.as_array()) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "The push has no list of entries. Nothing was stored.",
        ));
    };
    if entries.len() > MAX_ENTRIES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("At most {MAX_ENTRIES} entries a push. Nothing was stored."),
        ));
    }
    let mut items = Vec::with_capacity(entries.len());
    let mut results = Vec::with_capacity(entries.len());
    // An entry without even a UUID cannot be deduplicated: answered, not stored.
    let mut no_uuid = Vec::new();
    for (i, v) in entries.iter().enumerate() {
        match sync::read_entry(v) {
            Ok(entry) => items.push(crate::storage::Incoming::Entry(entry)),
            Err(u) if u.uuid.is_empty() => no_uuid.push((i, u.reason)),
            Err(u) => items.push(crate::storage::Incoming::Unreadable {
                uuid: u.uuid,
                raw: v.to_string(),
                reason: u.reason,
            }),
        }
    }
    let photos =
        crate::photos::photos_for(state.storage.as_ref(), &device.officer.id, &items).await?;
    let judge = |entry: &crate::storage::NewEntry, held: &[crate::storage::StoredRecord]| {
        sync::judge(entry, held)?;
        crate::photos::judge_photo(entry, &photos)
    };
    let mut stored = state
        .storage
        .push_batch(&device, &items, &judge, state.now())
        .await?
        .into_iter();
    let mut no_uuid = no_uuid.into_iter().peekable();
    for i in 0..entries.len() {
        match no_uuid.peek() {
            Some((j, _)) if *j == i => {
                let (_, reason) = no_uuid.next().unwrap_or_default();
                results.push(crate::storage::EntryResult {
                    uuid: String::new(),
                    status: crate::storage::EntryStatus::Rejected,
                    reason: Some(reason),
                });
            }
            _ => results.extend(stored.next()),
        }
    }
    let accepted = results
        .iter()
        .filter(|r| r.status == crate::storage::EntryStatus::Accepted)
        .count();
    tracing::info!(device = %device.id, entries = results.len(), accepted, "push");
    Ok(Json(json!({ "results": results })).into_response())
}

/// The values `key` has in a call's query (`Query<Vec<(String, String)>>`, which never refuses
/// a query), in order: the call judges a missing, repeated or garbled one.
fn values<'a>(query: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    query
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Keep `waiting=N` of a push or a pull (how many outbox entries the phone holds not yet
/// acknowledged) on the device row, for the supervisor. A missing or garbled value (not one
/// whole number from 0 to 4294967295: repeated, negative, too big, not a number) is ignored.
async fn keep_waiting(
    state: &AppState,
    device: &Device,
    query: &[(String, String)],
) -> Result<(), ApiError> {
    let waiting = match values(query, "waiting")[..] {
        [one] => one.parse::<u32>().ok(),
        _ => None,
    };
    if let Some(n) = waiting {
        state
            .storage
            .report_waiting(&device.id, i64::from(n), state.now())
            .await?;
    }
    Ok(())
}

/// `v1:<database id>:<position>`.
fn read_cursor(cursor: &str, database_id: &str, position: i64) -> Option<i64> {
    let mut parts = cursor.split(':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("v1"), Some(db), Some(pos), None) if db == database_id => pos
            .parse::<i64>()
            .ok()
            .filter(|p| (0..=position).contains(p)),
        _ => None,
    }
}

async fn pull(
    State(state): State<AppState>,
    Authorised(device): Authorised,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    keep_waiting(&state, &device, &query).await?;
    let database_id = state.storage.database_id().await?;
    let position = state.storage.position().await?;
    // No cursor: from the beginning. One this server did not give (or several): resync.
    let (since, resync) = match values(&query, "since")[..] {
        [] | [""] => (0, false),
        [c] => match read_cursor(c, &database_id, position) {
            Some(p) => (p, false),
            None => (0, true),
        },
        _ => (0, true),
    };
    let page = state
        .storage
        .pull_page(&device, since, PULL_PAGE, PULL_PAGE_BYTES, state.now())
        .await?;
    tracing::info!(device = %device.id, records = page.records.len(), resync, "pull");
    Ok(Json(json!({
        "cursor": format!("v1:{database_id}:{}", page.position),
        "resync": resync,
        "more": page.more,
        "officer": {"id": device.officer.id, "name": device.officer.name},
        "in_scope": page.in_scope,
        "records": page.records,
    }))
    .into_response())
}
