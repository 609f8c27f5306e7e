//! What a hostile phone, cohort file or command line can do to the desk (issue 24), on both
//! backends: an id outside the domain's grammar (`../devices/X/revoke`, `PC&1`) is refused with
//! the reason in words wherever it comes in (a push, a cohort import, the command line), an
//! over-long text in a pushed record is refused at its field, and nothing is stored.

#[macro_use]
mod common;
mod upkeep_support;

use std::process::Command;

use common::*;
use serde_json::{json, Value};
use upkeep_support::*;

/// The demo's breach report on N-0002 (PC-DEMO-01's), as JSON to alter.
fn report() -> Value {
    let demo = scpo_field::domain::cohort::demo::demo_cohort(today());
    let r = demo
        .breach_reports
        .iter()
        .find(|r| r.nominal_id == "N-0002");
    let mut v = serde_json::to_value(r.unwrap()).unwrap();
    v["id"] = json!("BR-new-1");
    v
}

/// Push entries over HTTP as the phone with `credential`; the results.
async fn push_http(d: &Desk, credential: &str, entries: Vec<Value>) -> Vec<Value> {
    let r = d
        .client
        .post(format!("{}/api/sync/push", d.base))
        .bearer_auth(credential)
        .json(&json!({ "entries": entries }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    body["results"].as_array().unwrap().clone()
}

async fn a_pushed_id_that_is_a_path_is_rejected_with_the_reason_and_nothing_is_stored(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, credential) = enrol(s, "PC-DEMO-01").await;
    let before = s.count_records("breach_report").await.unwrap();
    let mut evil = report();
    let path = format!("../devices/{}/revoke", phone.id);
    evil["id"] = json!(path);
    let mut corrects = report();
    corrects["corrects"] = json!("BR-0002-1?x=1");
    let mut line_break = report();
    line_break["id"] = json!("BR-new-2");
    line_break["condition_ids"] = json!(["C-0002-05\nC-0002-06"]);
    let results = push_http(
        &d,
        &credential,
        vec![
            entry("u-evil", "breach_report", evil),
            entry("u-corrects", "breach_report", corrects),
            entry("u-break", "breach_report", line_break),
            entry("../u", "breach_report", report()),
        ],
    )
    .await;
    let reasons: Vec<(&str, &str, &str)> = results
        .iter()
        .map(|r| {
            (
                r["uuid"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let rule = "may only use letters, digits and . _ - :";
    assert_eq!(
        reasons,
        vec![
            (
                "u-evil",
                "rejected",
                format!("The record's id \"{path}\" {rule} (it has \"/\")").as_str()
            ),
            (
                "u-corrects",
                "rejected",
                format!("The record does not fit the nominal's order: breach_reports[0].corrects: \"BR-0002-1?x=1\" {rule} (it has \"?\")").as_str()
            ),
            (
                "u-break",
                "rejected",
                format!("The record does not fit the nominal's order: breach_reports[0].condition_ids[0]: \"C-0002-05\\nC-0002-06\" {rule} (it has a line break)").as_str()
            ),
            // A uuid outside the grammar is answered without it, and never kept.
            (
                "",
                "rejected",
                format!("The entry's uuid \"../u\" {rule} (it has \"/\")").as_str()
            ),
        ]
    );
    assert_eq!(s.count_records("breach_report").await.unwrap(), before);
    let rejected = s.rejected().await.unwrap();
    let uuids: Vec<&str> = rejected.iter().map(|(u, _, _)| u.as_str()).collect();
    assert_eq!(uuids, ["u-break", "u-corrects", "u-evil"]);
    // The device named in the id is untouched.
    assert!(!s
        .devices()
        .await
        .unwrap()
        .iter()
        .any(|x| x.revoked_at.is_some()));
    // The same report under a good id is accepted: the id alone was the problem.
    let results = push_http(
        &d,
        &credential,
        vec![entry("u-good", "breach_report", report())],
    )
    .await;
    assert_eq!(results[0]["status"], "accepted", "{results:?}");
    assert_eq!(s.count_records("breach_report").await.unwrap(), before + 1);
}

async fn a_pushed_300_000_character_name_is_replaced_and_reason_rejected_at_its_field(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (_, credential) = enrol(s, "PC-DEMO-01").await;
    let before = s.count_records("breach_report").await.unwrap();
    let huge = "x".repeat(300_000);
    let mut name = report();
    name["officer_name"] = json!(huge);
    let name_id = name["id"].as_str().unwrap().to_string();
    let mut reason = report();
    reason["id"] = json!("BR-new-2");
    reason["decision"]["override_reason"] = json!(huge);
    let mut reasons = report();
    reasons["id"] = json!("BR-new-3");
    reasons["decision"]["recommended"]["reasons"] = json!([huge]);
    let results = push_http(
        &d,
        &credential,
        vec![
            entry("u-name", "breach_report", name),
            entry("u-reason", "breach_report", reason),
            entry("u-reasons", "breach_report", reasons),
        ],
    )
    .await;
    // The officer's name is the server's record of the phone's officer, whatever the phone
    // wrote (server/src/authorship.rs): the 300,000 characters are never stored.
    assert_eq!(results[0]["status"], "accepted", "{results:?}");
    let stored = s.unit_records("U-DEMO").await.unwrap();
    let kept = stored
        .iter()
        .find(|r| r.kind == "breach_report" && r.id == name_id)
        .expect("the report is stored");
    assert_eq!(kept.record["officer_name"], "PC Demo Officer");
    let fit = "The record does not fit the nominal's order: breach_reports[0]";
    let want = [
        format!("{fit}.decision.override_reason: must be 10000 characters or fewer"),
        format!("{fit}.decision.recommended.reasons[0]: must be 10000 characters or fewer"),
    ];
    for (r, want) in results.iter().skip(1).zip(want) {
        assert_eq!(r["status"], "rejected");
        assert_eq!(r["reason"], want.as_str());
    }
    assert_eq!(results.len(), 3);
    assert_eq!(s.count_records("breach_report").await.unwrap(), before + 1);
}

async fn a_cohort_with_a_bad_nominal_or_offender_manager_id_is_refused_and_changes_nothing(
    b: Backend,
) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let good: Value =
        serde_json::from_str(&one_nominal(2, "9102", "PC-DEMO-02").to_json()).unwrap();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let position = s.position().await.unwrap();
    let rule = "may only use letters, digits and . _ - :";
    let cases = [
        (
            "/nominals/0/id",
            "N/9102",
            format!("nominals[0].id: \"N/9102\" {rule} (it has \"/\")"),
        ),
        (
            "/nominals/0/offender_manager/id",
            "PC&1",
            format!("nominals[0].offender_manager.id: \"PC&1\" {rule} (it has \"&\")"),
        ),
    ];
    for (pointer, bad, want) in cases {
        let mut v = good.clone();
        *v.pointer_mut(pointer).unwrap() = json!(bad);
        let text = v.to_string();
        // As the command line imports it.
        let err = scpo_server::import_cohort(s, "U-DEMO", &text, None, "test", at(61))
            .await
            .unwrap_err();
        assert!(err.contains(&want), "{err:?}");
        // As the desk does.
        let r = d
            .post_multipart(
                "/supervise/cohort/import",
                "ds-token",
                &[("csrf", "the-csrf", None), ("paste", &text, None)],
            )
            .await;
        assert_eq!(r.status(), 400);
        let html = r.text().await.unwrap();
        assert!(html.contains(&esc(&want)), "{want}");
        assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
        assert_eq!(s.position().await.unwrap(), position);
    }
    // Without the bad id the same file imports.
    scpo_server::import_cohort(s, "U-DEMO", &good.to_string(), None, "test", at(61))
        .await
        .unwrap();
}

/// Run the server's command line on the test database; (succeeded, stderr).
fn cli(db: &TestDb, args: &[&str]) -> (bool, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_scpo-server"));
    match &db.url {
        Some(url) => c.env("DATABASE_URL", url),
        None => c
            .env_remove("DATABASE_URL")
            .args(["--data-dir", db.dir.to_str().unwrap()]),
    };
    let out = c.args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn the_command_line_refuses_a_bad_id_and_changes_nothing(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let file = temp_dir("cli").join("cohort.json");
    std::fs::write(
        &file,
        scpo_field::domain::cohort::demo::demo_cohort(today()).to_json(),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let officers = s.officers().await.unwrap();
    let position = s.position().await.unwrap();
    let rule = "may only use letters, digits and . _ - :";
    let name = "N".repeat(201);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec![
                "officer", "add", "--id", "PC&1", "--name", "PC Amp", "--unit", "U-DEMO",
            ],
            format!("the officer id \"PC&1\" {rule} (it has \"&\"); nothing was changed"),
        ),
        (
            vec![
                "officer", "add", "--id", "PC-OK-1", "--name", "PC Ok", "--unit", "U/DEMO",
            ],
            format!("the unit id \"U/DEMO\" {rule} (it has \"/\"); nothing was changed"),
        ),
        (
            vec![
                "officer", "add", "--id", "PC-OK-1", "--name", &name, "--unit", "U-DEMO",
            ],
            "the officer name must be 200 characters or fewer; nothing was changed".into(),
        ),
        (
            vec!["unit", "add", "U 2", "Second unit"],
            format!("the unit id \"U 2\" {rule} (it has a space); nothing was changed"),
        ),
        (
            vec!["enrol", "PC-DEMO-01#x"],
            format!("the officer id \"PC-DEMO-01#x\" {rule} (it has \"#\"); nothing was changed"),
        ),
        (
            vec!["revoke", "../D-1"],
            format!("the device id \"../D-1\" {rule} (it has \"/\"); nothing was changed"),
        ),
        (
            vec!["assign", "N-0001", "_PC"],
            "the officer id \"_PC\" must start with a letter or a digit; nothing was changed"
                .into(),
        ),
        (
            vec!["import", file, "--unit", "U?DEMO"],
            format!("the unit id \"U?DEMO\" {rule} (it has \"?\"); nothing was changed"),
        ),
    ];
    for (args, want) in cases {
        let (ok, stderr) = cli(&db, &args);
        assert!(!ok, "{args:?} succeeded");
        assert!(stderr.contains(&want), "{args:?}: {stderr}");
        assert_eq!(s.officers().await.unwrap(), officers, "{args:?}");
        assert_eq!(s.position().await.unwrap(), position, "{args:?}");
    }
    // A good id goes through the same command line.
    let args = [
        "officer", "add", "--id", "PC-OK-1", "--name", "PC Ok", "--unit", "U-DEMO",
    ];
    let (ok, stderr) = cli(&db, &args);
    assert!(ok, "{stderr}");
    assert!(s.officer("PC-OK-1").await.unwrap().is_some());
}

on_both_backends!(
    a_pushed_id_that_is_a_path_is_rejected_with_the_reason_and_nothing_is_stored,
    a_pushed_300_000_character_name_is_replaced_and_reason_rejected_at_its_field,
    a_cohort_with_a_bad_nominal_or_offender_manager_id_is_refused_and_changes_nothing,
    the_command_line_refuses_a_bad_id_and_changes_nothing,
);
