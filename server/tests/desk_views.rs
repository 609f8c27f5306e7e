//! The desk as a place to supervise from, over HTTP on both backends: the cohort searched by
//! name, alias, reference or officer and sorted by what needs attention; every list naming and
//! linking the nominal; the nominal page's timeline (newest first) and the order's wording as on
//! a chosen day; another unit's nominal not found. The breach page and the outcomes downloads
//! are in `desk_views_breach.rs`.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_server::storage::StoredRecord;
use serde_json::json;

/// The nominal ids of the cohort table's rows, in order.
fn rows(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\"><a href=\"/supervise/nominals/")
        .skip(1)
        .map(|r| r.split('"').next().unwrap().to_string())
        .collect()
}

async fn the_cohort_is_searched_by_name_alias_reference_or_officer(b: Backend) {
    let srv = serve(b).await;
    // An alias finds the one nominal who has it.
    let (status, html) = srv.html("/supervise/cohort?q=dee+marrow", "ds").await;
    assert_eq!(status, 200);
    assert_eq!(rows(&html), ["N-0002"], "{html}");
    assert!(html.contains("Showing the nominals that match \u{201c}dee marrow\u{201d}"));
    assert!(html.contains("value=\"dee marrow\""));
    // A name either way round.
    assert_eq!(
        rows(&srv.html("/supervise/cohort?q=Tamsin+Greave", "ds").await.1),
        ["N-0004"]
    );
    // The officer who holds them, by name or ID: theirs and no one else's.
    let (_, html) = srv.html("/supervise/cohort?q=PC+Second+Demo", "ds").await;
    let mut theirs = rows(&html);
    theirs.sort();
    assert_eq!(theirs, ["N-0005", "N-0006", "N-0007", "N-0008"]);
    let mut by_id = rows(&srv.html("/supervise/cohort?q=pc-demo-03", "ds").await.1);
    by_id.sort();
    assert_eq!(by_id, ["N-0009", "N-0010", "N-0011", "N-0012"]);
    // A court reference or a nominal ID.
    assert_eq!(
        rows(&srv.html("/supervise/cohort?q=T24000107", "ds").await.1),
        ["N-0007"]
    );
    assert_eq!(
        rows(&srv.html("/supervise/cohort?q=N-0011", "ds").await.1),
        ["N-0011"]
    );
    // Nobody: said in words, no table.
    let (status, html) = srv.html("/supervise/cohort?q=Nobody+Here", "ds").await;
    assert_eq!(status, 200);
    assert!(html.contains("No nominals match \u{201c}Nobody Here\u{201d}"));
    assert!(!html.contains("<table"));
    // Another unit's nominal is never found.
    assert!(rows(&srv.html("/supervise/cohort?q=N-9001", "ds").await.1).is_empty());
}

async fn the_cohort_is_sorted_by_what_needs_attention(b: Backend) {
    let srv = serve(b).await;
    let (_, html) = srv.html("/supervise/cohort", "ds").await;
    // The domain's ranking, with N-0002's breach report awaiting a decision.
    let ranked = demo_cohort(today()).attention_list(today(), &|id| id == "N-0002");
    let want: Vec<String> = ranked.iter().map(|s| s.id.clone()).collect();
    assert_eq!(rows(&html), want);
    let mut by_name = ranked.clone();
    by_name.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    let by_name: Vec<String> = by_name.into_iter().map(|s| s.id).collect();
    assert_ne!(want, by_name, "the ranking is not the order of names");
    assert!(html.contains("<strong class=\"tag tag--red\">Breach awaiting decision</strong>"));
}

async fn every_list_names_and_links_the_nominal(b: Backend) {
    let srv = serve(b).await;
    let (_, html) = srv.html("/supervise/lists/contacts-overdue", "ds").await;
    assert!(
        html.contains("<a href=\"/supervise/nominals/N-0004\">GREAVE, Tamsin</a>"),
        "{html}"
    );
    let (_, html) = srv
        .html("/supervise/lists/breaches-awaiting-decision", "ds")
        .await;
    assert!(html.contains("<a href=\"/supervise/nominals/N-0002\">MARROWBY, Delphine</a>"));
    let (_, html) = srv.html("/supervise/breaches", "ds").await;
    assert!(
        html.contains("<td><a href=\"/supervise/nominals/N-0002\">MARROWBY, Delphine</a>"),
        "{html}"
    );
    assert!(!html.contains("<td>N-0002</td>"));
    let (_, html) = srv.html("/supervise/cohort", "ds").await;
    assert!(html.contains("<a href=\"/supervise/nominals/N-0001\">ASHDALE, Corvin</a>"));
}

/// A contact with N-0002 logged today at 10:30, with notes.
async fn contact_today(srv: &Server) {
    let mut c = contact("CT-NEW", "N-0002", "PC-DEMO-01");
    c["notes"] = json!("Seen at home; new job at the depot.");
    let r = StoredRecord {
        kind: "contact".into(),
        id: "CT-NEW".into(),
        nominal_id: "N-0002".into(),
        record: c,
    };
    srv.db
        .storage
        .import_records("U-DEMO", &[r], &[], "test", at(0))
        .await
        .unwrap();
}

async fn the_nominal_page_shows_the_person_and_the_timeline_newest_first(b: Backend) {
    let srv = serve(b).await;
    contact_today(&srv).await;
    let (status, html) = srv.html("/supervise/nominals/N-0002", "ds").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1 class=\"heading-l\">MARROWBY, Delphine</h1>"));
    // The person: aliases, the contact plan.
    assert!(html.contains("Del, Dee Marrow"));
    assert!(html.contains("Every 14 days"));
    // The timeline: the contact of today above the breach of 70 days ago, each as the phone
    // words it, the report linked to its page with its exhibit.
    let timeline = html.split("id=\"timeline\"").nth(1).expect("a timeline");
    let contact = timeline
        .find("Seen at home; new job at the depot.")
        .expect("the contact's notes");
    let breach = timeline
        .find("<a href=\"/supervise/breaches/BR-0002-1\">Breach report</a>")
        .expect("the breach report, linked");
    assert!(contact < breach, "newest first");
    assert!(timeline.contains("EXH-DEMO-001"));
    // The links that keep the record.
    for href in [
        "/supervise/nominals/N-0002/details",
        "/supervise/nominals/N-0002/risk",
        "/supervise/nominals/N-0002/plan",
        "/supervise/nominals/N-0002/custody",
        "/supervise/nominals/N-0002/orders/new",
        "/supervise/nominals/N-0002/history",
        "/supervise/orders/O-0002/provisions/new",
        "/supervise/orders/O-0002/variations/new",
        "/supervise/orders/O-0002/schedules",
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // Another unit's nominal, and another unit's DS on this one: not found.
    assert_eq!(srv.html("/supervise/nominals/N-9001", "ds").await.0, 404);
    assert_eq!(srv.html("/supervise/nominals/N-0002", "other").await.0, 404);
    assert_eq!(srv.html("/supervise/nominals/N-9001", "other").await.0, 200);
}

/// The provisions in force as the page shows them, and those not in force.
fn wording(html: &str) -> (&str, &str) {
    let from = html.find("id=\"provisions\"").expect("provisions");
    let rest = &html[from..];
    match rest.find("id=\"not-in-force\"") {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    }
}

async fn the_order_shows_each_provision_s_wording_as_on_a_chosen_day(b: Backend) {
    let srv = serve(b).await;
    let old = "cash exceeding £1,000";
    let new = "cash exceeding £500";
    // N-0007's order was varied 200 days ago: £1,000 became £500.
    let (_, html) = srv.html("/supervise/nominals/N-0007", "ds").await;
    assert!(html.contains("Shown as on 24 Nov 2026 (today)."));
    let (in_force, not) = wording(&html);
    assert!(in_force.contains(new) && !in_force.contains(old));
    assert!(not.contains(old) && not.contains("ended by a variation"));
    let day_before = today() - chrono::Days::new(201);
    let (status, html) = srv
        .html(&format!("/supervise/nominals/N-0007?on={day_before}"), "ds")
        .await;
    assert_eq!(status, 200);
    let words = scpo_field::domain::time::dates::format_date(day_before);
    assert!(html.contains(&format!("Shown as on {words}.")), "{html}");
    let (in_force, not) = wording(&html);
    assert!(in_force.contains(old) && !in_force.contains(new));
    assert!(not.contains(new) && not.contains("added by a variation"));
    // A day that is not a date: said at its field, and today shown.
    let (_, html) = srv
        .html("/supervise/nominals/N-0007?on=2026-13-01", "ds")
        .await;
    assert!(html.contains("Enter the day as a real date"));
    assert!(html.contains("Shown as on 24 Nov 2026 (today)."));
}

async fn a_provision_shows_the_schedules_it_names(b: Backend) {
    let srv = serve(b).await;
    // N-0008's no-contact provision names Schedule 1 (two people and a vehicle).
    let (status, html) = srv.html("/supervise/nominals/N-0008", "ds").await;
    assert_eq!(status, 200);
    let (in_force, _) = wording(&html);
    assert!(in_force.contains("Schedule 1"), "{in_force}");
    assert!(in_force.contains("QX71 ZTV"), "{in_force}");
    // Only under the provisions that name it.
    assert_eq!(in_force.matches("QX71 ZTV").count(), 1);
}

on_both_backends!(
    a_provision_shows_the_schedules_it_names,
    the_cohort_is_searched_by_name_alias_reference_or_officer,
    the_cohort_is_sorted_by_what_needs_attention,
    every_list_names_and_links_the_nominal,
    the_nominal_page_shows_the_person_and_the_timeline_newest_first,
    the_order_shows_each_provision_s_wording_as_on_a_chosen_day,
);
