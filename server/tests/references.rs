//! The short reference a person reads ("DO/BR/2026/7", issue 19, item 21), on both backends: a
//! breach report pushed with one is stored with it and the desk lists and titles the report by
//! it (the id stays in the address); a malformed reference is refused in words.

#[macro_use]
mod common;

use common::*;
use scpo_server::storage::EntryStatus;

/// A second breach by N-0002, as the phone makes it, with `reference`.
fn report(id: &str, reference: &str) -> serde_json::Value {
    let c = scpo_field::domain::cohort::demo::demo_cohort(today());
    let mut r = c.breach_reports[0].clone();
    r.id = id.into();
    r.reference = reference.into();
    r.occurred_at = today().and_hms_opt(9, 0, 0).unwrap();
    r.recorded_at = today().and_hms_opt(9, 30, 0).unwrap();
    serde_json::to_value(r).unwrap()
}

async fn a_report_is_stored_and_shown_at_the_desk_by_its_reference(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let id = "BR-800e8657-13c6-43c9-bef4-8d94b366d6dd";
    let got = push(
        s,
        &phone,
        &entry("u-1", "breach_report", report(id, "DO/BR/2026/7")),
        at(2),
    )
    .await;
    assert_eq!(got.status, EntryStatus::Accepted, "{got:?}");

    // Malformed: refused, with where and why.
    let bad = push(
        s,
        &phone,
        &entry("u-2", "breach_report", report("BR-x2", "DO-BR-7")),
        at(3),
    )
    .await;
    assert_eq!(bad.status, EntryStatus::Rejected);
    assert!(
        bad.reason
            .as_deref()
            .unwrap()
            .contains("must be initials, BR, the year and a number"),
        "{bad:?}"
    );
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(s, &[("ds", "DS-DEMO-01", "the-csrf")], now).await;
    let srv = Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;
    let (status, list) = srv.html("/supervise/breaches", "ds").await;
    assert_eq!(status, 200);
    assert!(
        list.contains(&format!(
            "<a href=\"/supervise/breaches/{id}\">DO/BR/2026/7</a>"
        )),
        "{list}"
    );
    let (status, page) = srv.html(&format!("/supervise/breaches/{id}"), "ds").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1 class=\"heading-l\">Breach report DO/BR/2026/7</h1>"),
        "{page}"
    );
}

on_both_backends!(a_report_is_stored_and_shown_at_the_desk_by_its_reference);
