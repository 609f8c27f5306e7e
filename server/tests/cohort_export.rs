//! Exporting the unit's cohort, on both backends: as a cohort file that imports back changing
//! nothing, and as the three CSV files that the CSV import reads back changing nothing; each
//! download audited as a disclosure; the session's unit only.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_server::cohort_csv::CsvFiles;
use scpo_server::export::ExportFile;
use upkeep_support::*;

const DS: Option<&str> = Some("ds-token");

async fn download(d: &Desk, file: &str, token: &str) -> String {
    let r = d
        .get(&format!("/supervise/cohort/export/{file}"), Some(token))
        .await;
    assert_eq!(r.status(), 200, "{file}");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    r.text().await.unwrap()
}

fn me() -> scpo_field::domain::OfficerRef {
    scpo_field::domain::OfficerRef {
        id: "DS-DEMO-01".into(),
        name: "DS Demo Supervisor".into(),
    }
}

async fn export_then_import_changes_nothing(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let file = download(&d, "cohort.json", "ds-token").await;
    // The desk's preview: everything held already as it is.
    let r = d
        .post_multipart(
            "/supervise/cohort/import",
            "ds-token",
            &[
                ("csrf", "the-csrf", None),
                ("file", &file, Some("cohort.json")),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("importing it changes nothing"), "{html}");
    let counts = scpo_server::import_cohort(s, "U-DEMO", &file, None, "DS-DEMO-01", at(70))
        .await
        .unwrap();
    assert_eq!((counts.created, counts.altered), (0, 0));
    assert!(counts.unchanged > 12, "the whole cohort was in the file");
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
}

async fn the_csv_export_reads_back_through_the_csv_import(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    // The demo's cohort (orders with variations among them) and 20 nominals from spreadsheets.
    let fixtures = CsvFiles {
        nominals: include_str!("fixtures/csv/nominals.csv").into(),
        orders: include_str!("fixtures/csv/orders.csv").into(),
        provisions: include_str!("fixtures/csv/provisions.csv").into(),
    };
    scpo_server::cohort_csv::import(s, "U-DEMO", &fixtures, &me(), at(10))
        .await
        .unwrap();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let files = CsvFiles {
        nominals: download(&d, "nominals.csv", "ds-token").await,
        orders: download(&d, "orders.csv", "ds-token").await,
        provisions: download(&d, "provisions.csv", "ds-token").await,
    };
    assert_eq!(files.nominals.lines().count(), 1 + 12 + 20);
    let counts = scpo_server::cohort_csv::import(s, "U-DEMO", &files, &me(), at(70))
        .await
        .unwrap();
    assert_eq!((counts.created, counts.altered), (0, 0));
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
}

async fn every_download_is_audited_as_a_disclosure(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    for f in ExportFile::ALL {
        download(&d, f.name(), "ds-token").await;
    }
    let log = s.audit_since(at(0)).await.unwrap();
    for f in ExportFile::ALL {
        assert!(
            log.iter().any(|a| a.actor == "DS-DEMO-01"
                && a.action == "disclosed"
                && a.record_kind == "cohort_export"
                && a.record_id == f.name()),
            "{}",
            f.name()
        );
    }
    // The command line's too.
    let files = scpo_server::export::for_command_line(s, "U-DEMO", true, at(80))
        .await
        .unwrap();
    assert_eq!(files.len(), 3);
    let log = s.audit_since(at(79)).await.unwrap();
    let by_cli: Vec<_> = log
        .iter()
        .filter(|a| a.actor == "cli" && a.action == "disclosed")
        .collect();
    assert_eq!(by_cli.len(), 3);
    assert!(
        scpo_server::export::for_command_line(s, "U-NONE", false, at(80))
            .await
            .is_err()
    );
}

async fn another_unit_s_cohort_is_never_exported(b: Backend) {
    let d = desk(b).await;
    for f in ExportFile::ALL {
        // Provisions are named by their own ids (C-0001-01), the rest by the nominal's.
        let (ours_id, theirs_id) = match f {
            ExportFile::Provisions => ("C-0001-", "C-9001-"),
            _ => ("N-0001", "N-9001"),
        };
        let ours = download(&d, f.name(), "ds-token").await;
        assert!(
            ours.contains(ours_id) && !ours.contains(theirs_id),
            "{}",
            f.name()
        );
        let theirs = download(&d, f.name(), "other-token").await;
        assert!(
            theirs.contains(theirs_id) && !theirs.contains(ours_id),
            "{}",
            f.name()
        );
    }
    // An officer's session: "Page not found" (the export is the DS's); a phone's credential,
    // or none: the sign-in page. Nothing given.
    let r = d
        .get("/supervise/cohort/export/cohort.json", Some("pc-token"))
        .await;
    assert!(refused_to_officer(
        "/supervise/cohort/export/cohort.json",
        &r
    ));
    let r = d.get("/supervise/cohort/export/cohort.json", None).await;
    assert!(to_sign_in(&r));
    let log = d.db.storage.audit_since(at(0)).await.unwrap();
    assert!(!log
        .iter()
        .any(|a| a.actor == "PC-DEMO-01" && a.action == "disclosed"));
    // No other file is offered.
    let r = d.get("/supervise/cohort/export/secrets.csv", DS).await;
    assert_eq!(r.status(), 404);
}

on_both_backends!(
    export_then_import_changes_nothing,
    the_csv_export_reads_back_through_the_csv_import,
    every_download_is_audited_as_a_disclosure,
    another_unit_s_cohort_is_never_exported,
);
