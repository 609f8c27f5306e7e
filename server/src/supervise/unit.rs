//! The supervisor's unit as every desk page reads it: its records, the cohort the app's domain
//! builds from them, who holds whom, who moved out, and its people. One loader
//! ([`load`]) for every page, so no page builds the cohort its own way.

use std::collections::HashMap;

use axum::response::Response;
use scpo_field::domain::oversight::unit::Unit;
use scpo_field::domain::Cohort;

use super::forms::unavailable;
use super::DeskUser;
use crate::state::AppState;
use crate::storage::{DeviceInfo, Officer, Role, StoredRecord};

/// The unit's records as the figures read them.
pub struct UnitData {
    /// The unit's records as stored.
    pub records: Vec<StoredRecord>,
    pub cohort: Cohort,
    pub assignments: Vec<(String, String)>,
    pub transferred: Vec<String>,
    /// The unit's officers (and a supervisor only if holding nominals), by id: the figures'
    /// columns.
    pub officers: Vec<Officer>,
    /// Everyone of the unit (officers and supervisors), by id.
    pub people: Vec<Officer>,
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

    /// Who holds each nominal: nominal id to officer id.
    pub fn assigned(&self) -> HashMap<String, String> {
        self.assignments.iter().cloned().collect()
    }

    /// Everyone of the unit's name, by id.
    pub fn names(&self) -> HashMap<String, String> {
        self.people
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect()
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
pub async fn load(state: &AppState, s: &DeskUser) -> Result<UnitData, Response> {
    let unit_id = &s.officer.unit_id;
    let failed = |_| unavailable(state, s);
    let records = state.storage.unit_records(unit_id).await.map_err(failed)?;
    let assignments = state
        .storage
        .unit_assignments(unit_id)
        .await
        .map_err(failed)?;
    let mut people: Vec<Officer> = state
        .storage
        .officers()
        .await
        .map_err(failed)?
        .into_iter()
        .filter(|o| &o.unit_id == unit_id)
        .collect();
    people.sort_by(|a, b| a.id.cmp(&b.id));
    let mut officers: Vec<Officer> = people
        .iter()
        // Its officers, and anyone else of the unit who holds nominals, so the columns add up.
        .filter(|o| o.role == Role::Officer || assignments.iter().any(|(_, a)| a == &o.id))
        .cloned()
        .collect();
    officers.sort_by(|a, b| a.id.cmp(&b.id));
    let mut transferred: Vec<String> = super::transfer::transfers(&records).into_keys().collect();
    transferred.sort();
    Ok(UnitData {
        cohort: crate::records::cohort_of(&records),
        records,
        assignments,
        transferred,
        officers,
        people,
    })
}

/// The unit's phones (not revoked), for the "records waiting on phones" table.
pub async fn unit_devices(state: &AppState, data: &UnitData) -> Vec<DeviceInfo> {
    let all = state.storage.devices().await.unwrap_or_default();
    all.into_iter()
        .filter(|d| d.revoked_at.is_none() && data.officer(&d.officer_id).is_some())
        .collect()
}
