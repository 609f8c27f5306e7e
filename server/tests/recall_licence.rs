//! Recall needs a licence in force on the day of the breach and on the day of the choice
//! (issue 19, item 1), on both backends: the server refuses a pushed breach report whose officer
//! chose recall, a pushed recall referral, and a DS's decision of recall at the desk, each with
//! the phone's own words, and stores none of them.

#[macro_use]
mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use scpo_field::domain::breach::report::EnforcementLevel;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::people::nominal::CustodyStatus;
use scpo_field::domain::referral::record::RecallReferral;
use scpo_field::domain::{Cohort, OfficerRef};
use scpo_server::storage::EntryStatus;
use serde_json::Value;

fn days_ago(n: i64) -> NaiveDate {
    today() - Duration::days(n)
}

fn officer() -> OfficerRef {
    OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo Officer".into(),
    }
}

/// The demo cohort with N-0002's licence ended yesterday (released as before).
fn licence_ended_yesterday() -> Cohort {
    let mut c = scpo_field::domain::cohort::demo::demo_cohort(today());
    let n = c.nominals.iter_mut().find(|n| n.id == "N-0002").unwrap();
    let (released_on, _) = n.custody.licence_period().expect("N-0002 is on licence");
    n.custody = CustodyStatus::LicenceEnded {
        released_on,
        licence_ended: days_ago(1),
        recall: None,
    };
    c
}

/// A second breach by N-0002, five days ago (inside the licence), recorded today, with the
/// officer's chosen `level`.
fn second_breach(
    c: &Cohort,
    level: EnforcementLevel,
) -> scpo_field::domain::breach::report::BreachReport {
    let mut second = c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-1")
        .unwrap()
        .clone();
    second.id = "BR-0002-2".into();
    second.occurred_at = days_ago(5).and_hms_opt(10, 0, 0).unwrap();
    second.recorded_at = today().and_hms_opt(9, 0, 0).unwrap();
    second.decision.chosen = level;
    second.decision.override_reason = Some("Probation asked for it.".into());
    second
}

fn ended_words() -> String {
    format!(
        "The licence ended on {}: recall is not possible",
        scpo_field::domain::time::dates::format_date(days_ago(1))
    )
}

fn json<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

/// The demo unit, then the cohort file with N-0002's licence ended, imported over it.
async fn unit_with_licence_ended(b: Backend) -> TestDb {
    let db = with_demo(b).await;
    let text = serde_json::to_string(&licence_ended_yesterday()).unwrap();
    scpo_server::import_cohort(
        db.storage.as_ref(),
        "U-DEMO",
        &text,
        None,
        "DS-DEMO-01",
        at(1),
    )
    .await
    .unwrap();
    db
}

async fn a_pushed_report_choosing_recall_and_a_pushed_referral_are_refused(b: Backend) {
    let db = unit_with_licence_ended(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let c = licence_ended_yesterday();

    let recall = second_breach(&c, EnforcementLevel::RequestRecall);
    let got = push(
        s,
        &phone,
        &entry("u-1", "breach_report", json(&recall)),
        at(2),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Rejected, "{got:?}");
    assert_eq!(got.reason.as_deref(), Some(ended_words().as_str()));

    // The same report with charge chosen is stored.
    let charge = second_breach(&c, EnforcementLevel::Charge);
    let got = push(
        s,
        &phone,
        &entry("u-2", "breach_report", json(&charge)),
        at(3),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Accepted, "{got:?}");

    // A referral made on a phone that still held the licence in force: refused all the same.
    let mut open = scpo_field::domain::cohort::demo::demo_cohort(today());
    open.breach_reports
        .push(second_breach(&open, EnforcementLevel::RequestRecall));
    let o = officer();
    let by = Making {
        id: "RR-1".into(),
        officer: &o,
        at: today().and_hms_opt(11, 0, 0).unwrap(),
    };
    let referral = RecallReferral::make(&open, "BR-0002-2", &referral_answers(), by).unwrap();
    let got = push(
        s,
        &phone,
        &entry("u-3", "recall_referral", json(&referral)),
        at(4),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Rejected, "{got:?}");
    assert_eq!(got.reason.as_deref(), Some(ended_words().as_str()));
    assert_eq!(s.count_records("recall_referral").await.unwrap(), 0);
}

async fn the_desk_refuses_a_decision_of_recall_in_the_same_words(b: Backend) {
    let db = unit_with_licence_ended(b).await;
    let s = db.storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(s, &[("ds", "DS-DEMO-01", "the-csrf")], now).await;
    let srv = Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;
    let form = |level: &'static str| {
        vec![
            ("csrf", "the-csrf"),
            ("agrees", "no"),
            ("level", level),
            ("information", "Report BR-0002-1."),
            ("assessment", "Risk rising."),
            ("powers_and_policy", "s.25 SCA 2007."),
            ("options", "Recall, charge or no further action."),
            ("action", "Decided."),
            ("replaces", ""),
        ]
    };
    let r = srv
        .post(
            "/supervise/breaches/BR-0002-1",
            Some("ds"),
            &form("request_recall"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(&ended_words()), "{html}");
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 0);
    // No further action is open to the DS, and is stored.
    let r = srv
        .post(
            "/supervise/breaches/BR-0002-1",
            Some("ds"),
            &form("no_further_action"),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 1);
}

on_both_backends!(
    a_pushed_report_choosing_recall_and_a_pushed_referral_are_refused,
    the_desk_refuses_a_decision_of_recall_in_the_same_words
);
