//! The sync rules, the same tests on SQLite and on a real PostgreSQL server: a push is applied
//! exactly once and judged (scope, domain rules, unreadable entries), and a pull brings the
//! officer's nominals only, in pages that follow on from the cursor.

#[macro_use]
mod common;

use common::*;
use scpo_server::records;
use scpo_server::storage::EntryStatus;
use serde_json::json;

async fn a_push_is_applied_exactly_once_however_often_it_is_retried(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.count_records("contact").await.unwrap();
    let e = entry("u-1", "contact", contact("K-new-1", "N-0001", "PC-DEMO-01"));
    let first = push(s, &phone, &e, at(5)).await;
    assert_eq!(first.status, EntryStatus::Accepted, "{first:?}");
    for _ in 0..3 {
        assert_eq!(push(s, &phone, &e, at(6)).await, first);
    }
    assert_eq!(s.count_records("contact").await.unwrap(), before + 1);
    // The same record under another UUID (an export imported by hand, say) is not doubled.
    let again = entry("u-2", "contact", contact("K-new-1", "N-0001", "PC-DEMO-01"));
    assert_eq!(
        push(s, &phone, &again, at(7)).await.status,
        EntryStatus::Accepted
    );
    assert_eq!(s.count_records("contact").await.unwrap(), before + 1);
}

async fn an_officer_cannot_write_about_a_nominal_not_assigned_to_them(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    // N-0005 belongs to PC-DEMO-02.
    let e = entry("u-x", "contact", contact("K-x", "N-0005", "PC-DEMO-01"));
    let r = push(s, &phone, &e, at(5)).await;
    assert_eq!(r.status, EntryStatus::Rejected);
    assert_eq!(
        r.reason.as_deref(),
        Some("This nominal is not assigned to you")
    );
    // Nor claim to be another officer.
    let e = entry("u-y", "contact", contact("K-y", "N-0001", "PC-DEMO-02"));
    let r = push(s, &phone, &e, at(5)).await;
    assert_eq!(r.status, EntryStatus::Rejected);
    // Nothing stored, both kept for the supervisor.
    assert!(s
        .records_of_nominal("N-0005")
        .await
        .unwrap()
        .iter()
        .all(|r| r.id != "K-x"));
    let rejected = s.rejected().await.unwrap();
    assert_eq!(rejected.len(), 2);
    assert!(rejected
        .iter()
        .all(|(_, officer, _)| officer == "PC-DEMO-01"));
}

async fn a_breach_report_about_another_nominal_s_condition_is_rejected_by_the_domain(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let demo = scpo_field::domain::cohort::demo::demo_cohort(today());
    let mut report = demo.breach_reports[0].clone();
    // Made as if by PC-DEMO-01 about their own N-0002, but naming N-0001's condition.
    report.id = "BR-test".into();
    report.condition_ids = vec!["C-0001-05".into()];
    let r = push(
        s,
        &phone,
        &entry(
            "u-br",
            "breach_report",
            serde_json::to_value(&report).unwrap(),
        ),
        at(5),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Rejected);
    let reason = r.reason.unwrap();
    // Judged on the nominal's own records only: another nominal's condition is simply unknown.
    assert!(
        reason.ends_with("condition_ids[0]: no condition has the id \"C-0001-05\""),
        "{reason}"
    );
    report.condition_ids = vec!["C-0002-05".into()];
    let r = push(
        s,
        &phone,
        &entry(
            "u-br2",
            "breach_report",
            serde_json::to_value(&report).unwrap(),
        ),
        at(6),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
}

async fn a_pull_brings_only_the_officer_s_nominals_and_follows_a_reassignment(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let (two, _) = enrol(s, "PC-DEMO-02").await;
    let page = s.pull(&one, 0, 10_000, at(2)).await.unwrap();
    assert_eq!(page.in_scope, vec!["N-0001", "N-0002", "N-0003", "N-0004"]);
    assert!(page
        .records
        .iter()
        .all(|r| page.in_scope.contains(&r.nominal_id)));
    assert!(page.records.iter().any(|r| r.kind == "condition"));
    assert!(!page.more);
    let cursor = page.position;
    // Nothing new: an empty page at the same position.
    let empty = s.pull(&one, cursor, 10_000, at(3)).await.unwrap();
    assert!(empty.records.is_empty());
    assert_eq!(empty.position, cursor);
    // Another officer's record about N-0001 reaches officer one (after a reassignment there).
    s.assign("N-0005", "PC-DEMO-01", "test", at(4))
        .await
        .unwrap();
    let moved = s.pull(&one, cursor, 10_000, at(5)).await.unwrap();
    assert!(moved.in_scope.contains(&"N-0005".to_string()));
    let kinds: Vec<&str> = moved
        .records
        .iter()
        .filter(|r| r.nominal_id == "N-0005")
        .map(|r| r.kind.as_str())
        .collect();
    assert!(
        kinds.contains(&"nominal") && kinds.contains(&"order") && kinds.contains(&"condition"),
        "{kinds:?}"
    );
    let two_now = s.pull(&two, 0, 10_000, at(5)).await.unwrap();
    assert!(!two_now.in_scope.contains(&"N-0005".to_string()));
    assert!(two_now.records.iter().all(|r| r.nominal_id != "N-0005"));
}

async fn pages_follow_on_from_the_cursor_without_gaps_or_repeats(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let all = s.pull(&one, 0, 100_000, at(1)).await.unwrap().records;
    let mut seen = Vec::new();
    let mut cursor = 0;
    loop {
        let p = s.pull(&one, cursor, 7, at(2)).await.unwrap();
        assert!(p.records.len() <= 7);
        seen.extend(p.records);
        cursor = p.position;
        if !p.more {
            break;
        }
    }
    assert_eq!(seen, all);
}

async fn an_unreadable_entry_is_rejected_with_its_reason_and_kept(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let bad = entry("u-bad", "telegram", json!({"id": "X"}));
    let u = records::read_entry(&bad).unwrap_err();
    assert!(u.reason.starts_with("Unknown kind \"telegram\""));
    let r = s
        .reject_unreadable(&one, &u.uuid, &bad.to_string(), &u.reason, at(2))
        .await
        .unwrap();
    assert_eq!(r.status, EntryStatus::Rejected);
    // Retried: the same answer, kept once.
    let again = s
        .reject_unreadable(&one, &u.uuid, &bad.to_string(), &u.reason, at(3))
        .await
        .unwrap();
    assert_eq!(again, r);
    assert_eq!(s.rejected().await.unwrap().len(), 1);
}

on_both_backends!(
    a_push_is_applied_exactly_once_however_often_it_is_retried,
    an_officer_cannot_write_about_a_nominal_not_assigned_to_them,
    a_breach_report_about_another_nominal_s_condition_is_rejected_by_the_domain,
    a_pull_brings_only_the_officer_s_nominals_and_follows_a_reassignment,
    pages_follow_on_from_the_cursor_without_gaps_or_repeats,
    an_unreadable_entry_is_rejected_with_its_reason_and_kept,
);
