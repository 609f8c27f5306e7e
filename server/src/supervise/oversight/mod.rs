//! What the dashboard, its lists and the outcomes are built from: the supervisor's unit as the
//! domain reads it (`scpo_field::domain::oversight::unit`), and the routes of those pages and the
//! audit log.

mod audit;
mod dashboard;
mod outcomes;

use axum::routing::get;
use axum::Router;

use chrono::NaiveDate;

use crate::state::AppState;
use crate::storage::DeviceInfo;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise", get(self::dashboard::team))
        .route("/supervise/lists/{figure}", get(self::dashboard::list))
        .route("/supervise/audit", get(self::audit::page))
        .route("/supervise/audit.csv", get(self::audit::csv))
        .route("/supervise/outcomes", get(self::outcomes::page))
        .route("/supervise/outcomes.csv", get(self::outcomes::csv::figures))
        .route(
            "/supervise/outcomes/breaches.csv",
            get(self::outcomes::csv::breaches),
        )
}

/// How many records the phone holds that the server has not had yet, as the phone last said
/// (on its last push or pull). The one place the dashboard reads it.
pub fn records_waiting(device: &DeviceInfo) -> Option<i64> {
    device.waiting
}

/// The supervisor's today, in UK time.
pub fn today(state: &AppState) -> NaiveDate {
    super::clock::uk_today(state.now())
}

pub use super::clock::uk_start_of as start_of;
pub use super::forms::{not_found, unavailable};
