//! "Released today", recorded on the phone at the release-day briefing and pushed: judged by the
//! domain, kept exactly once, and applied to the nominal's custody with the officer as the one
//! who made the change (the order made to come into force on release in force from that day),
//! versioned and shown at the desk with who recorded it. A release for a nominal not in custody,
//! or not the officer's, is refused in words. Over HTTP, on both backends.

#[macro_use]
mod common;
#[path = "keep_support/mod.rs"]
mod support;

use common::*;
use scpo_field::domain::field::release::RELEASE_REASON;
use scpo_server::storage::StoredRecord;
use serde_json::{json, Value};
use support::*;

fn release(id: &str, nominal: &str, officer: &str) -> Value {
    json!({
        "id": id, "nominal_id": nominal, "released_on": "2026-11-24",
        "licence_ends": "2027-11-23", "probation_name": "PP Sample",
        "officer_id": officer, "officer_name": "Name the phone wrote",
        "recorded_at": "2026-11-24T09:30:00",
    })
}

async fn a_release_pushed_from_the_phone_puts_the_order_in_force_once(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (nominal_id, order_id, officer_id) = waiting_for_release(s).await;
    let officer = s.officer(&officer_id).await.unwrap().unwrap();
    let (_, credential) = enrol(s, &officer_id).await;
    let before = s.versions_of_nominal("U-DEMO", &nominal_id).await.unwrap();

    let sent = json!([entry(
        "u-rel-1",
        "release",
        release("REL-1", &nominal_id, &officer_id)
    )]);
    let (status, body) = srv.push_entries(&credential, sent.clone()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");

    let now: Vec<StoredRecord> = s.records_of_nominal(&nominal_id).await.unwrap();
    let n = now.iter().find(|r| r.kind == "nominal").unwrap();
    assert_eq!(n.record["custody"]["status"], "on_licence");
    assert_eq!(n.record["custody"]["released_on"], "2026-11-24");
    assert_eq!(n.record["custody"]["probation"]["name"], "PP Sample");
    let o = now.iter().find(|r| r.id == order_id).unwrap();
    assert_eq!(o.record["stage"]["comes_into_force"], "2026-11-24");
    // Versioned, with the officer as the one who made the change and the reason kept.
    let versions = s.versions_of_nominal("U-DEMO", &nominal_id).await.unwrap();
    let made: Vec<_> = versions
        .iter()
        .filter(|v| v.reason == RELEASE_REASON)
        .collect();
    assert_eq!(made.len(), 2, "the nominal and the order in one change");
    assert!(made
        .iter()
        .all(|v| v.changed_by.as_deref() == Some(officer_id.as_str())));
    assert_eq!(versions.len(), before.len() + 2);

    // The same push again (the phone never heard the answer): the same answer, nothing twice.
    let (status, again) = srv.push_entries(&credential, sent).await;
    assert_eq!(status, 200);
    assert_eq!(again["results"][0]["status"], "accepted");
    let after = s.versions_of_nominal("U-DEMO", &nominal_id).await.unwrap();
    assert_eq!(after.len(), versions.len());

    // A second release for a nominal no longer in custody: refused in words, nothing changed.
    let second = json!([entry(
        "u-rel-2",
        "release",
        release("REL-2", &nominal_id, &officer_id)
    )]);
    let (_, refused) = srv.push_entries(&credential, second).await;
    assert_eq!(refused["results"][0]["status"], "rejected");
    let why = refused["results"][0]["reason"].as_str().unwrap();
    assert!(why.contains("is not in custody"), "{why}");
    assert_eq!(
        s.versions_of_nominal("U-DEMO", &nominal_id)
            .await
            .unwrap()
            .len(),
        versions.len()
    );

    // The desk: the order in force, and who recorded the release.
    let (status, page) = srv
        .html(&format!("/supervise/nominals/{nominal_id}"), "ds")
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"release-recorded\""), "{page}");
    assert!(page.contains(&format!("recorded on the phone by {}", esc(&officer.name))));
    assert!(!page.contains("Name the phone wrote"));
    assert!(page.contains("On licence until 23 Nov 2027"));
    let (_, history) = srv
        .html(&format!("/supervise/nominals/{nominal_id}/history"), "ds")
        .await;
    assert!(history.contains(RELEASE_REASON));
    assert!(history.contains(&esc(&officer.name)));
}

async fn a_release_of_a_nominal_not_theirs_or_not_in_custody_is_refused(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (nominal_id, _, officer_id) = waiting_for_release(s).await;
    let assignments = s.unit_assignments("U-DEMO").await.unwrap();
    // Another officer's nominal, and one of this officer's on licence.
    let other = assignments
        .iter()
        .find(|(_, o)| *o != officer_id)
        .map(|(n, _)| n.clone())
        .unwrap();
    let held = s.unit_records("U-DEMO").await.unwrap();
    let on_licence = held
        .iter()
        .find(|r| {
            r.kind == "nominal"
                && r.record["custody"]["status"] == "on_licence"
                && assignments
                    .iter()
                    .any(|(n, o)| *n == r.id && *o == officer_id)
        })
        .map(|r| r.id.clone())
        .unwrap();
    let (_, credential) = enrol(s, &officer_id).await;
    let before = s.unit_records("U-DEMO").await.unwrap();
    let (status, body) = srv
        .push_entries(
            &credential,
            json!([
                entry("u-a", "release", release("REL-A", &other, &officer_id)),
                entry("u-b", "release", release("REL-B", &on_licence, &officer_id)),
            ]),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let results = body["results"].as_array().unwrap();
    assert_eq!(results[0]["status"], "rejected");
    assert_eq!(results[0]["reason"], "This nominal is not assigned to you");
    assert_eq!(results[1]["status"], "rejected");
    assert!(results[1]["reason"]
        .as_str()
        .unwrap()
        .contains("is not in custody"));
    // Nothing about either nominal changed; the refused entries are kept for the DS.
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
    assert_eq!(s.rejected().await.unwrap().len(), 2);
    let _ = nominal_id;
}

on_both_backends!(
    a_release_pushed_from_the_phone_puts_the_order_in_force_once,
    a_release_of_a_nominal_not_theirs_or_not_in_custody_is_refused,
);
