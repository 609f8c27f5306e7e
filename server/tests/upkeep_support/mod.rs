//! For the upkeep tests: a second unit beside the demo one, and small cohort files made from
//! the demo cohort (invented people) under new ids.
#![allow(dead_code)]

use scpo_field::domain::demo::demo_cohort;
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
pub struct Desk {
    pub base: String,
    pub db: crate::common::TestDb,
    pub client: reqwest::Client,
}

pub async fn desk(b: crate::common::Backend) -> Desk {
    let db = crate::common::with_demo(b).await;
    other_unit(db.storage.as_ref()).await;
    let dist = crate::common::temp_dir("dist");
    let mut state = scpo_server::api::AppState::new(db.storage.clone());
    state.clock = std::sync::Arc::new(|| at(60));
    let app = scpo_server::app(state, &dist)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let hash = scpo_server::secrets::hash;
    let s = db.storage.as_ref();
    s.start_session(&hash("ds-token"), "DS-DEMO-01", "the-csrf", at(60))
        .await
        .unwrap();
    s.start_session(&hash("other-token"), OTHER_DS, "other-csrf", at(60))
        .await
        .unwrap();
    s.start_session(&hash("pc-token"), "PC-DEMO-01", "pc-csrf", at(60))
        .await
        .unwrap();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Desk { base, db, client }
}

impl Desk {
    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut r = self.client.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            r = r.header("cookie", format!("scpo_session={t}"));
        }
        r.send().await.unwrap()
    }

    pub async fn post(
        &self,
        path: &str,
        token: Option<&str>,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut r = self.client.post(format!("{}{path}", self.base)).form(form);
        if let Some(t) = token {
            r = r.header("cookie", format!("scpo_session={t}"));
        }
        r.send().await.unwrap()
    }

    /// A multipart form: (name, value, file name if a file).
    pub async fn post_multipart(
        &self,
        path: &str,
        token: &str,
        fields: &[(&str, &str, Option<&str>)],
    ) -> reqwest::Response {
        let boundary = "----scpo-test-boundary";
        let mut body = String::new();
        for (name, value, file) in fields {
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\""
            ));
            if let Some(f) = file {
                body.push_str(&format!(
                    "; filename=\"{f}\"\r\nContent-Type: application/json"
                ));
            }
            body.push_str(&format!("\r\n\r\n{value}\r\n"));
        }
        body.push_str(&format!("--{boundary}--\r\n"));
        self.client
            .post(format!("{}{path}", self.base))
            .header("cookie", format!("scpo_session={token}"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap()
    }
}

/// Sent to sign in (no session, or not a supervisor's).
pub fn to_sign_in(r: &reqwest::Response) -> bool {
    r.status().is_redirection() && r.headers()["location"] == "/supervise/sign-in"
}

/// Text as the pages put it in HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
