//! The desk's nominal page for a nominal under two live orders, on both backends: each order is
//! shown with its court reference and its own provisions' wording, not only the first.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::order::scpo::OrderStatus;
use upkeep_support::*;

const SECOND_WORDING: &str = "Not to hold more than one mobile telephone (second order).";

async fn each_live_order_of_a_nominal_is_shown_with_its_provisions(b: Backend) {
    let d = desk(b).await;
    // A demo nominal whose order is live today, and a second live order for them, made from
    // the first with one provision of its own.
    let mut file = demo_cohort(today());
    let first = file
        .orders
        .iter()
        .find(|o| o.status_on(today()) == OrderStatus::Live)
        .expect("a demo order is live today")
        .clone();
    let nominal = first.nominal_id.clone();
    let mut second = first.clone();
    second.id = "O-9901".into();
    second.court_reference = "T20269901".into();
    second.variations.clear();
    let mut provision = file
        .conditions
        .iter()
        .find(|c| c.order_id == first.id)
        .expect("the live order has a provision")
        .clone();
    provision.id = "C-9901-01".into();
    provision.order_id = second.id.clone();
    provision.verbatim = SECOND_WORDING.into();
    provision.summary = "One phone only (second order)".into();
    provision.starts = None;
    provision.ends = None;
    provision.replaces = None;
    let first_wordings: Vec<String> = file
        .conditions
        .iter()
        .filter(|c| c.order_id == first.id && c.in_force_on(&first, today()))
        .map(|c| c.verbatim.clone())
        .collect();
    assert!(!first_wordings.is_empty());
    file.orders.push(second);
    file.conditions.push(provision);
    scpo_server::import_cohort(
        d.db.storage.as_ref(),
        "U-DEMO",
        &file.to_json(),
        None,
        "DS-DEMO-01",
        at(0),
    )
    .await
    .unwrap();
    let r = d
        .get(&format!("/supervise/nominals/{nominal}"), Some("ds-token"))
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains(&esc(&first.court_reference)), "{html}");
    assert!(html.contains("T20269901"), "the second order is not shown");
    assert!(html.contains(&esc(SECOND_WORDING)), "{html}");
    for w in &first_wordings {
        assert!(html.contains(&esc(w)), "{w}");
    }
    // Each order's provisions in force under that order's own heading.
    let second_at = html
        .find("T20269901</h3>")
        .expect("the second order's heading");
    let rest = &html[second_at..];
    let section = &rest[..rest
        .find("id=\"plan\"")
        .expect("the contact plan after the orders")];
    assert!(section.contains(&esc(SECOND_WORDING)));
    assert!(!section.contains(&esc(&first_wordings[0])));
}

on_both_backends!(each_live_order_of_a_nominal_is_shown_with_its_provisions);
