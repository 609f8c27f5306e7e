//! A problem with a file or a record: where it is (`orders[2].stage.ends`) and why; the list of
//! them a reader or a check gathers; and the limits every value must keep to.

/// One thing wrong with a cohort file. `path` is where, e.g. `orders[2].stage.ends`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// The file was rejected. Nothing in it was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortError {
    pub problems: Vec<Problem>,
}

impl std::fmt::Display for CohortError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "The cohort file has {} problem(s)", self.problems.len())?;
        for p in &self.problems {
            write!(f, "\n- {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CohortError {}

pub(crate) struct Problems(pub(crate) Vec<Problem>);

impl Problems {
    pub(crate) fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            reason: reason.into(),
        });
    }
}

/// Longest short text (names, courts, references, places), in characters.
pub const MAX_SHORT_CHARS: usize = 200;
/// Longest long text (wording of a provision, notes, what was seen), in characters.
pub const MAX_LONG_CHARS: usize = 10_000;
/// The most items in a list inside one record (aliases, variations, conditions named...).
pub const MAX_ITEMS: usize = 200;
