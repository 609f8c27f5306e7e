//! A cohort file cannot carry photos, so the team server refuses one that brings exhibits or
//! exhibit withdrawals, whole, with the reason at `exhibits[0]`, at the desk and on the command
//! line (before, they were checked and then dropped without a word). On both backends.

#[macro_use]
mod common;
#[path = "upkeep_support/mod.rs"]
mod upkeep_support;

use common::*;
use scpo_field::domain::Cohort;
use serde_json::{json, Value};
use upkeep_support::*;

/// A small valid cohort file (N-9102, PC-DEMO-02's) with a contact and an exhibit of it, and
/// with a withdrawal of that exhibit if `withdrawn`.
fn with_exhibit(withdrawn: bool) -> String {
    let mut v: Value =
        serde_json::from_str(&one_nominal(2, "9102", "PC-DEMO-02").to_json()).unwrap();
    v["contacts"] = json!([contact("K-9102-1", "N-9102", "PC-DEMO-02")]);
    v["exhibits"] = json!([{
        "id": "EX-9102-1", "nominal_id": "N-9102", "record_kind": "contact",
        "record_id": "K-9102-1", "reference": "SD/1", "description": "Front door",
        "sha256": "ab".repeat(32), "media_type": "image/jpeg", "size_bytes": 1000,
        "captured_at": "2026-11-24T10:35:00", "app_started_at": "2026-11-24T10:00:00",
        "elapsed_ms": 2_100_000, "officer_id": "PC-DEMO-02", "officer_name": "PC Second Demo",
    }]);
    if withdrawn {
        v["exhibit_withdrawals"] = json!([{
            "id": "EXW-9102-1", "nominal_id": "N-9102", "exhibit_id": "EX-9102-1",
            "reason": "The wrong door", "withdrawn_at": "2026-11-24T11:00:00",
            "officer_id": "PC-DEMO-02", "officer_name": "PC Second Demo",
        }]);
    }
    let text = v.to_string();
    // Valid as a cohort: the refusal is the server's, not the domain's.
    let cohort = Cohort::from_json(&text).unwrap();
    assert_eq!(cohort.exhibits.len(), 1);
    text
}

const EXHIBITS: &str = "exhibits[0]: A cohort file cannot bring in exhibits: their photos are not in it. Exhibits come from the phone that took them";
const WITHDRAWALS: &str = "exhibit_withdrawals[0]: A cohort file cannot bring in exhibit withdrawals: they come from the phone of the officer who withdrew the exhibit";

async fn the_command_line_refuses_a_cohort_file_with_exhibits(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let refused = scpo_server::import_cohort(s, "U-DEMO", &with_exhibit(false), None, "cli", at(5))
        .await
        .unwrap_err();
    assert_eq!(refused, vec![EXHIBITS.to_string()]);
    let refused = scpo_server::import_cohort(s, "U-DEMO", &with_exhibit(true), None, "cli", at(5))
        .await
        .unwrap_err();
    assert_eq!(refused, vec![EXHIBITS.to_string(), WITHDRAWALS.to_string()]);
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
    // Listed with the file's other problems.
    let mut bad: Value = serde_json::from_str(&with_exhibit(false)).unwrap();
    bad["nominals"][0]["risk"] = "extreme".into();
    let refused = scpo_server::import_cohort(s, "U-DEMO", &bad.to_string(), None, "cli", at(5))
        .await
        .unwrap_err();
    assert!(
        refused.len() >= 2 && refused.contains(&EXHIBITS.to_string()),
        "{refused:?}"
    );
}

async fn the_desk_refuses_a_cohort_file_with_exhibits(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let file = with_exhibit(true);
    let r = d
        .post_multipart(
            "/supervise/cohort/import",
            "ds-token",
            &[("csrf", "the-csrf", None), ("file", &file, Some("c.json"))],
        )
        .await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    for p in [EXHIBITS, WITHDRAWALS] {
        assert!(
            html.contains(&format!("<a href=\"#file\">{}</a>", esc(p))),
            "{p}\n{html}"
        );
    }
    assert!(!html.contains("Check the import before it is applied"));
    // Sent straight to the confirmation: refused the same, nothing applied.
    let confirm = [("csrf", "the-csrf"), ("cohort", file.as_str())];
    let r = d
        .post(
            "/supervise/cohort/import/confirm",
            Some("ds-token"),
            &confirm,
        )
        .await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains(&esc(EXHIBITS)));
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
}

on_both_backends!(
    the_command_line_refuses_a_cohort_file_with_exhibits,
    the_desk_refuses_a_cohort_file_with_exhibits,
);
