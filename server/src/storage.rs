//! The server's storage: one trait, two real backends (SQLite embedded, PostgreSQL for a force or
//! a region), the same code and the same tests for both (`backend.rs`).

use async_trait::async_trait;
use serde::Serialize;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Officer,
    Supervisor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Officer => "officer",
            Self::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "officer" => Some(Self::Officer),
            "supervisor" => Some(Self::Supervisor),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Officer {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub role: Role,
}

/// An enrolled phone, as the server knows it after a credential is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: String,
    pub officer: Officer,
    pub revoked: bool,
}

/// A device for listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceInfo {
    pub id: String,
    pub officer_id: String,
    pub label: String,
    pub enrolled_at: i64,
    pub revoked_at: Option<i64>,
    pub last_seen_at: Option<i64>,
}

/// The outcome of trying an enrolment code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    Enrolled {
        device_id: String,
        officer: Officer,
    },
    /// Unknown, wrong, expired, used or burnt: one answer for all, so nothing is revealed.
    Invalid,
}

/// A record as held: its kind (`nominal`, `order`, `condition`, `contact_plan`, `contact`,
/// `notification`, `briefing`, `breach_report`, `breach_decision`), id, nominal and JSON body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StoredRecord {
    pub kind: String,
    pub id: String,
    pub nominal_id: String,
    /// The record's JSON, exactly as the domain writes it.
    pub record: serde_json::Value,
}

/// What a push of one entry came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryResult {
    pub uuid: String,
    pub status: EntryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    Accepted,
    Rejected,
}

/// The judgement on a new field record, made with the domain's rules on the nominal's own data
/// inside the same transaction that stores it.
pub type Judge<'a> = &'a (dyn Fn(&NewEntry, &[StoredRecord]) -> Result<(), String> + Send + Sync);

/// A judge for pushes with no readable entry.
pub fn judge_nothing() -> Judge<'static> {
    &|_, _| Ok(())
}

/// One entry of a push, read or not.
#[derive(Debug, Clone)]
pub enum Incoming {
    Entry(NewEntry),
    /// Could not be read as a record; kept whole with the reason.
    Unreadable {
        uuid: String,
        raw: String,
        reason: String,
    },
}

/// One outbox entry to store: already parsed enough to know its record's id and nominal.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub uuid: String,
    pub kind: String,
    pub record_id: String,
    pub nominal_id: String,
    /// The record's officer, as the record says (checked against the credential's).
    pub record_officer_id: String,
    pub record: serde_json::Value,
    /// The whole entry as received, kept if it is rejected.
    pub raw: String,
}

/// A page of the change log for one officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullPage {
    pub records: Vec<StoredRecord>,
    /// Position of the last change included (or the cursor given, if none).
    pub position: i64,
    pub more: bool,
    pub in_scope: Vec<String>,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub device_id: Option<String>,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub nominal_id: Option<String>,
}

/// Counts from an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ImportCounts {
    pub created: usize,
    pub altered: usize,
    pub unchanged: usize,
}

/// The server's storage. Every method is one transaction: it happens whole or not at all.
#[async_trait]
pub trait Storage: Send + Sync {
    /// A random id of this database, made with its schema: cursors from another database are
    /// refused ("resync").
    async fn database_id(&self) -> StorageResult<String>;

    async fn add_unit(&self, id: &str, name: &str) -> StorageResult<()>;
    async fn add_officer(&self, officer: &Officer, now: i64) -> StorageResult<()>;
    async fn officer(&self, id: &str) -> StorageResult<Option<Officer>>;
    async fn officers(&self) -> StorageResult<Vec<Officer>>;

    /// Keep a new enrolment code (its secret hashed) for an officer.
    async fn add_enrolment_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        officer_id: &str,
        expires_at: i64,
    ) -> StorageResult<()>;
    /// Try a code: on success the code is used up and the device created with the credential's
    /// hash; a wrong secret counts against the code, which is burnt after `max_failures`.
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

    /// The changes after `since` to the records of the officer's nominals, oldest first.
    async fn pull(
        &self,
        device: &Device,
        since: i64,
        limit: i64,
        now: i64,
    ) -> StorageResult<PullPage>;
    /// The highest change position so far.
    async fn position(&self) -> StorageResult<i64>;

    /// Use up a one-time code (the same codes as enrolment) without enrolling a device: for a
    /// supervisor registering a passkey. `None` for a wrong, used, expired or burnt code.
    async fn take_code(
        &self,
        code_id: &str,
        secret_hash: &str,
        now: i64,
        max_failures: i64,
    ) -> StorageResult<Option<Officer>>;
    async fn add_passkey(
        &self,
        officer_id: &str,
        credential_id: &str,
        passkey: &str,
        now: i64,
    ) -> StorageResult<()>;
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
