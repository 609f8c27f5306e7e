//! Recall needs a licence in force on the day of the breach and on the day of the choice
//! (issue 19, item 1): the referral, the officer's override, the DS's decision and a record
//! pushed to the server are all refused otherwise, with the reason in words.

use chrono::{Duration, NaiveDate};

use super::tests::{answers, cohort, making, today};
use super::*;
use crate::domain::breach::decision::{
    decide, Decider, DecisionAnswers, DecisionField, DecisionLevel,
};
use crate::domain::breach::report::{EnforcementLevel, IntelligenceAssessment};
use crate::domain::forms::breach_form::{BreachDraft, BreachField};
use crate::domain::people::nominal::{CustodyStatus, OfficerRef};
use crate::domain::referral::*;

fn days_ago(n: i64) -> NaiveDate {
    today() - Duration::days(n)
}

/// N-0002's licence ended yesterday; the second breach (chosen: request to recall) was five
/// days ago, inside the licence.
fn licence_ended_since() -> Cohort {
    let mut c = cohort();
    if let Some(r) = c.breach_reports.iter_mut().find(|r| r.id == "BR-0002-2") {
        r.occurred_at = days_ago(5).and_hms_opt(10, 0, 0).expect("time");
    }
    if let Some(n) = c.nominals.iter_mut().find(|n| n.id == "N-0002") {
        n.custody = CustodyStatus::LicenceEnded {
            released_on: ymd_minus_years(2),
            licence_ended: days_ago(1),
            recall: None,
        };
    }
    c
}

fn ymd_minus_years(y: i32) -> NaiveDate {
    today().with_year(today().year() - y).expect("date")
}

use chrono::Datelike;

const ENDED: &str = "The licence ended on 23 Nov 2026: recall is not possible";

#[test]
fn a_referral_is_refused_once_the_licence_has_ended_since_the_breach() {
    let c = licence_ended_since();
    assert_eq!(may_refer(&c, "BR-0002-2", today()), Err(ENDED.to_string()));
    // The day before, with the licence still in force, it was open.
    assert!(may_refer(&c, "BR-0002-2", days_ago(1)).is_ok());
    let err = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].message, ENDED);
}

#[test]
fn a_referral_is_refused_for_a_nominal_never_on_licence_under_the_order() {
    let mut c = cohort();
    if let Some(n) = c.nominals.iter_mut().find(|n| n.id == "N-0002") {
        n.custody = CustodyStatus::InCommunity {
            since: days_ago(400),
            recall: None,
        };
    }
    assert_eq!(
        may_refer(&c, "BR-0002-2", today()),
        Err("The nominal is in the community with no licence: recall is not possible".to_string())
    );
}

#[test]
fn the_probation_contact_comes_from_the_licence_in_force_not_the_label() {
    let c = cohort();
    let made = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).expect("referral");
    assert!(made.probation_contact.is_some());
    // The same "on licence" label whose end date has passed gives no contact (and no referral).
    let mut stale = cohort();
    if let Some(n) = stale.nominals.iter_mut().find(|n| n.id == "N-0002") {
        if let CustodyStatus::OnLicence { licence_ends, .. } = &mut n.custody {
            *licence_ends = days_ago(1);
        }
    }
    assert!(stale
        .nominal("N-0002")
        .and_then(|n| n.custody.probation_on(today()))
        .is_none());
    assert_eq!(
        may_refer(&stale, "BR-0002-2", today()),
        Err(ENDED.to_string())
    );
}

#[test]
fn the_officer_cannot_override_to_recall_without_a_licence_in_force() {
    let c = licence_ended_since();
    let now = today().and_hms_opt(14, 0, 0).expect("time");
    let mut d = BreachDraft::new("N-0002", now);
    d.condition_ids = vec!["C-0002-05".into()];
    d.location = "Home address".into();
    d.what_was_seen = "Second phone on the kitchen table.".into();
    d.intelligence = Some(IntelligenceAssessment::None);
    d.now = false;
    d.date = days_ago(3).format("%Y-%m-%d").to_string();
    d.time = "10:00".into();
    d.chosen = Some(EnforcementLevel::RequestRecall);
    d.override_reason = "The probation officer asked for it.".into();
    let officer = OfficerRef {
        id: "PC-1".into(),
        name: "PC One".into(),
    };
    let err = d.to_report(&c, "BR-X".into(), &officer, now).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].field, BreachField::Level);
    assert_eq!(err[0].message, ENDED);
    // Another level with its reason goes through.
    d.chosen = Some(EnforcementLevel::Charge);
    assert!(d.to_report(&c, "BR-X".into(), &officer, now).is_ok());
}

#[test]
fn the_ds_cannot_decide_on_recall_without_a_licence_in_force() {
    let c = licence_ended_since();
    let ds = OfficerRef {
        id: "DS-1".into(),
        name: "DS One".into(),
    };
    let a = |agrees: bool, level: Option<DecisionLevel>| DecisionAnswers {
        agrees: Some(agrees),
        level,
        information: "i".into(),
        assessment: "a".into(),
        powers_and_policy: "p".into(),
        options: "o".into(),
        action: "act".into(),
        disruption: false,
        replaces: None,
    };
    let custody = c.nominal("N-0002").map(|n| &n.custody);
    let by = |_: &Cohort| Decider {
        officer: &ds,
        at: today().and_hms_opt(15, 0, 0).expect("time"),
        id: "BD-1".into(),
        custody,
    };
    // The officer chose recall: agreeing is refused on the agree question.
    let err = decide(
        &a(true, None),
        "N-0002",
        "BR-0002-2",
        &c.breach_reports,
        &c.breach_decisions,
        by(&c),
    )
    .unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].field, DecisionField::Agrees);
    assert_eq!(err[0].message, ENDED);
    // Deciding recall otherwise on the first report is refused on the level.
    let err = decide(
        &a(false, Some(DecisionLevel::RequestRecall)),
        "N-0002",
        "BR-0002-1",
        &c.breach_reports,
        &c.breach_decisions,
        by(&c),
    )
    .unwrap_err();
    assert_eq!(err[0].field, DecisionField::Level);
    // No further action is a decision the DS may make, with its rationale.
    let d = decide(
        &a(false, Some(DecisionLevel::NoFurtherAction)),
        "N-0002",
        "BR-0002-2",
        &c.breach_reports,
        &c.breach_decisions,
        by(&c),
    )
    .expect("decision");
    assert_eq!(d.level.label(), "No further action");
}

#[test]
fn a_pushed_report_or_referral_of_recall_is_refused_in_the_same_words() {
    let mut c = licence_ended_since();
    if let Some(r) = c.breach_reports.iter_mut().find(|r| r.id == "BR-0002-2") {
        r.recorded_at = today().and_hms_opt(9, 0, 0).expect("time");
    }
    assert_eq!(
        recall_refusal_of(&c, "breach_report", "BR-0002-2"),
        Some(ENDED.to_string())
    );
    // Recorded while the licence was in force: it stands.
    if let Some(r) = c.breach_reports.iter_mut().find(|r| r.id == "BR-0002-2") {
        r.recorded_at = days_ago(2).and_hms_opt(9, 0, 0).expect("time");
    }
    assert_eq!(recall_refusal_of(&c, "breach_report", "BR-0002-2"), None);
    let open = cohort();
    let referral =
        RecallReferral::make(&open, "BR-0002-2", &answers(), making("R1")).expect("referral");
    c.recall_referrals.push(referral);
    assert_eq!(
        recall_refusal_of(&c, "recall_referral", "R1"),
        Some(ENDED.to_string())
    );
    assert_eq!(recall_refusal_of(&c, "contact", "R1"), None);
}
