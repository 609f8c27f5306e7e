//! Ids from phones and files in the desk's addresses, on both backends: a record whose id is
//! a path (`../devices/D-…/revoke`) or holds `?`, `&` or `/` is linked at its own address,
//! percent-encoded, opens there and is decided or assigned there, and nothing else is
//! reached. The records are put straight into storage, as if they had got past every check
//! at the door.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use reqwest::Url;
use scpo_server::storage::{Officer, Role, StoredRecord};
use serde_json::Value;

/// Every `attr="…"` in the page, as the browser reads it (`&amp;` is `&`).
fn attributes(html: &str, attr: &str) -> Vec<String> {
    html.split(&format!("{attr}=\""))
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|v| v.replace("&amp;", "&"))
        .collect()
}

/// Where a browser on `page` goes for `href`: the path and query it asks for.
fn resolved(srv: &Served, page: &str, href: &str) -> String {
    let page = Url::parse(&format!("{}{page}", srv.base)).unwrap();
    let to = page.join(href).unwrap();
    match to.query() {
        Some(q) => format!("{}?{q}", to.path()),
        None => to.path().to_string(),
    }
}

/// `record` of `nominal` (its first of `kind`), copied under the id `id`, stored for the demo
/// unit directly.
async fn stored_as(srv: &Served, nominal: &str, kind: &str, from: &str, id: &str) {
    let s = srv.db.storage.as_ref();
    let held = s.records_of_nominal(nominal).await.unwrap();
    let original = held
        .iter()
        .find(|r| r.kind == kind && r.id == from)
        .unwrap();
    let mut record: Value = original.record.clone();
    record["id"] = id.into();
    // A record made before short references: it is shown by its id, which must come out escaped.
    if let Some(o) = record.as_object_mut() {
        o.remove("reference");
    }
    let copy = StoredRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: if kind == "nominal" { id } else { nominal }.into(),
        record,
    };
    s.import_records("U-DEMO", &[copy], &[], "test", at(0))
        .await
        .unwrap();
}

fn decision(action: &str) -> Vec<(&str, &str)> {
    vec![
        ("csrf", "csrf"),
        ("agrees", "no"),
        ("level", "charge"),
        ("information", "The report."),
        ("assessment", "Risk rising."),
        ("powers_and_policy", "s.25 SCA 2007."),
        ("options", "Recall or charge."),
        ("action", action),
        ("replaces", ""),
    ]
}

async fn a_report_whose_id_is_a_path_is_opened_and_decided_at_its_own_address(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let (device, credential) = enrol(s, "PC-DEMO-01").await;
    let id = format!("../devices/{}/revoke", device.id);
    stored_as(&srv, "N-0002", "breach_report", "BR-0002-1", &id).await;
    let own = format!("/supervise/breaches/..%2Fdevices%2F{}%2Frevoke", device.id);

    // The report opens there, and its decision form posts there.
    let (status, page) = srv.html(&own, "ds").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&format!(
        "<h1 class=\"heading-l\">Breach report {}</h1>",
        esc(&id)
    )));
    let actions: Vec<String> = attributes(&page, "action")
        .into_iter()
        .filter(|a| a.starts_with("/supervise/breaches"))
        .collect();
    assert_eq!(actions.len(), 1, "{actions:?}");
    // Posted as a browser would: the phone is not revoked, the decision is on that report.
    let to = resolved(&srv, &own, &actions[0]);
    let r = srv
        .post(&to, Some("ds"), &decision("Charge: the report is sound."))
        .await;
    let devices = s.devices().await.unwrap();
    let phone = devices.iter().find(|d| d.id == device.id).unwrap();
    assert_eq!(
        phone.revoked_at, None,
        "the decision form revoked the phone"
    );
    assert!(srv
        .get_as_phone("/api/sync/pull", &credential)
        .await
        .status()
        .is_success());
    assert_eq!(to, own);
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], format!("{own}?decided=1"));
    let decisions: Vec<StoredRecord> = s
        .records_of_nominal("N-0002")
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == "breach_decision")
        .collect();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].record["report_id"], id.as_str());

    // The list links it at its own address, which a browser keeps as it is.
    let (status, list) = srv.html("/supervise/breaches", "ds").await;
    assert_eq!(status, 200);
    let links = attributes(&list, "href");
    assert!(links.contains(&own), "{links:?}");
    assert!(!links.iter().any(|l| l.contains("/revoke")));
    assert_eq!(resolved(&srv, "/supervise/breaches", &own), own);
}

async fn the_dashboard_list_links_a_report_at_its_own_address(b: Backend) {
    let srv = serve(b).await;
    let id = "../devices/D-1/revoke";
    stored_as(&srv, "N-0002", "breach_report", "BR-0002-1", id).await;
    let (_, html) = srv
        .html("/supervise/lists/breaches-awaiting-decision", "ds")
        .await;
    let links = attributes(&html, "href");
    assert!(links.contains(&"/supervise/breaches/..%2Fdevices%2FD-1%2Frevoke".to_string()));
    assert!(!links.iter().any(|l| l.contains("/revoke")));
}

async fn a_nominal_whose_id_holds_a_query_and_a_path_opens_and_is_assigned_there(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let id = "N-1/../devices?x=1&y=#top";
    stored_as(&srv, "N-0001", "nominal", "N-0001", id).await;
    let own = "/supervise/cohort/N-1%2F..%2Fdevices%3Fx%3D1%26y%3D%23top";
    let shown = "/supervise/nominals/N-1%2F..%2Fdevices%3Fx%3D1%26y%3D%23top";

    let (_, list) = srv.html("/supervise/cohort", "ds").await;
    assert!(attributes(&list, "href").contains(&shown.to_string()));
    assert_eq!(resolved(&srv, "/supervise/cohort", shown), shown);
    let (status, page) = srv.html(shown, "ds").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&format!("Nominal {}", esc(id))));
    let actions = attributes(&page, "action");
    let assign = format!("{own}/assign");
    assert!(actions.contains(&assign), "{actions:?}");
    assert!(actions.contains(&format!("{own}/transfer")));

    let form = [("csrf", "csrf"), ("officer", "PC-DEMO-02")];
    let r = srv.post(&assign, Some("ds"), &form).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], format!("{shown}?done=assigned"));
    let assigned = s.assigned_nominals("PC-DEMO-02").await.unwrap();
    assert!(assigned.contains(&id.to_string()), "{assigned:?}");
}

async fn the_dashboard_links_an_officer_whose_id_holds_an_ampersand(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let officer = Officer {
        id: "PC-A&B=C".into(),
        unit_id: "U-DEMO".into(),
        name: "PC Ampersand".into(),
        role: Role::Officer,
        keeps_cohort: false,
    };
    s.add_officer(&officer, at(0)).await.unwrap();
    // N-0004's contact is overdue: on their list now.
    s.assign("N-0004", &officer.id, "test", at(0))
        .await
        .unwrap();
    let (_, html) = srv.html("/supervise", "ds").await;
    let href = "/supervise/lists/contacts-overdue?officer=PC-A%26B%3DC";
    assert!(
        attributes(&html, "href").contains(&href.to_string()),
        "{html}"
    );
    let (status, list) = srv.html(href, "ds").await;
    assert_eq!(status, 200);
    assert!(list.contains("PC Ampersand") && list.contains("N-0004"));
}

on_both_backends!(
    a_report_whose_id_is_a_path_is_opened_and_decided_at_its_own_address,
    the_dashboard_list_links_a_report_at_its_own_address,
    a_nominal_whose_id_holds_a_query_and_a_path_opens_and_is_assigned_there,
    the_dashboard_links_an_officer_whose_id_holds_an_ampersand,
);
