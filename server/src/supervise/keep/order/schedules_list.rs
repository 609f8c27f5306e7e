//! The order's schedules, at `/supervise/orders/{order}/schedules`: each schedule by number,
//! the provisions that name it, and its people, premises and vehicles in tables with a link to
//! correct or remove each; links to add an entry, change the number or provisions, or add a
//! schedule.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::order::schedule::Schedule;
use scpo_field::domain::order::Order;
use scpo_field::domain::time::dates::format_date;

use super::new_order_view::{caption, nominal_href, section};
use super::schedules::schedules_of;
use super::schedules_view::{provision_label, schedules_href};
use crate::state::AppState;
use crate::supervise::kit::{back_link, page_at, table, Column};
use crate::supervise::unit::UnitData;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// The links to correct and remove an entry, each naming it for a screen reader.
fn actions(href: &str, what: &str) -> Markup {
    html! {
        a href=(href) { "Correct" span class="visually-hidden" { " " (what) } }
        " · "
        a href={ (href) "/remove" } { "Remove" span class="visually-hidden" { " " (what) } }
    }
}

fn schedule_section(data: &UnitData, order: &Order, s: &Schedule) -> Markup {
    let base = format!("{}/{}", schedules_href(order), segment(&s.id));
    let conditions = data.cohort.conditions_of(&order.id);
    let people: Vec<Vec<Markup>> = s
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                html! { (p.name) },
                html! { (p.aliases.join(", ")) },
                html! { @if let Some(d) = p.date_of_birth { (format_date(d)) } },
                html! { (p.description) },
                actions(&format!("{base}/person/{i}"), &p.name),
            ]
        })
        .collect();
    let premises: Vec<Vec<Markup>> = s
        .premises
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                html! { (p.address) },
                html! { (p.description) },
                actions(&format!("{base}/premises/{i}"), &p.address),
            ]
        })
        .collect();
    let vehicles: Vec<Vec<Markup>> = s
        .vehicles
        .iter()
        .enumerate()
        .map(|(i, v)| {
            vec![
                html! { (v.registration) },
                html! { (v.make) },
                html! { (v.colour) },
                actions(&format!("{base}/vehicle/{i}"), &v.registration),
            ]
        })
        .collect();
    let dates = match (s.starts, s.ends) {
        (None, None) => None,
        (from, to) => Some(format!(
            "From {} to {}",
            from.map_or("the order's start".into(), format_date),
            to.map_or("the order's end".into(), format_date)
        )),
    };
    html! {
        section class="schedule-desk" aria-labelledby={ "h-" (s.id) } {
            h2 class="heading-m" id={ "h-" (s.id) } { (s.number) }
            @if let Some(d) = dates { p class="body" { (d) } }
            h3 class="heading-s" { "Named by" }
            ul class="list" {
                @for c in conditions.iter().filter(|c| s.names(&c.id)) { li { (provision_label(c)) } }
            }
            @if !s.people.is_empty() {
                (table(&format!("People in {}", s.number), &[Column::text("Name"), Column::text("Aliases"), Column::text("Date of birth"), Column::text("Description"), Column::text("Action")], &people))
            }
            @if !s.premises.is_empty() {
                (table(&format!("Premises in {}", s.number), &[Column::text("Address"), Column::text("What they are"), Column::text("Action")], &premises))
            }
            @if !s.vehicles.is_empty() {
                (table(&format!("Vehicles in {}", s.number), &[Column::text("Registration"), Column::text("Make"), Column::text("Colour"), Column::text("Action")], &vehicles))
            }
            ul class="list" {
                li { a href={ (base) "/add/person" } { "Add a person to " (s.number) } }
                li { a href={ (base) "/add/premises" } { "Add premises to " (s.number) } }
                li { a href={ (base) "/add/vehicle" } { "Add a vehicle to " (s.number) } }
                li { a href={ (base) "/change" } { "Change the number or provisions of " (s.number) } }
            }
        }
    }
}

pub fn list_page(state: &AppState, user: &DeskUser, data: &UnitData, order: &Order) -> Response {
    let schedules = schedules_of(data, order);
    let title = format!("Schedules of order {}", order.court_reference);
    let body = html! {
        (back_link(&nominal_href(&order.nominal_id), "Back to the nominal"))
        p class="panel__caption" { (caption(data, order)) }
        h1 class="heading-l" { (title) }
        @if schedules.is_empty() {
            p class="body" { "No schedule of this order is recorded yet. Record each schedule the order has: the people, premises and vehicles its provisions name." }
        }
        @for s in &schedules { (schedule_section(data, order, s)) }
        p class="body" {
            a class="button" href={ (schedules_href(order)) "/new" } role="button" draggable="false" { "Add a schedule" }
        }
    };
    page_at(state, Some(user), &title, body, Some(section(user)))
}
