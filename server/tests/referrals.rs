//! Recall referrals on both backends: a phone's referral, and a later status update, are
//! accepted, judged by the domain (a referral on a breach the nominal does not have is refused),
//! and pulled by the assigned officer's other phone, not by another officer's.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::breach::report::EnforcementLevel;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
use scpo_field::domain::{Cohort, OfficerRef};
use scpo_server::storage::{EntryStatus, Incoming, NewEntry, StoredRecord};
use serde_json::Value;

/// The officer as the server holds them (a pushed record carries the server's name).
fn officer() -> OfficerRef {
    OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo Officer".into(),
    }
}

/// The demo cohort with a second breach by N-0002 whose level is request to recall, and the
/// referral made on it.
fn referral(c: &mut Cohort) -> RecallReferral {
    let mut second = c.breach_reports[0].clone();
    second.id = "BR-0002-2".into();
    second.occurred_at = today().and_hms_opt(9, 0, 0).unwrap();
    second.recorded_at = second.occurred_at;
    second.decision.chosen = EnforcementLevel::RequestRecall;
    c.breach_reports.push(second);
    let a = referral_answers();
    let o = officer();
    let by = Making {
        id: "RR-1".into(),
        officer: &o,
        at: today().and_hms_opt(11, 0, 0).unwrap(),
    };
    RecallReferral::make(c, "BR-0002-2", &a, by).unwrap()
}

/// "Sent to probation" today, as status update RS-1 of referral `referral_id`.
fn sent_to_probation(c: &Cohort, referral_id: &str) -> ReferralStatusUpdate {
    let o = officer();
    let making = Making {
        id: "RS-1".into(),
        officer: &o,
        at: today().and_hms_opt(12, 0, 0).unwrap(),
    };
    ReferralStatusUpdate::make(c, referral_id, "sent_to_probation", Ok(today()), making).unwrap()
}

fn json<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

async fn a_referral_and_its_status_are_accepted_and_pulled_by_the_assigned_officer(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let (second_phone, _) = enrol(s, "PC-DEMO-01").await;
    let (theirs, _) = enrol(s, "PC-DEMO-02").await;
    let p1 = s.pull(&second_phone, 0, 10_000, at(2)).await.unwrap();
    let p2 = s.pull(&theirs, 0, 10_000, at(2)).await.unwrap();
    let mut c = scpo_field::domain::cohort::demo::demo_cohort(today());
    let mut r = referral(&mut c);
    let report = c.breach_reports.last().unwrap().clone();

    // A referral on a breach the server does not hold (not yet pushed) is refused.
    let early = push(
        s,
        &phone,
        &entry("u-r0", "recall_referral", json(&r)),
        at(3),
    )
    .await;
    assert_eq!(early.status, EntryStatus::Rejected);
    assert!(
        early
            .reason
            .as_deref()
            .unwrap()
            .contains("breach_report_id"),
        "{early:?}"
    );

    let br = push(
        s,
        &phone,
        &entry("u-br", "breach_report", json(&report)),
        at(4),
    )
    .await;
    assert_eq!(br.status, EntryStatus::Accepted, "{br:?}");
    r.id = "RR-2".into();
    let got = push(
        s,
        &phone,
        &entry("u-r1", "recall_referral", json(&r)),
        at(5),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Accepted, "{got:?}");
    c.add(r.clone());
    let status = sent_to_probation(&c, "RR-2");
    let got = push(
        s,
        &phone,
        &entry("u-s1", "referral_status", json(&status)),
        at(6),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Accepted, "{got:?}");
    // A status dated before its referral is refused by the domain.
    let mut early_status = status.clone();
    early_status.id = "RS-2".into();
    early_status.on = today().pred_opt().unwrap();
    let got = push(
        s,
        &phone,
        &entry("u-s2", "referral_status", json(&early_status)),
        at(7),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Rejected, "{got:?}");

    let next = s
        .pull(&second_phone, p1.position, 10_000, at(8))
        .await
        .unwrap();
    let kinds: Vec<(&str, &str)> = next
        .records
        .iter()
        .map(|r| (r.kind.as_str(), r.id.as_str()))
        .collect();
    assert!(kinds.contains(&("recall_referral", "RR-2")), "{kinds:?}");
    assert!(kinds.contains(&("referral_status", "RS-1")), "{kinds:?}");
    let pulled = next.records.iter().find(|x| x.id == "RR-2").unwrap();
    assert_eq!(pulled.record, json(&r));
    let other = s.pull(&theirs, p2.position, 10_000, at(8)).await.unwrap();
    assert!(other.records.is_empty(), "{:?}", other.records);
    // The unit's cohort reads them back.
    let unit = scpo_server::records::cohort_of(&s.unit_records("U-DEMO").await.unwrap());
    assert_eq!(unit.recall_referrals, vec![r]);
    assert_eq!(unit.referral_statuses, vec![status]);
}

async fn a_breach_report_its_referral_and_a_status_pushed_together_are_all_accepted(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let mut c = scpo_field::domain::cohort::demo::demo_cohort(today());
    let r = referral(&mut c);
    let report = c.breach_reports.last().unwrap().clone();
    c.add(r.clone());
    let status = sent_to_probation(&c, "RR-1");
    let items: Vec<Incoming> = [
        entry("u-1", "breach_report", json(&report)),
        entry("u-2", "recall_referral", json(&r)),
        entry("u-3", "referral_status", json(&status)),
    ]
    .iter()
    .map(|v| Incoming::Entry(new_entry(v)))
    .collect();
    let judge = |e: &NewEntry, held: &[StoredRecord]| scpo_server::records::judge(e, held);
    let results = s.push_batch(&phone, &items, &judge, at(5)).await.unwrap();
    assert!(
        results.iter().all(|x| x.status == EntryStatus::Accepted),
        "{results:?}"
    );
    // The same referral again under another UUID is the same record, not a duplicate.
    let again = push(s, &phone, &entry("u-4", "recall_referral", json(&r)), at(6)).await;
    assert_eq!(again.status, EntryStatus::Accepted, "{again:?}");
}

on_both_backends!(
    a_referral_and_its_status_are_accepted_and_pulled_by_the_assigned_officer,
    a_breach_report_its_referral_and_a_status_pushed_together_are_all_accepted,
);
