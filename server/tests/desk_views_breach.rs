//! The breach report page and the outcomes downloads, over HTTP on both backends: the page links
//! the nominal, shows the recall referral made on the report and where it stands, and once a
//! decision is recorded offers "Change this decision" instead of a second blank form; the
//! outcomes download as CSV (every cell a spreadsheet would run neutralised), each download
//! logged as a disclosure.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use scpo_field::domain::forms::referral_form::Making;
use scpo_field::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
use scpo_field::domain::OfficerRef;
use scpo_server::storage::StoredRecord;
use serde_json::json;

/// The referral the officer made on BR-0002-1, and its status "sent to probation".
fn referral_and_status() -> (RecallReferral, ReferralStatusUpdate) {
    let (c, r) = decided_and_referred();
    let officer = OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo Officer".into(),
    };
    let by = Making {
        id: "RS-1".into(),
        officer: &officer,
        at: today().and_hms_opt(11, 30, 0).unwrap(),
    };
    let s = ReferralStatusUpdate::make(&c, "RR-1", "sent_to_probation", Ok(today()), by).unwrap();
    (r, s)
}

async fn import(srv: &Server, records: &[StoredRecord]) {
    srv.db
        .storage
        .import_records("U-DEMO", records, &[], "test", at(0))
        .await
        .unwrap();
}

const FORM: &str = "<form method=\"post\" action=\"/supervise/breaches/BR-0002-1\"";

async fn the_breach_page_shows_the_referral_and_changes_a_decision_on_request(b: Backend) {
    let srv = serve(b).await;
    let page = "/supervise/breaches/BR-0002-1";
    // Undecided: the nominal linked, the form to decide, no referral section yet.
    let (_, html) = srv.html(page, "ds").await;
    assert!(html.contains("<a href=\"/supervise/nominals/N-0002\">MARROWBY, Delphine</a>"));
    assert_eq!(html.matches(FORM).count(), 1);
    assert!(html.contains(">Your decision</h2>"));
    assert!(!html.contains("Change this decision"));

    // Decided (recall): the decision, a link to change it, and no second blank form.
    import(
        &srv,
        &[stored("breach_decision", "BD-1", recall_decision())],
    )
    .await;
    let (_, html) = srv.html(page, "ds").await;
    assert!(html.contains("Request recall"));
    assert!(html.contains(
        "<a href=\"/supervise/breaches/BR-0002-1?change=1#report\">Change this decision</a>"
    ));
    assert_eq!(
        html.matches(FORM).count(),
        0,
        "no blank form under the decision"
    );
    assert!(html.contains("No recall referral has been made on this report yet."));
    // The link opens the form, which would replace the decision.
    let (_, html) = srv.html(&format!("{page}?change=1"), "ds").await;
    assert_eq!(html.matches(FORM).count(), 1);
    assert!(html.contains(">Change this decision</h2>"));
    assert!(html.contains("name=\"replaces\" value=\"BD-1\""));

    // The officer's referral, sent to probation: shown with where it stands.
    let (r, s) = referral_and_status();
    import(
        &srv,
        &[
            stored("recall_referral", "RR-1", serde_json::to_value(&r).unwrap()),
            stored("referral_status", "RS-1", serde_json::to_value(&s).unwrap()),
        ],
    )
    .await;
    let (_, html) = srv.html(page, "ds").await;
    let referral = html.split("id=\"referral\"").nth(1).expect("the referral");
    assert!(referral.contains(r.shown_reference()));
    assert!(referral.contains("<strong class=\"tag tag--yellow\">Sent to probation</strong>"));
    assert!(referral.contains("by PC Demo Officer"));
    assert!(!html.contains("No recall referral has been made"));
    assert!(
        !html.contains("Sensitive"),
        "never the part not for disclosure"
    );
}

/// The CSV's lines.
async fn csv(srv: &Server, path: &str, session: &str) -> (String, Vec<String>) {
    let r = srv.get(path, Some(session)).await;
    assert_eq!(r.status(), 200);
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    let text = r.text().await.unwrap();
    (
        disposition,
        text.split("\r\n")
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

async fn the_outcomes_download_as_csv_logged_as_disclosures(b: Backend) {
    let srv = serve(b).await;
    // A second report whose officer's name a spreadsheet would run.
    let mut second = srv
        .db
        .storage
        .records_of_nominal("N-0002")
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == "BR-0002-1")
        .unwrap()
        .record;
    second["id"] = json!("BR-0002-9");
    second["reference"] = json!("");
    second["officer_name"] = json!("=HYPERLINK(\"http://x\")");
    second["occurred_at"] = json!("2026-11-20T09:00:00");
    second["recorded_at"] = json!("2026-11-20T10:00:00");
    import(
        &srv,
        &[
            stored("breach_report", "BR-0002-9", second),
            stored("breach_decision", "BD-1", recall_decision()),
        ],
    )
    .await;

    let (_, html) = srv.html("/supervise/outcomes", "ds").await;
    assert!(html.contains("href=\"/supervise/outcomes.csv\""));
    assert!(html.contains("href=\"/supervise/outcomes/breaches.csv\""));

    let (disposition, lines) = csv(&srv, "/supervise/outcomes.csv", "ds").await;
    assert_eq!(
        disposition,
        "attachment; filename=\"outcomes-2026-11-24.csv\""
    );
    assert_eq!(lines.len(), 9, "{lines:?}");
    assert!(lines[0].starts_with("Quarter,People on orders,Breaches,"));
    // This quarter: two breaches, one decided (recall), one awaiting.
    assert!(lines[8].starts_with("Oct–Dec 2026,"), "{}", lines[8]);
    assert!(lines[8].ends_with(",1,0"), "{}", lines[8]);
    let log = srv.db.storage.audit_since(0).await.unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.record_kind.as_str()
        ),
        ("DS-DEMO-01", "disclosed", "outcomes")
    );
    assert_eq!(last.record_id, "figures 2025-Q1..2026-Q4");

    let (disposition, lines) = csv(&srv, "/supervise/outcomes/breaches.csv", "ds").await;
    assert_eq!(
        disposition,
        "attachment; filename=\"outcome-breaches-2026-11-24.csv\""
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[1].contains(",N-0002,\"MARROWBY, Delphine\",PC Demo Officer,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(",BR-0002-9,N-0002,"), "{}", lines[2]);
    assert!(
        lines[1].contains(",Recall referral,2026-11-24,DS Demo Supervisor,No"),
        "{}",
        lines[1]
    );
    // The cell a spreadsheet would run is written as text.
    assert!(
        lines[2].contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains(",Awaiting decision,,,"));
    let log = srv.db.storage.audit_since(0).await.unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (
            last.action.as_str(),
            last.record_kind.as_str(),
            last.nominal_id.as_deref()
        ),
        ("disclosed", "outcomes", Some("N-0002"))
    );
    assert_eq!(last.record_id, "breaches 2025-Q1..2026-Q4");

    // Another unit's DS: none of this unit's breaches.
    let (_, lines) = csv(&srv, "/supervise/outcomes/breaches.csv", "other").await;
    assert_eq!(lines.len(), 1);
}

on_both_backends!(
    the_breach_page_shows_the_referral_and_changes_a_decision_on_request,
    the_outcomes_download_as_csv_logged_as_disclosures,
);
