//! Keeping a nominal's record at the desk (issue 21), over HTTP on both backends: a new nominal
//! recorded through the pages, details, risk, plan and custody changes, each a new version with
//! its audit line and a change-log position a phone's pull sees; a stale form refused naming who
//! changed the record; an officer kept to their own nominals and everyone to their own unit;
//! bad input changing nothing; a release putting an "on release" order in force.

#[macro_use]
mod common;
#[path = "keep_support/mod.rs"]
mod support;

use common::*;
use support::*;

async fn a_ds_records_a_new_nominal_assigned_to_the_officer_chosen(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (status, first) = srv.html("/supervise/nominals/new", "ds").await;
    assert_eq!(status, 200);
    assert!(first.contains("What is their name?"));
    // A middle page carries the earlier answers hidden.
    let r = srv
        .post(
            "/supervise/nominals/new",
            Some("ds"),
            &[
                ("csrf", "csrf"),
                ("step", "name"),
                ("given_name", "Testy"),
                ("family_name", "Example"),
            ],
        )
        .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("What is their date of birth?"), "{page}");
    assert!(page.contains("type=\"hidden\" name=\"given_name\" value=\"Testy\""));
    let r = srv
        .post(
            "/supervise/nominals/new",
            Some("ds"),
            &new_nominal_answers("csrf", "PC-DEMO-02"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    let id = to
        .strip_prefix("/supervise/nominals/")
        .unwrap()
        .strip_suffix("?done=recorded")
        .unwrap()
        .to_string();
    assert!(id.starts_with("N-") && id.len() == 10, "{id}");
    // Where it leads says the nominal is recorded.
    let (status, page) = srv.html(&to, "ds").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("role=\"status\"") && page.contains("The nominal is recorded."),
        "{page}"
    );
    let versions = s.versions_of_nominal("U-DEMO", &id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].reason, "Recorded at the desk");
    assert_eq!(versions[0].changed_by.as_deref(), Some("DS-DEMO-01"));
    assert_eq!(
        versions[0].record["custody"]["expected_release"],
        "2027-03-01"
    );
    let assigned = s.unit_assignments("U-DEMO").await.unwrap();
    assert!(assigned.contains(&(id.clone(), "PC-DEMO-02".into())));
    let audit = s.audit_since(0).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "created" && e.record_id == id && e.actor == "DS-DEMO-01"));
    let records = pulled(&srv, "PC-DEMO-02").await;
    assert!(records
        .iter()
        .any(|r| r["kind"] == "nominal" && r["id"] == id.as_str()));
}

async fn an_officer_records_a_nominal_as_their_own_whatever_the_form_says(b: Backend) {
    let srv = serve(b).await;
    let r = srv
        .post(
            "/supervise/nominals/new",
            Some("pc1"),
            &new_nominal_answers("csrf1", "PC-DEMO-02"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    let id = to
        .strip_prefix("/supervise/nominals/")
        .unwrap()
        .strip_suffix("?done=recorded")
        .unwrap();
    let n = nominal_record(srv.db.storage.as_ref(), id).await;
    assert_eq!(n["offender_manager"]["id"], "PC-DEMO-01");
    let assigned = srv.db.storage.unit_assignments("U-DEMO").await.unwrap();
    assert!(assigned.contains(&(id.to_string(), "PC-DEMO-01".into())));
}

async fn under_18_or_missing_answers_record_nothing(b: Backend) {
    let srv = serve(b).await;
    let mut young = new_nominal_answers("csrf", "PC-DEMO-02");
    young.retain(|(k, _)| *k != "dob-year");
    young.push(("dob-year", "2010"));
    let r = srv
        .post("/supervise/nominals/new", Some("ds"), &young)
        .await;
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(page.contains("must be 18 or over"), "{page}");
    assert!(page.contains("href=\"#dob-day\""));
    let before = srv.db.storage.unit_records("U-DEMO").await.unwrap().len();
    let r = srv
        .post(
            "/supervise/nominals/new",
            Some("ds"),
            &[("csrf", "csrf"), ("step", "check")],
        )
        .await;
    assert_eq!(r.status(), 400);
    assert_eq!(
        srv.db.storage.unit_records("U-DEMO").await.unwrap().len(),
        before
    );
}

async fn a_details_change_is_a_new_version_and_a_stale_form_is_refused_naming_who(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (status, form) = srv.html("/supervise/nominals/N-0001/details", "pc1").await;
    assert_eq!(status, 200);
    let opened = version_in(&form);
    let n = nominal_record(s, "N-0001").await;
    let dob = n["date_of_birth"].as_str().unwrap().to_string();
    let (y, rest) = dob.split_once('-').unwrap();
    let (m, d) = rest.split_once('-').unwrap();
    let given = n["given_name"].as_str().unwrap().to_string();
    let family = n["family_name"].as_str().unwrap().to_string();
    let probation = n["custody"]["probation"]["name"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let change = |address: &'static str, version: String| {
        vec![
            ("csrf".to_string(), "csrf1".to_string()),
            ("step".into(), "check".into()),
            ("version".into(), version),
            ("given_name".into(), given.clone()),
            ("family_name".into(), family.clone()),
            ("dob-day".into(), d.into()),
            ("dob-month".into(), m.into()),
            ("dob-year".into(), y.into()),
            ("address".into(), address.into()),
            ("probation_name".into(), probation.clone()),
            ("reason".into(), "Moved house".into()),
        ]
    };
    let http = &srv.http;
    let post = |f: Vec<(String, String)>| async move {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        http.post("/supervise/nominals/N-0001/details", Some("pc1"), &f)
            .await
    };
    let seq_before = s.audit_since(0).await.unwrap().len();
    let r = post(change("2 New Street", opened.clone())).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/supervise/nominals/N-0001?done=details"
    );
    let (_, page) = srv
        .html("/supervise/nominals/N-0001?done=details", "pc1")
        .await;
    assert!(page.contains("The details are saved."), "{page}");
    assert_eq!(nominal_record(s, "N-0001").await["address"], "2 New Street");
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    let last = versions.iter().rfind(|v| v.kind == "nominal").unwrap();
    assert_eq!(last.reason, "Moved house");
    assert_eq!(last.changed_by.as_deref(), Some("PC-DEMO-01"));
    let audit = s.audit_since(0).await.unwrap();
    assert!(audit.len() > seq_before);
    assert!(audit
        .iter()
        .any(|e| e.action == "altered" && e.record_kind == "nominal" && e.record_id == "N-0001"));
    let records = pulled(&srv, "PC-DEMO-01").await;
    let held = records
        .iter()
        .find(|r| r["kind"] == "nominal" && r["id"] == "N-0001")
        .unwrap();
    assert_eq!(held["record"]["address"], "2 New Street");
    // The same form again, on the version it was opened on: refused, nothing changed.
    let r = post(change("3 Other Street", opened)).await;
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(page.contains("This record was changed by PC Demo Officer at 24 Nov 2026, 13:00 after you opened the form"), "{page}");
    assert_eq!(nominal_record(s, "N-0001").await["address"], "2 New Street");
}

async fn an_officer_keeps_only_their_own_and_nobody_another_units(b: Backend) {
    let srv = serve(b).await;
    for page in ["details", "risk", "plan", "custody", "history"] {
        let theirs = format!("/supervise/nominals/N-0005/{page}");
        assert_eq!(srv.get(&theirs, Some("pc1")).await.status(), 404, "{page}");
        assert_eq!(
            srv.get(&format!("/supervise/nominals/N-0001/{page}"), Some("other"))
                .await
                .status(),
            404
        );
        assert_eq!(
            srv.get(&format!("/supervise/nominals/N-0001/{page}"), Some("pc1"))
                .await
                .status(),
            200,
            "{page}"
        );
        if page != "history" {
            let f = [
                ("csrf", "csrf1"),
                ("step", "check"),
                ("reason", "x"),
                ("risk", "low"),
            ];
            assert_eq!(
                srv.post(&theirs, Some("pc1"), &f).await.status(),
                404,
                "{page}"
            );
        }
    }
    let before = nominal_record(srv.db.storage.as_ref(), "N-0005").await;
    assert_eq!(
        nominal_record(srv.db.storage.as_ref(), "N-0005").await,
        before
    );
}

on_both_backends!(
    a_ds_records_a_new_nominal_assigned_to_the_officer_chosen,
    an_officer_records_a_nominal_as_their_own_whatever_the_form_says,
    under_18_or_missing_answers_record_nothing,
    a_details_change_is_a_new_version_and_a_stale_form_is_refused_naming_who,
    an_officer_keeps_only_their_own_and_nobody_another_units,
);
