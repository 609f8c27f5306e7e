//! What the team tests share: the server with sessions in two units, and the audit lines.
#![allow(dead_code)]

use super::common::*;
use scpo_server::state::AppState;
use scpo_server::storage::{AuditEntry, AuditFilter, Officer, Role, Storage};

pub const PASSKEY: &str = include_str!("../fixtures/passkey.json");

/// The server with sessions for the demo DS ("ds", csrf "c"), PC-DEMO-01 ("pc", csrf "p"),
/// and a second unit U-OTHER with its DS ("other") and an officer PC-OTHER-01.
pub async fn serve(b: Backend) -> Served {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    add_other_unit_ds(s).await;
    let o = Officer {
        id: "PC-OTHER-01".into(),
        unit_id: "U-OTHER".into(),
        name: "PC Other Unit".into(),
        role: Role::Officer,
        keeps_cohort: false,
    };
    s.add_officer(&o, at(0)).await.unwrap();
    start_sessions(
        s,
        &[
            ("ds", "DS-DEMO-01", "c"),
            ("pc", "PC-DEMO-01", "p"),
            ("other", "DS-OTHER", "o"),
        ],
        chrono::Utc::now().timestamp_millis(),
    )
    .await;
    let http = Http::start(AppState::new(db.storage.clone())).await;
    Served { http, db }
}

/// The audit lines by `actor` about `kind`, oldest first: (action, record id).
pub async fn lines(s: &dyn Storage, actor: &str, kind: &str) -> Vec<(String, String)> {
    let filter = AuditFilter {
        unit_id: "U-DEMO".into(),
        actor: Some(actor.into()),
        ..Default::default()
    };
    let mut all: Vec<AuditEntry> = s.audit_query(&filter, 500).await.unwrap();
    all.reverse();
    all.into_iter()
        .filter(|a| a.record_kind == kind)
        .map(|a| (a.action, a.record_id))
        .collect()
}

pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}
