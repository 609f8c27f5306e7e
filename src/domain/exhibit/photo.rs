//! Photo exhibits: a photo taken or chosen on the phone for a breach report or a contact, kept
//! with what proves its continuity (the SHA-256 of the original bytes, when and where it was
//! captured, by whom) under an exhibit reference ("JS/3": the officer's initials and a running
//! number). An exhibit is never altered or deleted: it can only be withdrawn, with a reason, by
//! a record of its own.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Where the phone said it was when the officer asked for the place. Degrees are kept as
/// millionths (about 0.1 m), so a place compares exactly and never holds NaN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapturePlace {
    pub latitude_e6: i64,
    pub longitude_e6: i64,
    /// Metres, rounded up (the Geolocation API's accuracy: 95% confidence).
    pub accuracy_m: u32,
}

/// One photo exhibit. Kind `"exhibit"`; pushed by phones like every field record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exhibit {
    pub id: String,
    pub nominal_id: String,
    /// The breach report or contact it was captured for.
    pub record_kind: String,
    pub record_id: String,
    /// "JS/3".
    pub reference: String,
    /// What it shows, in the officer's words.
    pub description: String,
    /// Lower-case hex SHA-256 of the original bytes, as captured.
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: u64,
    /// The phone's wall clock at capture.
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub captured_at: NaiveDateTime,
    /// The wall clock when the app started, and milliseconds elapsed since then at capture
    /// (a monotonic clock): a phone clock changed between the two shows as a mismatch.
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub app_started_at: NaiveDateTime,
    pub elapsed_ms: u64,
    #[serde(default)]
    pub place: Option<CapturePlace>,
    pub officer_id: String,
    pub officer_name: String,
}

/// An exhibit withdrawn, with the reason. Kind `"exhibit_withdrawal"`. The exhibit itself is
/// kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitWithdrawal {
    pub id: String,
    pub nominal_id: String,
    pub exhibit_id: String,
    pub reason: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub withdrawn_at: NaiveDateTime,
    pub officer_id: String,
    pub officer_name: String,
}
