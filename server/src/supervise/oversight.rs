//! What the dashboard, its lists and the outcomes are built from: the supervisor's unit as the
//! domain reads it (`scpo_field::domain::oversight`), and the routes of those pages and the
//! audit log.

use axum::response::Response;
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use scpo_field::domain::oversight::Unit;
use scpo_field::domain::Cohort;

use super::Supervisor;
use crate::api::AppState;
use crate::storage::{DeviceInfo, Officer, Role};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise", get(super::dashboard::team))
        .route("/supervise/lists/{figure}", get(super::dashboard::list))
        .route("/supervise/audit", get(super::audit::page))
        .route("/supervise/audit.csv", get(super::audit::csv))
        .route("/supervise/outcomes", get(super::outcomes::page))
}

/// The unit's records as the figures read them.
pub struct UnitData {
    pub cohort: Cohort,
    pub assignments: Vec<(String, String)>,
    pub transferred: Vec<String>,
    /// The unit's officers (and a supervisor only if holding nominals), by id.
    pub officers: Vec<Officer>,
}

impl UnitData {
    pub fn unit(&self) -> Unit<'_> {
        Unit {
            cohort: &self.cohort,
            assignments: &self.assignments,
            decisions: &self.cohort.breach_decisions,
            transferred: &self.transferred,
        }
    }

    pub fn officer(&self, id: &str) -> Option<&Officer> {
        self.officers.iter().find(|o| o.id == id)
    }

    /// "PC Second Demo (PC-DEMO-02)", or the id alone for someone not (or no longer) in the unit.
    pub fn officer_label(&self, id: &str) -> String {
        match self.officer(id) {
            Some(o) => format!("{} ({})", o.name, o.id),
            None => id.to_string(),
        }
    }
}

/// Read everything the supervisor's unit holds, or the page to answer when storage fails.
pub async fn load(state: &AppState, s: &Supervisor) -> Result<UnitData, Response> {
    let unit_id = &s.officer.unit_id;
    let failed = |_| unavailable(state, s);
    let records = state.storage.unit_records(unit_id).await.map_err(failed)?;
    let assignments = state
        .storage
        .unit_assignments(unit_id)
        .await
        .map_err(failed)?;
    let mut officers: Vec<Officer> = state
        .storage
        .officers()
        .await
        .map_err(failed)?
        .into_iter()
        .filter(|o| &o.unit_id == unit_id)
        // Its officers, and anyone else of the unit who holds nominals, so the columns add up.
        .filter(|o| o.role == Role::Officer || assignments.iter().any(|(_, a)| a == &o.id))
        .collect();
    officers.sort_by(|a, b| a.id.cmp(&b.id));
    let mut transferred: Vec<String> = super::transfer::transfers(&records).into_keys().collect();
    transferred.sort();
    Ok(UnitData {
        cohort: crate::sync::cohort_of(&records),
        assignments,
        transferred,
        officers,
    })
}

/// The unit's phones (not revoked), for the "records waiting on phones" table.
pub async fn unit_devices(state: &AppState, data: &UnitData) -> Vec<DeviceInfo> {
    let all = state.storage.devices().await.unwrap_or_default();
    all.into_iter()
        .filter(|d| d.revoked_at.is_none() && data.officer(&d.officer_id).is_some())
        .collect()
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
