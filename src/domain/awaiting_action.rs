//! What a DS's decision or a recall referral leaves the officer to do, for the cohort list's
//! badges. The rule (said in the README):
//! - a standing breach report whose DS's decision is "Request recall" and no recall referral
//!   made for it yet: "Recall decided: make the referral";
//! - a recall referral made and not yet sent to probation: "Recall referral not sent";
//! - a referral sent and no outcome recorded yet: "Recall referral awaiting outcome".
//!
//! Each clears by doing the thing (making the referral, recording it sent, recording the
//! outcome). Any other decision (agreeing, or another level) is shown on the report's page and
//! in the history, and asks nothing more of the phone.

use std::collections::{HashMap, HashSet};

use super::attention::Badge;
use super::breach::standing_reports;
use super::cohort::Cohort;
use super::decision::{decision_for, BreachDecision, DecisionLevel};
use super::recall_referral::{ReferralStatus, ReferralStatusUpdate};

/// The badges of every nominal with something awaiting action (or of `only` that nominal),
/// by nominal id, each badge once. Built in one pass over each list.
pub(super) fn action_badges(c: &Cohort, only: Option<&str>) -> HashMap<String, Vec<Badge>> {
    let wanted = |nominal_id: &str| only.is_none_or(|o| o == nominal_id);
    let mut out: HashMap<String, Vec<Badge>> = HashMap::new();
    let mut add = |nominal_id: &str, b: Badge| {
        let list = out.entry(nominal_id.to_string()).or_default();
        if !list.contains(&b) {
            list.push(b);
        }
    };
    let mut decisions: HashMap<&str, Vec<BreachDecision>> = HashMap::new();
    for d in c.breach_decisions.iter().filter(|d| wanted(&d.nominal_id)) {
        decisions
            .entry(d.report_id.as_str())
            .or_default()
            .push(d.clone());
    }
    let referred: HashSet<&str> = c
        .recall_referrals
        .iter()
        .map(|r| r.breach_report_id.as_str())
        .collect();
    let reports: Vec<_> = c
        .breach_reports
        .iter()
        .filter(|r| wanted(&r.nominal_id))
        .cloned()
        .collect();
    for r in standing_reports(&reports) {
        let recall = decisions
            .get(r.id.as_str())
            .and_then(|on| decision_for(&r.id, on))
            .is_some_and(|d| d.level == DecisionLevel::RequestRecall);
        if recall && !referred.contains(r.id.as_str()) {
            add(&r.nominal_id, Badge::ReferralToMake);
        }
    }
    // Where each referral stands: its latest update, as `current_status` orders them.
    let mut latest: HashMap<&str, &ReferralStatusUpdate> = HashMap::new();
    for s in &c.referral_statuses {
        let key = (s.on, s.recorded_at, s.id.as_str());
        let newer = latest
            .get(s.referral_id.as_str())
            .is_none_or(|l| key > (l.on, l.recorded_at, l.id.as_str()));
        if newer {
            latest.insert(s.referral_id.as_str(), s);
        }
    }
    for r in c.recall_referrals.iter().filter(|r| wanted(&r.nominal_id)) {
        let status = latest
            .get(r.id.as_str())
            .map_or(ReferralStatus::Made, |s| s.status);
        match status {
            ReferralStatus::Made => add(&r.nominal_id, Badge::ReferralNotSent),
            ReferralStatus::SentToProbation => add(&r.nominal_id, Badge::ReferralAwaitingOutcome),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "awaiting_action_tests.rs"]
mod tests;
