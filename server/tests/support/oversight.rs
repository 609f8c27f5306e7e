//! Shared by the oversight tests: a second unit, and the server over HTTP with sessions.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use crate::common::*;
use scpo_server::secrets;
use scpo_server::storage::{Officer, Role, Storage, StoredRecord};
use serde_json::json;

/// A second unit with a supervisor, an officer and one nominal of its own (N-9001).
pub async fn other_unit(s: &dyn Storage) {
    s.add_unit("U-OTHER", "Other unit").await.unwrap();
    for (id, role) in [("DS-OTHER", Role::Supervisor), ("PC-OTHER", Role::Officer)] {
        let o = Officer {
            id: id.into(),
            unit_id: "U-OTHER".into(),
            name: format!("{id} name"),
            role,
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

pub struct Server {
    pub base: String,
    pub client: reqwest::Client,
    pub db: TestDb,
}

impl Server {
    pub async fn get(&self, path: &str, session: Option<&str>) -> reqwest::Response {
        let mut r = self.client.get(format!("{}{path}", self.base));
        if let Some(t) = session {
            r = r.header("cookie", format!("scpo_session={t}"));
        }
        r.send().await.unwrap()
    }

    pub async fn html(&self, path: &str, session: &str) -> (u16, String) {
        let r = self.get(path, Some(session)).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }
}

/// The demo unit and another, served with the clock at noon on `today()`; sessions "ds" (the
/// demo DS), "other" (the other unit's DS) and "pc" (an officer).
pub async fn serve(b: Backend) -> Server {
    let db = with_demo(b).await;
    other_unit(db.storage.as_ref()).await;
    for (token, who) in [
        ("ds", "DS-DEMO-01"),
        ("other", "DS-OTHER"),
        ("pc", "PC-DEMO-01"),
    ] {
        db.storage
            .start_session(&secrets::hash(token), who, "csrf", at(0))
            .await
            .unwrap();
    }
    let mut state = scpo_server::api::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(1));
    let app = scpo_server::app(state, &temp_dir("dist"))
        .into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Server { base, client, db }
}
