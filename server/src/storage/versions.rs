//! Storage for the versioned cohort (issue 21): a change to a nominal's cohort records from the
//! desk (or a phone's field record the server applies) is a new version of each record it
//! touches, with who, when and why, judged by the domain, audited and numbered in the change log,
//! in one transaction. Nothing is overwritten: every version stays readable. A part of
//! [`Storage`](super::Storage) (its supertrait); implemented for both backends in
//! `backend/versions.rs`.

use async_trait::async_trait;
use serde::Serialize;

use super::{StorageResult, StoredRecord};

/// The kinds of record that make up the cohort (versioned), as opposed to field records (which
/// never change: a correction is a new record).
pub const COHORT_KINDS: [&str; 5] = ["nominal", "order", "condition", "contact_plan", "schedule"];

/// The reason kept with the versions a cohort file's import makes.
pub const IMPORT_REASON: &str = "Imported from a cohort file";

/// One record of a change: its new body, and the version the form was opened on (`None`: a
/// record new to the unit). A record whose version moved meanwhile refuses the whole change.
#[derive(Debug, Clone)]
pub struct VersionedRecord {
    pub record: StoredRecord,
    pub expected: Option<i64>,
}

/// A change to one nominal's cohort records, made by `actor` for `reason`.
#[derive(Debug, Clone)]
pub struct CohortChange {
    pub nominal_id: String,
    pub actor: String,
    pub reason: String,
    pub records: Vec<VersionedRecord>,
    /// For a nominal new to the unit: the officer of the unit it is assigned to, in the same
    /// transaction.
    pub assign_to: Option<String>,
}

/// One version of a cohort record, as kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordVersion {
    pub kind: String,
    pub id: String,
    pub version: i64,
    pub nominal_id: String,
    pub record: serde_json::Value,
    /// The officer who made it (`None`: held before versions were kept).
    pub changed_by: Option<String>,
    /// Unix milliseconds (0: held before versions were kept).
    pub changed_at: i64,
    pub reason: String,
}

/// Judges the nominal's cohort records as they would be after a change: `Err` with each problem
/// as `(path, reason)` in the domain's words refuses the change.
pub type CohortJudge<'a> =
    &'a (dyn Fn(&[StoredRecord]) -> Result<(), Vec<(String, String)>> + Send + Sync);

/// Why a change was not applied (beside a database failure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// The unit holds no such nominal or record (another unit's is the same as none).
    NotFound(String),
    /// A record changed since the form was opened: by whom (officer id) and when.
    Stale {
        kind: String,
        id: String,
        by: Option<String>,
        at: i64,
    },
    /// The domain's checks refuse the records as they would be: `(path, reason)` each.
    Invalid(Vec<(String, String)>),
    /// The nominal has been transferred out: nothing about them changes.
    TransferredOut,
}

/// What a change came to: the records given a new version, `(kind, id, version)`; records sent
/// unchanged are left as they are.
pub type Applied = Vec<(String, String, i64)>;

#[async_trait]
pub trait CohortVersions: Send + Sync {
    /// Apply `change` to the unit's records in one transaction: each changed record becomes a
    /// new version (kept in full with who, when and why), takes a change-log position (so every
    /// phone holding the nominal gets it at its next pull) and an audit line ("created" or
    /// "altered": ids only). The outer error is the database's; the inner one a refusal, with
    /// nothing written.
    async fn change_cohort(
        &self,
        unit_id: &str,
        change: &CohortChange,
        judge: CohortJudge<'_>,
        now: i64,
    ) -> StorageResult<Result<Applied, ChangeRefusal>>;

    /// Every version of the nominal's cohort records, oldest first (empty when the unit holds
    /// no such nominal).
    async fn versions_of_nominal(
        &self,
        unit_id: &str,
        nominal_id: &str,
    ) -> StorageResult<Vec<RecordVersion>>;

    /// The version in force now of each of the nominal's cohort records, `(kind, id, version)`:
    /// what a form carries so a save made after someone else's is refused, not applied over it.
    async fn current_versions(
        &self,
        unit_id: &str,
        nominal_id: &str,
    ) -> StorageResult<Vec<(String, String, i64)>>;
}
