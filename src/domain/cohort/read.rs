//! Reading a cohort file: every problem is reported with its path and reason, and a file with
//! any problem is rejected whole.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::cohort::aggregate::{Cohort, FORMAT, VERSION};
use crate::domain::common::validation::{CohortError, Problem, Problems};

/// The largest cohort file read, in bytes (64 MiB; a 10,000-nominal synthetic cohort is far
/// smaller).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most nominals in one cohort.
pub const MAX_NOMINALS: usize = 10_000;
/// The most records in any other top-level list.
pub const MAX_RECORDS: usize = 250_000;

/// Where serde's error points, and its message, made into a problem at the exact path: a
/// missing field is reported at the field (`orders[2].stage.ends: is missing`), not at the
/// object that lacks it.
fn problem_at(base: &str, e: crate::domain::common::json::ReadError) -> Problem {
    let inner = e.path();
    let mut path = base.to_string();
    if inner != "." && !inner.is_empty() {
        if !inner.starts_with('[') {
            path.push('.');
        }
        path.push_str(&inner);
    }
    let message = e.message().to_string();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return Problem {
            path: format!("{path}.{field}"),
            reason: "is missing".into(),
        };
    }
    Problem {
        path,
        reason: message,
    }
}

fn read_one<T: DeserializeOwned>(v: &Value, path: &str) -> Result<T, Problem> {
    crate::domain::common::json::read(v).map_err(|e| problem_at(path, e))
}

/// Read each element of a top-level array on its own, so one bad record does not hide others.
fn read_list<T: DeserializeOwned>(
    root: &Value,
    key: &str,
    required: bool,
    max: usize,
    p: &mut Problems,
) -> Vec<T> {
    match root.get(key) {
        None | Some(Value::Null) if !required => vec![],
        None | Some(Value::Null) => {
            p.add(key, "is missing: give a list (it may be empty)");
            vec![]
        }
        Some(Value::Array(items)) if items.len() > max => {
            p.add(
                key,
                format!("has {} records: at most {max} can be imported", items.len()),
            );
            vec![]
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match read_one(v, &format!("{key}[{i}]")) {
                Ok(t) => Some(t),
                Err(problem) => {
                    p.0.push(problem);
                    None
                }
            })
            .collect(),
        Some(_) => {
            p.add(key, "must be a list");
            vec![]
        }
    }
}

impl Cohort {
    /// Parse and validate a cohort file. On any problem the whole file is rejected with all
    /// of them, so the officer can fix the file in one go. Never panics, whatever the text.
    pub fn from_json(text: &str) -> Result<Cohort, CohortError> {
        let one = |reason: String| CohortError {
            problems: vec![Problem {
                path: String::new(),
                reason,
            }],
        };
        if text.len() > MAX_FILE_BYTES {
            return Err(one(format!(
                "the file is {} MB: at most {} MB can be imported",
                text.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        let root: Value = crate::domain::common::json::parse(text.as_bytes())
            .map_err(|e| one(format!("this is not a JSON file ({e})")))?;
        let mut p = Problems(vec![]);
        if !root.is_object() {
            p.add("", "the file must hold one JSON object");
            return Err(CohortError { problems: p.0 });
        }
        match root.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            _ => p.add(
                "format",
                format!("must be \"{FORMAT}\": this is not a cohort file"),
            ),
        }
        match root.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(u64::from(VERSION)) => {}
            Some(Value::Number(n)) => p.add(
                "version",
                format!("version {n} is not supported: this app reads version {VERSION}"),
            ),
            Some(_) => p.add("version", format!("must be the number {VERSION}")),
            None => p.add(
                "version",
                format!("is missing: it must be the number {VERSION}"),
            ),
        }
        let officer = match root.get("officer") {
            Some(v) => match read_one(v, "officer") {
                Ok(o) => Some(o),
                Err(problem) => {
                    p.0.push(problem);
                    None
                }
            },
            None => {
                p.add("officer", "is missing");
                None
            }
        };
        let cohort = Cohort {
            format: FORMAT.to_string(),
            version: VERSION,
            officer: officer.unwrap_or(crate::domain::people::nominal::OfficerRef {
                id: String::new(),
                name: String::new(),
            }),
            nominals: read_list(&root, "nominals", true, MAX_NOMINALS, &mut p),
            orders: read_list(&root, "orders", true, MAX_RECORDS, &mut p),
            conditions: read_list(&root, "conditions", true, MAX_RECORDS, &mut p),
            contact_plans: read_list(&root, "contact_plans", true, MAX_NOMINALS, &mut p),
            contacts: read_list(&root, "contacts", false, MAX_RECORDS, &mut p),
            notifications: read_list(&root, "notifications", false, MAX_RECORDS, &mut p),
            briefings: read_list(&root, "briefings", false, MAX_RECORDS, &mut p),
            breach_reports: read_list(&root, "breach_reports", false, MAX_RECORDS, &mut p),
            breach_decisions: read_list(&root, "breach_decisions", false, MAX_RECORDS, &mut p),
            exhibits: read_list(&root, "exhibits", false, MAX_RECORDS, &mut p),
            exhibit_withdrawals: read_list(
                &root,
                "exhibit_withdrawals",
                false,
                MAX_RECORDS,
                &mut p,
            ),
            recall_referrals: read_list(&root, "recall_referrals", false, MAX_RECORDS, &mut p),
            referral_statuses: read_list(&root, "referral_statuses", false, MAX_RECORDS, &mut p),
            schedules: read_list(&root, "schedules", false, MAX_RECORDS, &mut p),
            releases: read_list(&root, "releases", false, MAX_RECORDS, &mut p),
        };
        p.0.extend(cohort.validate());
        if p.0.is_empty() {
            Ok(cohort)
        } else {
            Err(CohortError { problems: p.0 })
        }
    }
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
