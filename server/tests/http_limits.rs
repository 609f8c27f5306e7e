//! The phones' API over HTTP, on both backends: a garbled `waiting` is ignored and the call goes
//! on; a pull page holds at most 1 MB of records (but always one); and the failed enrolments of
//! an address are counted in the database, so a restart forgets none of them.

#[macro_use]
mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use common::*;
use scpo_server::state::AppState;
use scpo_server::storage::{Device, Storage, StoredRecord};
use serde_json::{json, Value};

/// One megabyte: the most record bodies a pull page holds.
const PAGE_BYTES: usize = 1_048_576;

async fn waiting_of(s: &dyn Storage, device: &Device) -> Option<i64> {
    let all = s.devices().await.unwrap();
    all.into_iter().find(|d| d.id == device.id).unwrap().waiting
}

async fn a_garbled_waiting_is_ignored_and_the_push_or_pull_goes_on(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.clone();
    let srv = Http::start(AppState::new(s.clone())).await;
    let (device, credential) = enrol(s.as_ref(), "PC-DEMO-01").await;
    let push = |query: String, uuid: String| {
        let body =
            json!({"entries": [entry(&uuid, "contact", contact(&uuid, "N-0001", "PC-DEMO-01"))]});
        srv.client
            .post(format!("{}/api/sync/push?{query}", srv.base))
            .bearer_auth(&credential)
            .json(&body)
            .send()
    };
    let r = push("waiting=7".into(), "K-w-0".into()).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(waiting_of(s.as_ref(), &device).await, Some(7));
    let garbled = [
        "waiting=3&waiting=4",
        "waiting=-1",
        "waiting=abc",
        "waiting=",
        "waiting=4294967296",
        "waiting=99999999999999999999999999",
        "waiting=%FF%FE",
        "waiting=3&since=v1:x:1&since=v1:y:2",
    ];
    for (i, query) in garbled.iter().enumerate() {
        let r = push(query.to_string(), format!("K-w-{}", i + 1))
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "push?{query}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["results"][0]["status"], "accepted", "push?{query}");
        let r = srv
            .get_as_phone(&format!("/api/sync/pull?{query}"), &credential)
            .await;
        assert_eq!(r.status(), 200, "pull?{query}");
        let body: Value = r.json().await.unwrap();
        assert!(
            !body["records"].as_array().unwrap().is_empty(),
            "pull?{query}"
        );
    }
    // Nothing garbled was kept (the "waiting=3" beside a repeated `since` is one good value).
    assert_eq!(waiting_of(s.as_ref(), &device).await, Some(3));
    // A repeated cursor is not a cursor: the phone starts again from the beginning.
    let r = srv
        .get_as_phone(
            "/api/sync/pull?since=a&since=b&waiting=4294967295",
            &credential,
        )
        .await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["resync"], true);
    assert_eq!(waiting_of(s.as_ref(), &device).await, Some(4_294_967_295));
}

/// A contact as an old server could hold it (stored before records were bounded): over 1 MB.
fn oversized(id: &str) -> StoredRecord {
    let mut record = contact(id, "N-0001", "PC-DEMO-01");
    record["notes"] = json!("n".repeat(PAGE_BYTES + 500_000));
    StoredRecord {
        kind: "contact".into(),
        id: id.into(),
        nominal_id: "N-0001".into(),
        record,
    }
}

async fn a_pull_page_holds_at_most_a_megabyte_of_records_but_always_one(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.clone();
    let srv = Http::start(AppState::new(s.clone())).await;
    let (device, credential) = enrol(s.as_ref(), "PC-DEMO-01").await;
    s.import_records("U-DEMO", &[oversized("K-huge")], &[], "test", at(1))
        .await
        .unwrap();
    // Forty contacts of 30 KB (10,000 three-byte characters: the longest notes a contact has).
    for i in 0..40 {
        let mut record = contact(&format!("K-long-{i}"), "N-0001", "PC-DEMO-01");
        record["notes"] = json!("€".repeat(10_000));
        let r = push(
            s.as_ref(),
            &device,
            &entry(&format!("u-{i}"), "contact", record),
            at(2),
        )
        .await;
        assert_eq!(
            r.status,
            scpo_server::storage::EntryStatus::Accepted,
            "{r:?}"
        );
    }
    let everything = s.pull(&device, 0, 100_000, at(3)).await.unwrap().records;
    let mut pulled: Vec<StoredRecord> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/sync/pull?since={c}"),
            None => "/api/sync/pull".into(),
        };
        let body: Value = srv
            .get_as_phone(&path, &credential)
            .await
            .json()
            .await
            .unwrap();
        let records: Vec<StoredRecord> = serde_json::from_value(body["records"].clone()).unwrap();
        let bytes: usize = records.iter().map(|r| r.record.to_string().len()).sum();
        assert!(!records.is_empty() || body["more"] == false);
        assert!(
            bytes <= PAGE_BYTES || records.len() == 1,
            "a page of {} records and {bytes} bytes",
            records.len()
        );
        if records.iter().any(|r| r.id == "K-huge") {
            assert_eq!(
                records.len(),
                1,
                "the oversized record has a page of its own"
            );
        }
        pages += 1;
        pulled.extend(records);
        cursor = Some(body["cursor"].as_str().unwrap().to_string());
        if body["more"] == false {
            break;
        }
        assert!(pages < 20, "the pull never ends");
    }
    // Every record once, in change order, over several pages.
    assert!(pages >= 3, "{pages} pages");
    assert_eq!(pulled, everything);
}

/// The server for `storage`, on its own AppState, with a clock the test moves.
async fn server_at(storage: Arc<dyn Storage>, clock: Arc<AtomicI64>) -> Http {
    let mut state = AppState::new(storage);
    state.clock = Arc::new(move || clock.load(Ordering::SeqCst));
    Http::start(state).await
}

/// Try a code at `srv` from local address 127.0.0.`last`; the status.
async fn try_code(srv: &Http, last: u8, code: &str) -> u16 {
    let client = reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)))
        .build()
        .unwrap();
    client
        .post(format!("{}/api/enrol", srv.base))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn an_address_s_failed_enrolments_are_counted_across_a_restart(b: Backend) {
    let db = with_demo(b).await;
    let clock = Arc::new(AtomicI64::new(chrono::Utc::now().timestamp_millis()));
    let first = server_at(db.storage.clone(), clock.clone()).await;
    for _ in 0..6 {
        assert_eq!(try_code(&first, 1, "ZZZZ-ZZZZ").await, 400);
    }
    // A restart: a new AppState on a new connection to the same database.
    let reopened = scpo_server::open_storage(db.url.as_deref(), &db.dir)
        .await
        .unwrap();
    let second = server_at(reopened, clock.clone()).await;
    for _ in 0..4 {
        assert_eq!(try_code(&second, 1, "ZZZZ-ZZZZ").await, 400);
    }
    // The 11th attempt in the window waits, even with a right code; another address does not.
    let code = scpo_server::new_enrolment_code(
        db.storage.as_ref(),
        "PC-DEMO-01",
        clock.load(Ordering::SeqCst),
    )
    .await
    .unwrap();
    assert_eq!(try_code(&second, 1, &code).await, 429);
    assert_eq!(try_code(&first, 1, "ZZZZ-ZZZZ").await, 429);
    assert_eq!(try_code(&second, 2, "ZZZZ-ZZZZ").await, 400);
    // Fifteen minutes after the first failure, the address may try again.
    clock.fetch_add(15 * 60_000, Ordering::SeqCst);
    assert_eq!(try_code(&second, 1, "ZZZZ-ZZZZ").await, 400);
}

on_both_backends!(
    a_garbled_waiting_is_ignored_and_the_push_or_pull_goes_on,
    a_pull_page_holds_at_most_a_megabyte_of_records_but_always_one,
    an_address_s_failed_enrolments_are_counted_across_a_restart,
);
