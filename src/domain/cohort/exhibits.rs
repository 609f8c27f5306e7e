//! The cohort's rules on photo exhibits: which belong to a record, which were withdrawn, and the
//! checks of exhibits and withdrawals against the records they name.

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::validation::Problems;
use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::exhibit::rules::*;
use std::collections::HashSet;

impl Cohort {
    /// Every exhibit reference given on this phone (its own and any pulled by sync): the photo
    /// exhibits' and those typed as evidence into any breach report. One sequence per officer
    /// runs across both.
    pub fn used_references(&self) -> impl Iterator<Item = &str> {
        let typed = self
            .breach_reports
            .iter()
            .flat_map(|r| r.evidence.iter().map(|e| e.reference.trim()));
        self.exhibits
            .iter()
            .map(|e| e.reference.as_str())
            .chain(typed)
    }

    /// The officer's next exhibit reference, after every one in [`Self::used_references`].
    pub fn next_exhibit_reference(&self, officer_name: &str) -> String {
        next_reference(officer_name, self.used_references())
    }

    pub fn exhibit(&self, id: &str) -> Option<&Exhibit> {
        self.exhibits.iter().find(|e| e.id == id)
    }

    /// The exhibits captured for one breach report or contact, in reference order.
    pub fn exhibits_for(&self, record_id: &str) -> Vec<&Exhibit> {
        let mut v: Vec<&Exhibit> = self
            .exhibits
            .iter()
            .filter(|e| e.record_id == record_id)
            .collect();
        crate::domain::common::sort::sort_by(&mut v, |a, b| {
            a.captured_at.cmp(&b.captured_at).then(a.id.cmp(&b.id))
        });
        v
    }

    /// The withdrawal of an exhibit, if it was withdrawn (the first one kept stands).
    pub fn withdrawal_of(&self, exhibit_id: &str) -> Option<&ExhibitWithdrawal> {
        self.exhibit_withdrawals
            .iter()
            .find(|w| w.exhibit_id == exhibit_id)
    }

    pub fn is_withdrawn(&self, exhibit_id: &str) -> bool {
        self.withdrawal_of(exhibit_id).is_some()
    }

    /// An exhibit can be kept: its own rules, a record of its nominal that it is for, and an
    /// id and reference no other exhibit has.
    pub fn check_exhibit(&self, e: &Exhibit) -> Result<(), ExhibitProblem> {
        e.check()?;
        let record_known = match e.record_kind.as_str() {
            "breach_report" => self
                .breach_reports
                .iter()
                .any(|r| r.id == e.record_id && r.nominal_id == e.nominal_id),
            _ => self
                .contacts
                .iter()
                .any(|r| r.id == e.record_id && r.nominal_id == e.nominal_id),
        };
        if !record_known {
            return Err(ExhibitProblem::UnknownRecord);
        }
        if self
            .exhibits
            .iter()
            .any(|o| o.reference == e.reference && o.id != e.id)
        {
            return Err(ExhibitProblem::BadReference);
        }
        Ok(())
    }

    /// A withdrawal can be kept: a reason, and an exhibit of the same nominal not already
    /// withdrawn.
    pub fn check_withdrawal(&self, w: &ExhibitWithdrawal) -> Result<(), ExhibitProblem> {
        check_text(&w.reason, ExhibitProblem::NoReason)?;
        match self.exhibit(&w.exhibit_id) {
            Some(e) if e.nominal_id == w.nominal_id => {}
            _ => return Err(ExhibitProblem::NoSuchExhibit),
        }
        if self.is_withdrawn(&w.exhibit_id) {
            return Err(ExhibitProblem::AlreadyWithdrawn);
        }
        Ok(())
    }

    /// Import checks: each exhibit and withdrawal as if it were added in turn.
    pub(crate) fn check_exhibits(&self, p: &mut Problems) {
        let mut ids = HashSet::new();
        let mut so_far = Cohort {
            exhibits: vec![],
            exhibit_withdrawals: vec![],
            ..self.clone()
        };
        // The grammar of the ids is checked in `cohort_ids`, the lengths of names in
        // `cohort_checks`.
        for (i, e) in self.exhibits.iter().enumerate() {
            if !ids.insert(e.id.as_str()) {
                p.add(format!("exhibits[{i}].id"), "is used twice");
            }
            if let Err(problem) = so_far.check_exhibit(e) {
                p.add(format!("exhibits[{i}]"), problem.to_string());
            }
            so_far.exhibits.push(e.clone());
        }
        let mut withdrawal_ids = HashSet::new();
        for (i, w) in self.exhibit_withdrawals.iter().enumerate() {
            if !withdrawal_ids.insert(w.id.as_str()) {
                p.add(format!("exhibit_withdrawals[{i}].id"), "is used twice");
            }
            if let Err(problem) = so_far.check_withdrawal(w) {
                p.add(format!("exhibit_withdrawals[{i}]"), problem.to_string());
            }
            so_far.exhibit_withdrawals.push(w.clone());
        }
    }
}
