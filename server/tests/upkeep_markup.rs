//! The upkeep pages' GOV.UK patterns as a supervisor's browser reads them, on both backends:
//! the cohort's and the devices' tables each in a region of their own that scrolls sideways on
//! a narrow screen (named by the table's caption, reached by the keyboard) with each row named
//! by its first cell, and the warnings said as warnings to a screen reader.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use upkeep_support::*;

const DS: Option<&str> = Some("ds-token");

/// The region the table captioned `caption` sits in, up to the table's end.
fn region<'a>(html: &'a str, caption: &str) -> &'a str {
    let open = format!(
        "<div class=\"table-region\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">"
    );
    let at = html
        .find(&open)
        .unwrap_or_else(|| panic!("no region named {caption}: {html}"));
    let rest = &html[at..];
    let end = rest.find("</table>").expect("the table ends");
    &rest[..end]
}

async fn the_cohort_and_devices_tables_scroll_in_their_own_regions(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let html = d.get("/supervise/cohort", DS).await.text().await.unwrap();
    let nominals = region(&html, "Nominals (12)");
    assert!(nominals.contains("<caption>Nominals (12)</caption>"));
    // Each row is named by the nominal's name, the link to their page.
    assert!(
        nominals.contains("<th scope=\"row\"><a href=\"/supervise/nominals/N-0001\">"),
        "{nominals}"
    );
    assert_eq!(
        nominals.matches("<th scope=\"row\">").count(),
        12,
        "{nominals}"
    );

    let url = "/supervise/cohort/N-0012/transfer";
    let form = [
        ("csrf", "the-csrf"),
        ("day", "24"),
        ("month", "11"),
        ("year", "2026"),
        ("force", "Kent Police"),
    ];
    assert_eq!(d.post(url, DS, &form).await.status(), 303);
    let html = d.get("/supervise/cohort", DS).await.text().await.unwrap();
    let out = region(&html, "Nominals transferred out");
    assert!(
        out.contains("<th scope=\"row\"><a href=\"/supervise/nominals/N-0012\">"),
        "{out}"
    );
    assert!(region(&html, "Nominals (11)").contains("<th scope=\"row\">"));

    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let html = d.get("/supervise/devices", DS).await.text().await.unwrap();
    let phones = region(&html, "Phones (1)");
    assert!(
        phones.contains("<th scope=\"row\">PC Demo Officer</th>"),
        "{phones}"
    );
    assert!(phones.contains(&device.id), "{phones}");
    assert!(
        phones.contains("<th scope=\"col\" class=\"table__cell--numeric\">Records waiting</th>")
    );
}

async fn the_warnings_are_said_as_warnings(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let hidden = "<span class=\"visually-hidden\">Warning: </span>";
    let html = d
        .get("/supervise/cohort/N-0001", DS)
        .await
        .text()
        .await
        .unwrap();
    let warning = html
        .split("<div class=\"warning-text\">")
        .nth(1)
        .expect("the transfer warning");
    assert!(
        warning.contains(&format!("{hidden}The nominal leaves every phone")),
        "{warning}"
    );
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let path = format!("/supervise/devices/{}/revoke", device.id);
    let html = d.get(&path, DS).await.text().await.unwrap();
    assert!(
        html.contains(&format!("{hidden}The phone is wiped")),
        "{html}"
    );
}

on_both_backends!(
    the_cohort_and_devices_tables_scroll_in_their_own_regions,
    the_warnings_are_said_as_warnings,
);
