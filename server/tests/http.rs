//! The API over HTTP on loopback, on both backends: enrolment, authorisation from the credential
//! alone, bad input refused with a clear message and nothing changed, and the app's files served
//! compressed with the deployment headers.

#[macro_use]
mod common;

use std::net::SocketAddr;

use common::*;
use serde_json::{json, Value};

struct Server {
    base: String,
    db: TestDb,
    dist: std::path::PathBuf,
}

/// A `dist/` with an index, a hashed wasm and its brotli and gzip copies.
fn fake_dist() -> std::path::PathBuf {
    let d = temp_dir("dist");
    std::fs::write(
        d.join("index.html"),
        "<!doctype html><title>SCPO Field</title>",
    )
    .unwrap();
    std::fs::write(d.join("sw.js"), "// sw").unwrap();
    std::fs::write(d.join("scpo-field-0123abcd_bg.wasm"), vec![0u8; 2048]).unwrap();
    std::fs::write(d.join("scpo-field-0123abcd_bg.wasm.br"), b"brotli-bytes").unwrap();
    std::fs::write(d.join("scpo-field-0123abcd_bg.wasm.gz"), b"gzip-bytes").unwrap();
    d
}

async fn start(b: Backend) -> Server {
    let db = with_demo(b).await;
    let dist = fake_dist();
    let state = scpo_server::state::AppState::new(db.storage.clone());
    let app = scpo_server::app(state, &dist).into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        db,
        dist,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

async fn enrol_http(s: &Server, officer: &str) -> (String, Value) {
    let code = scpo_server::new_enrolment_code(
        s.db.storage.as_ref(),
        officer,
        chrono::Utc::now().timestamp_millis(),
    )
    .await
    .unwrap();
    let r = client()
        .post(format!("{}/api/enrol", s.base))
        .json(&json!({"code": code.to_lowercase(), "label": "Test phone"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    (body["credential"].as_str().unwrap().to_string(), body)
}

async fn pull(s: &Server, credential: &str, since: Option<&str>) -> (u16, Value) {
    let mut req = client()
        .get(format!("{}/api/sync/pull", s.base))
        .bearer_auth(credential);
    if let Some(c) = since {
        req = req.query(&[("since", c)]);
    }
    let r = req.send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn push(s: &Server, credential: &str, body: &Value) -> (u16, Value) {
    let r = client()
        .post(format!("{}/api/sync/push", s.base))
        .bearer_auth(credential)
        .json(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn enrolment_gives_a_credential_and_a_wrong_code_reveals_nothing(b: Backend) {
    let s = start(b).await;
    let (credential, body) = enrol_http(&s, "PC-DEMO-03").await;
    assert_eq!(credential.len(), 43);
    assert_eq!(body["officer"]["id"], "PC-DEMO-03");
    // A wrong code and a malformed one get the same words, naming nobody.
    for code in ["ZZZZ-ZZZZ", "nonsense"] {
        let r = client()
            .post(format!("{}/api/enrol", s.base))
            .json(&json!({ "code": code }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body,
            json!({"error": "That code is not valid. Check it, or ask for a new one."})
        );
    }
}

async fn ten_failed_enrolments_from_one_address_make_it_wait(b: Backend) {
    let s = start(b).await;
    for _ in 0..10 {
        let r = client()
            .post(format!("{}/api/enrol", s.base))
            .json(&json!({"code": "ZZZZ-ZZZZ"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
    }
    // Even a right code now waits.
    let code = scpo_server::new_enrolment_code(
        s.db.storage.as_ref(),
        "PC-DEMO-01",
        chrono::Utc::now().timestamp_millis(),
    )
    .await
    .unwrap();
    let r = client()
        .post(format!("{}/api/enrol", s.base))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
}

async fn every_call_needs_a_known_credential_and_a_revoked_phone_is_told_to_wipe(b: Backend) {
    let s = start(b).await;
    let (status, body) = pull(&s, "not-a-credential", None).await;
    assert_eq!((status, body), (401, json!({"error": "unknown_device"})));
    let r = client()
        .get(format!("{}/api/sync/pull", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let (credential, body) = enrol_http(&s, "PC-DEMO-01").await;
    assert_eq!(pull(&s, &credential, None).await.0, 200);
    let device = body["device_id"].as_str().unwrap();
    assert!(s.db.storage.revoke_device(device, at(10)).await.unwrap());
    // Replayed after revocation: refused, told to wipe, nothing changed.
    let (status, body) = pull(&s, &credential, None).await;
    assert_eq!(
        (status, body),
        (401, json!({"error": "revoked", "wipe": true}))
    );
    let before = s.db.storage.count_records("contact").await.unwrap();
    let (status, _) = push(
        &s,
        &credential,
        &json!({"entries": [entry("u-r", "contact", contact("K-r", "N-0001", "PC-DEMO-01"))]}),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(s.db.storage.count_records("contact").await.unwrap(), before);
}

async fn an_officer_cannot_pull_or_push_another_officer_s_nominal(b: Backend) {
    let s = start(b).await;
    let (one, _) = enrol_http(&s, "PC-DEMO-01").await;
    let (status, body) = pull(&s, &one, None).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = body["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["nominal_id"].as_str().unwrap())
        .collect();
    assert!(!ids.is_empty());
    assert!(ids
        .iter()
        .all(|n| ["N-0001", "N-0002", "N-0003", "N-0004"].contains(n)));
    // Asking for another nominal's records in the query changes nothing: scope is the credential's.
    let r = client()
        .get(format!(
            "{}/api/sync/pull?since=&nominal_id=N-0005&officer_id=PC-DEMO-02",
            s.base
        ))
        .bearer_auth(&one)
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    assert!(body["records"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["nominal_id"] != "N-0005"));
    let (status, body) = push(
        &s,
        &one,
        &json!({"entries": [entry("u-5", "contact", contact("K-5", "N-0005", "PC-DEMO-01"))]}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["results"][0]["status"], "rejected");
    assert_eq!(
        body["results"][0]["reason"],
        "This nominal is not assigned to you"
    );
}

async fn bad_input_gets_a_clear_error_and_changes_nothing(b: Backend) {
    let s = start(b).await;
    let (one, _) = enrol_http(&s, "PC-DEMO-01").await;
    let before = s.db.storage.count_records("contact").await.unwrap();
    // Malformed JSON.
    let r = client()
        .post(format!("{}/api/sync/push", s.base))
        .bearer_auth(&one)
        .header("content-type", "application/json")
        .body("{\"entries\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert!(body["error"]
        .as_str()
        .unwrap()
        .contains("Nothing was stored"));
    // Too many entries.
    let many: Vec<Value> = (0..201)
        .map(|i| {
            entry(
                &format!("u-{i}"),
                "contact",
                contact(&format!("K-{i}"), "N-0001", "PC-DEMO-01"),
            )
        })
        .collect();
    let (status, _) = push(&s, &one, &json!({ "entries": many })).await;
    assert_eq!(status, 413);
    // An oversized body.
    let big = "x".repeat(5 * 1024 * 1024);
    let r = client()
        .post(format!("{}/api/sync/push", s.base))
        .bearer_auth(&one)
        .header("content-type", "application/json")
        .body(format!("{{\"entries\": [], \"pad\": \"{big}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    // An unknown kind: rejected, with its reason.
    let (status, body) = push(
        &s,
        &one,
        &json!({"entries": [entry("u-k", "selfie", json!({}))]}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["results"][0]["status"], "rejected");
    assert!(body["results"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("Unknown kind \"selfie\""));
    assert_eq!(s.db.storage.count_records("contact").await.unwrap(), before);
    assert_eq!(s.db.storage.rejected().await.unwrap().len(), 1);
}

async fn a_cursor_from_elsewhere_means_resync(b: Backend) {
    let s = start(b).await;
    let (one, _) = enrol_http(&s, "PC-DEMO-01").await;
    let (_, first) = pull(&s, &one, None).await;
    let cursor = first["cursor"].as_str().unwrap().to_string();
    let (_, next) = pull(&s, &one, Some(&cursor)).await;
    assert_eq!(next["resync"], false);
    assert!(next["records"].as_array().unwrap().is_empty());
    for stale in ["v1:0000000000000000:3", "garbage", "v1:x"] {
        let (_, r) = pull(&s, &one, Some(stale)).await;
        assert_eq!(r["resync"], true, "{stale}");
        assert_eq!(r["records"], first["records"]);
    }
}

async fn the_app_is_served_compressed_with_the_deployment_headers(b: Backend) {
    let s = start(b).await;
    let get = |path: &str, enc: &'static str| {
        let url = format!("{}{path}", s.base);
        async move {
            reqwest::Client::builder()
                .no_gzip()
                .build()
                .unwrap()
                .get(url)
                .header("accept-encoding", enc)
                .send()
                .await
                .unwrap()
        }
    };
    let r = get("/scpo-field-0123abcd_bg.wasm", "br, gzip").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-encoding"], "br");
    assert_eq!(r.headers()["content-type"], "application/wasm");
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let r = get("/scpo-field-0123abcd_bg.wasm", "gzip").await;
    assert_eq!(r.headers()["content-encoding"], "gzip");
    // A deep link is the app; sw.js and index.html are never cached unasked.
    let r = get("/nominal/N-0001", "identity").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-cache");
    assert!(r.text().await.unwrap().contains("SCPO Field"));
    let r = get("/sw.js", "identity").await;
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("connect-src 'self'") && csp.contains("frame-ancestors 'none'"));
    // Photo exhibits: decrypted photos show from blob: URLs; the place is asked for by this
    // origin only.
    assert!(csp.contains("img-src 'self' data: blob:"));
    assert_eq!(
        r.headers()["permissions-policy"],
        "camera=(), microphone=(), geolocation=(self)"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    assert!(r.headers().contains_key("strict-transport-security"));
    assert!(!r.headers().contains_key("access-control-allow-origin"));
    // A missing file is a 404, not the app.
    assert_eq!(get("/missing-0123.js", "identity").await.status(), 404);
    let _ = &s.dist;
}

on_both_backends!(
    enrolment_gives_a_credential_and_a_wrong_code_reveals_nothing,
    ten_failed_enrolments_from_one_address_make_it_wait,
    every_call_needs_a_known_credential_and_a_revoked_phone_is_told_to_wipe,
    an_officer_cannot_pull_or_push_another_officer_s_nominal,
    bad_input_gets_a_clear_error_and_changes_nothing,
    a_cursor_from_elsewhere_means_resync,
    the_app_is_served_compressed_with_the_deployment_headers,
);
