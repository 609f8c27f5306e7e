//! Which nominals the unit has transferred out, read from the server-authored `transfer`
//! records (written by `cohort::transfer`). Shared: the unit's scope (`unit`), the nominal page,
//! the cohort list and an import's preview all read it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::storage::StoredRecord;

/// The record kind.
pub const KIND: &str = "transfer";
/// A nominal transferred out, as its `transfer` record says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transferred {
    pub on: NaiveDate,
    pub force: String,
}

/// The nominals transferred out among `records`, by nominal id.
pub fn transfers(records: &[StoredRecord]) -> HashMap<String, Transferred> {
    records
        .iter()
        .filter(|r| r.kind == KIND)
        .filter_map(|r| {
            let on = r.record.get("transferred_on")?.as_str()?.parse().ok()?;
            let force = r.record.get("receiving_force")?.as_str()?.to_string();
            Some((r.nominal_id.clone(), Transferred { on, force }))
        })
        .collect()
}
