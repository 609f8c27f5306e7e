//! Offender managers at the desk, on both backends: an officer registers a passkey with a code
//! made for them and lands on "Your nominals" (theirs only, linked to their pages, each view
//! logged); every DS page answers them the desk's "Page not found", never a sign-in loop; they
//! sign out like anyone.

#[macro_use]
mod common;

use common::*;
use scpo_server::secrets;
use scpo_server::state::AppState;
use scpo_server::storage::{AuditFilter, CodeCheck};
use serde_json::json;

/// A passkey as the desk keeps it (one Chromium virtual authenticator's, a public key only).
const PASSKEY: &str = include_str!("fixtures/passkey.json");

/// The server with sessions for the demo DS ("ds", csrf "ds-csrf") and PC-DEMO-01 ("pc", csrf
/// "pc-csrf"), who holds N-0001 to N-0004.
async fn serve(b: Backend) -> Served {
    let db = with_demo(b).await;
    start_sessions(
        db.storage.as_ref(),
        &[
            ("ds", "DS-DEMO-01", "ds-csrf"),
            ("pc", "PC-DEMO-01", "pc-csrf"),
        ],
        chrono::Utc::now().timestamp_millis(),
    )
    .await;
    let http = Http::start(AppState::new(db.storage.clone())).await;
    Served { http, db }
}

async fn an_officer_registers_a_passkey_and_signing_in_names_it(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    let code = scpo_server::new_passkey_code(s, "PC-DEMO-01", now)
        .await
        .unwrap();
    // The desk's registration takes an officer's code (it refused anyone but a DS before).
    let (status, started) = srv
        .post_json("/supervise/api/register/start", json!({ "code": code }))
        .await;
    assert_eq!(status, 200, "{started}");
    assert_eq!(
        started["options"]["publicKey"]["user"]["name"],
        "PC-DEMO-01"
    );
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let kept = s
        .add_passkey_with_code(
            &id,
            &secrets::hash(&secret),
            "PC-DEMO-01",
            "c1",
            PASSKEY,
            now,
            5,
        )
        .await
        .unwrap();
    assert!(matches!(kept, CodeCheck::Valid(o) if o.id == "PC-DEMO-01"));
    // Signing in names the officer's passkey itself.
    let (status, answer) = srv
        .post_json(
            "/supervise/api/sign-in/start",
            json!({ "officer": "pc-demo-01" }),
        )
        .await;
    assert_eq!(status, 200);
    let named: Vec<&str> = answer["options"]["publicKey"]["allowCredentials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["NwS6zujNveVGoFst3QZdziLAPsx259P5zN5__fcDFpw"]);
}

async fn an_officer_sees_only_their_own_nominals_and_each_view_is_logged(b: Backend) {
    let srv = serve(b).await;
    let (status, html) = srv.html("/supervise/mine", "pc").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("<h1 class=\"heading-l\">Your nominals</h1>"));
    assert!(html.contains("Signed in as PC Demo Officer (PC-DEMO-01)"));
    for n in 1..=4 {
        let link = format!("href=\"/supervise/nominals/N-{n:04}\"");
        assert!(html.contains(&link), "N-{n:04} in {html}");
    }
    for n in 5..=12 {
        assert!(
            !html.contains(&format!("N-{n:04}")),
            "N-{n:04} is not theirs"
        );
    }
    // Their navigation, not the DS's; no right to the whole cohort said.
    assert!(html.contains("href=\"/supervise/mine\" aria-current=\"page\""));
    assert!(!html.contains("href=\"/supervise/breaches\""));
    assert!(!html.contains("every other nominal of your unit"));
    let mut consulted: Vec<String> = srv
        .db
        .storage
        .audit_query(
            &AuditFilter {
                unit_id: "U-DEMO".into(),
                actor: Some("PC-DEMO-01".into()),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.action == "consulted" && a.record_kind == "nominal")
        .map(|a| a.record_id)
        .collect();
    consulted.sort();
    assert_eq!(consulted, ["N-0001", "N-0002", "N-0003", "N-0004"]);
}

async fn every_ds_page_answers_an_officer_page_not_found_in_the_desk_layout(b: Backend) {
    let srv = serve(b).await;
    for path in [
        "/supervise/team",
        "/supervise/team/PC-DEMO-02",
        "/supervise/team/new",
        "/supervise/cohort",
        // Another officer's nominal (their own opens: a test below).
        "/supervise/nominals/N-0005",
        "/supervise/cohort/N-0005",
        "/supervise/devices",
        "/supervise/breaches",
        "/supervise/audit",
        "/supervise/outcomes",
        "/supervise/lists/contacts-overdue",
    ] {
        let r = srv.get(path, Some("pc")).await;
        assert_eq!(r.status(), 404, "{path}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains("<h1 class=\"heading-l\">Page not found</h1>"),
            "{path}"
        );
        // The desk's layout, with the officer's own navigation.
        assert!(html.contains("href=\"/supervise/mine\""), "{path}");
    }
    // The desk's front page sends them to their nominals.
    let r = srv.get("/supervise", Some("pc")).await;
    assert!(refused_to_officer("/supervise", &r));
    // A DS form with the officer's own token changes nothing.
    let f = [
        ("csrf", "pc-csrf"),
        ("name", "PC New Example"),
        ("officer_id", ""),
        ("role", "supervisor"),
    ];
    let r = srv.post("/supervise/team/new", Some("pc"), &f).await;
    assert_eq!(r.status(), 404);
    let f = [
        ("csrf", "pc-csrf"),
        ("role", "supervisor"),
        ("keeps_cohort", "yes"),
        ("confirmed", "yes"),
    ];
    let r = srv
        .post("/supervise/team/PC-DEMO-01/rights", Some("pc"), &f)
        .await;
    assert_eq!(r.status(), 404);
    let officers = srv.db.storage.officers().await.unwrap();
    assert_eq!(officers.len(), 4);
    let me = officers.iter().find(|o| o.id == "PC-DEMO-01").unwrap();
    assert_eq!(
        (me.role, me.keeps_cohort),
        (scpo_server::storage::Role::Officer, false)
    );
    // They sign out as anyone does: the session ends.
    let r = srv
        .post("/supervise/sign-out", Some("pc"), &[("csrf", "pc-csrf")])
        .await;
    assert_eq!(r.headers()["location"], "/supervise/sign-in?signed-out=1");
    assert!(to_sign_in(&srv.get("/supervise/mine", Some("pc")).await));
}

async fn an_officer_opens_their_own_nominal_to_keep_it_but_not_to_assign_it(b: Backend) {
    let srv = serve(b).await;
    let (status, html) = srv.html("/supervise/nominals/N-0001", "pc").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Keep this record"), "{html}");
    assert!(html.contains("href=\"/supervise/nominals/N-0001/details\""));
    assert!(
        html.contains("href=\"/supervise/mine\""),
        "back to their nominals"
    );
    // Assigning and transferring are the DS's.
    assert!(!html.contains("/supervise/cohort/N-0001/assign"), "{html}");
    assert!(
        !html.contains("/supervise/cohort/N-0001/transfer"),
        "{html}"
    );
}

on_both_backends!(
    an_officer_opens_their_own_nominal_to_keep_it_but_not_to_assign_it,
    an_officer_registers_a_passkey_and_signing_in_names_it,
    an_officer_sees_only_their_own_nominals_and_each_view_is_logged,
    every_ds_page_answers_an_officer_page_not_found_in_the_desk_layout,
);
