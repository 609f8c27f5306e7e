//! An order's schedules kept at the desk (issue 21), over HTTP on both backends: a schedule
//! recorded through its pages, then an entry added and one corrected, each a version with who
//! and why, an audit line and a change-log position the assigned officer's phone pulls; a form
//! opened before someone else's save refused in keep.rs's words; bad answers refused at their
//! fields with nothing saved; and no page for another officer's or unit's order.

#[macro_use]
mod common;
mod desk_forms;
mod schedules_support;
mod upkeep_support;

use common::*;
use schedules_support::*;
use upkeep_support::*;

const DS: Option<&str> = Some("ds-token");
const PC: Option<&str> = Some("pc-token");
const LIST: &str = "/supervise/orders/O-0001/schedules";

async fn a_schedule_recorded_at_the_desk_is_versioned_audited_and_reaches_the_phone(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.pull(&phone, 0, 100_000, at(61)).await.unwrap().position;
    let (status, page) = d.html(LIST, "ds-token").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("No schedule of this order is recorded yet"));
    // The schedule's number, the provision naming it and its first entry's kind...
    let (status, page) = d.html(&format!("{LIST}/new"), "ds-token").await;
    assert_eq!(status, 200);
    let token = hidden(&page, "token").expect("the form carries its token");
    assert!(page.contains("No contact of any kind with the people in Schedule 1."));
    let mut a = pairs(&[
        ("csrf", "the-csrf"),
        ("token", &token),
        ("step", "head"),
        ("number", "Schedule 1"),
        ("names-C-0001-04", "yes"),
        ("kind", "person"),
    ]);
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Add a person to Schedule 1"), "{page}");
    // ...the person...
    a.retain(|(k, _)| k != "step");
    a.extend(pairs(&[
        ("step", "entry"),
        ("name", "Tamsin ORCHARD"),
        ("aliases", "Tam\nTee"),
        ("dob-day", "9"),
        ("dob-month", "4"),
        ("dob-year", "1990"),
        ("description", "Former business partner."),
    ]));
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Check the schedule before recording it"));
    assert!(page.contains("Tamsin ORCHARD (also known as Tam, Tee), born 9 Apr 1990"));
    // ...and saved.
    a.retain(|(k, _)| k != "step");
    a.extend(pairs(&[("step", "check"), ("go", "save")]));
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Schedule 1 recorded"));
    let id = format!("S-{token}");
    let v = versions(&d, "N-0001", &id).await;
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].version, 1);
    assert_eq!(v[0].reason, "Recorded from the sealed order");
    assert_eq!(v[0].changed_by.as_deref(), Some("DS-DEMO-01"));
    // The same form sent again is refused, not recorded twice.
    assert_eq!(post(&d, LIST, DS, &a).await.0, 400);
    assert_eq!(versions(&d, "N-0001", &id).await.len(), 1);

    // A vehicle added (version 2), then the person corrected with a reason (version 3).
    let (status, page) = d
        .html(&format!("{LIST}/{id}/add/vehicle"), "ds-token")
        .await;
    assert_eq!(status, 200);
    assert_eq!(hidden(&page, "version").as_deref(), Some("1"));
    let mut a = carried(&page);
    a.extend(pairs(&[
        ("csrf", "the-csrf"),
        ("go", "save"),
        ("step", "check"),
        ("registration", "yk19 abc"),
        ("make", "Ford Fiesta"),
        ("colour", "Red"),
    ]));
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    let (status, page) = d.html(&format!("{LIST}/{id}/person/0"), "ds-token").await;
    assert_eq!(status, 200);
    assert_eq!(hidden(&page, "version").as_deref(), Some("2"));
    assert!(page.contains("value=\"Tamsin ORCHARD\""));
    let mut a: Vec<(String, String)> = carried(&page);
    a.extend(pairs(&[
        ("csrf", "the-csrf"),
        ("step", "check"),
        ("go", "save"),
        ("name", "Tamsin ORCHARD-LEE"),
        ("aliases", "Tam"),
        ("dob-day", "9"),
        ("dob-month", "4"),
        ("dob-year", "1990"),
        ("description", "Former business partner."),
    ]));
    // No reason: asked for, nothing saved.
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Enter the reason for the change"));
    assert_eq!(versions(&d, "N-0001", &id).await.len(), 2);
    a.push(("reason".into(), "Surname as on the sealed order".into()));
    let (status, page) = post(&d, LIST, DS, &a).await;
    assert_eq!(status, 200, "{page}");
    let v = versions(&d, "N-0001", &id).await;
    assert_eq!(v.iter().map(|v| v.version).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(v[2].reason, "Surname as on the sealed order");
    // An audit line each, ids only.
    let audit = s.audit_since(at(59)).await.unwrap();
    let lines: Vec<_> = audit
        .iter()
        .filter(|l| l.record_id == id && l.actor == "DS-DEMO-01")
        .collect();
    assert_eq!(lines.len(), 3, "{audit:?}");
    assert_eq!(lines[0].action, "created");
    assert!(lines[1..].iter().all(|l| l.action == "altered"));
    assert!(lines
        .iter()
        .all(|l| l.nominal_id.as_deref() == Some("N-0001")));
    // The assigned officer's phone pulls it at a new position, under its provision.
    let pulled = s.pull(&phone, before, 100_000, at(90)).await.unwrap();
    assert!(pulled.position > before);
    assert!(pulled.records.iter().any(|r| r.id == id));
    let c = phone_cohort(&d, &phone).await;
    let under = c.schedules_for("C-0001-04", today());
    assert_eq!(under.len(), 1);
    assert_eq!(under[0].people[0].name, "Tamsin ORCHARD-LEE");
    assert_eq!(under[0].people[0].aliases, ["Tam"]);
    assert_eq!(under[0].vehicles[0].registration, "YK19 ABC");
    // The desk's list, schedules in the order a reader counts them.
    for n in ["Schedule 10", "Schedule 2"] {
        let mut a = pairs(&[
            ("csrf", "the-csrf"),
            ("step", "check"),
            ("go", "save"),
            ("number", n),
            ("names-C-0001-06", "yes"),
            ("kind", "premises"),
            ("address", "1 Test Row, Testford"),
        ]);
        a.push(("token".into(), format!("{:012x}", n.len())));
        assert_eq!(post(&d, LIST, DS, &a).await.0, 200);
    }
    let (_, page) = d.html(LIST, "ds-token").await;
    let at = |t: &str| page.find(t).unwrap_or_else(|| panic!("{t}: {page}"));
    assert!(at(">Schedule 1<") < at(">Schedule 2<") && at(">Schedule 2<") < at(">Schedule 10<"));
    assert!(page.contains("Tamsin ORCHARD-LEE") && page.contains("YK19 ABC"));
}

async fn a_form_opened_before_someone_elses_save_is_refused(b: Backend) {
    let d = desk(b).await;
    let url = "/supervise/orders/O-0008/schedules";
    // Opened on the demo's Schedule 1 of N-0008's order: add a vehicle.
    let (status, page) = d
        .html(&format!("{url}/S-0008-1/add/vehicle"), "ds-token")
        .await;
    assert_eq!(status, 200, "{page}");
    let mut stale = carried(&page);
    stale.extend(pairs(&[
        ("csrf", "the-csrf"),
        ("step", "check"),
        ("go", "save"),
        ("registration", "AB12 CDE"),
    ]));
    // Meanwhile its vehicle is removed.
    let (status, page) = d
        .html(&format!("{url}/S-0008-1/vehicle/0/remove"), "ds-token")
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Removes a vehicle: QX71 ZTV, Grey Ford Transit"),
        "{page}"
    );
    let mut a = carried(&page);
    a.extend(pairs(&[
        ("csrf", "the-csrf"),
        ("step", "check"),
        ("go", "save"),
        ("reason", "Vehicle taken off on appeal"),
    ]));
    assert_eq!(post(&d, url, DS, &a).await.0, 200);
    let held = versions(&d, "N-0008", "S-0008-1").await;
    assert_eq!(held.len(), 2);
    // The form opened before is refused in keep.rs's words; nothing saved.
    let (status, page) = post(&d, url, DS, &stale).await;
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("This record was changed by"), "{page}");
    assert!(page.contains("after you opened the form. Review it and save again"));
    assert_eq!(versions(&d, "N-0008", "S-0008-1").await, held);
}

/// Answers sent, and the words (any of them) the page must say.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);

async fn bad_answers_are_refused_at_their_fields_and_change_nothing(b: Backend) {
    let d = desk(b).await;
    let url = "/supervise/orders/O-0008/schedules";
    let count = || async {
        d.db.storage
            .versions_of_nominal("U-DEMO", "N-0008")
            .await
            .unwrap()
            .len()
    };
    let held = count().await;
    let base = pairs(&[
        ("csrf", "the-csrf"),
        ("token", "00000000abcd"),
        ("step", "check"),
        ("go", "save"),
    ]);
    let cases: [Case; 4] = [
        (
            &[],
            &[
                "Enter the schedule&#39;s number",
                "Enter the schedule's number",
            ],
        ),
        (
            &[
                ("number", "Schedule 1"),
                ("names-C-0008-04", "yes"),
                ("kind", "vehicle"),
                ("registration", "X"),
            ],
            &["The order already has a schedule called “Schedule 1”"],
        ),
        (
            &[
                ("number", "Schedule 3"),
                ("names-C-0008-04", "yes"),
                ("kind", "vehicle"),
                ("registration", "AB1*"),
            ],
            &["The registration may only use letters, digits, spaces and hyphens"],
        ),
        (
            &[
                ("number", "Schedule 3"),
                ("names-C-0008-04", "yes"),
                ("kind", "person"),
                ("name", "Tamsin ORCHARD"),
                ("dob-day", "1"),
                ("dob-month", "1"),
                ("dob-year", "2099"),
            ],
            &["Date of birth must be in the past"],
        ),
    ];
    for (answers, says) in cases {
        let mut a = base.clone();
        a.extend(pairs(answers));
        let (status, page) = post(&d, url, DS, &a).await;
        assert_eq!(status, 400, "{answers:?}: {page}");
        assert!(page.contains("error-summary"), "{page}");
        assert!(says.iter().any(|s| page.contains(s)), "{says:?}: {page}");
        assert_eq!(count().await, held);
    }
    // The only entry of Schedule 2 cannot be removed.
    let (_, page) = d
        .html(&format!("{url}/S-0008-2/premises/0/remove"), "ds-token")
        .await;
    let mut a = carried(&page);
    a.extend(pairs(&[
        ("csrf", "the-csrf"),
        ("step", "check"),
        ("go", "save"),
        ("reason", "Gone"),
    ]));
    let (status, page) = post(&d, url, DS, &a).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("This is the schedule&#39;s only entry")
            || page.contains("This is the schedule's only entry")
    );
    assert_eq!(count().await, held);
    // Without the session's CSRF token: refused.
    let mut a = base.clone();
    a.retain(|(k, _)| k != "csrf");
    a.extend(pairs(&[
        ("csrf", "wrong"),
        ("number", "Schedule 3"),
        ("names-C-0008-04", "yes"),
        ("kind", "vehicle"),
        ("registration", "AB12 CDE"),
    ]));
    assert_eq!(post(&d, url, DS, &a).await.0, 403);
    assert_eq!(count().await, held);
}

async fn another_officers_or_units_order_is_not_found(b: Backend) {
    let d = desk(b).await;
    // PC-DEMO-01 keeps only their own nominals: N-0005 and N-0008 are PC-DEMO-02's.
    let pages = [
        "/supervise/orders/O-0005/schedules",
        "/supervise/orders/O-0005/schedules/new",
        "/supervise/orders/O-0008/schedules/S-0008-1/change",
        "/supervise/orders/O-0008/schedules/S-0008-1/add/person",
        "/supervise/orders/O-0008/schedules/S-0008-1/person/0",
        "/supervise/orders/O-0008/schedules/S-0008-1/vehicle/0/remove",
    ];
    for p in pages {
        assert_eq!(d.get(p, PC).await.status(), 404, "{p}");
        assert_eq!(d.get(p, Some("other-token")).await.status(), 404, "{p}");
        assert_eq!(d.get(p, DS).await.status(), 200, "{p}");
    }
    let save = pairs(&[
        ("csrf", "pc-csrf"),
        ("step", "check"),
        ("go", "save"),
        ("schedule", "S-0008-1"),
        ("number", "Schedule 1"),
        ("names-C-0008-04", "yes"),
        ("kind", "vehicle"),
        ("registration", "AB12 CDE"),
    ]);
    let held = versions(&d, "N-0008", "S-0008-1").await;
    let (status, _) = post(&d, "/supervise/orders/O-0008/schedules", PC, &save).await;
    assert_eq!(status, 404);
    assert_eq!(versions(&d, "N-0008", "S-0008-1").await, held);
    // A schedule, kind or entry the order does not have: not found, even for the DS.
    for p in [
        "/supervise/orders/O-0001/schedules/S-0008-1/change",
        "/supervise/orders/O-0008/schedules/S-0008-1/boat/0",
        "/supervise/orders/O-0008/schedules/S-0008-1/vehicle/1",
        "/supervise/orders/O-9001/schedules",
    ] {
        assert_eq!(d.get(p, DS).await.status(), 404, "{p}");
    }
    // Their own nominal's order: the officer records a schedule, as themselves.
    assert_eq!(d.get(LIST, PC).await.status(), 200);
    let mut a = pairs(&[
        ("csrf", "pc-csrf"),
        ("token", "0000000000aa"),
        ("step", "check"),
        ("go", "save"),
        ("number", "Schedule 1"),
        ("names-C-0001-04", "yes"),
        ("kind", "vehicle"),
        ("registration", "AB12 CDE"),
    ]);
    let (status, page) = post(&d, LIST, PC, &a).await;
    assert_eq!(status, 200, "{page}");
    let v = versions(&d, "N-0001", "S-0000000000aa").await;
    assert_eq!(v[0].changed_by.as_deref(), Some("PC-DEMO-01"));
    // Signed out: to sign in.
    assert!(to_sign_in(&d.get(LIST, None).await));
    a.retain(|(k, _)| k != "csrf");
}

on_both_backends!(
    a_schedule_recorded_at_the_desk_is_versioned_audited_and_reaches_the_phone,
    a_form_opened_before_someone_elses_save_is_refused,
    bad_answers_are_refused_at_their_fields_and_change_nothing,
    another_officers_or_units_order_is_not_found,
);
