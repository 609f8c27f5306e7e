//! Photo exhibits on disk: the photo kept encrypted with its record and outbox entry in one
//! transaction (a failure at any write leaves none of them), its hash checked before anything
//! is written, read back byte for byte, and a withdrawal that leaves the exhibit in place.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use scpo_field::store::{crypto::sha256_hex, StoreError};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Bytes that look like nobody's data (a PNG signature and a counter) and are easy to find.
fn photo() -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10];
    b.extend((0..5000u32).map(|i| (i * 7 % 251) as u8));
    b.extend(b"SECRET-PHOTO-MARKER");
    b
}

async fn exhibit_for(bytes: &[u8], id: &str) -> Exhibit {
    let br = demo().breach_reports[0].clone();
    Exhibit {
        id: id.into(),
        nominal_id: br.nominal_id.clone(),
        record_kind: "breach_report".into(),
        record_id: br.id.clone(),
        reference: "DO/1".into(),
        description: "Kitchen drawer".into(),
        sha256: sha256_hex(bytes).await.unwrap(),
        media_type: "image/png".into(),
        size_bytes: bytes.len() as u64,
        captured_at: now(),
        app_started_at: now(),
        elapsed_ms: 0,
        place: None,
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
    }
}

#[wasm_bindgen_test]
async fn sha256_is_webcrypto_lower_hex() {
    assert_eq!(
        sha256_hex(b"test").await.unwrap(),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    );
}

#[wasm_bindgen_test]
async fn an_exhibit_is_kept_with_its_photo_encrypted_and_queued() {
    let (name, store) = fresh("exhibit").await;
    store.import_cohort(&demo()).await.unwrap();
    let bytes = photo();
    let e = exhibit_for(&bytes, "EX-1").await;
    store.submit_exhibit(&e, &bytes, None).await.unwrap();

    assert_eq!(store.exhibit_photo("EX-1").await.unwrap(), Some(bytes));
    assert_eq!(store.exhibit_photo("EX-nope").await.unwrap(), None);
    let cohort = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(cohort.exhibits, vec![e.clone()]);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].kind, "exhibit");
    // Pushed like every field record (its photo uploaded first, by the sync engine).
    let to_push = store.outbox_to_push(10).await.unwrap();
    assert_eq!(to_push.len(), 1);
    assert_eq!(to_push[0].record["id"], "EX-1");
    assert_eq!(store.outbox_pending_count().await.unwrap(), 1);
    let raw = raw_dump(&name).await;
    assert!(
        raw.find(&["SECRET-PHOTO-MARKER".into(), "Kitchen drawer".into()])
            .is_empty(),
        "nothing in clear"
    );

    // Withdrawn, not deleted: the exhibit and its photo stay.
    let w = ExhibitWithdrawal {
        id: "EXW-1".into(),
        nominal_id: e.nominal_id.clone(),
        exhibit_id: "EX-1".into(),
        reason: "Wrong drawer".into(),
        withdrawn_at: now(),
        officer_id: e.officer_id.clone(),
        officer_name: e.officer_name.clone(),
    };
    store.submit(&w, None).await.unwrap();
    let cohort = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(cohort.exhibits, vec![e]);
    assert!(cohort.is_withdrawn("EX-1"));
    assert!(store.exhibit_photo("EX-1").await.unwrap().is_some());
    assert_eq!(store.outbox().await.unwrap().len(), 2);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_wrong_hash_or_size_or_a_bare_record_writes_nothing() {
    let (name, store) = fresh("exhibit-bad").await;
    store.import_cohort(&demo()).await.unwrap();
    let before = raw_dump(&name).await.clear;
    let bytes = photo();
    let mut e = exhibit_for(&bytes, "EX-1").await;
    e.sha256 = sha256_hex(b"other").await.unwrap();
    assert!(matches!(
        store.submit_exhibit(&e, &bytes, None).await,
        Err(StoreError::Storage { detail }) if detail == "HashMismatch"
    ));
    let e = exhibit_for(&bytes, "EX-1").await;
    let huge = vec![0u8; 8 * 1024 * 1024 + 1];
    assert!(store.submit_exhibit(&e, &huge, None).await.is_err());
    // The record alone, through the generic submit, is refused.
    assert!(store.submit(&e, None).await.is_err());
    assert_eq!(raw_dump(&name).await.clear, before);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_failure_at_any_write_leaves_no_record_without_its_photo() {
    let (name, store) = fresh("exhibit-fault").await;
    store.import_cohort(&demo()).await.unwrap();
    let before = raw_dump(&name).await.clear;
    let bytes = photo();
    let e = exhibit_for(&bytes, "EX-1").await;
    // The record, its outbox entry, the photo: fail after each.
    for n in [1, 2, 3] {
        store.fail_after_writes(Some(n));
        let result = store.submit_exhibit(&e, &bytes, None).await;
        assert!(result.is_err(), "fault after {n} writes");
        store.fail_after_writes(None);
        assert_eq!(raw_dump(&name).await.clear, before, "after {n} writes");
        assert_eq!(store.exhibit_photo("EX-1").await.unwrap(), None);
        assert!(store.outbox().await.unwrap().is_empty());
    }
    store.submit_exhibit(&e, &bytes, None).await.unwrap();
    assert_eq!(store.exhibit_photo("EX-1").await.unwrap(), Some(bytes));
    assert_ne!(raw_dump(&name).await.clear, before);
    store.close();
    delete(&name).await;
}
