//! Keeping an order at the desk (issue 21, "What can be recorded" 2 to 4): a new order from
//! the sealed court order, its provisions (one at a time, or the order's text split at its
//! numbered paragraphs), and a variation, extension or discharge. GOV.UK question pages and a
//! check-answers page; the answers travel page to page in hidden fields and are checked again
//! in full, by the domain's form checks (`scpo_field::domain::forms`), before anything is
//! saved through [`keep::save`](super::save) (versioned, audited, on the phones at their
//! next pull). Every page: the nominal's keeper only (404 otherwise), CSRF checked.

mod fields;
mod new_order;
mod new_order_view;
mod provisions;
mod provisions_view;
mod schedules;
mod schedules_list;
mod schedules_view;
mod variation;
mod variation_view;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervise/nominals/{nominal_id}/orders/new",
            get(new_order::start).post(new_order::post),
        )
        .route(
            "/supervise/orders/{order}/provisions/new",
            get(provisions::start).post(provisions::post),
        )
        .route(
            "/supervise/orders/{order}/variations/new",
            get(variation::start).post(variation::post),
        )
        .merge(schedules::routes())
}
