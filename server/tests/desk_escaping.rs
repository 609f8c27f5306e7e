//! Every desk page, over HTTP, on both backends, with a unit whose every free-text field holds
//! `<script>alert("FIELD")</script>"onmouseover="x` (FIELD naming the field): no page has the
//! script or the attribute breakout as markup, and each page shows the fields it shows only
//! escaped. The test reads pages as a browser gets them, so it holds whatever renders them.
//!
//! Fields the desk shows on no page today (aliases, addresses, phones, probation contacts,
//! contact notes, notification details, referral answers, the unit's name...) are in the data
//! all the same: no page may ever carry them as markup.

#[macro_use]
mod common;
#[path = "desk_escaping/check.rs"]
mod check;
#[path = "desk_escaping/data.rs"]
mod data;

use std::sync::Arc;

use check::*;
use common::*;
use data::*;
use scpo_field::domain::oversight::unit::Figure;
use scpo_server::storage::{Officer, Role};
use serde_json::{json, Value};

/// Officers with hostile names, the DS's session ("ds"), the server with its clock at noon
/// on `today()` plus an hour.
async fn serve(db: &TestDb) -> Http {
    let s = db.storage.as_ref();
    s.add_unit("U-DEMO", &p("UNIT")).await.unwrap();
    for (id, tag) in OFFICERS {
        let role = if id.starts_with("DS") {
            Role::Supervisor
        } else {
            Role::Officer
        };
        let o = Officer {
            id: id.into(),
            unit_id: "U-DEMO".into(),
            name: p(tag),
            role,
            keeps_cohort: false,
        };
        s.add_officer(&o, at(0)).await.unwrap();
    }
    start_sessions(s, &[("ds", "DS-DEMO-01", "csrf")], at(60)).await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(60));
    Http::start(state).await
}

/// The lists behind the dashboard's figures, and the fields each shows with today's data
/// (a list with no nominal shows none). Every figure must be here.
const LISTS: [(&str, &[&str]); 11] = [
    ("contacts-overdue", &["FAMILY", "GIVEN", "OFFICER_NAME"]),
    ("risk-reviews-due", &["FAMILY", "GIVEN", "OFFICER_NAME"]),
    ("notifications-late", &["FAMILY", "GIVEN", "OFFICER_NAME"]),
    ("briefings-due", &[]),
    (
        "no-briefing-on-record",
        &["FAMILY", "GIVEN", "OFFICER_NAME"],
    ),
    (
        "breaches-awaiting-decision",
        &["FAMILY", "GIVEN", "OFFICER_NAME"],
    ),
    (
        "recalls-awaiting-outcome",
        &["FAMILY", "GIVEN", "OFFICER_NAME"],
    ),
    ("ending-within-4-weeks", &[]),
    (
        "ending-in-5-to-8-weeks",
        &["FAMILY", "GIVEN", "OFFICER_NAME", "PROVISION"],
    ),
    (
        "ending-in-9-to-12-weeks",
        &["FAMILY", "GIVEN", "OFFICER_NAME", "COURT_REF"],
    ),
    (
        "releases-within-4-weeks",
        &["FAMILY", "GIVEN", "OFFICER_NAME"],
    ),
];

/// What a breach report's page shows of the report as the officer wrote it.
const REPORT: [&str; 10] = [
    "FAMILY",
    "GIVEN",
    "BR_OFFICER",
    "LOCATION",
    "SEEN",
    "EXPLANATION",
    "PROVISION",
    "VERBATIM",
    "REASON",
    "OVERRIDE",
];
/// And of the DS's decision on it.
const DECIDED: [&str; 6] = [
    "INFORMATION",
    "ASSESSMENT",
    "POWERS",
    "OPTIONS",
    "ACTION",
    "DS_NAME",
];

async fn every_desk_page_shows_hostile_text_only_escaped(b: Backend) {
    let db = fresh(b).await;
    let srv = serve(&db).await;
    let mut pages: Vec<Fetched> = Vec::new();
    let mut push = |page: &str, want: u16, r: (u16, String), shows: Vec<&'static str>| {
        pages.push(Fetched {
            page: page.into(),
            want_status: want,
            status: r.0,
            html: r.1,
            shows,
        })
    };

    // The import: a file whose bad ids carry the payload, then the hostile cohort, checked
    // and applied through the desk.
    let cohort = hostile_cohort().to_json();
    let mut bad: Value = serde_json::from_str(&cohort).unwrap();
    bad["nominals"][0]["id"] = json!(p("IMPORT_ID"));
    bad["nominals"][1]["offender_manager"]["id"] = json!(p("IMPORT_OM"));
    let bad = bad.to_string();
    let refused = paste(&srv, &bad).await;
    push(
        "import: file with bad ids",
        400,
        refused,
        vec!["IMPORT_ID", "IMPORT_OM"],
    );
    let checked = paste(&srv, &cohort).await;
    push(
        "import: check answers",
        200,
        checked,
        vec!["FAMILY", "GIVEN"],
    );
    let confirm = "/supervise/cohort/import/confirm";
    let form = [("csrf", "csrf"), ("cohort", cohort.as_str())];
    let applied = text(srv.post(confirm, Some("ds"), &form).await).await;
    assert_eq!(
        applied.0, 200,
        "the hostile cohort was not imported: {}",
        applied.1
    );
    push("import: applied", 200, applied, vec![]);

    // What an import changes, field by field: N-0001's family name changed and address left
    // out, the old and new values shown.
    let mut again = hostile_cohort();
    again.nominals[0].family_name = p("ALIAS");
    again.nominals[0].address = None;
    let changes = paste(&srv, &again.to_json()).await;
    push(
        "import: field changes",
        200,
        changes,
        vec!["FAMILY", "ALIAS", "ADDRESS"],
    );
    // From spreadsheets: the unit's CSV export sent back with a risk reviewed (its
    // check-answers page names the nominal), and with a hostile cell (its refusal names it).
    let mut csv = Vec::new();
    for f in ["nominals.csv", "orders.csv", "provisions.csv"] {
        let path = format!("/supervise/cohort/export/{f}");
        let (status, body) = text(srv.get(&path, Some("ds")).await).await;
        assert_eq!(status, 200, "{f}");
        csv.push(body);
    }
    let send = |nominals: String| {
        let (orders, provisions) = (csv[1].clone(), csv[2].clone());
        let srv = &srv;
        async move {
            let fields = [
                ("csrf", "csrf", None),
                ("nominals", nominals.as_str(), Some("nominals.csv")),
                ("orders", orders.as_str(), Some("orders.csv")),
                ("provisions", provisions.as_str(), Some("provisions.csv")),
            ];
            text(
                srv.post_multipart("/supervise/cohort/import/csv", "ds", &fields)
                    .await,
            )
            .await
        }
    };
    let reviewed = csv[0].replacen(",high,", ",low,", 1);
    assert_ne!(reviewed, csv[0]);
    push(
        "import from CSV: check answers",
        200,
        send(reviewed).await,
        vec!["FAMILY", "GIVEN"],
    );
    let hostile = format!(",{},", scpo_server::csv::field(&p("IMPORT_ID")));
    let bad = csv[0].replacen(",high,", &hostile, 1);
    assert_ne!(bad, csv[0]);
    push(
        "import from CSV: refused",
        400,
        send(bad).await,
        vec!["IMPORT_ID"],
    );

    // A phone enrolled with a hostile label sends exhibits and a contact.
    let enrol = [("csrf", "csrf"), ("officer", "PC-DEMO-01")];
    let code_page = text(
        srv.post("/supervise/devices/enrol", Some("ds"), &enrol)
            .await,
    )
    .await;
    push(
        "devices: one-time code",
        200,
        code_page,
        vec!["OFFICER_NAME"],
    );
    let s = db.storage.as_ref();
    let code = scpo_server::new_enrolment_code(s, "PC-DEMO-01", at(60))
        .await
        .unwrap();
    let label = p("DEVICE_LABEL");
    let (status, phone) = srv
        .post_json("/api/enrol", json!({"code": code, "label": label}))
        .await;
    assert_eq!(status, 200, "{phone}");
    let cred = phone["credential"].as_str().unwrap();
    let device = phone["device_id"].as_str().unwrap().to_string();
    from_the_phone(&srv, cred).await;

    // The DS decides two reports, sends the third's form back, assigns and transfers out.
    for (report, level) in [("BR-0002-1", Some("charge")), ("BR-0002-2", None)] {
        let f = decision(level);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let path = format!("/supervise/breaches/{report}");
        let r = srv.post(&path, Some("ds"), &f).await;
        assert_eq!(r.status(), 303, "{report}: {}", r.text().await.unwrap());
    }
    let undecided: Vec<(&str, String)> = decision(None)
        .into_iter()
        .filter(|(k, _)| *k != "agrees")
        .collect();
    let f: Vec<(&str, &str)> = undecided.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sent_back = text(
        srv.post("/supervise/breaches/BR-0002-3", Some("ds"), &f)
            .await,
    )
    .await;
    let typed = DECIDED[..5].to_vec();
    push(
        "breach BR-0002-3: decision sent back",
        422,
        sent_back,
        typed,
    );
    let assign = [("csrf", "csrf"), ("officer", "PC-DEMO-02")];
    let r = srv
        .post("/supervise/cohort/N-0001/assign", Some("ds"), &assign)
        .await;
    assert_eq!(r.status(), 303);
    let force = p("FORCE");
    let out = [
        ("csrf", "csrf"),
        ("day", "24"),
        ("month", "11"),
        ("year", "2026"),
        ("force", force.as_str()),
    ];
    let r = srv
        .post("/supervise/cohort/N-0012/transfer", Some("ds"), &out)
        .await;
    assert_eq!(r.status(), 303);
    let typed = p("FORCE_TYPED");
    let no_date = [("csrf", "csrf"), ("day", ""), ("force", typed.as_str())];
    let r = srv.post("/supervise/cohort/N-0011/transfer", Some("ds"), &no_date);
    push(
        "nominal N-0011: transfer sent back",
        400,
        text(r.await).await,
        vec!["FORCE_TYPED"],
    );

    // Every page a DS reaches, with the fields it shows.
    let staff = vec!["DS_NAME", "OFFICER_NAME", "OFFICER2_NAME", "DEVICE_LABEL"];
    let mut gets: Vec<(String, u16, Vec<&'static str>)> = vec![
        ("/supervise".into(), 200, staff),
        (
            "/supervise/cohort".into(),
            200,
            vec!["FAMILY", "GIVEN", "OFFICER_NAME", "OFFICER2_NAME", "FORCE"],
        ),
        (
            "/supervise/breaches".into(),
            200,
            vec!["BR_OFFICER", "DS_NAME"],
        ),
        (
            "/supervise/devices".into(),
            200,
            vec!["OFFICER_NAME", "OFFICER2_NAME", "DEVICE_LABEL"],
        ),
        (
            format!("/supervise/devices/{device}/revoke"),
            200,
            vec!["OFFICER_NAME", "DEVICE_LABEL"],
        ),
        ("/supervise/audit".into(), 200, vec![]),
        ("/supervise/audit?nominal=N-0002".into(), 200, vec![]),
        ("/supervise/outcomes".into(), 200, vec![]),
        ("/supervise/cohort/import".into(), 200, vec![]),
        ("/supervise/cohort/import/csv".into(), 200, vec![]),
        ("/supervise/cohort/export".into(), 200, vec![]),
        (
            "/supervise/lists/contacts-overdue?officer=PC-DEMO-01".into(),
            200,
            vec!["OFFICER_NAME", "FAMILY"],
        ),
        (
            "/supervise/lists/contacts-overdue?officer=unassigned".into(),
            200,
            vec![],
        ),
    ];
    let hostile_query = format!(
        "/supervise/audit?person={}&nominal={}",
        urlencoding(&p("AUDIT_PERSON")),
        urlencoding(&p("AUDIT_NOMINAL"))
    );
    gets.push((hostile_query, 200, vec!["AUDIT_PERSON", "AUDIT_NOMINAL"]));
    assert!(Figure::ALL
        .iter()
        .all(|f| LISTS.iter().any(|(s, _)| *s == f.slug())));
    for (slug, shows) in LISTS {
        gets.push((format!("/supervise/lists/{slug}"), 200, shows.to_vec()));
    }
    for n in 1..=12 {
        // The person, the order's wording and the contact plan, and the timeline.
        let mut shows = vec![
            "FAMILY",
            "GIVEN",
            "ALIAS",
            "ADDRESS",
            "NOMINAL_PHONE",
            "OM_NAME",
            "COURT_REF",
            "COURT",
            "PROVISION",
            "VERBATIM",
            "AGREED_BY",
        ];
        match n {
            2 => shows.extend([
                "LOCATION",
                "SEEN",
                "BR_OFFICER",
                "EVIDENCE_REF",
                "ACTION",
                "DS_NAME",
                "REFERRAL_OFFICER",
            ]),
            3 => shows.push("CONTACT_NOTES"),
            5 | 11 => shows.push("NOTIFICATION"),
            7 => shows.extend(["VARIATION", "VARIATION_COURT"]),
            12 => shows.push("FORCE"),
            _ => {}
        }
        if n != 12 {
            shows.extend(["OFFICER_NAME", "OFFICER2_NAME"]);
        }
        gets.push((format!("/supervise/nominals/N-{n:04}"), 200, shows));
    }
    // The old address of a nominal's page still opens it.
    gets.push((
        "/supervise/cohort/N-0001".into(),
        200,
        vec!["FAMILY", "ALIAS"],
    ));
    // What is typed in the search and the day asked for: shown only escaped.
    let search = format!("/supervise/cohort?q={}", urlencoding(&p("SEARCH")));
    gets.push((search, 200, vec!["SEARCH"]));
    let on = format!("/supervise/nominals/N-0007?on={}", urlencoding(&p("DAY")));
    gets.push((on, 200, vec!["DAY"]));
    let exhibits = [
        "EVIDENCE",
        "EVIDENCE_REF",
        "EXHIBIT",
        "OFFICER_NAME",
        "WITHDRAWAL",
    ];
    let reports: [(&str, Vec<&str>); 3] = [
        ("BR-0002-1", [&REPORT[..], &DECIDED, &exhibits].concat()),
        (
            "BR-0002-2",
            [&REPORT[..], &DECIDED, &["REFERRAL_OFFICER"]].concat(),
        ),
        ("BR-0002-3", REPORT.to_vec()),
    ];
    for (id, shows) in reports {
        gets.push((format!("/supervise/breaches/{id}"), 200, shows));
    }
    let exhibit = ["FAMILY", "GIVEN", "EXHIBIT", "OFFICER_NAME"];
    for (id, withdrawn) in [("EX-1", None), ("EX-2", Some("WITHDRAWAL"))] {
        let shows = exhibit.iter().copied().chain(withdrawn).collect();
        let path = format!("/supervise/breaches/BR-0002-1/exhibits/{id}");
        gets.push((path, 200, shows));
    }
    // Keeping an order (issue 21): its pages, and answers typed into them carried page to page.
    let who = ["FAMILY", "GIVEN"];
    let of_order = ["FAMILY", "GIVEN", "COURT_REF"];
    gets.push((
        "/supervise/nominals/N-0002/orders/new".into(),
        200,
        who.to_vec(),
    ));
    gets.push((
        "/supervise/orders/O-0002/provisions/new".into(),
        200,
        of_order.to_vec(),
    ));
    gets.push((
        "/supervise/orders/O-0002/variations/new".into(),
        200,
        of_order.to_vec(),
    ));
    let typed_court = p("ORDER_COURT_TYPED");
    let f = [
        ("csrf", "csrf"),
        ("step", "court"),
        ("court", typed_court.as_str()),
        ("reference", ""),
    ];
    let r = srv.post("/supervise/nominals/N-0002/orders/new", Some("ds"), &f);
    push(
        "new order: court sent back",
        400,
        text(r.await).await,
        vec!["ORDER_COURT_TYPED", "FAMILY", "GIVEN"],
    );
    let pasted = format!("1. {}", p("PASTED_WORDING"));
    let f = [
        ("csrf", "csrf"),
        ("step", "text"),
        ("text", pasted.as_str()),
    ];
    let r = srv.post("/supervise/orders/O-0002/provisions/new", Some("ds"), &f);
    push(
        "provisions: pasted wording",
        200,
        text(r.await).await,
        vec!["PASTED_WORDING", "COURT_REF"],
    );
    let var_court = p("VARIATION_COURT_TYPED");
    let f = [
        ("csrf", "csrf"),
        ("step", "decision"),
        ("kind", "variation"),
        ("court", var_court.as_str()),
        ("made-day", "10"),
        ("made-month", "1"),
        ("made-year", "2027"),
        ("effect-day", "10"),
        ("effect-month", "1"),
        ("effect-year", "2027"),
        ("summary", "Varied"),
    ];
    let r = srv.post("/supervise/orders/O-0002/variations/new", Some("ds"), &f);
    push(
        "variation: its provisions",
        200,
        text(r.await).await,
        vec!["VARIATION_COURT_TYPED", "PROVISION", "VERBATIM"],
    );
    let team = vec!["DS_NAME", "OFFICER_NAME", "OFFICER2_NAME"];
    gets.push(("/supervise/team".into(), 200, team));
    for page in ["", "/rights", "/revoke"] {
        let path = format!("/supervise/team/PC-DEMO-01{page}");
        gets.push((path, 200, vec!["OFFICER_NAME"]));
    }
    let not_found = format!("/supervise/{}", urlencoding(&p("PATH")));
    gets.push((not_found.clone(), 404, vec![]));
    let no_report = format!("/supervise/breaches/{}", urlencoding(&p("REPORT_ID")));
    gets.push((no_report, 404, vec![]));
    for (path, want, shows) in gets {
        push(&tidy(&path), want, srv.html(&path, "ds").await, shows);
    }
    // The team's forms sent back or checked, a code made, and an officer's own nominals.
    let typed = p("NEW_NAME");
    let add = [("csrf", "csrf"), ("name", &typed), ("officer_id", "a b")];
    let r = text(srv.post("/supervise/team/new", Some("ds"), &add).await).await;
    push("team: add sent back", 400, r, vec!["NEW_NAME"]);
    let rights = [
        ("csrf", "csrf"),
        ("role", "supervisor"),
        ("keeps_cohort", "yes"),
    ];
    let r = srv.post("/supervise/team/PC-DEMO-01/rights", Some("ds"), &rights);
    push(
        "team: check the change",
        200,
        text(r.await).await,
        vec!["OFFICER_NAME"],
    );
    let code = [("csrf", "csrf"), ("made_for", "passkey")];
    let r = srv.post("/supervise/team/PC-DEMO-02/codes", Some("ds"), &code);
    push(
        "team: one-time code",
        200,
        text(r.await).await,
        vec!["OFFICER2_NAME"],
    );
    start_sessions(s, &[("pc", "PC-DEMO-01", "pc-csrf")], at(60)).await;
    let r = srv.html("/supervise/mine", "pc").await;
    push("/supervise/mine (officer)", 200, r, vec!["OFFICER_NAME"]);
    let signed_out = format!(
        "/supervise/sign-in?signed-out={}",
        urlencoding(&p("NOTICE"))
    );
    for (path, want) in [
        ("/supervise/sign-in", 200),
        (signed_out.as_str(), 200),
        ("/supervise/register", 200),
        (not_found.as_str(), 404),
    ] {
        let r = text(srv.get(path, None).await).await;
        push(&format!("{} (signed out)", tidy(path)), want, r, vec![]);
    }

    let failures: Vec<String> = pages.iter().flat_map(problems).collect();
    assert!(
        failures.is_empty(),
        "{} of {} pages fail:\n{}",
        pages.iter().filter(|f| !problems(f).is_empty()).count(),
        pages.len(),
        failures.join("\n")
    );
}

on_both_backends!(every_desk_page_shows_hostile_text_only_escaped);
