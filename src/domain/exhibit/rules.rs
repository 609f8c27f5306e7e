//! The rules of photo exhibits: the reference ("JS/3"), what a well-formed exhibit and
//! withdrawal are, which exhibits belong to a record and whether one was withdrawn. An exhibit
//! is never changed or removed: there is no method that does either, and a withdrawal is a
//! record of its own that leaves the exhibit in place.

use crate::domain::common::reference::initials;
use std::fmt;

use chrono::NaiveDateTime;

use crate::domain::exhibit::photo::{CapturePlace, Exhibit};

/// The largest photo kept, in bytes (8 MiB, stated in the README): a phone camera's JPEG is
/// usually 2 to 5 MB; a larger file is refused with a message, before anything is written.
pub const MAX_PHOTO_BYTES: u64 = 8 * 1024 * 1024;
/// Longest description or withdrawal reason, in characters.
pub const MAX_TEXT: usize = 1000;
/// How far (seconds) the wall clock at capture may be from the app's start time plus the
/// elapsed (monotonic) time before the capture record says the phone's clock was changed.
pub const CLOCK_TOLERANCE_S: i64 = 120;
/// The records an exhibit can be captured for.
pub const FOR_KINDS: [&str; 2] = ["breach_report", "contact"];

/// Why an exhibit or a withdrawal cannot be kept. The text is shown to the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExhibitProblem {
    NoPhoto,
    TooLarge { size_bytes: u64 },
    NotAnImage,
    BadHash,
    BadReference,
    NoDescription,
    TooLong,
    BadPlace,
    UnknownRecord,
    NoReason,
    NoSuchExhibit,
    AlreadyWithdrawn,
}

impl fmt::Display for ExhibitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoPhoto => f.write_str("Select or take a photo"),
            Self::TooLarge { size_bytes } => write!(
                f,
                "The photo is {}: the largest this app keeps is {}",
                size_text(*size_bytes),
                size_text(MAX_PHOTO_BYTES)
            ),
            Self::NotAnImage => f.write_str("The file must be a photo (an image)"),
            Self::BadHash => f.write_str("The photo's SHA-256 must be 64 lower-case hex digits"),
            Self::BadReference => {
                f.write_str("The exhibit reference must be initials and a number, like JS/3")
            }
            Self::NoDescription => f.write_str("Enter what the photo shows"),
            Self::TooLong => write!(f, "Use {MAX_TEXT} characters or fewer"),
            Self::BadPlace => f.write_str("The place is not a valid latitude and longitude"),
            Self::UnknownRecord => f.write_str("The record the exhibit is for is not known"),
            Self::NoReason => f.write_str("Enter why the exhibit is withdrawn"),
            Self::NoSuchExhibit => f.write_str("There is no such exhibit"),
            Self::AlreadyWithdrawn => f.write_str("This exhibit has already been withdrawn"),
        }
    }
}

/// "2.4 MB", "512 KB", "300 bytes" (1 MB = 1,048,576 bytes here, as the limit is).
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{}.{} MB", bytes / MB, (bytes % MB).saturating_mul(10) / MB)
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// "JS/3" → ("JS", 3).
fn split_reference(r: &str) -> Option<(&str, u32)> {
    let (who, n) = r.split_once('/')?;
    let ok_who = (1..=4).contains(&who.len()) && who.bytes().all(|b| b.is_ascii_uppercase());
    let ok_n = (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) && n != "0";
    let n = if ok_n && !n.starts_with('0') {
        n.parse().ok()?
    } else {
        return None;
    };
    ok_who.then_some((who, n))
}

/// Whether `r` is an exhibit reference: 1 to 4 capitals, "/", a number from 1 (no leading 0).
pub fn is_reference(r: &str) -> bool {
    split_reference(r).is_some()
}

/// The next reference for the officer: their initials and one more than the highest number
/// `used` holds under the same initials (so two officers who share initials never share a
/// reference, and a withdrawn exhibit keeps its number). `used` is every reference already
/// given: see [`Cohort::used_references`].
pub fn next_reference<'a>(
    officer_name_or_initials: &str,
    used: impl IntoIterator<Item = &'a str>,
) -> String {
    let who = initials(officer_name_or_initials);
    let highest = used
        .into_iter()
        .filter_map(split_reference)
        .filter(|(w, _)| *w == who)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0);
    format!("{who}/{}", highest.saturating_add(1))
}

/// Whether `s` is a SHA-256 as the app writes it: 64 lower-case hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether a photo of this size and type can be kept.
pub fn check_photo(size_bytes: u64, media_type: &str) -> Result<(), ExhibitProblem> {
    if size_bytes == 0 {
        Err(ExhibitProblem::NoPhoto)
    } else if size_bytes > MAX_PHOTO_BYTES {
        Err(ExhibitProblem::TooLarge { size_bytes })
    } else if !media_type.starts_with("image/") {
        Err(ExhibitProblem::NotAnImage)
    } else {
        Ok(())
    }
}

pub(crate) fn check_text(s: &str, empty: ExhibitProblem) -> Result<(), ExhibitProblem> {
    if s.trim().is_empty() {
        Err(empty)
    } else if s.chars().count() > MAX_TEXT {
        Err(ExhibitProblem::TooLong)
    } else {
        Ok(())
    }
}

impl CapturePlace {
    pub fn is_valid(&self) -> bool {
        self.latitude_e6.abs() <= 90_000_000 && self.longitude_e6.abs() <= 180_000_000
    }
}

impl Exhibit {
    /// The exhibit's own rules (the cohort's are in [`Cohort::check_exhibit`]).
    pub fn check(&self) -> Result<(), ExhibitProblem> {
        check_photo(self.size_bytes, &self.media_type)?;
        if !is_sha256(&self.sha256) {
            return Err(ExhibitProblem::BadHash);
        }
        if !is_reference(&self.reference) {
            return Err(ExhibitProblem::BadReference);
        }
        check_text(&self.description, ExhibitProblem::NoDescription)?;
        if !FOR_KINDS.contains(&self.record_kind.as_str()) {
            return Err(ExhibitProblem::UnknownRecord);
        }
        if self.place.as_ref().is_some_and(|p| !p.is_valid()) {
            return Err(ExhibitProblem::BadPlace);
        }
        Ok(())
    }

    /// The wall clock at capture as the monotonic clock puts it: the app's start time plus
    /// the time elapsed since.
    pub fn expected_captured_at(&self) -> NaiveDateTime {
        i64::try_from(self.elapsed_ms)
            .ok()
            .and_then(chrono::Duration::try_milliseconds)
            .and_then(|d| self.app_started_at.checked_add_signed(d))
            .unwrap_or(self.app_started_at)
    }

    /// Seconds the wall clock at capture is ahead (+) or behind (−) the monotonic clock's time;
    /// beyond [`CLOCK_TOLERANCE_S`] either way, the phone's clock was changed meanwhile.
    pub fn clock_difference_s(&self) -> i64 {
        self.captured_at
            .signed_duration_since(self.expected_captured_at())
            .num_seconds()
    }

    pub fn clock_agrees(&self) -> bool {
        self.clock_difference_s().unsigned_abs() <= CLOCK_TOLERANCE_S.unsigned_abs()
    }
}
