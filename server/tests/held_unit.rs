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
use scpo_field::domain::oversight::unit::{dashboard, Figure, Scope, Unit};
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
    let cohort = cohort_of(&fresh);
    assert!(*held.cohort == cohort, "{step}: cohort");
    assert_eq!(*held.transferred, gone, "{step}: transferred");
    // The team's figures, worked out a nominal at a time, are those of the whole unit at once,
    // today and tomorrow.
    let assignments = s.unit_assignments(unit).await.unwrap();
    let gone: Vec<String> = gone.iter().map(|g| g.to_string()).collect();
    let whole = Unit {
        cohort: &cohort,
        assignments: &assignments,
        decisions: &cohort.breach_decisions,
        transferred: &gone,
    };
    for day in [today(), today().succ_opt().unwrap()] {
        let held_board = held.dashboard(day, &assignments);
        assert_eq!(
            *held_board,
            dashboard(&whole, day),
            "{step}: the team's figures on {day}"
        );
    }
    // And with N-0002 held by nobody (the figures' holders are those given).
    let unheld: Vec<(String, String)> = assignments
        .iter()
        .filter(|(n, _)| n != "N-0002")
        .cloned()
        .collect();
    let whole = Unit {
        assignments: &unheld,
        ..whole
    };
    let held_board = held.dashboard(today(), &unheld);
    assert_eq!(
        *held_board,
        dashboard(&whole, today()),
        "{step}: N-0002 unheld"
    );
}

/// The demo DS's decision on N-0002's breach report (as the desk's decision page makes it):
/// the breach no longer waits for a decision.
fn decision(cohort: &scpo_field::domain::Cohort) -> StoredRecord {
    ds_decision(
        cohort,
        "BR-0002-1",
        "BD-HELD-1",
        None,
        "Agree: request recall.",
    )
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

    // A breach decision: N-0002's breach no longer waits for one.
    let held = units.current(s, "U-DEMO").await.unwrap();
    let d = decision(&held.cohort);
    let waiting = |held: &HeldUnit| {
        let assignments = [("N-0002".to_string(), "PC-DEMO-01".to_string())];
        let board = held.dashboard(today(), &assignments);
        board.count(Figure::BreachesAwaitingDecision, Scope::Unit)
    };
    let before = waiting(&held);
    drop(held);
    s.add_decision("U-DEMO", &d, "DS-DEMO-01", at(64))
        .await
        .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &[], "a breach decision").await;
    assert_eq!(waiting(&held), before - 1, "the breach decided");
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

    // Another holder: the team's figures of that nominal worked out again.
    s.assign("N-0002", "PC-DEMO-02", "DS-DEMO-01", at(66))
        .await
        .unwrap();
    let held = units.current(s, "U-DEMO").await.unwrap();
    assert_as_read(&held, s, "U-DEMO", &["N-0003"], "another holder").await;
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
