//! The supervisor's unit as every desk page reads it: its records, the cohort the app's domain
//! builds from them, who holds whom, who moved out, and its people. One loader
//! ([`load`]) for every page, so no page builds the cohort its own way.
//!
//! Reading and parsing a unit's records and building its cohort is most of a page's time (20,000
//! records: hundreds of milliseconds), so the unit is held between pages ([`HeldUnit`],
//! `held_unit.rs`): each page reads from the database only the records written since (none, when
//! nothing changed), by this server or any other on the same database, and those are put in
//! place; the team's figures are worked out again only for the nominals that changed. Who holds
//! whom and the unit's people are small and read fresh for every page.

use std::collections::HashMap;
use std::sync::Arc;

use axum::response::Response;
use chrono::NaiveDate;
use scpo_field::domain::oversight::unit::{Dashboard, Unit};
use scpo_field::domain::Cohort;

use super::forms::unavailable;
use super::DeskUser;
use crate::held_unit::HeldUnit;
use crate::state::AppState;
use crate::storage::{DeviceInfo, Officer, Role, StoredRecord};

/// The unit's records as the figures read them.
pub struct UnitData {
    /// The unit's records as stored.
    pub records: Arc<Vec<StoredRecord>>,
    pub cohort: Arc<Cohort>,
    pub assignments: Vec<(String, String)>,
    pub transferred: Arc<Vec<String>>,
    /// The unit's officers (and a supervisor only if holding nominals), by id: the figures'
    /// columns.
    pub officers: Vec<Officer>,
    /// Everyone of the unit (officers and supervisors), by id.
    pub people: Vec<Officer>,
    /// The unit as held, whose records and cohort these are.
    held: Arc<HeldUnit>,
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

    /// The team's figures on `today` (the domain's
    /// [`dashboard`](scpo_field::domain::oversight::unit::dashboard)), as the held unit works
    /// them out: again only for the nominals whose records, holder or day changed.
    pub fn dashboard(&self, today: NaiveDate) -> Arc<Dashboard> {
        self.held.dashboard(today, &self.assignments)
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
    let held = state
        .held_units
        .current(state.storage.as_ref(), unit_id)
        .await
        .map_err(failed)?;
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
    Ok(UnitData {
        records: held.records.clone(),
        cohort: held.cohort.clone(),
        transferred: held.transferred.clone(),
        assignments,
        officers,
        people,
        held,
    })
}

/// The unit's phones (not revoked), for the "records waiting on phones" table.
pub async fn unit_devices(state: &AppState, data: &UnitData) -> Vec<DeviceInfo> {
    let all = state.storage.devices().await.unwrap_or_default();
    all.into_iter()
        .filter(|d| d.revoked_at.is_none() && data.officer(&d.officer_id).is_some())
        .collect()
}
