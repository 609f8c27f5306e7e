//! What can go wrong with the device's memory, in words an officer can act on.
//!
//! Messages never contain a passcode, a key, a name or any other record content: they may be
//! shown on screen, and the UI may log them. Technical detail is limited to the kind of browser
//! error (its DOMException name), kept in `detail` fields that are not part of the message.

use std::fmt;

/// Everything the store can refuse or fail to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No passcode has been set on this phone yet (first run, or after a wipe).
    NotSetUp,
    /// A passcode already exists; change it instead of setting it again.
    AlreadySetUp,
    /// The app is locked: the data key is not in memory.
    Locked,
    /// The new passcode is shorter than the minimum.
    PasscodeTooShort { min: usize },
    /// The passcode and its confirmation differ.
    PasscodesDoNotMatch,
    /// The passcode was wrong; `attempts_left` more wrong tries before the wipe.
    WrongPasscode { attempts_left: u32 },
    /// Too many wrong tries in a row: the next try is allowed after a wait.
    TryAgainLater { wait_seconds: u32 },
    /// The limit of wrong passcodes was reached and everything on the phone was deleted.
    Wiped,
    /// The disk is full (IndexedDB `QuotaExceededError`). Nothing was saved.
    OutOfSpace,
    /// The cohort file failed validation; nothing was changed. `problems` says what is wrong
    /// and may quote the file: show them on screen, never log them.
    InvalidCohort { problems: Vec<String> },
    /// A field record with this id was already submitted. Records are never overwritten.
    AlreadySubmitted,
    /// The record asked for does not exist.
    NotFound,
    /// A stored record could not be decrypted or understood (damaged, or from another key).
    Unreadable,
    /// WebCrypto failed or is missing (for example an insecure `http://` page).
    Crypto { detail: String },
    /// IndexedDB failed or is missing (for example some private browsing modes).
    Storage { detail: String },
    /// The store was opened with test settings that are refused for real use.
    InsecureSettings,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotSetUp => f.write_str("Set a passcode for this phone first."),
            Self::AlreadySetUp => f.write_str(
                "A passcode is already set on this phone. Use \"Change passcode\" to change it.",
            ),
            Self::Locked => f.write_str("The app is locked. Enter your passcode to continue."),
            Self::PasscodeTooShort { min } => {
                write!(f, "Your passcode must be at least {min} characters long.")
            }
            Self::PasscodesDoNotMatch => {
                f.write_str("The two passcodes do not match. Type the same passcode twice.")
            }
            Self::WrongPasscode { attempts_left } => {
                let tries = if *attempts_left == 1 { "try" } else { "tries" };
                write!(
                    f,
                    "That passcode is wrong. {attempts_left} {tries} left before all data on \
                     this phone is deleted."
                )
            }
            Self::TryAgainLater { wait_seconds } => {
                let unit = if *wait_seconds == 1 {
                    "second"
                } else {
                    "seconds"
                };
                write!(
                    f,
                    "Too many wrong passcodes. Wait {wait_seconds} {unit}, then try again."
                )
            }
            Self::Wiped => f.write_str(
                "Too many wrong passcodes: all data on this phone has been deleted. Set a new \
                 passcode and import your cohort again.",
            ),
            Self::OutOfSpace => f.write_str(
                "This phone is out of storage space. Nothing was saved, and your typing is kept \
                 on screen. Free some space (for example delete photos or unused apps), then try \
                 again.",
            ),
            Self::InvalidCohort { problems } => {
                let n = problems.len();
                let s = if n == 1 { "" } else { "s" };
                write!(
                    f,
                    "The cohort file was not imported: it has {n} problem{s}. Nothing on this \
                     phone was changed."
                )
            }
            Self::AlreadySubmitted => f.write_str(
                "This record was already submitted and cannot be changed. Record a correction \
                 instead.",
            ),
            Self::NotFound => f.write_str("That record is not on this phone."),
            Self::Unreadable => f.write_str(
                "Some stored data could not be read. It may be damaged. Export your outbox, then \
                 ask your supervisor for help.",
            ),
            Self::Crypto { .. } => f.write_str(
                "This browser could not encrypt or decrypt data. Open the app from its installed \
                 icon (it needs a secure https page) and try again.",
            ),
            Self::Storage { .. } => f.write_str(
                "The phone's storage did not respond. Nothing was saved. Try again; if it keeps \
                 happening, close and reopen the app (private browsing cannot store data).",
            ),
            Self::InsecureSettings => {
                f.write_str("This copy of the app was built for testing and cannot hold real data.")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// Result of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

/// Map a DOMException (or exception-like) name to a store error. Quota errors get their own
/// variant so the officer is told to free space rather than to "try again".
pub(crate) fn from_dom_name(name: &str) -> StoreError {
    match name {
        "QuotaExceededError" => StoreError::OutOfSpace,
        "ConstraintError" => StoreError::AlreadySubmitted,
        other => StoreError::Storage {
            detail: other.to_owned(),
        },
    }
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        use indexed_db_futures::error::Error as E;
        match e {
            E::DomException(d) => {
                let js: &wasm_bindgen::JsValue = d.as_ref();
                from_dom_name(&super::js::js_error_name(js))
            }
            E::Serialisation(_) => StoreError::Unreadable,
            E::MissingData(m) => StoreError::Storage {
                detail: format!("{m}"),
            },
            E::Unknown(_) => StoreError::Storage {
                detail: "UnknownError".to_owned(),
            },
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        use indexed_db_futures::error::OpenDbError as E;
        match e {
            E::Base(b) => b.into(),
            other => StoreError::Storage {
                detail: format!("{other}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_maps_to_out_of_space_with_reassuring_message() {
        let e = from_dom_name("QuotaExceededError");
        assert_eq!(e, StoreError::OutOfSpace);
        let msg = e.to_string();
        assert!(msg.contains("out of storage space"));
        assert!(msg.contains("Nothing was saved"));
        assert!(msg.contains("typing is kept on screen"));
    }

    #[test]
    fn wrong_passcode_message_counts_tries() {
        assert!(StoreError::WrongPasscode { attempts_left: 1 }
            .to_string()
            .contains("1 try left"));
        assert!(StoreError::WrongPasscode { attempts_left: 3 }
            .to_string()
            .contains("3 tries left"));
    }

    #[test]
    fn cohort_message_does_not_echo_problem_text() {
        let e = StoreError::InvalidCohort {
            problems: vec!["Nominal N-001 (John Smith) has no order".into()],
        };
        assert!(!e.to_string().contains("Smith"));
    }
}
