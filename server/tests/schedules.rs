//! An order's schedules are held as records of kind `schedule`, filed under the order's
//! nominal: an imported schedule reaches the phone of the officer the nominal is assigned to,
//! and no other officer's, nor another unit's; the same tests on SQLite and PostgreSQL.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::{Cohort, Schedule};
use scpo_server::storage::{Officer, Role, StoredRecord};

/// The schedules among a pull's records, as (id, nominal).
fn schedules(records: &[StoredRecord]) -> Vec<(String, String)> {
    records
        .iter()
        .filter(|r| r.kind == "schedule")
        .map(|r| (r.id.clone(), r.nominal_id.clone()))
        .collect()
}

/// Another unit's cohort: demo N-0008 as N-9008, with its order, provisions and schedules
/// under new ids.
fn other_unit_cohort() -> Cohort {
    let mut c = demo_cohort(today());
    c.nominals.retain(|n| n.id == "N-0008");
    c.orders.retain(|o| o.nominal_id == "N-0008");
    c.conditions.retain(|k| k.order_id == "O-0008");
    c.contact_plans.retain(|p| p.nominal_id == "N-0008");
    c.contacts.clear();
    c.notifications.clear();
    c.briefings.clear();
    c.breach_reports.clear();
    c.breach_decisions.clear();
    c.recall_referrals.clear();
    c.referral_statuses.clear();
    let x = |id: &str| id.replace("0008", "9008");
    for n in &mut c.nominals {
        n.id = x(&n.id);
        n.offender_manager.id = "PC-OTHER-01".into();
    }
    for o in &mut c.orders {
        (o.id, o.nominal_id) = (x(&o.id), x(&o.nominal_id));
    }
    for k in &mut c.conditions {
        (k.id, k.order_id) = (x(&k.id), x(&k.order_id));
    }
    for p in &mut c.contact_plans {
        p.nominal_id = x(&p.nominal_id);
    }
    for s in &mut c.schedules {
        (s.id, s.order_id) = (x(&s.id), x(&s.order_id));
        s.condition_ids = s.condition_ids.iter().map(|k| x(k)).collect();
    }
    c
}

async fn an_imported_schedule_reaches_only_the_assigned_officer_s_phone(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    s.add_unit("U-OTHER", "Another unit").await.unwrap();
    let other = Officer {
        id: "PC-OTHER-01".into(),
        unit_id: "U-OTHER".into(),
        name: "PC Other".into(),
        role: Role::Officer,
        keeps_cohort: false,
    };
    s.add_officer(&other, at(0)).await.unwrap();
    let theirs = other_unit_cohort();
    assert_eq!(theirs.validate(), vec![]);
    scpo_server::import_cohort(s, "U-OTHER", &theirs.to_json(), None, "test", at(2))
        .await
        .unwrap();

    // N-0008 is PC-DEMO-02's: both its schedules reach that phone, as the file gave them.
    let (second, _) = enrol(s, "PC-DEMO-02").await;
    let page = s.pull(&second, 0, 100_000, at(3)).await.unwrap();
    let pair = |id: &str, n: &str| (id.to_string(), n.to_string());
    assert_eq!(
        schedules(&page.records),
        [pair("S-0008-1", "N-0008"), pair("S-0008-2", "N-0008")]
    );
    let held = page.records.iter().find(|r| r.id == "S-0008-1").unwrap();
    let read: Schedule = serde_json::from_value(held.record.clone()).unwrap();
    assert_eq!(read, demo_cohort(today()).schedules[0]);

    // Not to another officer of the unit, nor to another unit's officer, who gets their own.
    let (first, _) = enrol(s, "PC-DEMO-01").await;
    let page = s.pull(&first, 0, 100_000, at(4)).await.unwrap();
    assert!(schedules(&page.records).is_empty());
    let (outside, _) = enrol(s, "PC-OTHER-01").await;
    let page = s.pull(&outside, 0, 100_000, at(5)).await.unwrap();
    assert_eq!(
        schedules(&page.records),
        [pair("S-9008-1", "N-9008"), pair("S-9008-2", "N-9008")]
    );

    // The server's view of a nominal (what a pushed record is judged with) has its schedules.
    let mut n = scpo_server::records::cohort_of(&s.records_of_nominal("N-0008").await.unwrap());
    assert_eq!(n.schedules.len(), 2);
    n.officer.id = "PC-DEMO-02".into();
    assert_eq!(n.validate(), vec![]);
}

on_both_backends!(an_imported_schedule_reaches_only_the_assigned_officer_s_phone);
