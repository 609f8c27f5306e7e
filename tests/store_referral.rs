//! Recall referrals on the phone: a referral and its status update are each written with their
//! outbox entry, read back into the cohort, encrypted at rest (the section not for disclosure is
//! not in clear), the referral's draft goes with the submit, and a database from schema v3
//! upgrades to the referral stores.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::breach::report::EnforcementLevel;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::referral::answers::ReferralAnswers;
use scpo_field::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
use scpo_field::domain::OfficerRef;
use scpo_field::store::DraftKey;
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn answers() -> ReferralAnswers {
    ReferralAnswers {
        custody_now: "no".into(),
        arrest_issues: "None known".into(),
        contact_name: "PC Demo".into(),
        contact_email: "pc.demo@example.org".into(),
        contact_phone: "07700 900001".into(),
        last_address: "1 Example Street".into(),
        contraband_risk: "None known".into(),
        charged: "no".into(),
        circumstances: "A second phone.".into(),
        earlier_breaches: "One".into(),
        not_for_disclosure: "SECRET-SOURCE-WORDS".into(),
        ..ReferralAnswers::default()
    }
}

#[wasm_bindgen_test]
async fn a_referral_and_its_status_are_kept_with_their_outbox_entries() {
    let (name, store) = fresh("referral").await;
    let mut cohort = demo();
    let mut second = cohort.breach_reports[0].clone();
    second.id = "BR-0002-2".into();
    second.reference.clear();
    second.occurred_at = now();
    second.recorded_at = now();
    second.decision.chosen = EnforcementLevel::RequestRecall;
    cohort.breach_reports.push(second.clone());
    store.import_cohort(&cohort).await.unwrap();
    let officer = OfficerRef {
        id: cohort.officer.id.clone(),
        name: cohort.officer.name.clone(),
    };
    let by = |id: &str| Making {
        id: id.into(),
        officer: &officer,
        at: now(),
    };
    let r = RecallReferral::make(&cohort, "BR-0002-2", &answers(), by("RR-1")).unwrap();
    // The referral's draft is keyed by its breach report, and making the referral deletes it.
    let key = DraftKey::Referral("BR-0002-2".into());
    assert_eq!(key.to_string(), "referral:BR-0002-2");
    assert_eq!(DraftKey::parse("referral:BR-0002-2"), Some(key.clone()));
    store.save_draft(&key, &answers()).await.unwrap();
    let kept: Option<ReferralAnswers> = store.load_draft(&key).await.unwrap();
    assert_eq!(kept, Some(answers()));
    let u1 = store.submit(&r, Some(&key)).await.unwrap();
    let gone: Option<ReferralAnswers> = store.load_draft(&key).await.unwrap();
    assert_eq!(gone, None);
    cohort.recall_referrals.push(r.clone());
    let s = ReferralStatusUpdate::make(&cohort, "RR-1", "recall_decided", Ok(today()), by("RS-1"))
        .unwrap();
    let u2 = store.submit(&s, None).await.unwrap();

    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.recall_referrals, vec![r.clone()]);
    assert_eq!(loaded.referral_statuses, vec![s.clone()]);
    let outbox = store.outbox().await.unwrap();
    let kinds: Vec<(&str, &str)> = outbox
        .iter()
        .filter(|e| e.uuid == u1 || e.uuid == u2)
        .map(|e| (e.kind.as_str(), e.record_id.as_str()))
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(kinds.contains(&("recall_referral", "RR-1")));
    assert!(kinds.contains(&("referral_status", "RS-1")));
    // Immutable: the same id again is refused.
    assert!(store.submit(&r, None).await.is_err());
    let dump = raw_dump(&name).await;
    assert!(dump.find(&["SECRET-SOURCE-WORDS".to_string()]).is_empty());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_schema_v3_database_upgrades_to_the_referral_stores() {
    let (name, store, stores) = upgraded_from("referral-v3", 3).await;
    assert!(
        stores.contains(&"recall_referrals".to_string()),
        "{stores:?}"
    );
    assert!(
        stores.contains(&"referral_statuses".to_string()),
        "{stores:?}"
    );
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.nominals.len(), demo().nominals.len());
    assert!(loaded.recall_referrals.is_empty());
    store.close();
    delete(&name).await;
}
