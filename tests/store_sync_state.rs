//! The phone's side of sync, apart from pulls (`store_sync.rs`): outbox states from waiting to
//! acknowledged or rejected (and pruned 30 days after), the transmission log, and the enrolment
//! kept encrypted and gone with a wipe.
#![cfg(target_arch = "wasm32")]

mod store_support;

use std::collections::HashMap;

use chrono::Duration;
use scpo_field::domain::OfficerRef;
use scpo_field::store::{
    sync_now, Enrolment, OutboxStatus, PushResult, StoreError, SyncEvent, LOG_LENGTH,
};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CREDENTIAL: &str = "q8Zt3VbW1xYk0LmNoPqRsTuVwXyZa2b3c4d5e6f7g8h";

fn enrolment() -> Enrolment {
    Enrolment {
        device_id: "D-1".into(),
        credential: CREDENTIAL.into(),
        officer: OfficerRef {
            id: "PC-DEMO-01".into(),
            name: "PC Demo One".into(),
        },
    }
}

#[wasm_bindgen_test]
async fn outbox_entries_go_from_waiting_to_acknowledged_or_rejected() {
    let (name, store) = fresh("sync-outbox").await;
    store.import_cohort(&demo()).await.unwrap();
    let a = store
        .submit(&new_contact("K-A", "N-0001"), None)
        .await
        .unwrap();
    let b = store
        .submit(&new_breach("B-B", "N-0001"), None)
        .await
        .unwrap();
    let batch = store.outbox_to_push(50).await.unwrap();
    assert_eq!(batch.len(), 2);
    assert!(batch.iter().all(|e| e.status == OutboxStatus::Waiting));
    assert_eq!(store.outbox_to_push(1).await.unwrap().len(), 1);

    store.mark_sent(&[a, b]).await.unwrap();
    let status = store.sync_status().await.unwrap();
    assert_eq!((status.counts.sent, status.counts.waiting), (2, 0));
    // No answer: still to push.
    assert_eq!(store.outbox_to_push(50).await.unwrap().len(), 2);
    // Not acknowledged, so a wipe would still lose both.
    assert_eq!(store.outbox_pending_count().await.unwrap(), 2);

    store
        .apply_push_results(&[
            PushResult {
                uuid: a,
                status: "accepted".into(),
                reason: None,
            },
            PushResult {
                uuid: b,
                status: "rejected".into(),
                reason: Some("The order O-9 is not this nominal's".into()),
            },
        ])
        .await
        .unwrap();
    let by_uuid: HashMap<_, _> = store
        .outbox()
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.uuid, e.status))
        .collect();
    assert_eq!(by_uuid[&a], OutboxStatus::Acknowledged);
    assert_eq!(
        by_uuid[&b],
        OutboxStatus::Rejected {
            reason: "The order O-9 is not this nominal's".into()
        }
    );
    assert!(store.outbox_to_push(50).await.unwrap().is_empty());
    assert_eq!(store.outbox_pending_count().await.unwrap(), 0);
    // A late "sent" never turns an answered entry back.
    store.mark_sent(&[a]).await.unwrap();
    assert!(store.outbox_to_push(50).await.unwrap().is_empty());
    // The export fallback: nothing answered is exported again.
    let file: serde_json::Value =
        serde_json::from_str(&store.export_outbox().await.unwrap()).unwrap();
    assert_eq!(file["entries"].as_array().unwrap().len(), 0);

    // Pruned 30 days after the answer, never before; a rejection is kept.
    let now = sync_now();
    assert_eq!(
        store
            .prune_acknowledged(now + Duration::days(29))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .prune_acknowledged(now + Duration::days(31))
            .await
            .unwrap(),
        1
    );
    let left = store.outbox().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].uuid, b);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn the_enrolment_and_log_are_encrypted_and_go_with_a_wipe() {
    let (name, store) = fresh("sync-secret").await;
    store.save_enrolment(enrolment()).await.unwrap();
    for i in 0..(LOG_LENGTH as u32 + 5) {
        store
            .log_sync(SyncEvent {
                at: sync_now(),
                pushed: i,
                accepted: i,
                rejected: 0,
                pulled: 0,
                error: None,
            })
            .await
            .unwrap();
    }
    store
        .log_sync(SyncEvent {
            at: sync_now() + Duration::minutes(1),
            pushed: 0,
            accepted: 0,
            rejected: 0,
            pulled: 0,
            error: Some("No connection to the team server".into()),
        })
        .await
        .unwrap();
    let status = store.sync_status().await.unwrap();
    assert_eq!(status.log.len(), LOG_LENGTH);
    assert!(status.log[0].error.is_some(), "newest first");
    assert!(
        status.last_synced.unwrap() < status.log[0].at,
        "a failure is not a sync"
    );
    assert_eq!(status.enrolment, Some(enrolment()));

    let dump = raw_dump(&name).await;
    assert_eq!(
        dump.find(&[
            CREDENTIAL.to_string(),
            "PC Demo One".into(),
            "PC-DEMO-01".into()
        ]),
        Vec::<String>::new()
    );
    // Locked: no credential, so no sync.
    store.lock();
    assert_eq!(store.enrolment().await, Err(StoreError::Locked));
    store.unlock(PASS).await.unwrap();
    store.wipe().await.unwrap();
    store.set_passcode(PASS, PASS).await.unwrap();
    assert_eq!(store.enrolment().await.unwrap(), None);
    assert!(store.sync_status().await.unwrap().log.is_empty());
    store.close();
    delete(&name).await;
}
