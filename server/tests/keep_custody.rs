//! Keeping a nominal at the desk, continued: a risk review and the contact plan saved (bad
//! input changing nothing), and a release on the desk putting an "on release" order in force in
//! the same change, shown on the history page. Over HTTP, on both backends.

#[macro_use]
mod common;
#[path = "keep_support/mod.rs"]
mod support;

use common::*;
use scpo_server::storage::StoredRecord;
use support::*;

async fn a_risk_review_and_a_plan_are_saved_and_bad_input_changes_nothing(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (_, form) = srv.html("/supervise/nominals/N-0002/risk", "ds").await;
    let v = version_in(&form);
    let future = [
        ("csrf", "csrf"),
        ("step", "check"),
        ("version", v.as_str()),
        ("risk", "very_high"),
        ("reviewed-day", "25"),
        ("reviewed-month", "11"),
        ("reviewed-year", "2026"),
    ];
    let before = s
        .versions_of_nominal("U-DEMO", "N-0002")
        .await
        .unwrap()
        .len();
    let r = srv
        .post("/supervise/nominals/N-0002/risk", Some("ds"), &future)
        .await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("must be today or in the past"));
    assert_eq!(
        s.versions_of_nominal("U-DEMO", "N-0002")
            .await
            .unwrap()
            .len(),
        before
    );
    let bad_csrf = [
        ("csrf", "nope"),
        ("step", "check"),
        ("version", v.as_str()),
        ("risk", "low"),
        ("reviewed-day", "24"),
        ("reviewed-month", "11"),
        ("reviewed-year", "2026"),
    ];
    assert_eq!(
        srv.post("/supervise/nominals/N-0002/risk", Some("ds"), &bad_csrf)
            .await
            .status(),
        403
    );
    let mut good = bad_csrf;
    good[0] = ("csrf", "csrf");
    let r = srv
        .post("/supervise/nominals/N-0002/risk", Some("ds"), &good)
        .await;
    assert_eq!(r.status(), 303);
    let n = nominal_record(s, "N-0002").await;
    assert_eq!(
        (n["risk"].as_str(), n["risk_reviewed_on"].as_str()),
        (Some("low"), Some("2026-11-24"))
    );
    let (_, form) = srv.html("/supervise/nominals/N-0002/plan", "ds").await;
    let v = version_in(&form);
    let plan = [
        ("csrf", "csrf"),
        ("step", "check"),
        ("version", v.as_str()),
        ("every_days", "10"),
        ("agreed_by", "Someone Else"),
        ("agreed-day", "24"),
        ("agreed-month", "11"),
        ("agreed-year", "2026"),
    ];
    assert_eq!(
        srv.post("/supervise/nominals/N-0002/plan", Some("ds"), &plan)
            .await
            .status(),
        303
    );
    let held: Vec<StoredRecord> = s.records_of_nominal("N-0002").await.unwrap();
    let p = held.iter().find(|r| r.kind == "contact_plan").unwrap();
    assert_eq!(p.record["every_days"], 10);
    assert_eq!(
        p.record["agreed_by"], "DS Demo Supervisor",
        "the DS agrees it, not the form"
    );
}

async fn a_release_on_the_desk_puts_an_on_release_order_in_force(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    // A nominal in custody whose order waits for release.
    let (nominal_id, order_id, _) = waiting_for_release(s).await;
    let path = format!("/supervise/nominals/{nominal_id}/custody");
    let (status, form) = srv.html(&path, "ds").await;
    assert_eq!(status, 200);
    assert!(form.contains("Released from custody"));
    let order_key = format!("version-order-{}", order_id);
    let at_open = form
        .find(&format!("name=\"{order_key}\" value=\""))
        .unwrap();
    let order_version = form[at_open + order_key.len() + 15..]
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let opened = version_in(&form);
    let f = [
        ("csrf", "csrf"),
        ("step", "check"),
        ("version", opened.as_str()),
        (order_key.as_str(), order_version.as_str()),
        ("event", "released"),
        ("released-day", "24"),
        ("released-month", "11"),
        ("released-year", "2026"),
        ("licence", "yes"),
        ("licence_ends-day", "23"),
        ("licence_ends-month", "11"),
        ("licence_ends-year", "2027"),
        ("probation_name", "PP Sample"),
    ];
    let r = srv.post(&path, Some("ds"), &f).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let now: Vec<StoredRecord> = s.records_of_nominal(&nominal_id).await.unwrap();
    let o = now.iter().find(|r| r.id == order_id).unwrap();
    assert_eq!(o.record["stage"]["comes_into_force"], "2026-11-24");
    let n = now.iter().find(|r| r.kind == "nominal").unwrap();
    assert_eq!(n.record["custody"]["status"], "on_licence");
    let versions = s.versions_of_nominal("U-DEMO", &nominal_id).await.unwrap();
    let release: Vec<_> = versions
        .iter()
        .filter(|v| v.reason == "Released on 24 Nov 2026")
        .collect();
    assert_eq!(release.len(), 2, "the nominal and the order in one change");
    let (status, history) = srv
        .html(&format!("/supervise/nominals/{nominal_id}/history"), "ds")
        .await;
    assert_eq!(status, 200);
    assert!(history.contains("Released on 24 Nov 2026"));
    assert!(history.contains("stage.comes_into_force"));
    assert!(history.contains("DS Demo Supervisor"));
}

/// A recall recorded at the desk for a nominal on licence whose order came into force on the
/// release: saved (the domain refused it before), the release kept, the order still in force.
async fn a_recall_on_the_desk_keeps_the_order_in_force(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    // N-0001: on licence, released on `today()`, the order in force from that day.
    let path = "/supervise/nominals/N-0001/custody";
    let (status, form) = srv.html(path, "ds").await;
    assert_eq!(status, 200);
    assert!(form.contains("Recalled to custody"));
    let opened = version_in(&form);
    let f = [
        ("csrf", "csrf"),
        ("step", "check"),
        ("version", opened.as_str()),
        ("event", "recalled"),
        ("recalled-day", "24"),
        ("recalled-month", "11"),
        ("recalled-year", "2026"),
        ("expected-day", "1"),
        ("expected-month", "5"),
        ("expected-year", "2027"),
    ];
    let r = srv.post(path, Some("ds"), &f).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let n = nominal_record(s, "N-0001").await;
    assert_eq!(n["custody"]["status"], "in_custody");
    assert_eq!(n["custody"]["recall"]["released_on"], "2026-11-24");
    assert_eq!(n["custody"]["recall"]["recalled_on"], "2026-11-24");
    let held: Vec<StoredRecord> = s.records_of_nominal("N-0001").await.unwrap();
    let o = held.iter().find(|r| r.kind == "order").unwrap();
    assert_eq!(o.record["stage"]["comes_into_force"], "2026-11-24");
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    assert!(versions
        .iter()
        .any(|v| v.reason == "Recalled to custody on 24 Nov 2026"));
    let (_, page) = srv.html("/supervise/nominals/N-0001", "ds").await;
    assert!(page.contains("Recalled to custody on 24 Nov 2026 (released 24 Nov 2026)"));
    assert!(!page.contains("The order is not in force"));
    // The phone gets the recall and the order as they are.
    let pulled = pulled(&srv, "PC-DEMO-01").await;
    let nominal = pulled
        .iter()
        .find(|r| r["kind"] == "nominal" && r["id"] == "N-0001")
        .unwrap();
    assert_eq!(
        nominal["record"]["custody"]["recall"]["released_on"],
        "2026-11-24"
    );
}

on_both_backends!(
    a_risk_review_and_a_plan_are_saved_and_bad_input_changes_nothing,
    a_release_on_the_desk_puts_an_on_release_order_in_force,
    a_recall_on_the_desk_keeps_the_order_in_force,
);
