//! Evidence typed into a breach report, and the photo exhibits: one reference sequence per
//! officer ("DO/1", "DO/2", …) runs across both, and a photo is always a photo exhibit (added
//! from the report's page once it is submitted), never typed evidence.

use crate::domain::breach::report::EvidenceKind;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::exhibit::rules::{is_reference, next_reference};
use crate::domain::forms::breach_draft::{BreachDraft, EvidenceDraft};

/// Why a photo cannot be typed in as evidence.
pub const PHOTO_IS_AN_EXHIBIT: &str =
    "Add a photo as a photo exhibit after you submit the report, from the report's page";

impl EvidenceKind {
    /// How the form's list of kinds names it: a photo says where it goes instead.
    pub fn option_label(self) -> &'static str {
        match self {
            Self::Photo => "Photo: add it as a photo exhibit after submitting",
            other => other.label(),
        }
    }
}

impl BreachDraft {
    /// Every reference given so far: the phone's (see [`Cohort::used_references`]) and this
    /// draft's evidence.
    fn references<'a>(&'a self, cohort: &'a Cohort) -> impl Iterator<Item = &'a str> {
        cohort
            .used_references()
            .chain(self.evidence.iter().map(|e| e.reference.trim()))
    }

    /// The officer's next exhibit reference, after every one on the phone and in this draft.
    pub fn next_reference(&self, cohort: &Cohort, officer_name: &str) -> String {
        next_reference(officer_name, self.references(cohort))
    }

    /// Why `e` cannot be evidence of this report, in words for the officer: a photo (a photo
    /// exhibit instead), or an exhibit reference already given.
    fn evidence_problem(&self, cohort: &Cohort, e: &EvidenceDraft) -> Option<String> {
        if e.kind == EvidenceKind::Photo {
            return Some(PHOTO_IS_AN_EXHIBIT.into());
        }
        let r = e.reference.trim();
        (is_reference(r) && self.references(cohort).any(|u| u == r)).then(|| {
            format!("{r} is already the reference of another exhibit: each reference is given once")
        })
    }

    /// The problem with the evidence being typed (when there is any) or with one already added
    /// (a photo, from a draft kept before photos became exhibits).
    pub fn typed_evidence_problem(&self, cohort: &Cohort) -> Option<String> {
        let typing = (!self.new_evidence.is_blank())
            .then(|| self.evidence_problem(cohort, &self.new_evidence))
            .flatten();
        typing.or_else(|| {
            self.evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::Photo)
                .then(|| format!("Remove the photo from the evidence. {PHOTO_IS_AN_EXHIBIT}"))
        })
    }

    /// Add the evidence being typed to the list, or say why not (and change nothing): no
    /// description, a photo, or a reference already given.
    pub fn add_evidence(&mut self, cohort: &Cohort) -> Result<(), String> {
        if self.new_evidence.description.trim().is_empty() {
            return Err("Enter a description of the evidence".into());
        }
        if let Some(p) = self.evidence_problem(cohort, &self.new_evidence) {
            return Err(p);
        }
        self.add_new_evidence();
        Ok(())
    }
}

#[cfg(test)]
#[path = "evidence_rules_tests.rs"]
mod tests;
