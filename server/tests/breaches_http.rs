//! The breach decision pages over HTTP, on both backends: only a supervisor's session opens
//! them (no session, an officer's phone credential or an officer's session: sent to sign in),
//! another unit's report is not found, the form needs the session's CSRF token, bad input is
//! shown again with its problems and nothing stored, and a decision is stored and shown.

#[macro_use]
mod common;

use common::*;

/// The server, with sessions for the demo DS ("ds"), an officer ("pc") and the DS of another
/// unit ("other"), made directly in storage.
async fn serve(db: &TestDb) -> Http {
    let s = db.storage.as_ref();
    add_other_unit_ds(s).await;
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(
        s,
        &[
            ("ds", "DS-DEMO-01", "the-csrf"),
            ("pc", "PC-DEMO-01", "the-csrf"),
            ("other", "DS-OTHER", "the-csrf"),
        ],
        now,
    )
    .await;
    Http::start(scpo_server::state::AppState::new(db.storage.clone())).await
}

const REPORT: &str = "/supervise/breaches/BR-0002-1";

fn decision<'a>(csrf: &'a str, action: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("agrees", "no"),
        ("level", "charge"),
        ("information", "Report BR-0002-1 and exhibit."),
        ("assessment", "Risk rising."),
        ("powers_and_policy", "s.25 SCA 2007."),
        ("options", "Recall or charge."),
        ("action", action),
        ("disruption", "yes"),
        ("replaces", ""),
    ]
}

async fn only_a_supervisor_of_the_unit_opens_the_breach_pages(b: Backend) {
    let db = with_demo(b).await;
    let srv = serve(&db).await;
    for path in ["/supervise/breaches", REPORT] {
        assert!(to_sign_in(&srv.get(path, None).await), "{path} signed out");
        assert!(
            refused_to_officer(path, &srv.get(path, Some("pc")).await),
            "{path} officer"
        );
    }
    // An officer's phone credential is not a way in.
    let (_, credential) = enrol(db.storage.as_ref(), "PC-DEMO-01").await;
    assert!(to_sign_in(&srv.get_as_phone(REPORT, &credential).await));
    let r = srv
        .post(REPORT, None, &decision("the-csrf", "Charge."))
        .await;
    assert!(to_sign_in(&r));
    // The DS of another unit: not found, whether reading or deciding; their list is empty.
    assert_eq!(srv.get(REPORT, Some("other")).await.status(), 404);
    let r = srv
        .post(REPORT, Some("other"), &decision("the-csrf", "Charge."))
        .await;
    assert_eq!(r.status(), 404);
    let list = srv
        .get("/supervise/breaches", Some("other"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains("BR-0002-1"));
    // An unknown report: not found.
    assert_eq!(
        srv.get("/supervise/breaches/BR-nope", Some("ds"))
            .await
            .status(),
        404
    );
    let s = db.storage.as_ref();
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 0);
}

async fn the_ds_reads_the_report_and_records_a_decision(b: Backend) {
    let db = with_demo(b).await;
    let srv = serve(&db).await;
    let s = db.storage.as_ref();
    // The list: the demo report awaits a decision.
    let r = srv.get("/supervise/breaches", Some("ds")).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let awaiting = html.split("Decided").next().unwrap();
    assert!(awaiting.contains("href=\"/supervise/breaches/BR-0002-1\""));
    assert!(html.contains("No decision recorded yet."));
    // The report as written, the form, and a consultation of the nominal logged.
    let since = chrono::Utc::now().timestamp_millis() - 1;
    let html = srv.get(REPORT, Some("ds")).await.text().await.unwrap();
    assert!(html.contains("Undeclared second mobile phone found in the kitchen drawer."));
    assert!(html.contains("EXH-DEMO-001"));
    assert!(html.contains("Agree with the officer: "));
    assert!(html.contains("name=\"csrf\" value=\"the-csrf\""));
    assert!(s.audit_since(since).await.unwrap().iter().any(|a| {
        a.actor == "DS-DEMO-01" && a.action == "consulted" && a.record_id == "N-0002"
    }));
    // A forged form: refused, nothing stored.
    let r = srv
        .post(REPORT, Some("ds"), &decision("forged", "Charge."))
        .await;
    assert_eq!(r.status(), 403);
    // Missing answers: the problems listed and linked, what was typed kept, nothing stored.
    let r = srv
        .post(
            REPORT,
            Some("ds"),
            &[
                ("csrf", "the-csrf"),
                ("information", "Kept <typed> text"),
                ("replaces", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("<title>Error: "));
    assert!(html.contains("<a href=\"#agrees\">Select whether you agree"));
    assert!(html.contains("<a href=\"#action\">Enter your decision and its rationale</a>"));
    assert!(html.contains("id=\"action-error\""));
    assert!(html.contains("Kept &lt;typed&gt; text</textarea>"));
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 0);
    // A decision: stored, then shown with a confirmation.
    let r = srv
        .post(
            REPORT,
            Some("ds"),
            &decision("the-csrf", "Charge: a second breach."),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/supervise/breaches/BR-0002-1?decided=1"
    );
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 1);
    let html = srv
        .get("/supervise/breaches/BR-0002-1?decided=1", Some("ds"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Decision recorded"));
    assert!(html.contains("Charge: a second breach."));
    assert!(html.contains("Investigate and charge (s.25) (the officer chose:"));
    // The decision stands; changing it is one link away, not a second blank form.
    assert!(html.contains("Change this decision"));
    assert!(!html.contains("<form method=\"post\" action=\"/supervise/breaches/BR-0002-1\""));
    // The same form again (it does not name the decision now standing): refused, not stored.
    let r = srv
        .post(REPORT, Some("ds"), &decision("the-csrf", "Charge again."))
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("since you opened it"));
    assert_eq!(s.count_records("breach_decision").await.unwrap(), 1);
    // The list now shows it as decided, and nothing awaits.
    let html = srv
        .get("/supervise/breaches", Some("ds"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("No breach report is awaiting a decision."));
    assert!(html.contains("DS Demo Supervisor"));
}

on_both_backends!(
    only_a_supervisor_of_the_unit_opens_the_breach_pages,
    the_ds_reads_the_report_and_records_a_decision,
);
