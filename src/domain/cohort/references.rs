//! The references the cohort holds: every one used so far (the next is numbered after them) and
//! the rule that no two records share one.

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::reference::*;
use crate::domain::common::validation::Problems;
use std::collections::HashSet;

impl Cohort {
    /// References, where given, have the shape of their kind and are used once per kind.
    pub(crate) fn check_references(&self, p: &mut Problems) {
        let reports = self
            .breach_reports
            .iter()
            .map(|r| r.reference.as_str())
            .enumerate()
            .map(|(i, r)| (format!("breach_reports[{i}].reference"), r));
        let referrals = self
            .recall_referrals
            .iter()
            .map(|r| r.reference.as_str())
            .enumerate()
            .map(|(i, r)| (format!("recall_referrals[{i}].reference"), r));
        for (kind, list) in [
            (BREACH_REPORT, reports.collect::<Vec<_>>()),
            (RECALL_REFERRAL, referrals.collect()),
        ] {
            let mut seen = HashSet::new();
            for (at, r) in list.into_iter().filter(|(_, r)| !r.is_empty()) {
                if split(r).is_none_or(|(_, k, _, _)| k != kind) {
                    p.add(
                        at,
                        format!("must be initials, {kind}, the year and a number, like DO/{kind}/2026/7"),
                    );
                } else if !seen.insert(r) {
                    p.add(at, format!("\"{r}\" is used twice"));
                }
            }
        }
    }
}
