//! The supervisor's dashboard, lists, audit log and outcomes over HTTP: each figure links to
//! its list, a list is logged as a consultation of each nominal on it, the CSV download as a
//! disclosure, and another unit's supervisor sees none of it. On both backends.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use scpo_server::storage::StoredRecord;
use serde_json::json;

async fn the_dashboard_links_each_figure_to_its_list_and_a_list_is_logged(b: Backend) {
    let srv = serve(b).await;
    let (status, html) = srv.html("/supervise", "ds").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1 class=\"heading-l\">Your team</h1>"));
    assert!(html.contains("Signed in as DS Demo Supervisor (DS-DEMO-01)"));
    assert!(html.contains(
        "<th scope=\"col\" class=\"table__cell--numeric\">PC Second Demo (PC-DEMO-02)</th>"
    ));
    assert!(html.contains("<a href=\"/supervise/lists/contacts-overdue?officer=PC-DEMO-01\">1<"));
    assert!(html.contains("<a href=\"/supervise/lists/breaches-awaiting-decision\">1<"));
    assert!(html.contains("Sign out on every device"));
    // No name on the dashboard, so nothing is consulted by opening it.
    assert!(!html.contains("GREAVE"));
    let before = srv.db.storage.audit_since(0).await.unwrap().len();

    let (status, html) = srv
        .html("/supervise/lists/contacts-overdue?officer=PC-DEMO-01", "ds")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("GREAVE, Tamsin") && html.contains("N-0004"));
    assert!(html.contains("Overdue by 6 days"));
    let log = srv.db.storage.audit_since(0).await.unwrap();
    assert_eq!(log.len(), before + 1);
    let last = log.last().unwrap();
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.nominal_id.as_deref()
        ),
        ("DS-DEMO-01", "consulted", Some("N-0004"))
    );
    // A breach figure links each line to its report.
    let (_, html) = srv
        .html("/supervise/lists/breaches-awaiting-decision", "ds")
        .await;
    assert!(html.contains("href=\"/supervise/breaches/BR-0002-1\""));
    // Another officer's list has none of PC-DEMO-01's nominals.
    let (_, html) = srv
        .html("/supervise/lists/contacts-overdue?officer=PC-DEMO-02", "ds")
        .await;
    assert!(!html.contains("N-0004"));
    // No such figure, or an officer of another unit: not found.
    assert_eq!(srv.html("/supervise/lists/nonsense", "ds").await.0, 404);
    assert_eq!(
        srv.html("/supervise/lists/contacts-overdue?officer=PC-OTHER", "ds")
            .await
            .0,
        404
    );

    // A decision and a transfer, as the other pages record them, move the figures.
    let decision = StoredRecord {
        kind: "breach_decision".into(),
        id: "BD-1".into(),
        nominal_id: "N-0002".into(),
        record: json!({"id": "BD-1", "nominal_id": "N-0002", "report_id": "BR-0002-1",
            "level": "request_recall", "agrees": true, "disruption": true,
            "information": "i", "assessment": "a", "powers_and_policy": "p", "options": "o",
            "action": "Request recall", "decided_by": "DS-DEMO-01",
            "decided_by_name": "DS Demo Supervisor", "decided_at": "2026-11-24T10:00:00"}),
    };
    let transfer = StoredRecord {
        kind: "transfer".into(),
        id: "T-1".into(),
        nominal_id: "N-0004".into(),
        record: json!({"id": "T-1", "nominal_id": "N-0004", "transferred_on": "2026-11-24",
            "receiving_force": "Another Force", "recorded_by": "DS-DEMO-01", "recorded_at": 0}),
    };
    srv.db
        .storage
        .import_records("U-DEMO", &[decision, transfer], &[], "test", at(0))
        .await
        .unwrap();
    let (_, html) = srv.html("/supervise", "ds").await;
    assert!(!html.contains("lists/breaches-awaiting-decision\""));
    assert!(html.contains("<a href=\"/supervise/lists/recalls-awaiting-outcome\">1<"));
    assert!(!html.contains("lists/contacts-overdue"));
    let (_, html) = srv
        .html("/supervise/lists/recalls-awaiting-outcome", "ds")
        .await;
    assert!(html.contains("no referral to probation made yet"));
    let (_, html) = srv.html("/supervise/outcomes", "ds").await;
    assert!(html.contains("<svg role=\"img\""));
    assert!(html.contains("<th scope=\"row\" class=\"table__cell--nowrap\">Oct–Dec 2026</th>"));
}

async fn the_audit_page_filters_and_the_csv_download_is_logged_as_a_disclosure(b: Backend) {
    let srv = serve(b).await;
    srv.html("/supervise/lists/contacts-overdue", "ds").await;
    let (status, html) = srv
        .html("/supervise/audit?person=ds-demo-01&nominal=N-0004", "ds")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<td>DS-DEMO-01</td>") && html.contains("<td>consulted</td>"));
    assert!(html.contains("href=\"/supervise/audit.csv?person=ds-demo-01&amp;nominal=N-0004\""));
    // Bad dates: the problems listed, linked to their fields, and no lines.
    let (_, html) = srv
        .html("/supervise/audit?from=2026-13-01&to=x", "ds")
        .await;
    assert!(html.contains("There is a problem"));
    assert!(html.contains("<a href=\"#from\">Enter the first day as a real date</a>"));
    assert!(html.contains("<a href=\"#to\">"));
    assert!(!html.contains("<table"));
    let (_, html) = srv
        .html("/supervise/audit?from=2026-11-24&to=2026-11-01", "ds")
        .await;
    assert!(html.contains("The last day must be the same as or after the first day"));

    // 200 lines a page, then a link to the older ones; a "before" that is not a number is ignored.
    let many: Vec<(String, String, Option<String>)> = (0..250)
        .map(|i| ("order".into(), format!("O-{i}"), Some("N-0001".into())))
        .collect();
    srv.db
        .storage
        .audit_many("PC-DEMO-02", "consulted", &many, at(0))
        .await
        .unwrap();
    let (_, html) = srv.html("/supervise/audit?person=PC-DEMO-02", "ds").await;
    assert_eq!(html.matches("<td>PC-DEMO-02</td>").count(), 200);
    let older = html
        .split("href=\"/supervise/audit?person=PC-DEMO-02&amp;before=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to older lines");
    let (_, html) = srv
        .html(
            &format!("/supervise/audit?person=PC-DEMO-02&before={older}"),
            "ds",
        )
        .await;
    assert_eq!(html.matches("<td>PC-DEMO-02</td>").count(), 50);
    assert!(!html.contains("Older lines"));
    let (status, _) = srv.html("/supervise/audit?before=soon", "ds").await;
    assert_eq!(status, 200);

    let r = srv
        .get("/supervise/audit.csv?nominal=N-0004", Some("ds"))
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"audit-2026-11-24.csv\""));
    let text = r.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], scpo_server::csv::AUDIT_HEADER);
    assert!(lines[1..]
        .iter()
        .any(|l| l.contains(",DS-DEMO-01,,consulted,nominal,N-0004,N-0004")));
    assert!(lines[1..].iter().all(|l| l.ends_with(",N-0004")));
    let log = srv.db.storage.audit_since(0).await.unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.record_kind.as_str(),
            last.nominal_id.as_deref()
        ),
        ("DS-DEMO-01", "disclosed", "audit_log", Some("N-0004"))
    );
}

async fn another_unit_s_supervisor_sees_nothing_of_this_unit(b: Backend) {
    let srv = serve(b).await;
    srv.html("/supervise/lists/contacts-overdue", "ds").await;
    let (status, html) = srv.html("/supervise", "other").await;
    assert_eq!(status, 200);
    assert!(!html.contains("PC-DEMO") && !html.contains("lists/contacts-overdue"));
    assert!(html.contains("PC-OTHER name (PC-OTHER)"));
    for figure in [
        "contacts-overdue",
        "breaches-awaiting-decision",
        "briefings-due",
    ] {
        let (status, html) = srv
            .html(&format!("/supervise/lists/{figure}"), "other")
            .await;
        assert_eq!(status, 200);
        assert!(!html.contains("N-00") && html.contains("No nominals are on this list today."));
    }
    assert_eq!(
        srv.html(
            "/supervise/lists/contacts-overdue?officer=PC-DEMO-01",
            "other"
        )
        .await
        .0,
        404
    );
    let (_, html) = srv.html("/supervise/audit", "other").await;
    assert!(html.contains("<td>PC-OTHER</td>") || html.contains("<td>N-9001</td>"));
    assert!(!html.contains("DEMO") && !html.contains("<td>N-000"));
    let (_, html) = srv.html("/supervise/audit?nominal=N-0004", "other").await;
    assert!(html.contains("No lines match."));
    let text = srv
        .get("/supervise/audit.csv", Some("other"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!text.contains("DEMO") && !text.contains("N-000"));
    let (_, html) = srv.html("/supervise/outcomes", "other").await;
    assert!(html
        .contains("<th scope=\"row\" class=\"table__cell--nowrap\">Oct–Dec 2026</th><td class=\"table__cell--numeric\">0</td>"));
}

on_both_backends!(
    the_dashboard_links_each_figure_to_its_list_and_a_list_is_logged,
    the_audit_page_filters_and_the_csv_download_is_logged_as_a_disclosure,
    another_unit_s_supervisor_sees_nothing_of_this_unit,
);
