//! The orders' schedules on the phone (schema v6): imported with the cohort and pulled from the
//! team server, kept encrypted, read back whole, and gone with their nominal when the nominal is
//! reassigned away.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::OfficerRef;
use scpo_field::store::{Enrolment, PullPage, PulledRecord};
use serde::Serialize;
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn rec<T: Serialize>(kind: &str, id: &str, r: &T) -> PulledRecord {
    PulledRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: "N-0008".into(),
        record: serde_json::to_value(r).unwrap(),
    }
}

/// N-0008's nominal, order, provisions and schedules as a pull page, with `in_scope`.
fn page(in_scope: &[&str], cursor: &str) -> PullPage {
    let demo = demo();
    let mut records = Vec::new();
    for n in demo.nominals.iter().filter(|n| n.id == "N-0008") {
        records.push(rec("nominal", &n.id, n));
    }
    for o in demo.orders.iter().filter(|o| o.id == "O-0008") {
        records.push(rec("order", &o.id, o));
    }
    for c in demo.conditions.iter().filter(|c| c.order_id == "O-0008") {
        records.push(rec("condition", &c.id, c));
    }
    for s in &demo.schedules {
        records.push(rec("schedule", &s.id, s));
    }
    PullPage {
        cursor: cursor.into(),
        resync: false,
        more: false,
        officer: Some(OfficerRef {
            id: "PC-DEMO-02".into(),
            name: "PC Demo Two".into(),
        }),
        in_scope: in_scope.iter().map(|s| s.to_string()).collect(),
        records,
    }
}

fn names_in_schedules() -> Vec<String> {
    vec![
        "Alder VANCE".into(),
        "Merewen THORNBURY".into(),
        "Cobble Yard".into(),
        "QX71 ZTV".into(),
    ]
}

#[wasm_bindgen_test]
async fn an_imported_cohort_s_schedules_are_kept_encrypted_and_read_back() {
    let (name, store) = fresh("schedules-import").await;
    let demo = demo();
    assert!(!demo.schedules.is_empty());
    store.import_cohort(&demo).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.schedules, demo.schedules);
    let dump = raw_dump(&name).await;
    assert!(dump.find(&names_in_schedules()).is_empty());
    // A new import replaces them with the file's (here: none).
    let mut without = demo.clone();
    without.schedules.clear();
    store.import_cohort(&without).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert!(loaded.schedules.is_empty());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn pulled_schedules_arrive_and_leave_with_their_nominal() {
    let (name, store) = fresh("schedules-pull").await;
    store
        .save_enrolment(Enrolment {
            device_id: "D-1".into(),
            credential: "q8Zt3VbW1xYk0LmNoPqRsTuVwXyZa2b3c4d5e6f7g8h".into(),
            officer: OfficerRef {
                id: "PC-DEMO-02".into(),
                name: "PC Demo Two".into(),
            },
        })
        .await
        .unwrap();
    store
        .apply_pull_page(&page(&["N-0008"], "v1:db:1"))
        .await
        .unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.schedules, demo().schedules);
    assert_eq!(loaded.schedules_for("C-0008-04", today()).len(), 1);
    assert!(raw_dump(&name).await.find(&names_in_schedules()).is_empty());
    // Reassigned away, nothing left to send: the nominal goes, and its schedules with it.
    let mut away = page(&[], "v1:db:2");
    away.records.clear();
    store.apply_pull_page(&away).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert!(loaded.nominals.is_empty());
    assert!(loaded.schedules.is_empty(), "{:?}", loaded.schedules);
    store.close();
    delete(&name).await;
}
