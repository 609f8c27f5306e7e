//! The rules on a cohort file's `breach_decisions` (part of [`Cohort::validate`]); the decision
//! itself is in [`decision`](crate::domain::breach::decision).

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::validation::Problems;

impl Cohort {
    /// The rules on `breach_decisions` in a cohort file: ids unique, each about a
    /// known nominal and a breach report of that nominal, replacing (if it does) a decision on
    /// the same report, texts and names in bounds, the time in range.
    pub(crate) fn check_decisions(&self, p: &mut Problems) {
        use crate::domain::common::validation::{MAX_LONG_CHARS, MAX_SHORT_CHARS};
        use crate::domain::time::dates::{EARLIEST_DATE, LATEST_DATE};
        let mut seen = std::collections::HashSet::new();
        for (i, d) in self.breach_decisions.iter().enumerate() {
            let at = |f: &str| format!("breach_decisions[{i}].{f}");
            // The grammar of `id`, `decided_by` and the ids named is checked in `cohort_ids`.
            if !seen.insert(d.id.as_str()) {
                p.add(at("id"), format!("\"{}\" is used twice", d.id));
            }
            if d.decided_by_name.chars().count() > MAX_SHORT_CHARS {
                p.add(
                    at("decided_by_name"),
                    format!("must be {MAX_SHORT_CHARS} characters or fewer"),
                );
            }
            let texts = [
                ("information", &d.information),
                ("assessment", &d.assessment),
                ("powers_and_policy", &d.powers_and_policy),
                ("options", &d.options),
                ("action", &d.action),
            ];
            for (f, v) in texts {
                if v.chars().count() > MAX_LONG_CHARS {
                    p.add(
                        at(f),
                        format!("must be {MAX_LONG_CHARS} characters or fewer"),
                    );
                }
            }
            if d.action.trim().is_empty() {
                p.add(
                    at("action"),
                    "is empty: give the decision and its rationale",
                );
            }
            if !(EARLIEST_DATE..=LATEST_DATE).contains(&d.decided_at.date()) {
                p.add(at("decided_at"), "is out of range");
            }
            if self.nominal(&d.nominal_id).is_none() {
                p.add(
                    at("nominal_id"),
                    format!("no nominal has the id \"{}\"", d.nominal_id),
                );
            }
            let report = self.breach_reports.iter().find(|r| r.id == d.report_id);
            match report {
                None => p.add(
                    at("report_id"),
                    format!("no breach report has the id \"{}\"", d.report_id),
                ),
                Some(r) if r.nominal_id != d.nominal_id => p.add(
                    at("report_id"),
                    format!("\"{}\" is a report about another nominal", d.report_id),
                ),
                Some(_) => {}
            }
            if let Some(old) = &d.replaces {
                let same_report = self
                    .breach_decisions
                    .iter()
                    .any(|o| &o.id == old && o.report_id == d.report_id && o.id != d.id);
                if !same_report {
                    p.add(
                        at("replaces"),
                        format!("\"{old}\" is not another decision on the same report"),
                    );
                }
            }
        }
    }
}
