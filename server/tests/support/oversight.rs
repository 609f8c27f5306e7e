//! Shared by the oversight tests: a second unit, and the server over HTTP with sessions.
#![allow(dead_code)]

use std::sync::Arc;

use crate::common::*;
use scpo_field::domain::breach::decision::BreachDecision;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::referral::record::RecallReferral;
use scpo_field::domain::{Cohort, OfficerRef};
use scpo_server::storage::{Officer, Role, Storage, StoredRecord};
use serde_json::{json, Value};

/// A second unit with a supervisor, an officer and one nominal of its own (N-9001).
pub async fn other_unit(s: &dyn Storage) {
    s.add_unit("U-OTHER", "Other unit").await.unwrap();
    for (id, role) in [("DS-OTHER", Role::Supervisor), ("PC-OTHER", Role::Officer)] {
        let o = Officer {
            id: id.into(),
            unit_id: "U-OTHER".into(),
            name: format!("{id} name"),
            role,
            keeps_cohort: false,
        };
        s.add_officer(&o, at(0)).await.unwrap();
    }
    let mut n = s.records_of_nominal("N-0001").await.unwrap();
    n.retain(|r| r.kind == "nominal");
    let mut record = n[0].record.clone();
    record["id"] = json!("N-9001");
    let r = StoredRecord {
        kind: "nominal".into(),
        id: "N-9001".into(),
        nominal_id: "N-9001".into(),
        record,
    };
    s.import_records(
        "U-OTHER",
        &[r],
        &[("N-9001".into(), "PC-OTHER".into())],
        "cli",
        at(0),
    )
    .await
    .unwrap();
}

/// The server over HTTP, and its database.
pub type Server = Served;

/// The demo unit and another, served with the clock at noon on `today()`; sessions "ds" (the
/// demo DS), "other" (the other unit's DS) and "pc" (an officer).
pub async fn serve(b: Backend) -> Server {
    let db = with_demo(b).await;
    other_unit(db.storage.as_ref()).await;
    start_sessions(
        db.storage.as_ref(),
        &[
            ("ds", "DS-DEMO-01", "csrf"),
            ("other", "DS-OTHER", "csrf"),
            ("pc", "PC-DEMO-01", "csrf"),
        ],
        at(0),
    )
    .await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(1));
    let http = Http::start(state).await;
    Served { http, db }
}

/// A record of N-0002 as the server stores it.
pub fn stored(kind: &str, id: &str, record: Value) -> StoredRecord {
    StoredRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: "N-0002".into(),
        record,
    }
}

/// The DS's decision on BR-0002-1: request recall.
pub fn recall_decision() -> Value {
    json!({"id": "BD-1", "nominal_id": "N-0002", "report_id": "BR-0002-1",
        "level": "request_recall", "agrees": false, "disruption": false,
        "information": "i", "assessment": "a", "powers_and_policy": "p", "options": "o",
        "action": "Request recall", "decided_by": "DS-DEMO-01",
        "decided_by_name": "DS Demo Supervisor", "decided_at": "2026-11-24T10:00:00"})
}

/// The demo cohort with the DS's decision and the officer's referral on BR-0002-1, as the
/// server holds them once imported (and as the phone holds them).
pub fn decided_and_referred() -> (Cohort, RecallReferral) {
    let mut c = demo_cohort(today());
    let d: BreachDecision = serde_json::from_value(recall_decision()).unwrap();
    c.breach_decisions.push(d);
    let officer = OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo Officer".into(),
    };
    let by = Making {
        id: "RR-1".into(),
        officer: &officer,
        at: today().and_hms_opt(11, 0, 0).unwrap(),
    };
    let r = RecallReferral::make(&c, "BR-0002-1", &referral_answers(), by).unwrap();
    c.recall_referrals.push(r.clone());
    (c, r)
}
