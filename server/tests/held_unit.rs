//! The unit held between desk pages (server/src/held_unit.rs) is moved on in place when records
//! change: only the changed records are read, and each is put where a reading from scratch
//! puts it. On both backends, after each of a sequence of changes (a new record, a changed
//! record, several at once, a transfer out, a record of another unit, an import bigger than
//! what is put in place) the held records, cohort and transferred nominals must equal the
//! domain's cohort of a fresh read of the unit; and a page still reading the unit as it was
//! keeps it as it was.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::OfficerRef;
use scpo_server::cohort_change::{apply, Keeper};
use scpo_server::export::{cohort_of_unit, text_of, ExportFile};
use scpo_server::held_unit::{HeldUnit, HeldUnits, MOST_PUT_IN_PLACE};
use scpo_server::records::cohort_of;
use scpo_server::storage::{EntryStatus, Storage, StoredRecord, VersionedRecord};
use serde_json::json;

/// The held unit is the unit as a fresh read gives it: its records by nominal, kind and id, the
/// domain's cohort of them, and the nominals `gone` (transferred out).
async fn assert_as_read(held: &HeldUnit, s: &dyn Storage, unit: &str, gone: &[&str], step: &str) {
    let mut fresh = s.unit_records(unit).await.unwrap();
    fresh.sort_by(|a, b| (&a.nominal_id, &a.kind, &a.id).cmp(&(&b.nominal_id, &b.kind, &b.id)));
    assert_eq!(*held.records, fresh, "{step}: records");
    assert!(*held.cohort == cohort_of(&fresh), "{step}: cohort");
    assert_eq!(*held.transferred, gone, "{step}: transferred");
}

async fn the_held_unit_moved_on_in_place_equals_a_fresh_read(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let units = HeldUnits::default();
    let first = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&first, s, "U-DEMO", &[], "first read").await;
    let demo_contacts = first.cohort.contacts.len();
    assert!(demo_contacts > 0);

    // A new record (a phone's push), while a page still reads the unit as it was.
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let mut c = contact("K-HELD-1", "N-0002", "PC-DEMO-01");
    c["notes"] = json!("Held unit check K-HELD-1");
    let r = push(s, &device, &entry("u-held-1", "contact", c), at(61)).await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
    let before = (*first.records).clone();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &[], "a new record").await;
    assert_eq!(held.cohort.contacts.len(), demo_contacts + 1);
    assert_eq!(
        *first.records, before,
        "the page reading the unit as it was"
    );
    assert_eq!(first.cohort.contacts.len(), demo_contacts);
    drop(first);

    // A changed record (the nominal's phone, through the desk's one way of changing the cohort).
    let ds = s.officer("DS-DEMO-01").await.unwrap().unwrap();
    let keeper = Keeper {
        officer: &ds,
        whole_unit: true,
    };
    let mut nominal = held
        .records
        .iter()
        .find(|r| r.kind == "nominal" && r.id == "N-0001")
        .unwrap()
        .clone();
    drop(held);
    nominal.record["phone"] = json!("07700 900321");
    let changed = vec![VersionedRecord {
        record: nominal.clone(),
        expected: Some(1),
    }];
    apply(s, keeper, "N-0001", "New phone", changed, None, at(62))
        .await
        .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &[], "a changed record").await;
    let n1 = held
        .cohort
        .nominals
        .iter()
        .find(|n| n.id == "N-0001")
        .unwrap();
    assert_eq!(n1.phone.as_deref(), Some("07700 900321"));
    drop(held);

    // Several at once: records of different nominals and kinds, one sorting before every
    // contact of its nominal, and the nominal changed again.
    for (id, n, officer, uuid) in [
        ("K-0000-A", "N-0007", "PC-DEMO-02", "u-held-2"),
        ("K-HELD-2", "N-0002", "PC-DEMO-01", "u-held-3"),
        ("K-ZZZZ-Z", "N-0012", "PC-DEMO-03", "u-held-4"),
    ] {
        let (device, _) = enrol(s, officer).await;
        let mut c = contact(id, n, officer);
        c["notes"] = json!(format!("Held unit check {id}"));
        let r = push(s, &device, &entry(uuid, "contact", c), at(63)).await;
        assert_eq!(r.status, EntryStatus::Accepted, "{id}: {r:?}");
    }
    nominal.record["phone"] = json!("07700 900654");
    let changed = vec![VersionedRecord {
        record: nominal.clone(),
        expected: Some(2),
    }];
    apply(s, keeper, "N-0001", "Phone again", changed, None, at(64))
        .await
        .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &[], "several at once").await;
    assert_eq!(held.cohort.contacts.len(), demo_contacts + 4);
    drop(held);

    // A transfer out.
    let transfer = StoredRecord {
        kind: "transfer".into(),
        id: "T-HELD-1".into(),
        nominal_id: "N-0003".into(),
        record: json!({
            "id": "T-HELD-1",
            "nominal_id": "N-0003",
            "transferred_on": "2026-11-24",
            "receiving_force": "Kent Police",
            "recorded_by": "DS-DEMO-01",
            "recorded_at": at(65),
        }),
    };
    s.transfer_out("U-DEMO", &transfer, "DS-DEMO-01", at(65))
        .await
        .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &["N-0003"], "a transfer out").await;
    let at_transfer = held.at;
    drop(held);

    // A record of another unit: this unit as it was, the other unit held as its own.
    s.add_unit("U-OTHER", "Another unit").await.unwrap();
    let mut theirs = scpo_field::domain::cohort::demo::demo_cohort(today());
    theirs.nominals.retain(|n| n.id == "N-0001");
    theirs.nominals[0].id = "N-9001".into();
    theirs.orders.clear();
    theirs.conditions.clear();
    theirs.contact_plans.clear();
    theirs.contacts.clear();
    theirs.notifications.clear();
    theirs.briefings.clear();
    theirs.breach_reports.clear();
    theirs.schedules.clear();
    scpo_server::import_cohort(
        s,
        "U-OTHER",
        &theirs.to_json(),
        Some(vec![]),
        "test",
        at(66),
    )
    .await
    .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &["N-0003"], "another unit's record").await;
    assert_eq!(held.at, at_transfer, "nothing of this unit changed");
    assert!(held.records.iter().all(|r| r.nominal_id != "N-9001"));
    let other = units.current(s, "U-OTHER").await.unwrap();
    assert_as_read(&other, s, "U-OTHER", &[], "the other unit").await;
    assert_eq!(other.cohort.nominals.len(), 1);
    drop(held);

    // An import bigger than what is put in place: the unit built again, the same as read.
    let mut file = cohort_of_unit(
        &s.unit_records("U-DEMO").await.unwrap(),
        OfficerRef {
            id: "DS-DEMO-01".into(),
            name: "DS Demo Supervisor".into(),
        },
    );
    let mut extra = file.contacts[0].clone();
    for i in 0..=MOST_PUT_IN_PLACE {
        extra.id = format!("K-BULK-{i:04}");
        extra.nominal_id = format!("N-{:04}", i % 2 + 1);
        extra.corrects = None;
        file.contacts.push(extra.clone());
    }
    let counts = scpo_server::import_cohort(
        s,
        "U-DEMO",
        &text_of(ExportFile::Cohort, &file),
        None,
        "DS-DEMO-01",
        at(67),
    )
    .await
    .unwrap();
    assert!(counts.created > MOST_PUT_IN_PLACE, "{counts:?}");
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &["N-0003"], "a big import").await;
}

on_both_backends!(the_held_unit_moved_on_in_place_equals_a_fresh_read);
