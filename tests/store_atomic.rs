//! What is on disk, and that it is never half-written: atomic imports (a bad file, a failure
//! injected mid-write), atomic field record + outbox writes, the migration from schema v1, no
//! plaintext personal data in raw IndexedDB, tampering detected, a full disk reported clearly.
#![cfg(target_arch = "wasm32")]

mod store_support;

use js_sys::Reflect;
use scpo_field::store::DraftKey;
use scpo_field::store::{schema::SCHEMA_VERSION, StoreError};
use store_support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_cohort_that_fails_validation_changes_nothing() {
    let (name, store) = fresh("bad-file").await;
    store.import_cohort(&demo()).await.unwrap();
    let before = raw_dump(&name).await.clear;

    let mut bad = big_cohort(30);
    bad.orders[3].nominal_id = "N-NOBODY".into();
    bad.contact_plans[0].every_days = 0;
    match store.import_cohort(&bad).await {
        Err(StoreError::InvalidCohort { problems }) => assert!(problems.len() >= 2, "{problems:?}"),
        other => panic!("expected InvalidCohort, got {other:?}"),
    }
    let mut wrong_format = demo();
    wrong_format.version = 99;
    assert!(matches!(
        store.import_cohort(&wrong_format).await,
        Err(StoreError::InvalidCohort { .. })
    ));

    assert_eq!(
        raw_dump(&name).await.clear,
        before,
        "the disk is byte-for-byte unchanged"
    );
    assert_eq!(
        normalised(store.load_cohort().await.unwrap().unwrap()),
        normalised(demo())
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_write_failing_half_way_through_an_import_changes_nothing() {
    let (name, store) = fresh("fault").await;
    store.import_cohort(&demo()).await.unwrap();
    let before = raw_dump(&name).await.clear;

    let bigger = big_cohort(40);
    // Fail after 1, after many and after all but the last few of the writes.
    for n in [1, 150, 400] {
        store.fail_after_writes(Some(n));
        let result = store.import_cohort(&bigger).await;
        assert!(
            matches!(result, Err(StoreError::Storage { .. })),
            "n={n}: {result:?}"
        );
        assert_eq!(raw_dump(&name).await.clear, before, "n={n}: disk unchanged");
    }
    store.fail_after_writes(None);
    assert_eq!(
        normalised(store.load_cohort().await.unwrap().unwrap()),
        normalised(demo())
    );

    // Without the fault the same import goes through whole.
    store.import_cohort(&bigger).await.unwrap();
    assert_eq!(
        normalised(store.load_cohort().await.unwrap().unwrap()).nominals,
        normalised(bigger).nominals
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_field_record_and_its_outbox_entry_are_written_together_or_not_at_all() {
    let (name, store) = fresh("field-fault").await;
    store.import_cohort(&demo()).await.unwrap();
    store
        .save_draft(&DraftKey::Contact("N-0001".into()), "typing")
        .await
        .unwrap();
    let before = raw_dump(&name).await.clear;
    store.fail_after_writes(Some(1));
    let contact = new_contact("K-NEW-1", "N-0001");
    assert!(store
        .submit(&contact, Some(&DraftKey::Contact("N-0001".into())))
        .await
        .is_err());
    store.fail_after_writes(None);
    assert_eq!(raw_dump(&name).await.clear, before);
    assert_eq!(store.outbox_pending_count().await.unwrap(), 0);
    assert!(store
        .load_draft::<String>(&DraftKey::Contact("N-0001".into()))
        .await
        .unwrap()
        .is_some());
    // And it can be submitted again once the fault is gone.
    store
        .submit(&contact, Some(&DraftKey::Contact("N-0001".into())))
        .await
        .unwrap();
    assert_eq!(store.outbox_pending_count().await.unwrap(), 1);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_database_from_schema_v1_upgrades_with_every_record_readable() {
    let name = unique_name("migrate");
    // Build a v1 database with records in every store.
    let v1 = open_at(&name, 1).await;
    v1.set_passcode(PASS, PASS).await.unwrap();
    let cohort = demo();
    v1.import_cohort(&cohort).await.unwrap();
    let contact = new_contact("K-NEW-1", "N-0004");
    let notification = new_notification("NT-NEW-1", "N-0004");
    let briefing = new_briefing("BR-NEW-1", "N-0004");
    let breach = new_breach("B-NEW-1", "N-0004");
    v1.submit(&contact, None).await.unwrap();
    v1.submit(&notification, None).await.unwrap();
    v1.submit(&briefing, None).await.unwrap();
    v1.submit(&breach, None).await.unwrap();
    v1.save_draft(&DraftKey::Breach("N-0005".into()), "half a report")
        .await
        .unwrap();
    v1.close();
    let db = raw_open(&name).await;
    assert_eq!(db.version(), 1.0);
    db.close();

    // Open with the current version: the upgrade runs.
    let store = open(&name).await;
    let db = raw_open(&name).await;
    assert_eq!(db.version(), f64::from(SCHEMA_VERSION));
    db.close();
    store.unlock(PASS).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    let mut expected = cohort.clone();
    // A v1 database has no store for schedules (v6): those of a file imported before the
    // upgrade come with the next import or pull.
    expected.schedules.clear();
    expected.contacts.push(contact.clone());
    expected.notifications.push(notification.clone());
    expected.briefings.push(briefing.clone());
    expected.breach_reports.push(breach.clone());
    assert_eq!(normalised(loaded), normalised(expected));
    assert_eq!(store.outbox_pending_count().await.unwrap(), 4);
    assert_eq!(store.outbox().await.unwrap().len(), 4);
    assert_eq!(
        store
            .load_draft::<String>(&DraftKey::Breach("N-0005".into()))
            .await
            .unwrap()
            .as_deref(),
        Some("half a report")
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn raw_indexed_db_holds_no_name_alias_address_or_phone_in_clear() {
    let (name, store) = fresh("raw").await;
    let cohort = demo();
    store.import_cohort(&cohort).await.unwrap();
    store
        .submit(&new_contact("K-NEW-1", "N-0004"), None)
        .await
        .unwrap();
    store
        .submit(&new_notification("NT-NEW-1", "N-0005"), None)
        .await
        .unwrap();
    store
        .submit(&new_breach("B-NEW-1", "N-0002"), None)
        .await
        .unwrap();
    store
        .save_draft(
            &DraftKey::Breach("N-0002".into()),
            &new_breach("B-D", "N-0002"),
        )
        .await
        .unwrap();
    let needles = sensitive_strings(&cohort);
    assert!(
        needles.iter().any(|n| n == "Ashdale"),
        "the check looks for real names"
    );
    assert!(needles.len() > 40, "{needles:?}");

    let dump = raw_dump(&name).await;
    assert!(dump.clear.contains("N-0001"), "the dump is real");
    let found = dump.find(&needles);
    assert!(found.is_empty(), "plaintext on disk: {found:?}");

    // The same check catches plaintext when there is some (the check itself works).
    let plain = serde_json::to_string(&cohort.nominals[0]).unwrap();
    let row = js_sys::Object::new();
    Reflect::set(&row, &"id".into(), &"PLANTED".into()).unwrap();
    Reflect::set(
        &row,
        &"ct".into(),
        &js_sys::Uint8Array::from(plain.as_bytes()),
    )
    .unwrap();
    raw_put(&name, "drafts", &row).await;
    assert!(!raw_dump(&name).await.find(&needles).is_empty());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn ciphertext_moved_to_another_record_does_not_decrypt() {
    let (name, store) = fresh("tamper").await;
    store.import_cohort(&demo()).await.unwrap();
    store.close();
    // Copy N-0002's ciphertext over N-0001's: the additional data (store and id) no longer
    // matches, so AES-GCM refuses it.
    let n1 = raw_get(&name, "nominals", "N-0001").await;
    let n2 = raw_get(&name, "nominals", "N-0002").await;
    for field in ["iv", "ct"] {
        Reflect::set(
            &n1,
            &field.into(),
            &Reflect::get(&n2, &field.into()).unwrap(),
        )
        .unwrap();
    }
    raw_put(&name, "nominals", &n1).await;
    let store = open(&name).await;
    store.unlock(PASS).await.unwrap();
    assert_eq!(store.load_cohort().await, Err(StoreError::Unreadable));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
fn a_full_disk_is_reported_in_words_an_officer_understands() {
    // Headless Chromium cannot be made to run out of quota from inside the page, so this
    // checks the mapping from the browser's own DOMException, as IndexedDB raises it.
    let dom =
        web_sys::DomException::new_with_message_and_name("quota", "QuotaExceededError").unwrap();
    let idb_error = indexed_db_futures::error::Error::from(JsValue::from(dom));
    let e = StoreError::from(idb_error);
    assert_eq!(e, StoreError::OutOfSpace);
    let msg = e.to_string();
    assert!(
        msg.starts_with("This phone is out of storage space. Nothing was saved"),
        "{msg}"
    );
    assert!(msg.contains("your typing is kept on screen"));
}
