//! The desk's pages that keep a nominal's record (issue 21): record a new nominal, change their
//! details, record a risk review, the contact plan, a custody or licence event, and every
//! version of the record.

use axum::routing::get;
use axum::Router;

use super::{history, keep_custody, keep_nominal, keep_nominal_new, keep_plan};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervise/nominals/new",
            get(keep_nominal_new::start).post(keep_nominal_new::post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/details",
            get(keep_nominal::details_form).post(keep_nominal::details_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/risk",
            get(keep_nominal::risk_form).post(keep_nominal::risk_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/plan",
            get(keep_plan::plan_form).post(keep_plan::plan_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/custody",
            get(keep_custody::form).post(keep_custody::post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/history",
            get(history::history),
        )
}
