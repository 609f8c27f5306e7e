//! Cohort upkeep: the unit's nominals, searched and sorted by what needs attention
//! ([`list`](list::list)), assigning a nominal to an officer; one nominal's page is in
//! `nominal` (at `/supervise/nominals/{id}`, and at `/supervise/cohort/{id}` as before),
//! transfer out in `transfer`, and adding or updating nominals, orders, provisions and
//! variations from a cohort file in `import`.

mod list;
pub(super) mod mine;
pub(super) mod transfer;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::forms::{not_found, unavailable, unit_officers};
use super::nominal::{nominal_page, NominalForms};
use super::unit::load;
use super::url::segment;
use super::{csrf_refusal, import, Supervisor};
use crate::state::AppState;
use crate::storage::StorageError;
use crate::supervise::transferred::transfers;

pub(super) const SECTION: Option<&str> = Some("/supervise/cohort");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/cohort", get(list::list))
        .route("/supervise/cohort/{nominal_id}/assign", post(assign))
        .route(
            "/supervise/cohort/{nominal_id}/transfer",
            post(transfer::transfer),
        )
        .merge(import::routes())
}

/// When the nominal's order ends, in words.
pub(super) fn order_end(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> String {
    match cohort.order_for(nominal_id, today) {
        None => "No order held".into(),
        Some(o) => match o.ends_on(today) {
            Some(end) if o.end_is_provisional() => format!("{} (provisional)", format_date(end)),
            Some(end) => format_date(end),
            None => o.status_on(today).label().into(),
        },
    }
}

#[derive(Deserialize)]
pub struct AssignForm {
    csrf: String,
    #[serde(default)]
    officer: String,
}

async fn assign(
    State(state): State<AppState>,
    s: Supervisor,
    Path(nominal_id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let sent_back = |message: &str| NominalForms {
        problems: vec![("officer".into(), message.into())],
        officer: Some(f.officer.clone()),
        ..Default::default()
    };
    let officers = unit_officers(&state, &s.officer.unit_id).await;
    if f.officer.is_empty() {
        return nominal_page(&state, &s, &nominal_id, sent_back("Choose an officer")).await;
    }
    // Only an officer of the supervisor's own unit, whatever the form says.
    if !officers.iter().any(|o| o.id == f.officer) {
        let m = "Choose an officer of your unit";
        return nominal_page(&state, &s, &nominal_id, sent_back(m)).await;
    }
    let records = load(&state, &s)
        .await
        .map(|unit| unit.records)
        .unwrap_or_default();
    let held = records
        .iter()
        .any(|r| r.kind == "nominal" && r.id == nominal_id);
    if !held {
        return not_found(&state, &s);
    }
    if let Some(t) = transfers(&records).get(&nominal_id) {
        let m = format!(
            "This nominal was transferred out to {} on {}: they cannot be assigned to an officer",
            t.force,
            format_date(t.on)
        );
        return nominal_page(&state, &s, &nominal_id, sent_back(&m)).await;
    }
    match state
        .storage
        .assign(&nominal_id, &f.officer, &s.officer.id, state.now())
        .await
    {
        Ok(()) => {
            tracing::info!(nominal = %nominal_id, officer = %f.officer, actor = %s.officer.id, "nominal assigned");
            let to = format!("/supervise/nominals/{}?done=assigned", segment(&nominal_id));
            Redirect::to(&to).into_response()
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(StorageError::Conflict(_)) => {
            let m = "This nominal cannot be assigned to that officer";
            nominal_page(&state, &s, &nominal_id, sent_back(m)).await
        }
        Err(e) => {
            tracing::error!(error = %e, nominal = %nominal_id, "assign");
            unavailable(&state, &s)
        }
    }
}
