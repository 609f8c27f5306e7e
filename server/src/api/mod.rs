//! The phones' API under `/api/`: enrol, push, pull. Every call but enrolment is authorised
//! from the device credential alone; logs carry ids, never names or record contents.

mod enrol;
pub mod photos;
mod sync;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::Router;

use crate::state::{ApiError, AppState};

/// Longest request body: 4 MB (a push of 200 entries of a few KB each fits many times).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// Most entries in one push.
pub const MAX_ENTRIES: usize = 200;
/// Most records in one pull page.
pub const PULL_PAGE: i64 = 500;
/// Most bytes of record bodies in one pull page (1 MB), beyond its first record: a record
/// larger than this has a page of its own.
pub const PULL_PAGE_BYTES: i64 = 1024 * 1024;
/// The answer to a code made for registering a supervisor's passkey, typed on a phone.
pub const OTHER_USE_ON_PHONE: &str = "That code is for registering a passkey at the supervisor's desk, not for a phone. Ask for a code to enrol this phone.";
/// Failed enrolments from one address in one window before it must wait.
pub const ADDRESS_MAX_FAILURES: u32 = 10;
pub(super) const WINDOW_MS: i64 = 15 * 60 * 1000;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/enrol", post(enrol::enrol))
        .route("/api/sync/push", post(sync::push))
        .route("/api/sync/pull", get(sync::pull))
        .route(
            "/api/sync/photos/{exhibit_id}",
            put(photos::upload).layer(DefaultBodyLimit::max(photos::PHOTO_BODY_LIMIT)),
        )
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// The answer to any other address under `/api`, whatever the method (see `crate::app`).
pub async fn no_such_call() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "No such call")
}
