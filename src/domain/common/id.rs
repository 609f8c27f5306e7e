//! The one grammar of ids: every id a phone, a cohort file or the command line gives (records,
//! nominals, orders, conditions, variations, officers, units, devices, exhibits, decisions,
//! referrals...) and every field that names one. Ids go into the desk's links and forms, so an
//! id is ASCII letters, digits and `.`, `_`, `-`, `:` only, 1 to 64 characters, starting with a
//! letter or digit: never `/`, `?`, `#`, `&`, a space or a line break.

use std::fmt;

/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Why a string is not an id. Its text is a reason in words, to follow the field's path or
/// name (`nominals[0].id: "a/b" may only use ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TooLong {
        chars: usize,
    },
    /// The id (shown with any control character escaped) and the first character not allowed.
    BadCharacter {
        shown: String,
        found: char,
    },
    /// Starts with `.`, `_`, `-` or `:`.
    BadStart {
        shown: String,
    },
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':')
}

/// The id as a message shows it (one of 64 characters or fewer), control characters escaped.
fn shown(id: &str) -> String {
    id.chars().flat_map(char::escape_debug).collect()
}

/// Whether `id` is an id, and if not why.
pub fn check_id(id: &str) -> Result<(), IdProblem> {
    let chars = id.chars().count();
    if chars == 0 {
        return Err(IdProblem::Empty);
    }
    if chars > MAX_ID_CHARS {
        return Err(IdProblem::TooLong { chars });
    }
    if let Some(found) = id.chars().find(|c| !allowed(*c)) {
        return Err(IdProblem::BadCharacter {
            shown: shown(id),
            found,
        });
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(IdProblem::BadStart { shown: shown(id) });
    }
    Ok(())
}

/// Whether `id` is an id.
pub fn is_id(id: &str) -> bool {
    check_id(id).is_ok()
}

impl fmt::Display for IdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("is empty"),
            Self::TooLong { chars } => write!(
                f,
                "must be {MAX_ID_CHARS} characters or fewer (it has {chars})"
            ),
            Self::BadCharacter { shown, found } => {
                write!(
                    f,
                    "\"{shown}\" may only use letters, digits and . _ - : (it has "
                )?;
                match found {
                    ' ' => f.write_str("a space)"),
                    '\n' | '\r' => f.write_str("a line break)"),
                    c if c.is_control() => f.write_str("a control character)"),
                    c => write!(f, "\"{c}\")"),
                }
            }
            Self::BadStart { shown } => {
                write!(f, "\"{shown}\" must start with a letter or a digit")
            }
        }
    }
}

#[cfg(test)]
#[path = "id_tests.rs"]
mod tests;
