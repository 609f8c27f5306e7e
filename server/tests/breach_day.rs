//! A breach of a duty to notify has a day and no time (issue 19, item 18): a report pushed with
//! `date_only` is accepted by the domain's judge, kept as sent, and the DS's desk shows the day
//! alone ("When it happened"), never an invented 00:00. On both backends.

#[macro_use]
mod common;

use common::*;
use scpo_server::storage::EntryStatus;

/// The text of the desk's "When it happened" row.
fn when_row(html: &str) -> String {
    let after = html
        .split("When it happened")
        .nth(1)
        .expect("a When it happened row");
    let cell = after.split("</dd>").next().unwrap_or_default();
    cell.rsplit('>')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

async fn a_report_with_no_time_shows_its_day_alone_on_the_desk(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(s, &[("ds", "DS-DEMO-01", "the-csrf")], now).await;
    let srv = Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;

    let demo = scpo_field::domain::cohort::demo::demo_cohort(today());
    let mut report = demo.breach_reports[0].clone();
    report.id = "BR-notime".into();
    let day = today() - chrono::Days::new(3);
    report.occurred_at = day.and_hms_opt(0, 0, 0).unwrap();
    report.date_only = true;
    report.location = "Not applicable: a failure to notify police".into();
    let body = serde_json::to_value(&report).unwrap();
    assert_eq!(body["date_only"], true);
    let r = push(s, &phone, &entry("u-notime", "breach_report", body), at(5)).await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");

    let (status, html) = srv.html("/supervise/breaches/BR-notime", "ds").await;
    assert_eq!(status, 200);
    assert_eq!(
        when_row(&html),
        scpo_field::domain::time::dates::format_date(day)
    );
    assert!(!when_row(&html).contains("00:00"));
    // A report with a time still shows it.
    let (_, html) = srv.html("/supervise/breaches/BR-0002-1", "ds").await;
    assert!(when_row(&html).contains(':'), "{}", when_row(&html));
}

on_both_backends!(a_report_with_no_time_shows_its_day_alone_on_the_desk,);
