//! Keeping an order at the desk (issue 21), over HTTP on both backends: a new order from the
//! sealed order and three provisions pasted from its text, each saved as versions with audit
//! lines and change-log positions the assigned officer's phone pulls; a variation that rewords
//! a provision, seen by the phone's cohort from the day it takes effect; a form opened before
//! someone else's save refused; and no page for another officer's or unit's nominal or order.

#[macro_use]
mod common;
mod desk_forms;
#[path = "keep_order/forms.rs"]
mod forms;
mod upkeep_support;

use common::*;
use forms::*;
use scpo_field::domain::order::ProvisionFamily;
use upkeep_support::*;

const FIXTURE: &str = include_str!("../../tests/e2e/fixtures/sealed-order.txt");

async fn a_new_order_and_three_provisions_reach_the_assigned_officers_phone(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.pull(&phone, 0, 100_000, at(61)).await.unwrap().position;
    let order_id = record_order(&d, "N-0002").await;
    // The provisions: the order's text pasted whole, split into three, each confirmed.
    let url = format!("/supervise/orders/{order_id}/provisions/new");
    let (status, page) = d.html(&url, "ds-token").await;
    assert_eq!(status, 200);
    let token = hidden(&page, "token").unwrap();
    assert_eq!(
        hidden(&page, "version").as_deref(),
        Some("1"),
        "the order's version is carried"
    );
    let base = pairs(&[("csrf", "the-csrf"), ("token", &token), ("version", "1")]);
    let mut a = base.clone();
    a.extend(pairs(&[("step", "text"), ("text", FIXTURE)]));
    let (status, page) = post(&d, &url, DS, &a).await;
    assert_eq!(status, 200);
    assert!(page.contains("Provision 1 of 3"), "{page}");
    assert!(page.contains("Suggested from the wording: Premises"));
    assert!(page.contains(&esc(
        "The defendant shall not enter any premises listed in Schedule 2"
    )));
    // All three confirmed (answers as the pages carry them) and saved.
    let paragraphs = scpo_field::domain::forms::provision_text::split_paragraphs(FIXTURE);
    let families = ["premises", "travel", "notification_requirements"];
    let mut a = base.clone();
    a.extend(pairs(&[("step", "check"), ("go", "save"), ("count", "3")]));
    for (i, p) in paragraphs.iter().enumerate() {
        let f = |n: &str| format!("p{i}-{n}");
        a.push((f("wording"), p.wording.clone()));
        a.push((f("family"), families[i].into()));
        a.push((f("summary"), format!("Summary {i}")));
        a.push((f("mirrored"), "no".into()));
        a.push((f("duty"), "none".into()));
    }
    let (status, page) = post(&d, &url, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Provisions recorded"));
    // Versions with who and why; the order itself unchanged (still version 1).
    let versions = s.versions_of_nominal("U-DEMO", "N-0002").await.unwrap();
    let mine: Vec<_> = versions
        .iter()
        .filter(|v| v.id == order_id || v.id.starts_with(&format!("C-{token}-")))
        .collect();
    assert_eq!(mine.len(), 4, "{mine:?}");
    assert!(mine.iter().all(|v| v.version == 1
        && v.reason == "Recorded from the sealed order"
        && v.changed_by.as_deref() == Some("DS-DEMO-01")));
    // An audit line each ("created"), ids only.
    let audit = s.audit_since(at(59)).await.unwrap();
    for id in [
        order_id.clone(),
        format!("C-{token}-1"),
        format!("C-{token}-2"),
        format!("C-{token}-3"),
    ] {
        assert!(
            audit.iter().any(|l| l.action == "created"
                && l.record_id == id
                && l.actor == "DS-DEMO-01"
                && l.nominal_id.as_deref() == Some("N-0002")),
            "{id}: {audit:?}"
        );
    }
    // The assigned officer's phone pulls them at new change-log positions.
    let pulled = s.pull(&phone, before, 100_000, at(90)).await.unwrap();
    let ids: Vec<&str> = pulled.records.iter().map(|r| r.id.as_str()).collect();
    assert!(
        ids.contains(&order_id.as_str()) && ids.contains(&format!("C-{token}-3").as_str()),
        "{ids:?}"
    );
    assert!(pulled.position > before);
    let c = phone_cohort(&d, &phone).await;
    let held: Vec<_> = c.conditions_of(&order_id);
    assert_eq!(held.len(), 3);
    assert_eq!(
        held.iter().map(|k| k.verbatim.clone()).collect::<Vec<_>>(),
        paragraphs
            .iter()
            .map(|p| p.wording.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(held[1].family, ProvisionFamily::Travel);
    assert!(c
        .orders
        .iter()
        .any(|o| o.id == order_id && o.court_reference == "T20267001"));
}

async fn a_rewording_reaches_the_phone_from_the_day_it_takes_effect(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let c = phone_cohort(&d, &phone).await;
    let effect = ymd(2027, 1, 10);
    let old = c
        .live_conditions("N-0001", effect)
        .into_iter()
        .next()
        .unwrap()
        .clone();
    let url = "/supervise/orders/O-0001/variations/new";
    let (status, page) = d.html(url, "ds-token").await;
    assert_eq!(status, 200);
    let version = hidden(&page, "version").unwrap();
    let new = "The defendant shall not enter Exampleton town centre (reworded).";
    let mut a = rewording(&old, effect, new, &version);
    // Before saving: the provisions in force the day before and the day, side by side.
    a.extend(pairs(&[("step", "wording"), ("go", "next")]));
    let (status, page) = post(&d, url, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("In force on 9 Jan 2027") && page.contains("In force from 10 Jan 2027"));
    assert!(page.contains(&esc(&old.verbatim)) && page.contains(&esc(new)));
    a.retain(|(k, _)| k != "step" && k != "go");
    a.extend(pairs(&[("step", "check"), ("go", "save")]));
    let (status, page) = post(&d, url, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Change recorded"));
    let c = phone_cohort(&d, &phone).await;
    let words = |day| {
        c.live_conditions("N-0001", day)
            .into_iter()
            .map(|k| k.verbatim.clone())
            .collect::<Vec<_>>()
    };
    assert!(words(ymd(2027, 1, 9)).contains(&old.verbatim));
    assert!(!words(ymd(2027, 1, 9)).contains(&new.to_string()));
    assert!(words(effect).contains(&new.to_string()));
    assert!(!words(effect).contains(&old.verbatim));
    let added = c.conditions.iter().find(|k| k.verbatim == new).unwrap();
    assert_eq!(added.replaces.as_deref(), Some(old.id.as_str()));
    // The order's new version, with who and why.
    let versions = s.versions_of_nominal("U-DEMO", "N-0001").await.unwrap();
    let order = versions.iter().rev().find(|v| v.id == "O-0001").unwrap();
    assert_eq!(
        order.version.to_string(),
        (version.parse::<i64>().unwrap() + 1).to_string()
    );
    assert_eq!(
        order.reason,
        "Recorded from the court's variation of the order"
    );
}

async fn a_form_opened_before_someone_elses_save_is_refused(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let purl = "/supervise/orders/O-0001/provisions/new";
    let (_, page) = d.html(purl, "ds-token").await;
    let (token, version) = (
        hidden(&page, "token").unwrap(),
        hidden(&page, "version").unwrap(),
    );
    // Meanwhile the order is varied.
    let c = phone_cohort(&d, &phone).await;
    let old = c
        .live_conditions("N-0001", ymd(2027, 1, 10))
        .into_iter()
        .next()
        .unwrap()
        .clone();
    let mut a = rewording(&old, ymd(2027, 1, 10), "Reworded meanwhile.", &version);
    a.extend(pairs(&[("step", "check"), ("go", "save")]));
    assert_eq!(
        post(&d, "/supervise/orders/O-0001/variations/new", DS, &a)
            .await
            .0,
        200
    );
    let held = s
        .versions_of_nominal("U-DEMO", "N-0001")
        .await
        .unwrap()
        .len();
    // The provisions form, opened on the old version, is refused: nothing saved.
    let mut a = pairs(&[
        ("csrf", "the-csrf"),
        ("token", &token),
        ("version", &version),
        ("step", "check"),
        ("go", "save"),
        ("count", "1"),
        ("p0-wording", "Not to enter Exampleton."),
        ("p0-family", "premises"),
        ("p0-summary", "Keep out of Exampleton."),
        ("p0-mirrored", "no"),
        ("p0-duty", "none"),
    ]);
    let (status, page) = post(&d, purl, DS, &a).await;
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("This record was changed by"), "{page}");
    assert!(page.contains("after you opened the form. Review it and save again"));
    assert_eq!(
        s.versions_of_nominal("U-DEMO", "N-0001")
            .await
            .unwrap()
            .len(),
        held
    );
    // The same variation form sent twice is refused too, not recorded twice.
    let mut again = rewording(&old, ymd(2027, 1, 10), "Reworded meanwhile.", &version);
    again.extend(pairs(&[("step", "check"), ("go", "save")]));
    assert_eq!(
        post(&d, "/supervise/orders/O-0001/variations/new", DS, &again)
            .await
            .0,
        400
    );
    // A form sent with the current version is saved.
    let now = s
        .current_versions("U-DEMO", "N-0001")
        .await
        .unwrap()
        .into_iter()
        .find(|(k, i, _)| k == "order" && i == "O-0001")
        .unwrap()
        .2;
    a.retain(|(k, _)| k != "version");
    a.push(("version".into(), now.to_string()));
    assert_eq!(post(&d, purl, DS, &a).await.0, 200);
}

async fn another_officers_or_units_order_is_not_found(b: Backend) {
    let d = desk(b).await;
    let pages = [
        "/supervise/nominals/N-0005/orders/new",
        "/supervise/orders/O-0005/provisions/new",
        "/supervise/orders/O-0005/variations/new",
    ];
    // PC-DEMO-01 keeps only their own nominals: N-0005 is PC-DEMO-02's.
    for p in pages {
        assert_eq!(d.get(p, Some("pc-token")).await.status(), 404, "{p}");
        let (status, _) = post(
            &d,
            p,
            Some("pc-token"),
            &pairs(&[("csrf", "pc-csrf"), ("step", "check"), ("go", "save")]),
        )
        .await;
        assert_eq!(status, 404, "{p}");
    }
    assert_eq!(
        d.get("/supervise/nominals/N-0001/orders/new", Some("pc-token"))
            .await
            .status(),
        200
    );
    assert_eq!(
        d.get("/supervise/orders/O-0001/variations/new", Some("pc-token"))
            .await
            .status(),
        200
    );
    // Another unit's DS: nothing of this unit; this unit's DS: nothing of theirs.
    for p in pages {
        assert_eq!(d.get(p, Some("other-token")).await.status(), 404, "{p}");
    }
    assert_eq!(
        d.get("/supervise/nominals/N-9001/orders/new", DS)
            .await
            .status(),
        404
    );
    assert_eq!(
        d.get("/supervise/orders/O-9001/provisions/new", DS)
            .await
            .status(),
        404
    );
    // A form without the session's CSRF token changes nothing.
    let (status, _) = post(
        &d,
        "/supervise/orders/O-0001/variations/new",
        DS,
        &pairs(&[("csrf", "wrong"), ("step", "check"), ("go", "save")]),
    )
    .await;
    assert_eq!(status, 403);
    // Signed out: to sign in.
    assert!(to_sign_in(&d.get(pages[0], None).await));
}

on_both_backends!(
    a_new_order_and_three_provisions_reach_the_assigned_officers_phone,
    a_rewording_reaches_the_phone_from_the_day_it_takes_effect,
    a_form_opened_before_someone_elses_save_is_refused,
    another_officers_or_units_order_is_not_found,
);
