//! Photo exhibits over HTTP, on both backends: the photo uploaded before its record, its
//! SHA-256 computed on arrival and checked against the record's; too big refused with nothing
//! kept; one officer's upload never attached to another's exhibit; repeats change nothing.

#[macro_use]
mod common;

use common::*;
use scpo_server::api::photos::sha256_hex;
use serde_json::{json, Value};

const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n synthetic photo bytes for a test";

struct Team {
    db: TestDb,
    http: Http,
}

async fn start(b: Backend) -> Team {
    let db = with_demo(b).await;
    let http = Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;
    Team { db, http }
}

impl Team {
    async fn upload(&self, credential: &str, id: &str, bytes: &[u8], ct: &str) -> (u16, Value) {
        let r = self
            .http
            .client
            .put(format!("{}/api/sync/photos/{id}", self.http.base))
            .bearer_auth(credential)
            .header("content-type", ct)
            .body(bytes.to_vec())
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The results of a push of `entries`.
    async fn push(&self, credential: &str, entries: Vec<Value>) -> Vec<Value> {
        let r = self
            .http
            .client
            .post(format!("{}/api/sync/push", self.http.base))
            .bearer_auth(credential)
            .json(&json!({ "entries": entries }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        body["results"].as_array().unwrap().clone()
    }

    async fn photo_audit_lines(&self) -> usize {
        let lines = self.db.storage.audit_since(0).await.unwrap();
        lines
            .iter()
            .filter(|l| l.record_kind == "exhibit_photo")
            .count()
    }
}

/// An exhibit record as the app makes it, for contact `for_id`.
fn exhibit(id: &str, for_id: &str, officer: &str, reference: &str, bytes: &[u8]) -> Value {
    json!({
        "id": id, "nominal_id": "N-0001", "record_kind": "contact", "record_id": for_id,
        "reference": reference, "description": "The van outside the address",
        "sha256": sha256_hex(bytes), "media_type": "image/png", "size_bytes": bytes.len(),
        "captured_at": "2026-11-24T10:40:00", "app_started_at": "2026-11-24T10:00:00",
        "elapsed_ms": 2_400_000, "place": null, "officer_id": officer, "officer_name": "Test Officer",
    })
}

fn withdrawal(id: &str, exhibit_id: &str, officer: &str) -> Value {
    json!({
        "id": id, "nominal_id": "N-0001", "exhibit_id": exhibit_id,
        "reason": "Photo of the wrong vehicle", "withdrawn_at": "2026-11-24T11:00:00",
        "officer_id": officer, "officer_name": "Test Officer",
    })
}

fn status(r: &Value) -> (&str, &str) {
    (
        r["status"].as_str().unwrap(),
        r["reason"].as_str().unwrap_or(""),
    )
}

async fn a_photo_then_its_exhibit_are_accepted_and_repeats_change_nothing(b: Backend) {
    let t = start(b).await;
    let (_, cred) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    let expected =
        json!({"exhibit_id": "X-1", "sha256": sha256_hex(PHOTO), "size_bytes": PHOTO.len()});
    for _ in 0..2 {
        assert_eq!(
            t.upload(&cred, "X-1", PHOTO, "image/png").await,
            (200, expected.clone())
        );
    }
    // The contact and its exhibit in one push: the exhibit sees the contact just accepted.
    let entries = vec![
        entry("u-c1", "contact", contact("C-1", "N-0001", "PC-DEMO-01")),
        entry(
            "u-x1",
            "exhibit",
            exhibit("X-1", "C-1", "PC-DEMO-01", "TO/1", PHOTO),
        ),
        entry(
            "u-w1",
            "exhibit_withdrawal",
            withdrawal("W-1", "X-1", "PC-DEMO-01"),
        ),
    ];
    for _ in 0..2 {
        let results = t.push(&cred, entries.clone()).await;
        for r in &results {
            assert_eq!(status(r), ("accepted", ""), "{r}");
        }
    }
    assert_eq!(t.db.storage.count_records("exhibit").await.unwrap(), 1);
    assert_eq!(
        t.db.storage
            .count_records("exhibit_withdrawal")
            .await
            .unwrap(),
        1
    );
    let (info, bytes) =
        t.db.storage
            .photo_bytes("PC-DEMO-01", "X-1")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(bytes, PHOTO);
    assert_eq!(
        (info.sha256, info.size_bytes),
        (sha256_hex(PHOTO), PHOTO.len() as i64)
    );
    assert_eq!(info.content_type, "image/png");
    assert_eq!(t.photo_audit_lines().await, 1);
    // A second withdrawal of the same exhibit, or one naming no exhibit held: rejected.
    let results = t
        .push(
            &cred,
            vec![
                entry(
                    "u-w2",
                    "exhibit_withdrawal",
                    withdrawal("W-2", "X-1", "PC-DEMO-01"),
                ),
                entry(
                    "u-w3",
                    "exhibit_withdrawal",
                    withdrawal("W-3", "X-9", "PC-DEMO-01"),
                ),
            ],
        )
        .await;
    assert!(
        status(&results[0]).1.contains("already been withdrawn"),
        "{}",
        results[0]
    );
    assert!(
        status(&results[1]).1.contains("no such exhibit"),
        "{}",
        results[1]
    );
}

async fn an_exhibit_without_its_photo_or_with_other_bytes_is_rejected(b: Backend) {
    let t = start(b).await;
    let (_, cred) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    let c = entry("u-c1", "contact", contact("C-1", "N-0001", "PC-DEMO-01"));
    assert_eq!(status(&t.push(&cred, vec![c]).await[0]).0, "accepted");
    // No photo uploaded.
    let r = t
        .push(
            &cred,
            vec![entry(
                "u-x1",
                "exhibit",
                exhibit("X-1", "C-1", "PC-DEMO-01", "TO/1", PHOTO),
            )],
        )
        .await;
    assert_eq!(
        status(&r[0]),
        (
            "rejected",
            "The server holds no photo for this exhibit: the photo is sent before the record"
        )
    );
    // The bytes that arrived are not the ones captured.
    let other = b"\x89PNG other bytes, altered on the way";
    assert_eq!(t.upload(&cred, "X-2", other, "image/png").await.0, 200);
    let r = t
        .push(
            &cred,
            vec![entry(
                "u-x2",
                "exhibit",
                exhibit("X-2", "C-1", "PC-DEMO-01", "TO/2", PHOTO),
            )],
        )
        .await;
    assert_eq!(
        status(&r[0]),
        (
            "rejected",
            "The photo's SHA-256 on arrival does not match the one recorded at capture"
        )
    );
    // A photo is never replaced: different bytes for the same id are refused.
    let (code, body) = t.upload(&cred, "X-2", PHOTO, "image/png").await;
    assert_eq!(code, 409, "{body}");
    assert_eq!(
        t.db.storage
            .photo_info("PC-DEMO-01", "X-2")
            .await
            .unwrap()
            .unwrap()
            .sha256,
        sha256_hex(other)
    );
    // An exhibit for a record the server does not hold: the domain's rule.
    assert_eq!(t.upload(&cred, "X-3", PHOTO, "image/png").await.0, 200);
    let r = t
        .push(
            &cred,
            vec![entry(
                "u-x3",
                "exhibit",
                exhibit("X-3", "C-404", "PC-DEMO-01", "TO/3", PHOTO),
            )],
        )
        .await;
    assert!(status(&r[0]).1.contains("is not known"), "{}", r[0]);
    assert_eq!(t.db.storage.count_records("exhibit").await.unwrap(), 0);
}

async fn a_photo_too_big_or_not_an_image_is_refused_and_nothing_is_kept(b: Backend) {
    let t = start(b).await;
    let (_, cred) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    let big = vec![7u8; 8 * 1024 * 1024 + 1];
    let (code, body) = t.upload(&cred, "X-1", &big, "image/jpeg").await;
    assert_eq!(code, 413);
    assert_eq!(
        body["error"],
        "The photo is larger than 8.0 MB, the largest this service keeps. Nothing was stored."
    );
    let (code, body) = t.upload(&cred, "X-2", b"%PDF-1.7", "application/pdf").await;
    assert_eq!(code, 415);
    assert_eq!(
        body["error"],
        "The file must be a photo (an image). Nothing was stored."
    );
    assert_eq!(t.upload(&cred, "X-3", b"", "image/png").await.0, 415);
    assert_eq!(t.upload(&cred, "bad id!", PHOTO, "image/png").await.0, 400);
    for id in ["X-1", "X-2", "X-3"] {
        assert_eq!(
            t.db.storage.photo_info("PC-DEMO-01", id).await.unwrap(),
            None
        );
    }
    assert_eq!(t.photo_audit_lines().await, 0);
    // The largest photo kept is exactly 8 MiB.
    let largest = vec![7u8; 8 * 1024 * 1024];
    assert_eq!(t.upload(&cred, "X-4", &largest, "image/jpeg").await.0, 200);
}

async fn another_officer_cannot_attach_or_read_a_photo(b: Backend) {
    let t = start(b).await;
    let (_, one) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    let (_, two) = enrol(t.db.storage.as_ref(), "PC-DEMO-02").await;
    // Officer two uploads other bytes under officer one's exhibit id first: kept under officer
    // two only, so officer one's own upload is not refused and is the one checked.
    assert_eq!(
        t.upload(&two, "X-1", b"\x89PNG squatter", "image/png")
            .await
            .0,
        200
    );
    assert_eq!(t.upload(&one, "X-1", PHOTO, "image/png").await.0, 200);
    let c = entry("u-c1", "contact", contact("C-1", "N-0001", "PC-DEMO-01"));
    let x = entry(
        "u-x1",
        "exhibit",
        exhibit("X-1", "C-1", "PC-DEMO-01", "TO/1", PHOTO),
    );
    for r in t.push(&one, vec![c, x]).await {
        assert_eq!(status(&r).0, "accepted", "{r}");
    }
    // Officer two can neither push officer one's exhibit nor one of their own about officer
    // one's nominal, nor read any photo back (the API never sends one).
    let x2 = entry(
        "u-x2",
        "exhibit",
        exhibit("X-1", "C-1", "PC-DEMO-01", "TO/1", PHOTO),
    );
    assert_eq!(status(&t.push(&two, vec![x2]).await[0]).0, "rejected");
    for cred in [&one, &two] {
        let r = t
            .http
            .client
            .get(format!("{}/api/sync/photos/X-1", t.http.base))
            .bearer_auth(cred)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{}", r.status());
    }
    let held =
        t.db.storage
            .photo_info("PC-DEMO-01", "X-1")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(held.sha256, sha256_hex(PHOTO));
}

async fn a_revoked_or_unknown_device_cannot_upload(b: Backend) {
    let t = start(b).await;
    let (device, cred) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    assert!(t.db.storage.revoke_device(&device.id, at(5)).await.unwrap());
    assert_eq!(
        t.upload(&cred, "X-1", PHOTO, "image/png").await,
        (401, json!({"error": "revoked", "wipe": true}))
    );
    assert_eq!(
        t.upload("not-a-credential", "X-1", PHOTO, "image/png")
            .await
            .0,
        401
    );
    assert_eq!(
        t.db.storage.photo_info("PC-DEMO-01", "X-1").await.unwrap(),
        None
    );
}

async fn photos_with_no_exhibit_record_are_bounded_per_officer(b: Backend) {
    use scpo_server::storage::{NewPhoto, PhotoPut, MAX_UNCLAIMED_PHOTOS};
    let t = start(b).await;
    let (device, cred) = enrol(t.db.storage.as_ref(), "PC-DEMO-01").await;
    let sha = sha256_hex(PHOTO);
    for i in 0..MAX_UNCLAIMED_PHOTOS {
        let id = format!("X-{i}");
        let photo = NewPhoto {
            exhibit_id: &id,
            sha256: &sha,
            content_type: "image/png",
            bytes: PHOTO,
        };
        let put =
            t.db.storage
                .put_photo(&device, &photo, at(2))
                .await
                .unwrap();
        assert_eq!(put, PhotoPut::Kept);
    }
    let (code, body) = t.upload(&cred, "X-more", PHOTO, "image/png").await;
    assert_eq!(code, 429, "{body}");
    assert_eq!(
        t.db.storage
            .photo_info("PC-DEMO-01", "X-more")
            .await
            .unwrap(),
        None
    );
    // Once a record claims one, there is room again; the same bytes again are still answered.
    let c = entry("u-c1", "contact", contact("C-1", "N-0001", "PC-DEMO-01"));
    let x = entry(
        "u-x1",
        "exhibit",
        exhibit("X-0", "C-1", "PC-DEMO-01", "TO/1", PHOTO),
    );
    for r in t.push(&cred, vec![c, x]).await {
        assert_eq!(status(&r).0, "accepted", "{r}");
    }
    assert_eq!(t.upload(&cred, "X-more", PHOTO, "image/png").await.0, 200);
    assert_eq!(t.upload(&cred, "X-5", PHOTO, "image/png").await.0, 200);
}

on_both_backends!(
    photos_with_no_exhibit_record_are_bounded_per_officer,
    a_photo_then_its_exhibit_are_accepted_and_repeats_change_nothing,
    an_exhibit_without_its_photo_or_with_other_bytes_is_rejected,
    a_photo_too_big_or_not_an_image_is_refused_and_nothing_is_kept,
    another_officer_cannot_attach_or_read_a_photo,
    a_revoked_or_unknown_device_cannot_upload,
);
