//! The desk's pages that keep a nominal's record (issue 21): record a new nominal, change their
//! details, record a risk review, the contact plan, a custody or licence event, and every
//! version of the record.

use axum::routing::get;
use axum::Router;

use super::{keep_nominal_new};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/supervise/nominals/new",
        get(keep_nominal_new::start).post(keep_nominal_new::post),
    )
}
