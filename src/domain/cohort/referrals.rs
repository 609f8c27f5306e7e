//! The recall referrals in the cohort: the level that stands on a breach report, whether a
//! referral may be made on it (a licence in force on the day of the breach and today), and where
//! each referral stands.

use crate::domain::breach::decision::{decision_for, DecisionLevel};
use crate::domain::breach::report::BreachReport;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::referral::record::{RecallReferral, ReferralStatus, ReferralStatusUpdate};

/// The enforcement level that stands on a report: the DS's decision if there is one, else the
/// level the officer chose.
pub fn level_of(cohort: &Cohort, report: &BreachReport) -> DecisionLevel {
    decision_for(&report.id, &cohort.breach_decisions)
        .map(|d| d.level)
        .unwrap_or_else(|| report.decision.chosen.into())
}

/// The report a referral may be made on `today`, or why not (worded for the officer): its
/// level must be request to recall, and a licence must have been in force on the day of the
/// breach and still be in force today ("The licence ended on 19 Nov 2026: recall is not
/// possible").
pub fn may_refer<'a>(
    cohort: &'a Cohort,
    report_id: &str,
    today: chrono::NaiveDate,
) -> Result<&'a BreachReport, String> {
    let report = cohort
        .breach_reports
        .iter()
        .find(|r| r.id == report_id)
        .ok_or_else(|| "This breach report is not on this phone".to_string())?;
    match level_of(cohort, report) {
        DecisionLevel::RequestRecall => match cohort.nominal(&report.nominal_id) {
            None => Err("This nominal is no longer in the cohort on this phone".to_string()),
            Some(n) => match n.custody.recall_refusal(report.occurred_at.date(), today) {
                Some(refusal) => Err(refusal),
                None => Ok(report),
            },
        },
        other => Err(format!(
            "A recall referral can be made only when the enforcement level is \"{}\". The level on this breach is \"{}\".",
            DecisionLevel::RequestRecall.label(),
            other.label()
        )),
    }
}

/// [`may_refer`], and no referral made for the report yet: one breach report, one referral
/// (where it stands later is a status update, not a second referral).
pub fn may_make_referral<'a>(
    cohort: &'a Cohort,
    report_id: &str,
    today: chrono::NaiveDate,
) -> Result<&'a BreachReport, String> {
    let report = may_refer(cohort, report_id, today)?;
    match cohort
        .recall_referrals
        .iter()
        .find(|r| r.breach_report_id == report_id)
    {
        Some(made) => Err(format!(
            "A recall referral was already made for this breach report on {} ({}). Update where it stands on the referral's page.",
            crate::domain::time::dates::format_date(made.made_at.date()),
            made.id
        )),
        None => Ok(report),
    }
}

/// The status updates of a referral, oldest first (by date, then when recorded, then id).
pub fn statuses_of<'a>(cohort: &'a Cohort, referral_id: &str) -> Vec<&'a ReferralStatusUpdate> {
    let mut out: Vec<&ReferralStatusUpdate> = cohort
        .referral_statuses
        .iter()
        .filter(|s| s.referral_id == referral_id)
        .collect();
    crate::domain::common::sort::sort_by(&mut out, |a, b| {
        (a.on, a.recorded_at, a.id.as_str()).cmp(&(b.on, b.recorded_at, b.id.as_str()))
    });
    out
}

/// Where a referral stands: its latest status, or made (not sent yet) when none is recorded.
pub fn current_status(cohort: &Cohort, referral_id: &str) -> ReferralStatus {
    statuses_of(cohort, referral_id)
        .last()
        .map(|s| s.status)
        .unwrap_or(ReferralStatus::Made)
}

/// Referrals still awaiting an outcome (no recall decided, not recalled or returned to custody).
pub fn awaiting_outcome(cohort: &Cohort) -> Vec<&RecallReferral> {
    cohort
        .recall_referrals
        .iter()
        .filter(|r| !current_status(cohort, &r.id).is_outcome())
        .collect()
}

/// Why a breach report or a recall referral pushed by a phone may not stand (the same words
/// the phone shows): recall, as the level the officer chose or as a referral, needs a licence in
/// force on the day of the breach and on the day of the choice (the report's `recorded_at`, the
/// referral's `made_at`). `None` for any other record, or when the licence allows it.
pub fn recall_refusal_of(cohort: &Cohort, kind: &str, id: &str) -> Option<String> {
    let refusal = |report: &BreachReport, on: chrono::NaiveDate| {
        cohort
            .nominal(&report.nominal_id)
            .and_then(|n| n.custody.recall_refusal(report.occurred_at.date(), on))
    };
    match kind {
        "breach_report" => cohort
            .breach_reports
            .iter()
            .find(|r| r.id == id)
            .filter(|r| {
                r.decision.chosen == crate::domain::breach::report::EnforcementLevel::RequestRecall
            })
            .and_then(|r| refusal(r, r.recorded_at.date())),
        "recall_referral" => {
            let referral = cohort.recall_referrals.iter().find(|r| r.id == id)?;
            let report = cohort
                .breach_reports
                .iter()
                .find(|r| r.id == referral.breach_report_id)?;
            refusal(report, referral.made_at.date())
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "recall_referral_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "recall_licence_tests.rs"]
mod licence_tests;

#[cfg(test)]
#[path = "recall_status_tests.rs"]
mod status_tests;
