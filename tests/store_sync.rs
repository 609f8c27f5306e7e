//! Pull pages applied in one transaction: atomically, removing a reassigned nominal only once
//! nothing about it is left to send, and a resync that keeps drafts and the outbox. (Outbox
//! states, the log and the enrolment: `store_sync_state.rs`.)
#![cfg(target_arch = "wasm32")]

mod store_support;

use std::collections::HashMap;

use scpo_field::domain::{Cohort, OfficerRef};
use scpo_field::store::DraftKey;
use scpo_field::store::{Enrolment, OutboxStatus, PullPage, PulledRecord, PushResult, StoreError};
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
        .submit(&new_contact("K-NEW-1", "N-0004"), None)
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
    let kept = store.load_cohort().await.unwrap().unwrap();
    assert!(kept.contacts.iter().any(|c| c.nominal_id == "N-0004"));

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
    store.submit(&contact, None).await.unwrap();
    store
        .save_draft(&DraftKey::Breach("N-0003".into()), &"half-typed breach")
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
            .load_draft::<String>(&DraftKey::Breach("N-0003".into()))
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
async fn a_pulled_decision_is_kept_encrypted_shown_and_leaves_with_its_nominal() {
    use scpo_field::domain::breach::decision::{BreachDecision, DecisionLevel};
    let (name, store) = fresh("sync-decision").await;
    store.save_enrolment(enrolment()).await.unwrap();
    let cohort = demo();
    store
        .apply_pull_page(&page(&cohort, &FOUR, &FOUR, "v1:db:10"))
        .await
        .unwrap();
    let d = BreachDecision {
        id: "BD-1".into(),
        nominal_id: "N-0002".into(),
        report_id: "BR-0002-1".into(),
        level: DecisionLevel::Charge,
        agrees: false,
        information: "Exhibit analysed".into(),
        assessment: "Risk rising".into(),
        powers_and_policy: "Section 25".into(),
        options: "Recall or charge".into(),
        action: "Charge: undeclared handset again".into(),
        disruption: true,
        decided_by: "DS-DEMO-01".into(),
        decided_by_name: "DS Demo Supervisor".into(),
        decided_at: now(),
        replaces: None,
    };
    let mut next = page(&cohort, &[], &FOUR, "v1:db:11");
    next.records
        .push(rec("breach_decision", "BD-1", "N-0002", &d));
    assert_eq!(store.apply_pull_page(&next).await.unwrap().records, 1);
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.breach_decisions, vec![d.clone()]);
    let history = loaded.timeline("N-0002", today());
    assert!(history.iter().any(|e| e.title.starts_with(
        "Breach decision by DS Demo Supervisor: Investigate and charge (s.25) (the officer chose: "
    )));
    // Encrypted at rest like every record.
    let needles: Vec<String> = vec![d.action.clone(), d.decided_by_name.clone()];
    let dump = raw_dump(&name).await;
    assert!(dump.clear.contains("BD-1"), "the dump is real");
    assert!(dump.find(&needles).is_empty());
    // Reassigned away: it leaves the phone with the nominal.
    let away = page(&cohort, &[], &["N-0001", "N-0003", "N-0004"], "v1:db:12");
    store.apply_pull_page(&away).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert!(loaded.breach_decisions.is_empty());
    store.close();
    delete(&name).await;
}
