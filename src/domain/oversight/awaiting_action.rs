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

use crate::domain::breach::decision::{decision_for, DecisionLevel};
use crate::domain::breach::report::standing_reports;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::referrals::current_status;
use crate::domain::oversight::attention::Badge;
use crate::domain::referral::record::ReferralStatus;

/// Each nominal's badges for what awaits action (of `only` that nominal, or of all), as
/// (nominal id, badge) pairs, each at most once. Only reports with a decision and referrals not
/// yet at an outcome are looked at: a few, whatever the size of the cohort.
pub(crate) fn action_badges<'a>(c: &'a Cohort, only: Option<&str>) -> Vec<(&'a str, Badge)> {
    let wanted = |nominal_id: &str| only.is_none_or(|o| o == nominal_id);
    let mut out: Vec<(&str, Badge)> = Vec::new();
    let mut add = |nominal_id: &'a str, b: Badge| {
        if !out.iter().any(|(n, x)| *n == nominal_id && *x == b) {
            out.push((nominal_id, b));
        }
    };
    let decided: Vec<&str> = c
        .breach_decisions
        .iter()
        .filter(|d| wanted(&d.nominal_id))
        .map(|d| d.report_id.as_str())
        .collect();
    if !decided.is_empty() {
        for r in standing_reports(&c.breach_reports) {
            let recall = decided.contains(&r.id.as_str())
                && decision_for(&r.id, &c.breach_decisions)
                    .is_some_and(|d| d.level == DecisionLevel::RequestRecall);
            let referred = || {
                c.recall_referrals
                    .iter()
                    .any(|f| f.breach_report_id == r.id)
            };
            if recall && !referred() {
                add(&r.nominal_id, Badge::ReferralToMake);
            }
        }
    }
    for r in c.recall_referrals.iter().filter(|r| wanted(&r.nominal_id)) {
        match current_status(c, &r.id) {
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
