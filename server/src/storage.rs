//! The server's storage: one trait, two real backends (SQLite embedded, PostgreSQL for a force or
//! a region), the same code and the same tests for both (`backend.rs`).

use async_trait::async_trait;

mod limits;
mod photos;
mod team_admin;
mod types;
mod unit_position;
mod upkeep;
mod versions;
pub use crate::audit_filter::AuditFilter;
pub use limits::EnrolmentLimit;
pub use photos::{NewPhoto, PhotoInfo, PhotoPut, Photos, MAX_UNCLAIMED_PHOTOS};
pub use team_admin::{Revoked, TeamAdmin, LAST_SUPERVISOR};
pub use types::*;
pub use unit_position::UnitChanges;
pub use upkeep::UnitUpkeep;
pub use versions::*;

/// What can go wrong in storage. Messages carry ids at most, never personal data.
#[derive(Debug)]
pub enum StorageError {
    /// The database holds a newer schema than this binary knows: refuse to start.
    SchemaTooNew {
        database: i64,
        binary: i64,
    },
    NotFound(String),
    Conflict(String),
    Database(sqlx::Error),
    Migration(sqlx::migrate::MigrateError),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SchemaTooNew { database, binary } => write!(
                f,
                "the database has schema version {database} but this server knows only up to {binary}: run a newer scpo-server"
            ),
            Self::NotFound(what) => write!(f, "{what} not found"),
            Self::Conflict(what) => write!(f, "{what}"),
            Self::Database(e) => write!(f, "database error: {e}"),
            Self::Migration(e) => write!(f, "migration failed: {e}"),
        }
    }
}

impl std::error::Error for StorageError {}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        Self::Database(e)
    }
}

pub type StorageResult<T> = Result<T, StorageError>;

/// The server's storage. Every method is one transaction: it happens whole or not at all.
#[async_trait]
pub trait Storage:
    UnitUpkeep + Photos + EnrolmentLimit + CohortVersions + TeamAdmin + UnitChanges + Send + Sync
{
    /// A random id of this database, made with its schema: cursors from another database are
    /// refused ("resync").
    async fn database_id(&self) -> StorageResult<String>;
    /// A random secret of this database (32 bytes, hex) named `name`, made the first time it is
    /// asked for and kept in the database (so every server on it uses the same one, and none
    /// lives only in a server's memory). Never shown or logged.
    async fn secret(&self, name: &str) -> StorageResult<String>;

    async fn add_unit(&self, id: &str, name: &str) -> StorageResult<()>;
    async fn add_officer(&self, officer: &Officer, now: i64) -> StorageResult<()>;
    async fn officer(&self, id: &str) -> StorageResult<Option<Officer>>;
    async fn officers(&self) -> StorageResult<Vec<Officer>>;

    /// Keep a new one-time code (its secret hashed) for an officer, made for one use.
    async fn add_enrolment_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        officer_id: &str,
        made_for: CodeUse,
        expires_at: i64,
    ) -> StorageResult<()>;
    /// Try a phone's code: on success the code is used up and the device created with the
    /// credential's hash; a wrong secret counts against the code, which is burnt after
    /// `max_failures`; a passkey's code is refused and left as it was.
    async fn redeem_enrolment_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        credential_hash: &str,
        device_id: &str,
        label: &str,
        now: i64,
        max_failures: i64,
    ) -> StorageResult<Redeemed>;

    async fn device_by_credential(&self, credential_hash: &str) -> StorageResult<Option<Device>>;
    /// Revoke a device. False when there is no such device.
    async fn revoke_device(&self, device_id: &str, now: i64) -> StorageResult<bool>;
    async fn devices(&self) -> StorageResult<Vec<DeviceInfo>>;

    /// Import (create or replace) the unit's master data and history from a validated cohort,
    /// as records; nominals not yet assigned go to their offender manager when that officer
    /// exists in the unit. One transaction.
    async fn import_records(
        &self,
        unit_id: &str,
        records: &[StoredRecord],
        assign_to: &[(String, String)],
        actor: &str,
        now: i64,
    ) -> StorageResult<ImportCounts>;
    /// Assign a nominal to an officer (of the nominal's unit). Its records are renumbered in the
    /// change log so the new officer's phone pulls them whole.
    async fn assign(
        &self,
        nominal_id: &str,
        officer_id: &str,
        actor: &str,
        now: i64,
    ) -> StorageResult<()>;
    async fn assigned_nominals(&self, officer_id: &str) -> StorageResult<Vec<String>>;
    async fn records_of_nominal(&self, nominal_id: &str) -> StorageResult<Vec<StoredRecord>>;

    /// Every record held for the unit (its nominals' cohort data and field records), by
    /// nominal: what the supervisor's pages are built from.
    async fn unit_records(&self, unit_id: &str) -> StorageResult<Vec<StoredRecord>>;
    /// The unit's nominals and the officer each is assigned to `(nominal_id, officer_id)`.
    async fn unit_assignments(&self, unit_id: &str) -> StorageResult<Vec<(String, String)>>;

    /// Store a push exactly once, in one transaction: each entry whose UUID was processed gets
    /// its first result again; each new one is judged and its record stored (accepted) or the
    /// entry kept whole (rejected), with its UUID, in that same transaction. One result an
    /// entry, in order.
    async fn push_batch(
        &self,
        device: &Device,
        items: &[Incoming],
        judge: Judge<'_>,
        now: i64,
    ) -> StorageResult<Vec<EntryResult>>;

    /// [`Storage::push_batch`] of one entry.
    async fn push_entry(
        &self,
        device: &Device,
        entry: &NewEntry,
        judge: Judge<'_>,
        now: i64,
    ) -> StorageResult<EntryResult> {
        let items = [Incoming::Entry(entry.clone())];
        let mut r = self.push_batch(device, &items, judge, now).await?;
        r.pop()
            .ok_or_else(|| StorageError::Conflict("no result for the entry".into()))
    }

    /// [`Storage::push_batch`] of one entry that could not be read.
    async fn reject_unreadable(
        &self,
        device: &Device,
        uuid: &str,
        raw: &str,
        reason: &str,
        now: i64,
    ) -> StorageResult<EntryResult> {
        let items = [Incoming::Unreadable {
            uuid: uuid.into(),
            raw: raw.into(),
            reason: reason.into(),
        }];
        let mut r = self
            .push_batch(device, &items, judge_nothing(), now)
            .await?;
        r.pop()
            .ok_or_else(|| StorageError::Conflict("no result for the entry".into()))
    }

    /// The changes after `since` to the records of the officer's nominals, oldest first: at
    /// most `limit` records, and no more than `max_bytes` of their bodies beyond the first (so
    /// a record larger than that has a page of its own, and never stalls a pull).
    async fn pull_page(
        &self,
        device: &Device,
        since: i64,
        limit: i64,
        max_bytes: i64,
        now: i64,
    ) -> StorageResult<PullPage>;

    /// [`Storage::pull_page`] bounded only by the number of records.
    async fn pull(
        &self,
        device: &Device,
        since: i64,
        limit: i64,
        now: i64,
    ) -> StorageResult<PullPage> {
        self.pull_page(device, since, limit, i64::MAX, now).await
    }
    /// The highest change position so far.
    async fn position(&self) -> StorageResult<i64>;

    /// Try a code made for `made_for` without using it up (a passkey registration checks its
    /// code when it starts, and uses it up only when the passkey is kept). A wrong secret counts
    /// against the code as in enrolment.
    async fn check_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        made_for: CodeUse,
        now: i64,
        max_failures: i64,
    ) -> StorageResult<CodeCheck>;
    /// Keep a supervisor's new passkey and use up the passkey code it was registered with, in
    /// one transaction: nothing is kept unless the code is still good, for that officer, so two
    /// ceremonies begun with one code keep one passkey.
    async fn add_passkey_with_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        officer_id: &str,
        credential_id: &str,
        passkey: &str,
        now: i64,
        max_failures: i64,
    ) -> StorageResult<CodeCheck>;
    /// The officer's passkeys (JSON), to sign in with.
    async fn passkeys_of(&self, officer_id: &str) -> StorageResult<Vec<String>>;
    async fn update_passkey(
        &self,
        credential_id: &str,
        passkey: &str,
        now: i64,
    ) -> StorageResult<()>;
    async fn start_session(
        &self,
        token_hash: &str,
        officer_id: &str,
        csrf: &str,
        now: i64,
    ) -> StorageResult<()>;
    /// The session's officer and CSRF token if it is still open: not ended, seen within
    /// `idle_ms`, begun within `absolute_ms`. A session past either is ended; an open one is
    /// marked seen now.
    async fn session(
        &self,
        token_hash: &str,
        now: i64,
        idle_ms: i64,
        absolute_ms: i64,
    ) -> StorageResult<Option<(Officer, String)>>;
    async fn end_session(&self, token_hash: &str, now: i64) -> StorageResult<()>;
    /// End every open session of the officer ("sign out everywhere"); how many.
    async fn end_all_sessions(&self, officer_id: &str, now: i64) -> StorageResult<u64>;

    async fn audit_since(&self, since: i64) -> StorageResult<Vec<AuditEntry>>;
    async fn audit(
        &self,
        actor: &str,
        device_id: Option<&str>,
        action: &str,
        record_kind: &str,
        record_id: &str,
        nominal_id: Option<&str>,
        now: i64,
    ) -> StorageResult<()>;
    /// Entries rejected so far, for the supervisor (uuid, officer, reason).
    async fn rejected(&self) -> StorageResult<Vec<(String, String, String)>>;
    /// How many records are held, by kind (for tests and the benchmark).
    async fn count_records(&self, kind: &str) -> StorageResult<i64>;

    /// The unit's audit lines that pass the filter, newest first, at most `limit` (in SQL).
    async fn audit_query(&self, filter: &AuditFilter, limit: i64)
        -> StorageResult<Vec<AuditEntry>>;
    /// Log one action on many `(record_kind, record_id, nominal_id)` in one transaction.
    async fn audit_many(
        &self,
        actor: &str,
        action: &str,
        records: &[(String, String, Option<String>)],
        now: i64,
    ) -> StorageResult<()>;
    /// Keep a DS's breach decision (`kind` `breach_decision`), written on the server: one
    /// transaction, the next change-log position (so it reaches the assigned officer's phone on
    /// its next pull), the DS as its author and a `created` audit line. Refused (NotFound) unless
    /// the report it names is held for `unit_id` about the same nominal; refused (Conflict) if
    /// the decision it replaces (or none) is no longer the one that stands on the report.
    async fn add_decision(
        &self,
        unit_id: &str,
        decision: &StoredRecord,
        actor: &str,
        now: i64,
    ) -> StorageResult<()>;
}
