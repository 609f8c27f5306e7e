//! The officer a pushed record names, on both backends: its id must be the phone's officer's
//! (tests/sync.rs); its name is the one the server holds for that officer, whatever the phone
//! wrote, and the phone's next pull brings it back so.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_server::storage::{EntryStatus, StoredRecord};
use serde_json::Value;

/// The demo's report on N-0002 as PC-DEMO-01's phone would push it, under `id`, signed `name`.
fn report(id: &str, name: &str) -> Value {
    let mut r = demo_cohort(today()).breach_reports[0].clone();
    r.id = id.into();
    r.officer_name = name.into();
    serde_json::to_value(r).unwrap()
}

async fn held(db: &TestDb, id: &str) -> StoredRecord {
    let records = db.storage.records_of_nominal("N-0002").await.unwrap();
    records.into_iter().find(|r| r.id == id).unwrap()
}

async fn a_pushed_record_carries_the_name_the_server_holds_for_the_phone_s_officer(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    // Signed with the DS's name beside PC-DEMO-01's id.
    let sent = report("BR-0002-9", "DS Demo Supervisor");
    let r = push(
        s,
        &phone,
        &entry("u-1", "breach_report", sent.clone()),
        at(5),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
    let mut expected = sent.clone();
    expected["officer_name"] = "PC Demo Officer".into();
    assert_eq!(held(&db, "BR-0002-9").await.record, expected);
    // The same record again under another UUID: the same record, not a different one.
    let again = push(s, &phone, &entry("u-2", "breach_report", sent), at(6)).await;
    assert_eq!(again.status, EntryStatus::Accepted, "{again:?}");
    // The phone's next pull brings it back with the server's name.
    let page = s.pull(&phone, 0, 10_000, at(7)).await.unwrap();
    let pulled = page.records.iter().find(|r| r.id == "BR-0002-9").unwrap();
    assert_eq!(pulled.record["officer_name"], "PC Demo Officer");
    // The desk shows who made it.
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(s, &[("ds", "DS-DEMO-01", "csrf")], now).await;
    let srv = Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;
    let (_, page) = srv.html("/supervise/breaches/BR-0002-9", "ds").await;
    assert!(page.contains("PC Demo Officer (PC-DEMO-01)"));
    assert!(!page.contains("DS Demo Supervisor (PC-DEMO-01)"));
    // A record with the officer's own name is kept exactly as sent.
    let own = report("BR-0002-8", "PC Demo Officer");
    let r = push(
        s,
        &phone,
        &entry("u-3", "breach_report", own.clone()),
        at(8),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Accepted);
    assert_eq!(held(&db, "BR-0002-8").await.record, own);
}

on_both_backends!(a_pushed_record_carries_the_name_the_server_holds_for_the_phone_s_officer);
