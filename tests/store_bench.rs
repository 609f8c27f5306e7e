//! Measured figures, printed with `console_log!` (run with `--nocapture` to see them):
//! unlock time with the real 600,000 PBKDF2 iterations, p50/p95 of an encrypted single-record
//! write, and loading a 1,000-nominal cohort.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::store::DraftKey;
use scpo_field::store::{crypto::PBKDF2_ITERATIONS, Store};
use store_support::*;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn summary(label: &str, samples: &[f64]) {
    console_log!(
        "BENCH {label}: n={} p50={:.1} ms p95={:.1} ms min={:.1} ms max={:.1} ms",
        samples.len(),
        percentile(samples, 50.0),
        percentile(samples, 95.0),
        percentile(samples, 0.0),
        percentile(samples, 100.0),
    );
}

#[wasm_bindgen_test]
async fn unlock_with_the_real_key_derivation() {
    let name = unique_name("real-kdf");
    // Real-use settings: 600,000 iterations.
    let store = Store::open_named(&name).await.unwrap();
    assert_eq!(PBKDF2_ITERATIONS, 600_000);
    let t = now_ms();
    store.set_passcode(PASS, PASS).await.unwrap();
    console_log!(
        "BENCH set_passcode (600k PBKDF2, wrap): {:.0} ms",
        now_ms() - t
    );
    let mut samples = Vec::new();
    for _ in 0..5 {
        store.lock();
        let t = now_ms();
        store.unlock(PASS).await.unwrap();
        samples.push(now_ms() - t);
    }
    summary("unlock (600k PBKDF2-SHA256 + AES-KW unwrap)", &samples);
    store.lock();
    let t = now_ms();
    assert!(store.unlock("wrong-passcode").await.is_err());
    console_log!("BENCH wrong passcode rejected in {:.0} ms", now_ms() - t);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn encrypted_single_record_writes() {
    let (name, store) = fresh("bench-write").await;
    store.import_cohort(&demo()).await.unwrap();
    let draft = new_breach("B-D", "N-0002");
    let mut drafts = Vec::new();
    for i in 0..200 {
        let t = now_ms();
        store
            .save_draft(&DraftKey::Breach(format!("N-{i:04}")), &draft)
            .await
            .unwrap();
        drafts.push(now_ms() - t);
    }
    summary("save_draft (1 encrypted record, 1 transaction)", &drafts);
    let mut submits = Vec::new();
    for i in 0..200 {
        let c = new_contact(&format!("K-B-{i}"), "N-0001");
        let t = now_ms();
        store.submit(&c, None).await.unwrap();
        submits.push(now_ms() - t);
    }
    summary(
        "record_contact (record + outbox entry, 1 transaction)",
        &submits,
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_thousand_nominal_cohort() {
    let (name, store) = fresh("bench-cohort").await;
    let cohort = big_cohort(1_000);
    assert!(
        cohort.validate().is_empty(),
        "{:?}",
        cohort.validate().first()
    );
    console_log!(
        "BENCH cohort size: {} nominals, {} orders, {} conditions, {} plans, {} field records, {} KB of JSON",
        cohort.nominals.len(),
        cohort.orders.len(),
        cohort.conditions.len(),
        cohort.contact_plans.len(),
        cohort.contacts.len() + cohort.notifications.len() + cohort.briefings.len() + cohort.breach_reports.len(),
        cohort.to_json().len() / 1024
    );
    let mut imports = Vec::new();
    for _ in 0..2 {
        let t = now_ms();
        store.import_cohort(&cohort).await.unwrap();
        imports.push(now_ms() - t);
    }
    summary("import_cohort (1,000 nominals, one transaction)", &imports);
    let mut loads = Vec::new();
    for _ in 0..10 {
        let t = now_ms();
        let loaded = store.load_cohort().await.unwrap().unwrap();
        loads.push(now_ms() - t);
        assert_eq!(loaded.nominals.len(), 1_000);
    }
    summary("load_cohort (1,000 nominals, decrypt all)", &loads);
    let status = store.storage_status().await.unwrap();
    console_log!("BENCH storage usage after: {:?} bytes", status.usage_bytes);
    store.close();
    delete(&name).await;
}
