//! Reading a cohort file: every problem is reported with its path and reason, and a file with
//! any problem is rejected whole.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::cohort::{Cohort, FORMAT, VERSION};
use super::nominal::CustodyStatus;

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

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            reason: reason.into(),
        });
    }
}

/// Read each element of a top-level array on its own, so one bad record does not hide others.
fn read_list<T: DeserializeOwned>(
    root: &Value,
    key: &str,
    required: bool,
    p: &mut Problems,
) -> Vec<T> {
    match root.get(key) {
        None | Some(Value::Null) if !required => vec![],
        None | Some(Value::Null) => {
            p.add(key, "is missing: give a list (it may be empty)");
            vec![]
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match T::deserialize(v) {
                Ok(t) => Some(t),
                Err(e) => {
                    p.add(format!("{key}[{i}]"), e.to_string());
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
    /// of them, so the officer can fix the file in one go.
    pub fn from_json(text: &str) -> Result<Cohort, CohortError> {
        let root: Value = serde_json::from_str(text).map_err(|e| CohortError {
            problems: vec![Problem {
                path: String::new(),
                reason: format!("this is not a JSON file ({e})"),
            }],
        })?;
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
        match root.get("version").and_then(Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => p.add(
                "version",
                format!("version {v} is not supported: this app reads version {VERSION}"),
            ),
            None => p.add("version", "is missing"),
        }
        let officer = match root
            .get("officer")
            .map(|v| serde_json::from_value(v.clone()))
        {
            Some(Ok(o)) => Some(o),
            Some(Err(e)) => {
                p.add("officer", e.to_string());
                None
            }
            None => {
                p.add("officer", "is missing");
                None
            }
        };
        let cohort = Cohort {
            format: FORMAT.to_string(),
            version: VERSION,
            officer: officer.unwrap_or(super::nominal::OfficerRef {
                id: String::new(),
                name: String::new(),
            }),
            nominals: read_list(&root, "nominals", true, &mut p),
            orders: read_list(&root, "orders", true, &mut p),
            conditions: read_list(&root, "conditions", true, &mut p),
            contact_plans: read_list(&root, "contact_plans", true, &mut p),
            contacts: read_list(&root, "contacts", false, &mut p),
            notifications: read_list(&root, "notifications", false, &mut p),
            briefings: read_list(&root, "briefings", false, &mut p),
            breach_reports: read_list(&root, "breach_reports", false, &mut p),
        };
        p.0.extend(cohort.validate());
        if p.0.is_empty() {
            Ok(cohort)
        } else {
            Err(CohortError { problems: p.0 })
        }
    }

    /// Every rule a well-formed cohort must meet, beyond its shape.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Problems(vec![]);
        let ids = |key: &str, ids: Vec<&str>, p: &mut Problems| -> HashSet<String> {
            let mut seen = HashSet::new();
            for (i, id) in ids.into_iter().enumerate() {
                if id.trim().is_empty() {
                    p.add(format!("{key}[{i}].id"), "is empty");
                } else if !seen.insert(id.to_string()) {
                    p.add(format!("{key}[{i}].id"), format!("\"{id}\" is used twice"));
                }
            }
            seen
        };
        let nominal_ids = ids(
            "nominals",
            self.nominals.iter().map(|n| n.id.as_str()).collect(),
            &mut p,
        );
        let order_ids = ids(
            "orders",
            self.orders.iter().map(|o| o.id.as_str()).collect(),
            &mut p,
        );
        let condition_ids = ids(
            "conditions",
            self.conditions.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        ids(
            "contacts",
            self.contacts.iter().map(|c| c.id.as_str()).collect(),
            &mut p,
        );
        ids(
            "notifications",
            self.notifications.iter().map(|n| n.id.as_str()).collect(),
            &mut p,
        );
        ids(
            "briefings",
            self.briefings.iter().map(|b| b.id.as_str()).collect(),
            &mut p,
        );
        ids(
            "breach_reports",
            self.breach_reports.iter().map(|b| b.id.as_str()).collect(),
            &mut p,
        );
        let known_nominal = |key: String, id: &str, p: &mut Problems| {
            if !nominal_ids.contains(id) {
                p.add(key, format!("no nominal has the id \"{id}\""));
            }
        };

        for (i, n) in self.nominals.iter().enumerate() {
            let at = |f: &str| format!("nominals[{i}].{f}");
            if n.given_name.trim().is_empty() {
                p.add(at("given_name"), "is empty");
            }
            if n.family_name.trim().is_empty() {
                p.add(at("family_name"), "is empty");
            }
            if let CustodyStatus::OnLicence {
                released_on,
                licence_ends,
                ..
            } = &n.custody
            {
                if licence_ends < released_on {
                    p.add(at("custody.licence_ends"), "is before the release date");
                }
            }
            if n.risk_reviewed_on < n.date_of_birth {
                p.add(at("risk_reviewed_on"), "is before the date of birth");
            }
        }
        for (i, o) in self.orders.iter().enumerate() {
            known_nominal(format!("orders[{i}].nominal_id"), &o.nominal_id, &mut p);
            if o.court_reference.trim().is_empty() {
                p.add(format!("orders[{i}].court_reference"), "is empty");
            }
            if let Err(e) = o.check_dates() {
                p.add(format!("orders[{i}].stage"), e.to_string());
            }
            if let (Some(granted), Some(n)) = (o.date_granted(), self.nominal(&o.nominal_id)) {
                if granted.years_since(n.date_of_birth).unwrap_or(0) < 18 {
                    p.add(
                        format!("orders[{i}].stage.date_granted"),
                        "the subject of an order must be 18 or over when it is made",
                    );
                }
            }
            for (j, v) in o.variations.iter().enumerate() {
                if v.takes_effect < v.made_on {
                    p.add(
                        format!("orders[{i}].variations[{j}].takes_effect"),
                        "is before the variation was made",
                    );
                }
            }
        }
        for (i, c) in self.conditions.iter().enumerate() {
            if !order_ids.contains(&c.order_id) {
                p.add(
                    format!("conditions[{i}].order_id"),
                    format!("no order has the id \"{}\"", c.order_id),
                );
            }
            if c.verbatim.trim().is_empty() {
                p.add(
                    format!("conditions[{i}].verbatim"),
                    "is empty: give the wording as granted",
                );
            }
            if let (Some(s), Some(e)) = (c.starts, c.ends) {
                if e < s {
                    p.add(
                        format!("conditions[{i}].ends"),
                        "is before the condition starts",
                    );
                }
            }
        }
        let mut planned = HashSet::new();
        for (i, plan) in self.contact_plans.iter().enumerate() {
            known_nominal(
                format!("contact_plans[{i}].nominal_id"),
                &plan.nominal_id,
                &mut p,
            );
            if !(1..=365).contains(&plan.every_days) {
                p.add(
                    format!("contact_plans[{i}].every_days"),
                    "must be between 1 and 365 days",
                );
            }
            if !planned.insert(plan.nominal_id.clone()) {
                p.add(
                    format!("contact_plans[{i}].nominal_id"),
                    "this nominal already has a contact plan",
                );
            }
        }
        for (i, c) in self.contacts.iter().enumerate() {
            known_nominal(format!("contacts[{i}].nominal_id"), &c.nominal_id, &mut p);
        }
        for (i, n) in self.notifications.iter().enumerate() {
            known_nominal(
                format!("notifications[{i}].nominal_id"),
                &n.nominal_id,
                &mut p,
            );
            if let Some(cid) = &n.condition_id {
                if !condition_ids.contains(cid) {
                    p.add(
                        format!("notifications[{i}].condition_id"),
                        format!("no condition has the id \"{cid}\""),
                    );
                }
            }
        }
        for (i, b) in self.briefings.iter().enumerate() {
            known_nominal(format!("briefings[{i}].nominal_id"), &b.nominal_id, &mut p);
            if !order_ids.contains(&b.order_id) {
                p.add(
                    format!("briefings[{i}].order_id"),
                    format!("no order has the id \"{}\"", b.order_id),
                );
            }
        }
        for (i, b) in self.breach_reports.iter().enumerate() {
            known_nominal(
                format!("breach_reports[{i}].nominal_id"),
                &b.nominal_id,
                &mut p,
            );
            if b.condition_ids.is_empty() {
                p.add(
                    format!("breach_reports[{i}].condition_ids"),
                    "name at least one condition breached",
                );
            }
            for (j, cid) in b.condition_ids.iter().enumerate() {
                if !condition_ids.contains(cid) {
                    p.add(
                        format!("breach_reports[{i}].condition_ids[{j}]"),
                        format!("no condition has the id \"{cid}\""),
                    );
                }
            }
        }
        p.0
    }
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
