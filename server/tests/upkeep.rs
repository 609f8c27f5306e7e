//! Cohort upkeep and devices in storage, on both backends: a nominal transferred out leaves
//! every phone's scope and keeps its records, and nothing assigns it again; a nominal is never
//! assigned to another unit's officer; an import goes to the unit it is given; phones' waiting
//! counts are kept; a supervisor revokes only their own unit's phones.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_server::storage::{EntryStatus, StorageError};
use upkeep_support::*;

async fn a_nominal_transferred_out_leaves_every_phone_and_keeps_its_records(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.pull(&device, 0, 500, at(2)).await.unwrap();
    assert!(before.in_scope.contains(&"N-0001".to_string()));
    let held_before = s.records_of_nominal("N-0001").await.unwrap().len();

    s.transfer_out(
        "U-DEMO",
        &transfer_record("T-1", "N-0001"),
        "DS-DEMO-01",
        at(5),
    )
    .await
    .unwrap();

    // Out of scope: the phone removes it at its next pull (PROTOCOL.md), and a record pushed
    // about it now is refused.
    let after = s.pull(&device, before.position, 500, at(6)).await.unwrap();
    assert!(!after.in_scope.contains(&"N-0001".to_string()));
    assert_eq!(after.in_scope, vec!["N-0002", "N-0003", "N-0004"]);
    assert!(after.records.is_empty(), "{:?}", after.records);
    let r = push(
        s,
        &device,
        &entry("u-1", "contact", contact("X-1", "N-0001", "PC-DEMO-01")),
        at(7),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Rejected);
    // The records stay, with the transfer beside them.
    let held = s.records_of_nominal("N-0001").await.unwrap();
    assert_eq!(held.len(), held_before + 1);
    let t = held.iter().find(|r| r.kind == "transfer").unwrap();
    assert_eq!(t.record["receiving_force"], "Kent Police");
    assert_eq!(t.record["transferred_on"], "2026-11-24");
    assert!(!s
        .unit_assignments("U-DEMO")
        .await
        .unwrap()
        .iter()
        .any(|(n, _)| n == "N-0001"));
    // Audited.
    let audit = s.audit_since(at(5)).await.unwrap();
    assert!(audit.iter().any(|a| a.actor == "DS-DEMO-01"
        && a.action == "created"
        && a.record_kind == "transfer"
        && a.nominal_id.as_deref() == Some("N-0001")));

    // Nothing brings it back: not assigning, not a second transfer, not importing the file again.
    let again = s.assign("N-0001", "PC-DEMO-02", "DS-DEMO-01", at(8)).await;
    assert!(matches!(again, Err(StorageError::Conflict(_))), "{again:?}");
    let twice = s
        .transfer_out(
            "U-DEMO",
            &transfer_record("T-2", "N-0001"),
            "DS-DEMO-01",
            at(8),
        )
        .await;
    assert!(matches!(twice, Err(StorageError::Conflict(_))), "{twice:?}");
    let file = scpo_field::domain::cohort::demo::demo_cohort(today()).to_json();
    scpo_server::import_cohort(s, "U-DEMO", &file, None, "DS-DEMO-01", at(9))
        .await
        .unwrap();
    let scope = s.pull(&device, 0, 500, at(10)).await.unwrap().in_scope;
    assert!(!scope.contains(&"N-0001".to_string()));
    assert_eq!(s.count_records("transfer").await.unwrap(), 1);
}

async fn a_supervisor_transfers_only_their_own_unit_s_nominals(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    other_unit(s).await;
    let r = s
        .transfer_out(
            "U-DEMO",
            &transfer_record("T-1", "N-9001"),
            "DS-DEMO-01",
            at(5),
        )
        .await;
    assert!(matches!(r, Err(StorageError::NotFound(_))), "{r:?}");
    let r = s
        .transfer_out(
            "U-DEMO",
            &transfer_record("T-1", "N-NONE"),
            "DS-DEMO-01",
            at(5),
        )
        .await;
    assert!(matches!(r, Err(StorageError::NotFound(_))), "{r:?}");
    assert_eq!(s.count_records("transfer").await.unwrap(), 0);
    assert_eq!(s.assigned_nominals(OTHER_PC).await.unwrap(), vec!["N-9001"]);
}

async fn a_nominal_is_never_assigned_to_another_unit_s_officer(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    other_unit(s).await;
    let r = s.assign("N-0001", OTHER_PC, "DS-DEMO-01", at(5)).await;
    assert!(matches!(r, Err(StorageError::Conflict(_))), "{r:?}");
    let r = s.assign("N-9001", "PC-DEMO-01", "DS-DEMO-01", at(5)).await;
    assert!(matches!(r, Err(StorageError::Conflict(_))), "{r:?}");
    assert_eq!(
        s.assigned_nominals("PC-DEMO-01").await.unwrap(),
        vec!["N-0001", "N-0002", "N-0003", "N-0004"]
    );
    assert_eq!(s.assigned_nominals(OTHER_PC).await.unwrap(), vec!["N-9001"]);
    // Within the unit: reassigned.
    s.assign("N-0001", "PC-DEMO-02", "DS-DEMO-01", at(6))
        .await
        .unwrap();
    assert!(s
        .assigned_nominals("PC-DEMO-02")
        .await
        .unwrap()
        .contains(&"N-0001".to_string()));
}

async fn an_import_goes_to_the_unit_given_and_never_touches_another_unit_s_records(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    other_unit(s).await;
    // A new nominal into the other unit: held there, not in the demo unit, and assigned to the
    // offender manager the file names only because that officer is in the unit.
    let file = one_nominal(2, "9002", OTHER_PC).to_json();
    let counts = scpo_server::import_cohort(s, OTHER_UNIT, &file, None, OTHER_DS, at(5))
        .await
        .unwrap();
    assert!(counts.created > 0);
    let ids = |records: Vec<scpo_server::storage::StoredRecord>| -> Vec<String> {
        records.into_iter().map(|r| r.nominal_id).collect()
    };
    assert!(ids(s.unit_records(OTHER_UNIT).await.unwrap()).contains(&"N-9002".to_string()));
    assert!(!ids(s.unit_records("U-DEMO").await.unwrap()).contains(&"N-9002".to_string()));
    assert!(s
        .assigned_nominals(OTHER_PC)
        .await
        .unwrap()
        .contains(&"N-9002".to_string()));
    // A file naming a demo officer as offender manager, into the other unit: not assigned.
    let file = one_nominal(3, "9003", "PC-DEMO-01").to_json();
    scpo_server::import_cohort(s, OTHER_UNIT, &file, None, OTHER_DS, at(6))
        .await
        .unwrap();
    assert!(!s
        .unit_assignments(OTHER_UNIT)
        .await
        .unwrap()
        .iter()
        .any(|(n, _)| n == "N-9003"));
    assert!(!s
        .assigned_nominals("PC-DEMO-01")
        .await
        .unwrap()
        .contains(&"N-9003".to_string()));
    // The demo unit's file into the other unit: refused whole, nothing applied.
    let before = s.unit_records(OTHER_UNIT).await.unwrap();
    let demo = scpo_field::domain::cohort::demo::demo_cohort(today()).to_json();
    let refused = scpo_server::import_cohort(s, OTHER_UNIT, &demo, None, OTHER_DS, at(7)).await;
    assert!(refused.is_err());
    assert_eq!(s.unit_records(OTHER_UNIT).await.unwrap(), before);
}

async fn the_waiting_count_a_phone_reports_is_kept_with_when(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let info = |all: Vec<scpo_server::storage::DeviceInfo>| {
        all.into_iter().find(|d| d.id == device.id).unwrap()
    };
    let d = info(s.devices().await.unwrap());
    assert_eq!((d.waiting, d.waiting_at), (None, None));
    s.report_waiting(&device.id, 3, at(5)).await.unwrap();
    let d = info(s.devices().await.unwrap());
    assert_eq!((d.waiting, d.waiting_at), (Some(3), Some(at(5))));
    s.report_waiting(&device.id, 0, at(9)).await.unwrap();
    let d = info(s.devices().await.unwrap());
    assert_eq!((d.waiting, d.waiting_at), (Some(0), Some(at(9))));
}

async fn a_supervisor_revokes_only_their_own_unit_s_phones(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    other_unit(s).await;
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let (theirs, _) = enrol(s, OTHER_PC).await;
    // Another unit's phone is as good as none.
    assert!(!s
        .revoke_unit_device(OTHER_UNIT, &device.id, OTHER_DS, at(5))
        .await
        .unwrap());
    assert!(!s
        .revoke_unit_device("U-DEMO", "D-NONE", "DS-DEMO-01", at(5))
        .await
        .unwrap());
    let revoked = |id: String| async move {
        s.devices()
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.id == id)
            .unwrap()
            .revoked_at
    };
    assert_eq!(revoked(device.id.clone()).await, None);
    assert!(s
        .revoke_unit_device("U-DEMO", &device.id, "DS-DEMO-01", at(6))
        .await
        .unwrap());
    assert_eq!(revoked(device.id.clone()).await, Some(at(6)));
    // Again: still revoked when it was first.
    assert!(s
        .revoke_unit_device("U-DEMO", &device.id, "DS-DEMO-01", at(7))
        .await
        .unwrap());
    assert_eq!(revoked(device.id.clone()).await, Some(at(6)));
    assert_eq!(revoked(theirs.id.clone()).await, None);
    let audit = s.audit_since(at(6)).await.unwrap();
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.record_kind == "device" && a.actor == "DS-DEMO-01")
            .count(),
        1
    );
}

on_both_backends!(
    a_nominal_transferred_out_leaves_every_phone_and_keeps_its_records,
    a_supervisor_transfers_only_their_own_unit_s_nominals,
    a_nominal_is_never_assigned_to_another_unit_s_officer,
    an_import_goes_to_the_unit_given_and_never_touches_another_unit_s_records,
    the_waiting_count_a_phone_reports_is_kept_with_when,
    a_supervisor_revokes_only_their_own_unit_s_phones,
);
