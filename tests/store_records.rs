//! Round trips through every object store: the cohort, each kind of field record with its
//! outbox entry, drafts, the outbox export; records are immutable; drafts and the outbox
//! survive reopening the database.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::FieldRecord;
use scpo_field::store::DraftKey;
use scpo_field::store::{PushResult, StoreError, OUTBOX_FORMAT};
use serde_json::Value;
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn cohort_round_trips_through_every_cohort_store() {
    let (name, store) = fresh("cohort").await;
    assert_eq!(store.load_cohort().await, Ok(None));
    let cohort = demo();
    store.import_cohort(&cohort).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().expect("a cohort");
    assert_eq!(normalised(loaded.clone()), normalised(cohort.clone()));
    assert!(!loaded.nominals.is_empty() && !loaded.conditions.is_empty());

    // Importing a smaller cohort replaces the cohort stores whole.
    let mut smaller = cohort.clone();
    smaller.nominals.retain(|n| n.id == "N-0001");
    smaller.orders.retain(|o| o.nominal_id == "N-0001");
    smaller.conditions.retain(|c| c.order_id == "O-0001");
    smaller.contact_plans.retain(|p| p.nominal_id == "N-0001");
    smaller.contacts.clear();
    smaller.notifications.clear();
    smaller.briefings.clear();
    smaller.breach_reports.clear();
    smaller.schedules.clear();
    store.import_cohort(&smaller).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.nominals.len(), 1);
    assert_eq!(loaded.orders.len(), 1);
    assert_eq!(loaded.conditions, smaller.conditions);
    assert!(loaded.schedules.is_empty());
    // Field records already on the phone are kept: an import never drops the officer's work.
    assert_eq!(loaded.contacts.len(), cohort.contacts.len());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn every_field_record_round_trips_with_its_outbox_entry() {
    let (name, store) = fresh("field").await;
    store.import_cohort(&demo()).await.unwrap();
    let contact = new_contact("K-NEW-1", "N-0004");
    let notification = new_notification("NT-NEW-1", "N-0004");
    let briefing = new_briefing("BR-NEW-1", "N-0004");
    let breach = new_breach("B-NEW-1", "N-0004");
    let u1 = store.submit(&contact, None).await.unwrap();
    let u2 = store.submit(&notification, None).await.unwrap();
    let u3 = store.submit(&briefing, None).await.unwrap();
    let u4 = store.submit(&breach, None).await.unwrap();
    assert_eq!(u1.get_version_num(), 4);

    let cohort = store.load_cohort().await.unwrap().unwrap();
    assert!(cohort.contacts.contains(&contact));
    assert_eq!(
        of("N-0004", &cohort.notifications),
        vec![notification.clone()]
    );
    assert_eq!(of("N-0004", &cohort.briefings), vec![briefing.clone()]);
    assert_eq!(of("N-0004", &cohort.breach_reports), vec![breach.clone()]);
    assert!(
        cohort.contacts.windows(2).all(|w| w[0].at() <= w[1].at()),
        "oldest first"
    );

    let outbox = store.outbox().await.unwrap();
    let uuids: Vec<_> = outbox.iter().map(|e| e.uuid).collect();
    assert_eq!(uuids.len(), 4);
    for u in [u1, u2, u3, u4] {
        assert!(uuids.contains(&u));
    }
    let e = outbox.iter().find(|e| e.uuid == u1).unwrap();
    assert_eq!(
        (e.kind.as_str(), e.record_id.as_str()),
        ("contact", "K-NEW-1")
    );
    assert_eq!(e.officer_id, contact.officer_id);
    assert_eq!(e.record, serde_json::to_value(&contact).unwrap());
    assert!(e.exported_at.is_none() && !e.acknowledged);
    // The briefing is not signed off: its entry names the cohort's officer.
    let b = outbox.iter().find(|e| e.uuid == u3).unwrap();
    assert_eq!(b.officer_id, demo().officer.id);
    assert_eq!(store.outbox_pending_count().await.unwrap(), 4);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn submitted_records_cannot_be_overwritten_only_corrected() {
    let (name, store) = fresh("immutable").await;
    store.import_cohort(&demo()).await.unwrap();
    let original = new_contact("K-NEW-1", "N-0001");
    store.submit(&original, None).await.unwrap();
    let mut changed = original.clone();
    changed.notes = "edited".into();
    assert_eq!(
        store.submit(&changed, None).await,
        Err(StoreError::AlreadySubmitted)
    );
    // The refused write left no outbox entry behind.
    assert_eq!(store.outbox_pending_count().await.unwrap(), 1);

    let mut correction = new_contact("K-NEW-2", "N-0001");
    correction.corrects = Some("K-NEW-1".into());
    store.submit(&correction, None).await.unwrap();
    let mut dangling = new_contact("K-NEW-3", "N-0001");
    dangling.corrects = Some("K-NOPE".into());
    assert_eq!(
        store.submit(&dangling, None).await,
        Err(StoreError::NotFound)
    );
    let contacts = store.load_cohort().await.unwrap().unwrap().contacts;
    assert!(contacts.contains(&original) && contacts.contains(&correction));
    assert!(!contacts.iter().any(|c| c.notes == "edited"));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn drafts_save_load_discard_and_survive_a_reopen() {
    let (name, store) = fresh("drafts").await;
    let key = &DraftKey::Breach("N-0002".into());
    assert_eq!(store.load_draft::<Value>(key).await, Ok(None));
    let mut draft = new_breach("B-DRAFT", "N-0002");
    store.save_draft(key, &draft).await.unwrap();
    draft.what_was_seen.push_str(" and a second handset");
    store.save_draft(key, &draft).await.unwrap();
    store
        .save_draft(&DraftKey::Contact("N-0003".into()), "just started")
        .await
        .unwrap();
    let listed = store.drafts().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|d| d.saved_at.is_some()));
    store.close();

    // A reload, a crash or an app update: a new connection.
    let store = open(&name).await;
    store.unlock(PASS).await.unwrap();
    assert_eq!(store.load_draft(key).await.unwrap(), Some(draft.clone()));
    assert_eq!(
        store
            .load_draft::<String>(&DraftKey::Contact("N-0003".into()))
            .await
            .unwrap()
            .as_deref(),
        Some("just started")
    );
    store
        .discard_draft(&DraftKey::Contact("N-0003".into()))
        .await
        .unwrap();
    assert_eq!(
        store
            .load_draft::<String>(&DraftKey::Contact("N-0003".into()))
            .await,
        Ok(None)
    );
    store
        .discard_draft(&DraftKey::Contact("N-0003".into()))
        .await
        .unwrap();

    // Submitting from a draft deletes the draft in the same transaction.
    store.import_cohort(&demo()).await.unwrap();
    store.submit(&draft, Some(key)).await.unwrap();
    assert_eq!(store.load_draft::<Value>(key).await, Ok(None));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn outbox_exports_without_deleting_and_survives_a_reopen() {
    let (name, store) = fresh("outbox").await;
    store.import_cohort(&demo()).await.unwrap();
    let u1 = store
        .submit(&new_contact("K-NEW-1", "N-0001"), None)
        .await
        .unwrap();
    let u2 = store
        .submit(&new_notification("NT-NEW-1", "N-0002"), None)
        .await
        .unwrap();
    store.close();

    let store = open(&name).await;
    assert_eq!(store.unlock_state().await.unwrap().unexported_records, 2);
    store.unlock(PASS).await.unwrap();
    assert_eq!(store.outbox().await.unwrap().len(), 2);

    let json = store.export_outbox().await.unwrap();
    let file: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["format"], OUTBOX_FORMAT);
    assert_eq!(file["version"], 1);
    assert!(file["exported_at"].as_str().unwrap().ends_with('Z'));
    let entries = file["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for e in entries {
        assert!(e["uuid"].is_string() && e["created_at"].is_string());
        assert!(e["officer_id"].is_string() && e["record"].is_object());
        assert!(e["exported_at"].is_string());
        assert_eq!(e["acknowledged"], false);
    }
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"contact") && kinds.contains(&"notification"));

    // Exported, not deleted.
    assert_eq!(store.outbox_pending_count().await.unwrap(), 0);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 2);
    assert!(outbox.iter().all(|e| e.exported_at.is_some()));
    let first_export = outbox[0].exported_at;

    // A new record after the export: the next export has everything not acknowledged.
    let u3 = store
        .submit(&new_contact("K-NEW-2", "N-0001"), None)
        .await
        .unwrap();
    assert_eq!(store.outbox_pending_count().await.unwrap(), 1);
    store
        .apply_push_results(&[PushResult {
            uuid: u1,
            status: "accepted".into(),
            reason: None,
        }])
        .await
        .unwrap();
    let again: Value = serde_json::from_str(&store.export_outbox().await.unwrap()).unwrap();
    let uuids: Vec<String> = again["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["uuid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(uuids.len(), 2);
    assert!(uuids.contains(&u2.to_string()) && uuids.contains(&u3.to_string()));
    store.close();

    // Still all there after another reopen; the first export time is kept.
    let store = open(&name).await;
    store.unlock(PASS).await.unwrap();
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 3);
    assert!(outbox.iter().find(|e| e.uuid == u1).unwrap().acknowledged);
    assert_eq!(
        outbox.iter().find(|e| e.uuid == u1).unwrap().exported_at,
        first_export
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn an_export_file_that_never_reached_the_officer_leaves_the_records_waiting() {
    let (name, store) = fresh("outbox-two-step").await;
    store.import_cohort(&demo()).await.unwrap();
    store
        .submit(&new_contact("K-NEW-1", "N-0001"), None)
        .await
        .unwrap();

    // The file is made (the same as `export_outbox` makes) but the download failed.
    let export = store.prepare_outbox_export().await.unwrap();
    assert_eq!(export.entries, 1);
    let file: Value = serde_json::from_str(&export.json).unwrap();
    assert_eq!(file["format"], OUTBOX_FORMAT);
    assert_eq!(file["entries"][0]["record"]["id"], "K-NEW-1");
    assert_eq!(store.outbox_pending_count().await.unwrap(), 1);
    assert!(store.outbox().await.unwrap()[0].exported_at.is_none());

    // The next one reached the officer.
    let export = store.prepare_outbox_export().await.unwrap();
    store.mark_exported(&export).await.unwrap();
    assert_eq!(store.outbox_pending_count().await.unwrap(), 0);
    assert!(store.outbox().await.unwrap()[0].exported_at.is_some());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn storage_status_and_persistence_answer() {
    let (name, store) = fresh("storage").await;
    let status = store.storage_status().await.unwrap();
    assert!(status.quota_bytes.unwrap_or(0.0) > 0.0, "{status:?}");
    assert!(status.usage_bytes.is_some());
    // Headless Chromium decides by its own heuristics; the call must simply answer.
    let granted = store.request_persistence().await.unwrap();
    wasm_bindgen_test::console_log!("persist() granted in headless Chromium: {granted}");
    store.close();
    delete(&name).await;
}

/// The records about one nominal.
fn of<R: FieldRecord>(nominal_id: &str, records: &[R]) -> Vec<R> {
    records
        .iter()
        .filter(|r| r.nominal_id() == nominal_id)
        .cloned()
        .collect()
}
