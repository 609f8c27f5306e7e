//! For the upkeep tests: a second unit beside the demo one, and small cohort files made from
//! the demo cohort (invented people) under new ids.
#![allow(dead_code)]

use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::Cohort;
use scpo_server::storage::{Officer, Role, Storage, StoredRecord};
use serde_json::json;

use crate::common::{at, today};

pub const OTHER_UNIT: &str = "U-OTHER";
pub const OTHER_DS: &str = "DS-OTHER-01";
pub const OTHER_PC: &str = "PC-OTHER-01";

/// The demo cohort's nominal `n` (1 to 12) alone, with its order, provisions and plan, its ids
/// `-0001` renamed `-{to}` and its offender manager `officer`. No history.
pub fn one_nominal(n: u32, to: &str, officer: &str) -> Cohort {
    let demo = demo_cohort(today());
    let id = format!("N-{n:04}");
    let mut c = Cohort::empty(demo.officer.clone());
    c.format = demo.format.clone();
    c.version = demo.version;
    c.nominals = demo
        .nominals
        .iter()
        .filter(|x| x.id == id)
        .cloned()
        .collect();
    c.orders = demo
        .orders
        .iter()
        .filter(|o| o.nominal_id == id)
        .cloned()
        .collect();
    let orders: Vec<String> = c.orders.iter().map(|o| o.id.clone()).collect();
    c.conditions = demo
        .conditions
        .iter()
        .filter(|k| orders.contains(&k.order_id))
        .cloned()
        .collect();
    c.contact_plans = demo
        .contact_plans
        .iter()
        .filter(|p| p.nominal_id == id)
        .cloned()
        .collect();
    let text = c
        .to_json()
        .replace(&format!("-{n:04}"), &format!("-{to}"))
        .replace("PC-DEMO-01", officer);
    let mut out = Cohort::from_json(&text).expect("a renamed demo nominal is a valid cohort");
    for x in &mut out.nominals {
        x.offender_manager.id = officer.into();
    }
    out
}

/// A second unit with a DS and an officer, holding one nominal (`N-9001`, the officer's).
pub async fn other_unit(s: &dyn Storage) {
    s.add_unit(OTHER_UNIT, "Other unit").await.unwrap();
    for (id, role) in [(OTHER_DS, Role::Supervisor), (OTHER_PC, Role::Officer)] {
        let o = Officer {
            id: id.into(),
            unit_id: OTHER_UNIT.into(),
            name: format!("Officer {id}"),
            role,
            keeps_cohort: false,
        };
        s.add_officer(&o, at(0)).await.unwrap();
    }
    let file = one_nominal(1, "9001", OTHER_PC).to_json();
    scpo_server::import_cohort(s, OTHER_UNIT, &file, None, OTHER_DS, at(0))
        .await
        .unwrap();
}

/// A transfer record as the desk makes it.
pub fn transfer_record(id: &str, nominal: &str) -> StoredRecord {
    StoredRecord {
        kind: "transfer".into(),
        id: id.into(),
        nominal_id: nominal.into(),
        record: json!({
            "id": id,
            "nominal_id": nominal,
            "transferred_on": "2026-11-24",
            "receiving_force": "Kent Police",
            "recorded_by": "DS-DEMO-01",
            "recorded_at": at(5),
        }),
    }
}

/// The server over HTTP with the demo unit, the other unit, and a session for each DS made
/// directly in storage (`ds-token` / `the-csrf`, `other-token` / `other-csrf`); its clock stands
/// at `at(60)`.
pub type Desk = crate::common::Served;

pub async fn desk(b: crate::common::Backend) -> Desk {
    let db = crate::common::with_demo(b).await;
    other_unit(db.storage.as_ref()).await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = std::sync::Arc::new(|| at(60));
    let http = crate::common::Http::start(state).await;
    crate::common::start_sessions(
        db.storage.as_ref(),
        &[
            ("ds-token", "DS-DEMO-01", "the-csrf"),
            ("other-token", OTHER_DS, "other-csrf"),
            ("pc-token", "PC-DEMO-01", "pc-csrf"),
        ],
        at(60),
    )
    .await;
    Desk { http, db }
}

/// Text as the pages put it in HTML: the pages' own escaping.
#[allow(unused_imports)]
pub use crate::common::esc;
