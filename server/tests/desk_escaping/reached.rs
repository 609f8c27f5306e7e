//! Every page a DS reaches, for `desk_escaping`, with the hostile fields each shows: the
//! dashboard and its lists, the cohort, breaches and their exhibits, devices, audit, outcomes,
//! the imports and export, every nominal, the order-keeping pages and the team.

use scpo_field::domain::oversight::unit::Figure;

use crate::check::*;
use crate::data::*;

/// The lists behind the dashboard's figures, and the fields each shows with today's data
/// (a list with no nominal shows none). Every figure must be here.
pub const LISTS: [(&str, &[&str]); 11] = [
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
pub const REPORT: [&str; 10] = [
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
pub const DECIDED: [&str; 6] = [
    "INFORMATION",
    "ASSESSMENT",
    "POWERS",
    "OPTIONS",
    "ACTION",
    "DS_NAME",
];

/// Each page (path, the status it should have, the fields it shows), the phone `device`'s
/// revoke page among them.
pub fn pages_a_ds_reaches(device: &str) -> Vec<(String, u16, Vec<&'static str>)> {
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
    // Each report's printouts as the phone prints them (issue 22): the report, the pack, and
    // the referral's police information where one was made.
    let printed = [
        "FAMILY",
        "GIVEN",
        "LOCATION",
        "SEEN",
        "VERBATIM",
        "BR_OFFICER",
    ];
    for id in ["BR-0002-1", "BR-0002-2", "BR-0002-3"] {
        for doc in ["report", "pack"] {
            let path = format!("/supervise/breaches/{id}/{doc}");
            gets.push((path, 200, printed.to_vec()));
        }
    }
    gets.push((
        "/supervise/breaches/BR-0002-2/referral".into(),
        200,
        vec![
            "FAMILY",
            "GIVEN",
            "ARREST_ISSUES",
            "REFERRAL_CONTACT",
            "LAST_ADDRESS",
            "CONTRABAND",
            "CHARGE_DETAILS",
            "CIRCUMSTANCES",
            "EARLIER_BREACHES",
            "NOT_FOR_DISCLOSURE",
        ],
    ));
    let no_referral = "/supervise/breaches/BR-0002-1/referral".to_string();
    gets.push((no_referral, 404, vec![]));
    let exhibit = ["FAMILY", "GIVEN", "EXHIBIT", "OFFICER_NAME"];
    for (id, withdrawn) in [("EX-1", None), ("EX-2", Some("WITHDRAWAL"))] {
        let shows = exhibit.iter().copied().chain(withdrawn).collect();
        let path = format!("/supervise/breaches/BR-0002-1/exhibits/{id}");
        gets.push((path, 200, shows));
    }
    // Keeping an order (issue 21): its pages.
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
    let team = vec!["DS_NAME", "OFFICER_NAME", "OFFICER2_NAME"];
    gets.push(("/supervise/team".into(), 200, team));
    for page in ["", "/rights", "/revoke"] {
        let path = format!("/supervise/team/PC-DEMO-01{page}");
        gets.push((path, 200, vec!["OFFICER_NAME"]));
    }
    let not_found = format!("/supervise/{}", urlencoding(&p("PATH")));
    gets.push((not_found, 404, vec![]));
    let no_report = format!("/supervise/breaches/{}", urlencoding(&p("REPORT_ID")));
    gets.push((no_report, 404, vec![]));
    gets
}
