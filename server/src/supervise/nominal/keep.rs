//! "Keep this record": the nominal page's links to the pages that record a change to the
//! nominal, their orders and provisions (each page behind a link is its own; the addresses are
//! the desk's, shared by every page that leads there).

use maud::{html, Markup};
use scpo_field::domain::Cohort;

use super::super::url::segment;

pub fn keep_links(cohort: &Cohort, nominal_id: &str) -> Markup {
    let id = segment(nominal_id);
    let nominal = |rest: &str| format!("/supervise/nominals/{id}/{rest}");
    let links = [
        (
            nominal("details"),
            "Change address, phone, aliases or probation contact, or correct a detail",
        ),
        (nominal("risk"), "Record a risk review"),
        (nominal("plan"), "Change the contact plan"),
        (
            nominal("custody"),
            "Record a release date, release, recall or licence change",
        ),
        (
            nominal("orders/new"),
            "Record a new order from the sealed court order",
        ),
        (
            nominal("history"),
            "See every version of this record: who, when and why",
        ),
    ];
    let orders: Vec<_> = cohort
        .orders
        .iter()
        .filter(|o| o.nominal_id == nominal_id)
        .collect();
    html! {
        h2 class="heading-m" id="keep" { "Keep this record" }
        ul class="list" {
            @for (href, text) in &links { li { a href=(href) { (text) } } }
        }
        @for o in &orders {
            @let order = segment(&o.id);
            h3 class="heading-s" { "Order " (o.court_reference) }
            ul class="list" {
                li { a href={ "/supervise/orders/" (order) "/provisions/new" } { "Add provisions to order " (o.court_reference) } }
                li { a href={ "/supervise/orders/" (order) "/variations/new" } { "Record a variation of order " (o.court_reference) } }
                li { a href={ "/supervise/orders/" (order) "/schedules" } { "The schedules of order " (o.court_reference) } }
            }
        }
    }
}
