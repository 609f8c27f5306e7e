//! A release after a recall (issue 21): N-0001, released on licence on 24 Nov 2026 with their
//! order in force from that day, is recalled at the desk on 10 Jan 2027 and released again on
//! 3 Mar 2027, at the desk or by "Released today?" on the phone. The release is saved, the
//! recall and the first release are kept, and the order stays in force from 24 Nov 2026 (before,
//! the release lost the first release and the cohort's checks refused it: "comes into force on
//! release"). Over HTTP, on both backends, the server's clock on 3 Mar 2027.

#[macro_use]
mod common;
#[path = "keep_support/mod.rs"]
mod support;

use std::sync::Arc;

use common::*;
use scpo_field::domain::field::release::RELEASE_REASON;
use scpo_server::storage::StoredRecord;
use serde_json::json;
use support::*;

/// Minutes from noon on `today()` (24 Nov 2026) to 1 pm on 3 Mar 2027.
const RE_RELEASE_DAY: i64 = 99 * 24 * 60 + 60;

/// The demo unit with the DS's session ("ds"), the server's clock on 3 Mar 2027.
async fn serve_on_re_release_day(b: Backend) -> Served {
    let db = with_demo(b).await;
    start_sessions(
        db.storage.as_ref(),
        &[("ds", "DS-DEMO-01", "csrf")],
        at(RE_RELEASE_DAY),
    )
    .await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(RE_RELEASE_DAY));
    Served {
        http: Http::start(state).await,
        db,
    }
}

const CUSTODY: &str = "/supervise/nominals/N-0001/custody";

/// The desk's custody form for N-0001, posted whole with `answers` (the event and its dates).
async fn desk_event(srv: &Served, answers: &[(&str, &str)]) -> reqwest::Response {
    let (status, form) = srv.html(CUSTODY, "ds").await;
    assert_eq!(status, 200);
    let opened = version_in(&form);
    let mut f = vec![
        ("csrf", "csrf"),
        ("step", "check"),
        ("version", opened.as_str()),
    ];
    f.extend_from_slice(answers);
    srv.post(CUSTODY, Some("ds"), &f).await
}

/// Recalled at the desk on 10 Jan 2027, expected out on 3 Mar 2027.
async fn recall_at_the_desk(srv: &Served) {
    let r = desk_event(
        srv,
        &[
            ("event", "recalled"),
            ("recalled-day", "10"),
            ("recalled-month", "1"),
            ("recalled-year", "2027"),
            ("expected-day", "3"),
            ("expected-month", "3"),
            ("expected-year", "2027"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The order N-0001 holds: in force from the first release, 24 Nov 2026.
async fn assert_order_in_force_from_the_first_release(srv: &Served) {
    let held: Vec<StoredRecord> = srv.db.storage.records_of_nominal("N-0001").await.unwrap();
    let o = held.iter().find(|r| r.kind == "order").unwrap();
    assert_eq!(o.record["stage"]["comes_into_force"], "2026-11-24");
    let (_, page) = srv.html("/supervise/nominals/N-0001", "ds").await;
    assert!(
        page.contains("On licence until 2 Mar 2028, re-released 3 Mar 2027 after recall"),
        "{page}"
    );
    assert!(!page.contains("The order is not in force"));
}

async fn a_release_after_a_recall_is_saved_at_the_desk_and_the_order_stays_in_force(b: Backend) {
    let srv = serve_on_re_release_day(b).await;
    let s = srv.db.storage.as_ref();
    recall_at_the_desk(&srv).await;
    let (_, form) = srv.html(CUSTODY, "ds").await;
    assert!(form.contains("Released from custody"));
    // The date of release says what the recall asks of it.
    let pick = [
        ("csrf", "csrf"),
        ("step", "event"),
        ("version", "0"),
        ("event", "released"),
    ];
    let dates = srv
        .post(CUSTODY, Some("ds"), &pick)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        dates.contains(
            "After the recall on 10 Jan 2027. An order in force since the release on 24 Nov 2026 stays in force."
        ),
        "{dates}"
    );
    let released = [
        ("event", "released"),
        ("released-day", "3"),
        ("released-month", "3"),
        ("released-year", "2027"),
        ("licence", "yes"),
        ("licence_ends-day", "2"),
        ("licence_ends-month", "3"),
        ("licence_ends-year", "2028"),
        ("probation_name", "PP Second"),
    ];
    // Released on the recall's day: refused in words, nothing saved.
    let before = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    let mut same_day = released;
    same_day[1] = ("released-day", "10");
    same_day[2] = ("released-month", "1");
    let r = desk_event(&srv, &same_day).await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("The date of release must be after the recall on 10 Jan 2027"));
    assert_eq!(
        s.versions_of_nominal("U-DEMO", "N-0001")
            .await
            .unwrap()
            .len(),
        before.len()
    );

    let r = desk_event(&srv, &released).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let n = nominal_record(s, "N-0001").await;
    assert_eq!(n["custody"]["status"], "on_licence");
    assert_eq!(n["custody"]["released_on"], "2027-03-03");
    assert_eq!(n["custody"]["recall"]["released_on"], "2026-11-24");
    assert_eq!(n["custody"]["recall"]["recalled_on"], "2027-01-10");
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    assert!(versions
        .iter()
        .any(|v| v.reason == "Re-released on 3 Mar 2027 after recall"));
    assert_order_in_force_from_the_first_release(&srv).await;
    // The phone gets the release with its recall.
    let pulled = pulled(&srv, "PC-DEMO-01").await;
    let nominal = pulled
        .iter()
        .find(|r| r["kind"] == "nominal" && r["id"] == "N-0001")
        .unwrap();
    assert_eq!(
        nominal["record"]["custody"]["recall"]["recalled_on"],
        "2027-01-10"
    );
}

async fn released_today_on_the_phone_after_a_recall_is_accepted_and_applied(b: Backend) {
    let srv = serve_on_re_release_day(b).await;
    let s = srv.db.storage.as_ref();
    recall_at_the_desk(&srv).await;
    let officer_id = s
        .unit_assignments("U-DEMO")
        .await
        .unwrap()
        .into_iter()
        .find(|(n, _)| n == "N-0001")
        .map(|(_, o)| o)
        .unwrap();
    let (_, credential) = enrol(s, &officer_id).await;
    let release = |id: &str, on: &str| {
        json!({
            "id": id, "nominal_id": "N-0001", "released_on": on,
            "licence_ends": "2028-03-02", "probation_name": "PP Second",
            "officer_id": officer_id, "officer_name": "Name the phone wrote",
            "recorded_at": format!("{on}T09:30:00"),
        })
    };
    // A release from before the recall (the phone's first one, sent late): refused in words.
    let (_, old) = srv
        .push_entries(
            &credential,
            json!([entry("u-rel-0", "release", release("REL-0", "2026-11-24"))]),
        )
        .await;
    assert_eq!(old["results"][0]["status"], "rejected", "{old}");
    assert!(old["results"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("was recalled to custody on 10 Jan 2027"));

    let (status, body) = srv
        .push_entries(
            &credential,
            json!([entry("u-rel-1", "release", release("REL-1", "2027-03-03"))]),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    let n = nominal_record(s, "N-0001").await;
    assert_eq!(n["custody"]["status"], "on_licence");
    assert_eq!(n["custody"]["released_on"], "2027-03-03");
    assert_eq!(n["custody"]["probation"]["name"], "PP Second");
    assert_eq!(n["custody"]["recall"]["released_on"], "2026-11-24");
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    let made: Vec<_> = versions
        .iter()
        .filter(|v| v.reason == RELEASE_REASON)
        .collect();
    assert_eq!(
        made.len(),
        1,
        "the nominal only: the order is in force already"
    );
    assert_eq!(made[0].changed_by.as_deref(), Some(officer_id.as_str()));
    assert_order_in_force_from_the_first_release(&srv).await;
}

on_both_backends!(
    a_release_after_a_recall_is_saved_at_the_desk_and_the_order_stays_in_force,
    released_today_on_the_phone_after_a_recall_is_accepted_and_applied,
);
