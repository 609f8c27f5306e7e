//! The phone's side of sync: the enrolment kept encrypted, outbox states from waiting to
//! acknowledged or rejected (and pruned 30 days after), the transmission log, and pull pages
//! applied in one transaction: atomically, removing a reassigned nominal only once nothing about
//! it is left to send, and a resync that keeps drafts and the outbox.
#![cfg(target_arch = "wasm32")]

mod store_support;

use std::collections::HashMap;

use chrono::Duration;
use scpo_field::domain::{Cohort, OfficerRef};
use scpo_field::store::{
    sync_now, Enrolment, OutboxStatus, PullPage, PulledRecord, PushResult, StoreError, SyncEvent,
    LOG_LENGTH,
};
use serde::Serialize;
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CREDENTIAL: &str = "q8Zt3VbW1xYk0LmNoPqRsTuVwXyZa2b3c4d5e6f7g8h";

fn officer() -> OfficerRef {
    OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo One".into(),
    }
}

fn enrolment() -> Enrolment {
    Enrolment {
        device_id: "D-1".into(),
        credential: CREDENTIAL.into(),
        officer: officer(),
    }
}

fn rec<T: Serialize>(kind: &str, id: &str, nominal_id: &str, r: &T) -> PulledRecord {
    PulledRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: nominal_id.into(),
        record: serde_json::to_value(r).unwrap(),
    }
}

/// A pull page holding every record of `cohort` about the nominals in `with`.
fn page(cohort: &Cohort, with: &[&str], in_scope: &[&str], cursor: &str) -> PullPage {
    let owner: HashMap<&str, &str> = cohort
        .orders
        .iter()
        .map(|o| (o.id.as_str(), o.nominal_id.as_str()))
        .collect();
    let keep = |n: &str| with.contains(&n);
    let mut records = Vec::new();
    for n in cohort.nominals.iter().filter(|n| keep(&n.id)) {
        records.push(rec("nominal", &n.id, &n.id, n));
    }
    for o in cohort.orders.iter().filter(|o| keep(&o.nominal_id)) {
        records.push(rec("order", &o.id, &o.nominal_id, o));
    }
    for c in &cohort.conditions {
        let n = owner[c.order_id.as_str()];
        if keep(n) {
            records.push(rec("condition", &c.id, n, c));
        }
    }
    for p in cohort.contact_plans.iter().filter(|p| keep(&p.nominal_id)) {
        records.push(rec("contact_plan", &p.nominal_id, &p.nominal_id, p));
    }
    for k in cohort.contacts.iter().filter(|k| keep(&k.nominal_id)) {
        records.push(rec("contact", &k.id, &k.nominal_id, k));
    }
    for b in cohort.breach_reports.iter().filter(|b| keep(&b.nominal_id)) {
        records.push(rec("breach_report", &b.id, &b.nominal_id, b));
    }
    PullPage {
        cursor: cursor.into(),
        resync: false,
        more: false,
        officer: Some(officer()),
        in_scope: in_scope.iter().map(|s| s.to_string()).collect(),
        records,
    }
}

const FOUR: [&str; 4] = ["N-0001", "N-0002", "N-0003", "N-0004"];

fn ids(c: &Cohort) -> Vec<String> {
    let mut v: Vec<String> = c.nominals.iter().map(|n| n.id.clone()).collect();
    v.sort();
    v
}

#[wasm_bindgen_test]
async fn a_pull_page_fills_an_empty_phone_and_keeps_its_cursor() {
    let (name, store) = fresh("sync-pull").await;
    store.save_enrolment(enrolment()).await.unwrap();
    assert_eq!(store.sync_cursor().await.unwrap(), None);
    let applied = store
        .apply_pull_page(&page(&demo(), &FOUR, &FOUR, "v1:db:10"))
        .await
        .unwrap();
    assert!(applied.records > 10, "{applied:?}");
    let cohort = store
        .load_cohort()
        .await
        .unwrap()
        .expect("a cohort after a pull");
    assert_eq!(ids(&cohort), FOUR);
    assert_eq!(cohort.officer, officer());
    assert!(!cohort.conditions.is_empty() && !cohort.orders.is_empty());
    assert_eq!(
        store.sync_cursor().await.unwrap().as_deref(),
        Some("v1:db:10")
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_pull_page_failing_half_way_changes_nothing() {
    let (name, store) = fresh("sync-atomic").await;
    store.save_enrolment(enrolment()).await.unwrap();
    let demo = demo();
    store
        .apply_pull_page(&page(&demo, &["N-0001"], &FOUR, "v1:db:1"))
        .await
        .unwrap();
    let before = raw_dump(&name).await.clear;
    let next = page(&demo, &FOUR, &FOUR, "v1:db:2");
    for n in [1, 5, next.records.len() as u32] {
        store.fail_after_writes(Some(n));
        let result = store.apply_pull_page(&next).await;
        assert!(
            matches!(result, Err(StoreError::Storage { .. })),
            "n={n}: {result:?}"
        );
        assert_eq!(raw_dump(&name).await.clear, before, "n={n}: disk unchanged");
    }
    store.fail_after_writes(None);
    assert_eq!(
        store.sync_cursor().await.unwrap().as_deref(),
        Some("v1:db:1")
    );
    assert_eq!(
        ids(&store.load_cohort().await.unwrap().unwrap()),
        ["N-0001"]
    );

    // A record that does not read as its kind refuses the whole page.
    let mut bad = next.clone();
    bad.records[0].record = serde_json::json!({"id": "N-0002"});
    assert_eq!(
        store.apply_pull_page(&bad).await,
        Err(StoreError::Unreadable)
    );
    assert_eq!(raw_dump(&name).await.clear, before);

    store.apply_pull_page(&next).await.unwrap();
    assert_eq!(ids(&store.load_cohort().await.unwrap().unwrap()), FOUR);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_reassigned_nominal_leaves_only_once_its_records_are_acknowledged() {
    let (name, store) = fresh("sync-remove").await;
    store.save_enrolment(enrolment()).await.unwrap();
    let demo = demo();
    store
        .apply_pull_page(&page(&demo, &FOUR, &FOUR, "v1:db:1"))
        .await
        .unwrap();
    let uuid = store
        .record_contact(&new_contact("K-NEW-1", "N-0004"), None)
        .await
        .unwrap();
    let three = ["N-0001", "N-0002", "N-0003"];

    // Waiting: kept.
    let applied = store
        .apply_pull_page(&page(&demo, &[], &three, "v1:db:2"))
        .await
        .unwrap();
    assert_eq!(applied.kept, ["N-0004"]);
    assert!(applied.removed.is_empty());
    assert_eq!(ids(&store.load_cohort().await.unwrap().unwrap()), FOUR);

    // Sent, no answer: still kept.
    store.mark_sent(&[uuid]).await.unwrap();
    let applied = store
        .apply_pull_page(&page(&demo, &[], &three, "v1:db:3"))
        .await
        .unwrap();
    assert_eq!(applied.kept, ["N-0004"]);
    assert!(!store.timeline("N-0004").await.unwrap().is_empty());

    // Acknowledged: removed from every store.
    store
        .apply_push_results(&[PushResult {
            uuid,
            status: "accepted".into(),
            reason: None,
        }])
        .await
        .unwrap();
    let applied = store
        .apply_pull_page(&page(&demo, &[], &three, "v1:db:4"))
        .await
        .unwrap();
    assert_eq!(applied.removed, ["N-0004"]);
    let cohort = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(ids(&cohort), three);
    assert!(cohort.orders.iter().all(|o| o.nominal_id != "N-0004"));
    assert!(cohort.contacts.iter().all(|c| c.nominal_id != "N-0004"));
    assert!(store.outbox().await.unwrap().is_empty());
    let dump = raw_dump(&name).await;
    assert!(
        !dump.clear.contains("N-0004"),
        "no row about N-0004 is left"
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_resync_replaces_the_cohort_and_keeps_drafts_and_the_outbox() {
    let (name, store) = fresh("sync-resync").await;
    store.save_enrolment(enrolment()).await.unwrap();
    let demo = demo();
    store
        .apply_pull_page(&page(&demo, &FOUR, &FOUR, "v1:db:9"))
        .await
        .unwrap();
    let contact = new_contact("K-NEW-1", "N-0002");
    store.record_contact(&contact, None).await.unwrap();
    store
        .save_draft("breach:N-0003", &"half-typed breach")
        .await
        .unwrap();

    let mut resync = page(
        &demo,
        &["N-0001", "N-0002"],
        &["N-0001", "N-0002"],
        "v1:other:3",
    );
    resync.resync = true;
    store.apply_pull_page(&resync).await.unwrap();

    let cohort = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(ids(&cohort), ["N-0001", "N-0002"]);
    assert!(cohort
        .orders
        .iter()
        .all(|o| ["N-0001", "N-0002"].contains(&o.nominal_id.as_str())));
    assert!(
        cohort.contacts.contains(&contact),
        "the officer's own record stays"
    );
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].status, OutboxStatus::Waiting);
    assert_eq!(
        store
            .load_draft::<String>("breach:N-0003")
            .await
            .unwrap()
            .as_deref(),
        Some("half-typed breach")
    );
    assert_eq!(
        store.sync_cursor().await.unwrap().as_deref(),
        Some("v1:other:3")
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn outbox_entries_go_from_waiting_to_acknowledged_or_rejected() {
    let (name, store) = fresh("sync-outbox").await;
    store.import_cohort(&demo()).await.unwrap();
    let a = store
        .record_contact(&new_contact("K-A", "N-0001"), None)
        .await
        .unwrap();
    let b = store
        .submit_breach_report(&new_breach("B-B", "N-0001"), None)
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
