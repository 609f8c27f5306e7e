//! What the keeping tests share: the demo unit served with sessions, and reading forms.
#![allow(dead_code)]

use std::sync::Arc;

use crate::common::*;
use scpo_server::storage::{Storage, StoredRecord};
use serde_json::Value;

/// The demo unit, sessions for the DS ("ds"), PC-DEMO-01 ("pc1") and another unit's DS
/// ("other"), the server's clock at noon on `today()` plus an hour.
pub async fn serve(b: Backend) -> Served {
    let db = with_demo(b).await;
    add_other_unit_ds(db.storage.as_ref()).await;
    start_sessions(
        db.storage.as_ref(),
        &[
            ("ds", "DS-DEMO-01", "csrf"),
            ("pc1", "PC-DEMO-01", "csrf1"),
            ("other", "DS-OTHER", "csrf2"),
        ],
        at(60),
    )
    .await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(60));
    Served {
        http: Http::start(state).await,
        db,
    }
}

pub fn new_nominal_answers<'a>(csrf: &'a str, officer: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("step", "check"),
        ("given_name", "Testy"),
        ("family_name", "Example"),
        ("aliases", "Tex"),
        ("dob-day", "1"),
        ("dob-month", "2"),
        ("dob-year", "1990"),
        ("risk", "high"),
        ("reviewed-day", "1"),
        ("reviewed-month", "11"),
        ("reviewed-year", "2026"),
        ("address", "1 Example Street"),
        ("phone", ""),
        ("custody", "in_custody"),
        ("expected-day", "1"),
        ("expected-month", "3"),
        ("expected-year", "2027"),
        ("officer", officer),
    ]
}

/// The hidden `version` a form was opened on.
pub fn version_in(html: &str) -> String {
    let at = html
        .find("name=\"version\" value=\"")
        .expect("the form carries its version");
    let rest = &html[at + 22..];
    rest[..rest.find('"').unwrap()].to_string()
}

pub async fn nominal_record(s: &dyn Storage, id: &str) -> Value {
    let r: Vec<StoredRecord> = s.records_of_nominal(id).await.unwrap();
    r.into_iter().find(|r| r.kind == "nominal").unwrap().record
}

pub async fn pulled(srv: &Served, officer: &str) -> Vec<Value> {
    let (_, credential) = enrol(srv.db.storage.as_ref(), officer).await;
    let r = srv.get_as_phone("/api/sync/pull", &credential).await;
    assert!(r.status().is_success());
    let body: Value = r.json().await.unwrap();
    body["records"].as_array().unwrap().clone()
}

/// A nominal of the demo unit in custody with its order made to come into force "on release",
/// and the officer who holds them.
pub async fn waiting_for_release(s: &dyn Storage) -> (String, String, String) {
    let held = s.unit_records("U-DEMO").await.unwrap();
    let inside = held
        .iter()
        .find(|r| r.kind == "nominal" && r.record["custody"]["status"] == "in_custody")
        .unwrap();
    let nominal_id = inside.id.clone();
    let mut order = held
        .iter()
        .find(|r| r.kind == "order" && r.nominal_id == nominal_id)
        .unwrap()
        .clone();
    order.record["stage"]["comes_into_force"] = Value::Null;
    order.record["stage"]["ends"] = Value::from("2031-11-23");
    let ds = s.officer("DS-DEMO-01").await.unwrap().unwrap();
    let keeper = scpo_server::cohort_change::Keeper {
        officer: &ds,
        whole_unit: true,
    };
    let expected = s
        .current_versions("U-DEMO", &nominal_id)
        .await
        .unwrap()
        .into_iter()
        .find(|(k, i, _)| k == "order" && *i == order.id)
        .map(|x| x.2);
    let v = scpo_server::storage::VersionedRecord {
        record: order.clone(),
        expected,
    };
    scpo_server::cohort_change::apply(
        s,
        keeper,
        &nominal_id,
        "Made to come into force on release",
        vec![v],
        None,
        at(1),
    )
    .await
    .unwrap();
    let officer = s
        .unit_assignments("U-DEMO")
        .await
        .unwrap()
        .into_iter()
        .find(|(n, _)| *n == nominal_id)
        .map(|(_, o)| o)
        .unwrap();
    (nominal_id, order.id, officer)
}
