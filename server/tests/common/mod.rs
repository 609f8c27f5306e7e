//! The test harness: a fresh database per test on either backend, the demo team in it, and
//! helpers to enrol devices and make entries. PostgreSQL comes from `SCPO_TEST_DATABASE_URL`
//! (`scripts/pg.sh start` makes a throwaway cluster; `scripts/test.sh server` does it all).
#![allow(dead_code)]

mod decision;
#[allow(unused_imports)] // not every test binary makes a decision
pub use decision::ds_decision;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use scpo_field::domain::{Contact, ContactKind};
use scpo_server::storage::{Device, NewEntry, Redeemed, Storage};
use scpo_server::{records, secrets};
use serde_json::{json, Value};

/// Each named `async fn name(b: Backend)` becomes a test on SQLite and one on PostgreSQL.
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Backend::Sqlite).await })*
        }
        mod postgres {
            use super::*;
            $(#[tokio::test] async fn $name() { super::$name(Backend::Postgres).await })*
        }
    };
}

#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub storage: Arc<dyn Storage>,
    pub dir: PathBuf,
    pub url: Option<String>,
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// Milliseconds at noon on `today()`, plus `minutes`.
pub fn at(minutes: i64) -> i64 {
    today()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
        + minutes * 60_000
}

pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("scpo-test-{tag}-{}", secrets::random_id(6)));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A database URL for a new, empty PostgreSQL database on the test cluster.
pub async fn fresh_postgres_url() -> String {
    let admin = std::env::var("SCPO_TEST_DATABASE_URL").expect(
        "SCPO_TEST_DATABASE_URL is not set: the PostgreSQL tests need a server. Run `scripts/test.sh server`, or `eval \"$(scripts/pg.sh start)\"` first.",
    );
    let name = format!("t_{}", secrets::random_id(6));
    let pool = sqlx::PgPool::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("SCPO_TEST_DATABASE_URL has no database name"),
    }
}

pub async fn fresh(backend: Backend) -> TestDb {
    let dir = temp_dir("db");
    let url = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(fresh_postgres_url().await),
    };
    let storage = scpo_server::open_storage(url.as_deref(), &dir)
        .await
        .unwrap();
    TestDb { storage, dir, url }
}

/// A fresh database with the demo team: PC-DEMO-01 holds N-0001..4, -02 N-0005..8, -03 N-0009..12.
pub async fn with_demo(backend: Backend) -> TestDb {
    let db = fresh(backend).await;
    assert!(
        scpo_server::set_up_demo(db.storage.as_ref(), today(), at(0))
            .await
            .unwrap()
    );
    db
}

/// Enrol a device for an officer; returns the device and its credential.
pub async fn enrol(storage: &dyn Storage, officer_id: &str) -> (Device, String) {
    let code = scpo_server::new_enrolment_code(storage, officer_id, at(0))
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let credential = secrets::new_credential();
    let device_id = format!("D-{}", secrets::random_id(6));
    let r = storage
        .redeem_enrolment_code(
            &id,
            &secrets::hash(&secret),
            &secrets::hash(&credential),
            &device_id,
            "test phone",
            at(1),
            5,
        )
        .await
        .unwrap();
    assert!(matches!(r, Redeemed::Enrolled { .. }), "{r:?}");
    let device = storage
        .device_by_credential(&secrets::hash(&credential))
        .await
        .unwrap()
        .unwrap();
    (device, credential)
}

/// A routine contact record about `nominal` by `officer`, as the app makes it.
/// A second unit, "U-OTHER", with its own DS, "DS-OTHER": for checking that a supervisor sees
/// nothing of a unit not theirs.
pub async fn add_other_unit_ds(storage: &dyn Storage) {
    storage.add_unit("U-OTHER", "Another unit").await.unwrap();
    let other = scpo_server::storage::Officer {
        id: "DS-OTHER".into(),
        unit_id: "U-OTHER".into(),
        name: "DS Other".into(),
        role: scpo_server::storage::Role::Supervisor,
        keeps_cohort: false,
    };
    storage.add_officer(&other, at(0)).await.unwrap();
}

pub fn contact(id: &str, nominal: &str, officer: &str) -> Value {
    let c = Contact {
        id: id.into(),
        nominal_id: nominal.into(),
        kind: ContactKind::HomeVisit,
        at: today().and_hms_opt(10, 30, 0).unwrap(),
        seen: true,
        outcome: scpo_field::domain::field::contact::ContactOutcome::NoConcerns,
        notes: String::new(),
        officer_id: officer.into(),
        corrects: None,
    };
    serde_json::to_value(c).unwrap()
}

/// An outbox entry as the app sends it.
pub fn entry(uuid: &str, kind: &str, record: Value) -> Value {
    json!({"uuid": uuid, "kind": kind, "record": record})
}

pub fn new_entry(v: &Value) -> NewEntry {
    records::read_entry(v).unwrap()
}

/// Push one entry through storage with the domain's judge, as the API does.
pub async fn push(
    storage: &dyn Storage,
    device: &Device,
    v: &Value,
    now: i64,
) -> scpo_server::storage::EntryResult {
    let e = new_entry(v);
    let judge = |e: &NewEntry, held: &[scpo_server::storage::StoredRecord]| records::judge(e, held);
    storage.push_entry(device, &e, &judge, now).await.unwrap()
}

/// Sessions made directly in storage, as the passkey ceremony would (which is the browser's):
/// `(token, officer, csrf)`, each started at `now`.
pub async fn start_sessions(storage: &dyn Storage, sessions: &[(&str, &str, &str)], now: i64) {
    for (token, officer, csrf) in sessions {
        storage
            .start_session(&secrets::hash(token), officer, csrf, now)
            .await
            .unwrap();
    }
}

/// The server over HTTP: its base URL, and a client that does not follow redirects (so a test
/// sees where it is sent).
pub struct Http {
    pub base: String,
    pub client: reqwest::Client,
}

impl Http {
    /// A phone's push of `entries` with its `credential`: the status and the JSON answer.
    pub async fn push_entries(&self, credential: &str, entries: Value) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}/api/sync/push", self.base))
            .bearer_auth(credential)
            .json(&json!({ "entries": entries }))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    /// POST `body` as JSON to `path`: the status and the JSON answer (null if none).
    pub async fn post_json(&self, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The server for `state`, on a free local port.
    pub async fn start(state: scpo_server::state::AppState) -> Http {
        Self::start_with_dist(state, &temp_dir("dist")).await
    }

    /// The server for `state` serving the app's files from `dist`, on a free local port.
    pub async fn start_with_dist(
        state: scpo_server::state::AppState,
        dist: &std::path::Path,
    ) -> Http {
        let app = scpo_server::app(state, dist)
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Http { base, client }
    }

    /// GET `path`, with the session cookie `session` if any.
    pub async fn get(&self, path: &str, session: Option<&str>) -> reqwest::Response {
        let mut r = self.client.get(format!("{}{path}", self.base));
        if let Some(t) = session {
            r = r.header("cookie", format!("scpo_session={t}"));
        }
        r.send().await.unwrap()
    }

    /// GET `path` as a phone does: with a device credential, no session.
    pub async fn get_as_phone(&self, path: &str, credential: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(credential)
            .send()
            .await
            .unwrap()
    }

    /// A page's status and HTML, in `session`.
    pub async fn html(&self, path: &str, session: &str) -> (u16, String) {
        let r = self.get(path, Some(session)).await;
        (r.status().as_u16(), r.text().await.unwrap())
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

    /// POST a form to `path`, with the session cookie `session` if any.
    pub async fn post(
        &self,
        path: &str,
        session: Option<&str>,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut r = self.client.post(format!("{}{path}", self.base)).form(form);
        if let Some(t) = session {
            r = r.header("cookie", format!("scpo_session={t}"));
        }
        r.send().await.unwrap()
    }
}

/// The server over HTTP and the database it serves (reads through to `Http`).
pub struct Served {
    pub http: Http,
    pub db: TestDb,
}

impl std::ops::Deref for Served {
    type Target = Http;
    fn deref(&self) -> &Http {
        &self.http
    }
}

/// Sent to the supervisor's sign-in (no session, or not a supervisor's).
pub fn to_sign_in(r: &reqwest::Response) -> bool {
    r.status().is_redirection() && r.headers()["location"] == "/supervise/sign-in"
}

/// An offender manager's session on a DS's page at `path`: the desk's "Page not found" (never
/// a sign-in loop, as they are signed in); for the desk's front page, their own nominals.
pub fn refused_to_officer(path: &str, r: &reqwest::Response) -> bool {
    if path == "/supervise" {
        r.status().is_redirection() && r.headers()["location"] == "/supervise/mine"
    } else {
        r.status() == 404
    }
}

/// A recall referral's answers as an officer gives them (synthetic contact details).
pub fn referral_answers() -> scpo_field::domain::referral::answers::ReferralAnswers {
    scpo_field::domain::referral::answers::ReferralAnswers {
        custody_now: "no".into(),
        arrest_issues: "None known".into(),
        contact_name: "PC Demo".into(),
        contact_email: "pc.demo@example.org".into(),
        contact_phone: "07700 900001".into(),
        last_address: "1 Example Street".into(),
        contraband_risk: "None known".into(),
        charged: "no".into(),
        circumstances: "On 24 Nov 2026: a second phone.".into(),
        earlier_breaches: "One".into(),
        not_for_disclosure: "Sensitive".into(),
        ..Default::default()
    }
}

/// Text as the desk writes it in HTML: escaped by maud, as every page is.
pub fn esc(s: &str) -> String {
    maud::html! { (s) }.into_string()
}
