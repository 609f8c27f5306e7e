//! Breach decisions in storage, on both backends: a DS's decision is stored once with its audit
//! line and author, refused for a report the unit does not hold or when it would overtake a
//! decision made meanwhile, and reaches the assigned officer's phone on its next pull (and no
//! other officer's).

#[macro_use]
mod common;

use common::*;
use scpo_server::records;
use scpo_server::storage::{Storage, StorageError, StoredRecord};

/// A decision by the demo DS on `report`, agreeing with the officer, as the page makes it.
async fn decision(s: &dyn Storage, report: &str, id: &str, replaces: Option<&str>) -> StoredRecord {
    let cohort = records::cohort_of(&s.unit_records("U-DEMO").await.unwrap());
    ds_decision(&cohort, report, id, replaces, "Agree: request recall.")
}

async fn a_decision_is_stored_audited_and_pulled_by_the_assigned_officer_only(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (mine, _) = enrol(s, "PC-DEMO-01").await; // holds N-0002
    let (theirs, _) = enrol(s, "PC-DEMO-02").await;
    let p1 = s.pull(&mine, 0, 10_000, at(2)).await.unwrap();
    let p2 = s.pull(&theirs, 0, 10_000, at(2)).await.unwrap();
    assert!(!p1.more && !p2.more);
    let d = decision(s, "BR-0002-1", "BD-1", None).await;
    s.add_decision("U-DEMO", &d, "DS-DEMO-01", at(10))
        .await
        .unwrap();
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 1);
    let audit = s.audit_since(at(10)).await.unwrap();
    assert!(audit.iter().any(|a| a.actor == "DS-DEMO-01"
        && a.action == "created"
        && a.record_kind == "breach_decision"
        && a.record_id == "BD-1"
        && a.nominal_id.as_deref() == Some("N-0002")));
    // The officer's next pull brings it, exactly as stored.
    let next = s.pull(&mine, p1.position, 10_000, at(11)).await.unwrap();
    let got: Vec<&StoredRecord> = next
        .records
        .iter()
        .filter(|r| r.kind == "breach_decision")
        .collect();
    assert_eq!(got, vec![&d]);
    // Another officer's does not.
    let other = s.pull(&theirs, p2.position, 10_000, at(11)).await.unwrap();
    assert!(other.records.is_empty(), "{:?}", other.records);
    // It reads back into the unit's cohort.
    let cohort = records::cohort_of(&s.unit_records("U-DEMO").await.unwrap());
    assert_eq!(cohort.breach_decisions.len(), 1);
}

async fn a_decision_on_a_report_the_unit_does_not_hold_is_refused(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    s.add_unit("U-OTHER", "Another unit").await.unwrap();
    let d = decision(s, "BR-0002-1", "BD-1", None).await;
    let r = s.add_decision("U-OTHER", &d, "DS-OTHER", at(10)).await;
    assert!(matches!(r, Err(StorageError::NotFound(_))), "{r:?}");
    // Nor one naming a report that does not exist, or claiming another nominal.
    let mut ghost = d.clone();
    ghost.record["report_id"] = "BR-ghost".into();
    let r = s.add_decision("U-DEMO", &ghost, "DS-DEMO-01", at(10)).await;
    assert!(matches!(r, Err(StorageError::NotFound(_))), "{r:?}");
    let mut moved = d.clone();
    moved.record["nominal_id"] = "N-0001".into();
    moved.nominal_id = "N-0001".into();
    let r = s.add_decision("U-DEMO", &moved, "DS-DEMO-01", at(10)).await;
    assert!(matches!(r, Err(StorageError::NotFound(_))), "{r:?}");
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 0);
    assert!(!s
        .audit_since(at(10))
        .await
        .unwrap()
        .iter()
        .any(|a| a.record_kind == "breach_decision"));
}

async fn a_second_decision_must_replace_the_one_that_stands(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let first = decision(s, "BR-0002-1", "BD-1", None).await;
    s.add_decision("U-DEMO", &first, "DS-DEMO-01", at(10))
        .await
        .unwrap();
    // Made on a page opened before the first was stored: it does not name it.
    let mut stale = first.clone();
    stale.id = "BD-2".into();
    stale.record["id"] = "BD-2".into();
    let r = s.add_decision("U-DEMO", &stale, "DS-DEMO-01", at(11)).await;
    assert!(matches!(r, Err(StorageError::Conflict(_))), "{r:?}");
    // The same id again: refused, the first kept as it was.
    let r = s.add_decision("U-DEMO", &first, "DS-DEMO-01", at(11)).await;
    assert!(matches!(r, Err(StorageError::Conflict(_))), "{r:?}");
    let second = decision(s, "BR-0002-1", "BD-2", Some("BD-1")).await;
    s.add_decision("U-DEMO", &second, "DS-DEMO-01", at(12))
        .await
        .unwrap();
    let held = s.records_of_nominal("N-0002").await.unwrap();
    let decisions: Vec<&StoredRecord> = held
        .iter()
        .filter(|r| r.kind == "breach_decision")
        .collect();
    assert_eq!(decisions, vec![&first, &second]);
}

on_both_backends!(
    a_decision_is_stored_audited_and_pulled_by_the_assigned_officer_only,
    a_decision_on_a_report_the_unit_does_not_hold_is_refused,
    a_second_decision_must_replace_the_one_that_stands,
);
