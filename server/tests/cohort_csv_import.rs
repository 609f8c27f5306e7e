//! Importing the cohort from spreadsheets at the desk, on both backends: the three CSV files of
//! the templates (20 invented nominals in `fixtures/csv`), checked by the domain's cohort
//! checks, every problem at its file, row and column with nothing applied; and the one
//! check-answers page of both imports showing, field by field, what changes and what would be
//! emptied, before the DS confirms.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_server::cohort_csv::CsvFiles;
use upkeep_support::*;

const DS: Option<&str> = Some("ds-token");
const PAGE: &str = "/supervise/cohort/import/csv";

pub fn fixtures() -> CsvFiles {
    CsvFiles {
        nominals: include_str!("fixtures/csv/nominals.csv").into(),
        orders: include_str!("fixtures/csv/orders.csv").into(),
        provisions: include_str!("fixtures/csv/provisions.csv").into(),
    }
}

/// The files sent from the CSV import page.
async fn send(d: &Desk, f: &CsvFiles) -> (u16, String) {
    let r = d
        .post_multipart(
            PAGE,
            "ds-token",
            &[
                ("csrf", "the-csrf", None),
                ("nominals", &f.nominals, Some("nominals.csv")),
                ("orders", &f.orders, Some("orders.csv")),
                ("provisions", &f.provisions, Some("provisions.csv")),
            ],
        )
        .await;
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn confirm(d: &Desk, f: &CsvFiles) -> (u16, String) {
    let form = [
        ("csrf", "the-csrf"),
        ("nominals", f.nominals.as_str()),
        ("orders", f.orders.as_str()),
        ("provisions", f.provisions.as_str()),
    ];
    let r = d
        .post("/supervise/cohort/import/csv/confirm", DS, &form)
        .await;
    (r.status().as_u16(), r.text().await.unwrap())
}

fn kinds(records: &[scpo_server::storage::StoredRecord], kind: &str) -> usize {
    records.iter().filter(|r| r.kind == kind).count()
}

async fn the_twenty_nominals_of_the_filled_templates_import_cleanly(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let (status, html) = send(&d, &fixtures()).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Check the import before it is applied"));
    assert!(html.contains(&esc("FICTITIOUS, Ashby")) && html.contains(&esc("CONTRIVEL, Tamsin")));
    assert_eq!(
        s.unit_records("U-DEMO").await.unwrap(),
        before,
        "nothing applied yet"
    );
    let (status, html) = confirm(&d, &fixtures()).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Cohort imported"));
    let after = s.unit_records("U-DEMO").await.unwrap();
    assert_eq!(kinds(&after, "nominal"), kinds(&before, "nominal") + 20);
    assert_eq!(kinds(&after, "order"), kinds(&before, "order") + 20);
    assert_eq!(kinds(&after, "condition"), kinds(&before, "condition") + 40);
    assert_eq!(
        kinds(&after, "contact_plan"),
        kinds(&before, "contact_plan") + 10
    );
    // Each to the offender manager its row names; an en-GB date read as the day it says.
    assert!(s
        .assigned_nominals("PC-DEMO-02")
        .await
        .unwrap()
        .contains(&"N-0102".to_string()));
    let ashby = after
        .iter()
        .find(|r| r.kind == "nominal" && r.id == "N-0101")
        .unwrap();
    assert_eq!(ashby.record["date_of_birth"], "1970-01-01");
    assert_eq!(
        ashby.record["aliases"],
        serde_json::json!(["A. Fictitious", "Ashbyo"])
    );
    let provision = after
        .iter()
        .find(|r| r.kind == "condition" && r.id == "O-0101-02")
        .unwrap();
    assert_eq!(provision.nominal_id, "N-0101");
    assert_eq!(provision.record["notification"]["deadline"]["days"], 3);
    // None went to the other unit.
    assert!(s
        .unit_records(OTHER_UNIT)
        .await
        .unwrap()
        .iter()
        .all(|r| r.nominal_id != "N-0101"));
}

async fn a_bad_row_refuses_the_whole_import_at_its_file_row_and_column(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let before = s.unit_records("U-DEMO").await.unwrap();
    let mut bad = fixtures();
    // Row 5 of nominals.csv (N-0104) born on no day; row 2 of orders.csv in force ten years.
    bad.nominals = bad.nominals.replace("04/04/1973", "31/02/1973");
    bad.orders = bad
        .orders
        .replacen(",2026-06-01,2031-05-31,", ",2026-06-01,2036-05-31,", 1);
    let (status, html) = send(&d, &bad).await;
    assert_eq!(status, 400);
    assert!(
        html.contains(&esc(
            "nominals.csv, row 5, column date_of_birth: \"31/02/1973\" is not a date"
        )),
        "{html}"
    );
    // The order's problem comes from the domain's checks, once the cells read.
    bad.nominals = fixtures().nominals;
    let (status, html) = send(&d, &bad).await;
    assert_eq!(status, 400);
    assert!(html.contains("orders.csv, row 2, column ends: "), "{html}");
    // Sent straight to the confirmation: refused there too, nothing applied.
    let (status, html) = confirm(&d, &bad).await;
    assert_eq!(status, 400);
    assert!(html.contains("orders.csv, row 2, column ends: "));
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
    // A misspelt column is said, never dropped.
    bad.orders = fixtures()
        .orders
        .replacen("court_reference", "court_ref", 1);
    let (status, html) = send(&d, &bad).await;
    assert_eq!(status, 400);
    assert!(
        html.contains("orders.csv, row 1, column court_reference: is missing from the header row")
    );
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
}

async fn the_preview_shows_each_changed_field_and_each_to_be_emptied(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let me = scpo_field::domain::OfficerRef {
        id: "DS-DEMO-01".into(),
        name: "DS Demo Supervisor".into(),
    };
    scpo_server::cohort_csv::import(s, "U-DEMO", &fixtures(), &me, at(10))
        .await
        .unwrap();
    let before = s.unit_records("U-DEMO").await.unwrap();
    // N-0101 again without their address, and reviewed as low risk.
    let mut again = CsvFiles {
        nominals: fixtures().nominals,
        ..CsvFiles::default()
    };
    again.nominals = again
        .nominals
        .replace("\"10 Example Road, Testtown, TE1 0AA\"", "")
        .replacen("very high", "low", 1);
    let (status, html) = send(&d, &again).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("1 field will be emptied"), "{html}");
    assert!(html.contains(&esc("Address of Nominal FICTITIOUS, Ashby (N-0101)")));
    assert!(html.contains("10 Example Road, Testtown, TE1 0AA"));
    assert!(html.contains("Emptied"));
    assert!(
        html.contains("<th scope=\"row\">Risk</th><td>very_high</td><td>low</td>"),
        "{html}"
    );
    assert_eq!(
        s.unit_records("U-DEMO").await.unwrap(),
        before,
        "nothing applied yet"
    );
    // The same for a cohort file: one preview for both imports.
    let mut file = scpo_field::domain::cohort::demo::demo_cohort(today());
    file.nominals.retain(|n| n.id == "N-0001");
    let address = file.nominals[0]
        .address
        .take()
        .expect("the demo's N-0001 has an address");
    file.orders.clear();
    file.conditions.clear();
    file.schedules.clear();
    file.contact_plans.clear();
    file.contacts.clear();
    file.notifications.clear();
    file.briefings.clear();
    file.breach_reports.clear();
    file.breach_decisions.clear();
    file.recall_referrals.clear();
    file.referral_statuses.clear();
    let r = d
        .post_multipart(
            "/supervise/cohort/import",
            "ds-token",
            &[("csrf", "the-csrf", None), ("paste", &file.to_json(), None)],
        )
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("1 field will be emptied"), "{html}");
    assert!(html.contains(&esc(&address)));
}

on_both_backends!(
    the_twenty_nominals_of_the_filled_templates_import_cleanly,
    a_bad_row_refuses_the_whole_import_at_its_file_row_and_column,
    the_preview_shows_each_changed_field_and_each_to_be_emptied,
);
