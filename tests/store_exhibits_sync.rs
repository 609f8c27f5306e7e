//! Photo exhibits and sync on the phone: pushed like every field record; another officer's
//! exhibit pulled without its photo; a nominal reassigned away leaves with its exhibits,
//! withdrawals and photos once they are acknowledged, and not before.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::exhibit::photo::Exhibit;
use scpo_field::domain::OfficerRef;
use scpo_field::store::{crypto::sha256_hex, PullPage, PulledRecord, PushResult};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\nPHOTO-MARKER-FOR-SYNC";

async fn exhibit(id: &str, reference: &str, officer_id: &str) -> Exhibit {
    let br = demo().breach_reports[0].clone();
    Exhibit {
        id: id.into(),
        nominal_id: br.nominal_id.clone(),
        record_kind: "breach_report".into(),
        record_id: br.id.clone(),
        reference: reference.into(),
        description: "Kitchen drawer".into(),
        sha256: sha256_hex(PHOTO).await.unwrap(),
        media_type: "image/png".into(),
        size_bytes: PHOTO.len() as u64,
        captured_at: now(),
        app_started_at: now(),
        elapsed_ms: 0,
        place: None,
        officer_id: officer_id.into(),
        officer_name: "PC Demo Officer".into(),
    }
}

fn page(in_scope: &[String], records: Vec<PulledRecord>, cursor: &str) -> PullPage {
    PullPage {
        cursor: cursor.into(),
        resync: false,
        more: false,
        officer: Some(OfficerRef {
            id: "PC-DEMO-01".into(),
            name: "PC Demo Officer".into(),
        }),
        in_scope: in_scope.to_vec(),
        records,
    }
}

#[wasm_bindgen_test]
async fn exhibits_sync_and_leave_with_their_nominal_once_acknowledged() {
    let (name, store) = fresh("exhibit-sync").await;
    let cohort = demo();
    store.import_cohort(&cohort).await.unwrap();
    let all: Vec<String> = cohort.nominals.iter().map(|n| n.id.clone()).collect();
    let mine = exhibit("EX-1", "DO/1", "PC-DEMO-01").await;
    let uuid = store.submit_exhibit(&mine, PHOTO, None).await.unwrap();
    let to_push = store.outbox_to_push(50).await.unwrap();
    assert_eq!(to_push.len(), 1);
    assert_eq!(to_push[0].kind, "exhibit");

    // Another officer's exhibit about the same nominal arrives by pull, without its photo.
    let theirs = exhibit("EX-9", "OT/1", "PC-DEMO-09").await;
    let pulled = PulledRecord {
        kind: "exhibit".into(),
        id: theirs.id.clone(),
        nominal_id: theirs.nominal_id.clone(),
        record: serde_json::to_value(&theirs).unwrap(),
    };
    store
        .apply_pull_page(&page(&all, vec![pulled], "v1:db:1"))
        .await
        .unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.exhibits.len(), 2);
    assert_eq!(store.exhibit_photo("EX-9").await.unwrap(), None);
    assert_eq!(
        store.exhibit_photo("EX-1").await.unwrap().as_deref(),
        Some(PHOTO)
    );

    // Reassigned away while the exhibit is not yet acknowledged: everything stays.
    let others: Vec<String> = all
        .iter()
        .filter(|n| **n != mine.nominal_id)
        .cloned()
        .collect();
    let applied = store
        .apply_pull_page(&page(&others, vec![], "v1:db:2"))
        .await
        .unwrap();
    assert!(applied.removed.is_empty());
    assert!(store.exhibit_photo("EX-1").await.unwrap().is_some());

    // Acknowledged: the nominal leaves with its exhibits and the photo.
    let accepted = PushResult {
        uuid,
        status: "accepted".into(),
        reason: None,
    };
    store.apply_push_results(&[accepted]).await.unwrap();
    let applied = store
        .apply_pull_page(&page(&others, vec![], "v1:db:3"))
        .await
        .unwrap();
    assert_eq!(applied.removed, std::slice::from_ref(&mine.nominal_id));
    assert_eq!(store.exhibit_photo("EX-1").await.unwrap(), None);
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert!(loaded.exhibits.is_empty());
    let dump = raw_dump(&name).await;
    assert!(!dump.clear.contains("EX-1") && !dump.clear.contains("EX-9"));
    store.close();
    delete(&name).await;
}
