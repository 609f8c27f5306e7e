//! The desk's pages that keep a nominal's record (issue 21): record a new nominal, change their
//! details, record a risk review, the contact plan, a custody or licence event. Every version
//! of the record is shown by the nominal's pages (`nominal::history`).

use axum::routing::get;
use axum::Router;

use super::{custody, nominal, nominal_new, plan};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervise/nominals/new",
            get(nominal_new::start).post(nominal_new::post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/details",
            get(nominal::details_form).post(nominal::details_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/risk",
            get(nominal::risk_form).post(nominal::risk_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/plan",
            get(plan::plan_form).post(plan::plan_post),
        )
        .route(
            "/supervise/nominals/{nominal_id}/custody",
            get(custody::form).post(custody::post),
        )
}
