//! The values the storage takes and gives: officers and their roles, devices, records as held,
//! push entries and their results, pull pages, audit lines and import counts.

use serde::Serialize;

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
    /// An officer's right to keep the whole unit's cohort at the desk, not only their own
    /// nominals (given by the DS). A supervisor keeps it by their role.
    pub keeps_cohort: bool,
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
    /// Its last call (push or pull): its last sync.
    pub last_seen_at: Option<i64>,
    /// Outbox entries not yet acknowledged as it last reported them, and when.
    pub waiting: Option<i64>,
    pub waiting_at: Option<i64>,
}

/// What a one-time code was made for. Each ceremony takes only its own kind: a phone's code
/// typed on the desk's passkey page (or the other way round) is refused and left as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeUse {
    /// Enrolling an officer's phone (`POST /api/enrol`).
    Phone,
    /// Registering a supervisor's passkey at the desk (`/supervise/register`).
    Passkey,
}

impl CodeUse {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Passkey => "passkey",
        }
    }
}

/// The outcome of trying a one-time code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck {
    /// Right, unused, in time and made for this use: its officer.
    Valid(Officer),
    /// Right, but made for the other use: refused, changed in nothing, still good for its own.
    OtherUse,
    /// Unknown, wrong, expired, used or burnt: one answer for all, so nothing is revealed.
    Invalid,
}

/// The outcome of trying an enrolment code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    Enrolled {
        device_id: String,
        officer: Officer,
    },
    /// A right code made for registering a passkey, not a phone: nothing changed.
    OtherUse,
    /// Unknown, wrong, expired, used or burnt: one answer for all, so nothing is revealed.
    Invalid,
}

/// A record as held: its kind (`nominal`, `order`, `condition`, `contact_plan`, `schedule`,
/// `contact`, `notification`, `briefing`, `breach_report`, `breach_decision`), id, nominal and
/// JSON body.
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
