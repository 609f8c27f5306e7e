//! Photo exhibits: add one to a breach report or a contact, view one (the photo, its SHA-256
//! and capture record), withdraw one with a reason. Exhibits are listed on the breach report's
//! page and on the nominal's page; a withdrawn one stays listed, marked withdrawn.
//! Routes: `/nominal/:id/exhibits/new/:record` and `/nominal/:id/exhibits/:exhibit`.

mod add;
mod capture;
mod view;

use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::time::dates::format_date;
use crate::domain::Cohort;
use crate::ui::{routes, use_app};

pub use add::AddExhibitPage;
pub use view::ExhibitPage;

/// The kind of the record an exhibit is for, and how to name it ("breach report of 24 Nov
/// 2026"); `None` if the nominal has no such breach report or contact.
pub(crate) fn record_label(
    c: &Cohort,
    nominal_id: &str,
    record_id: &str,
) -> Option<(&'static str, String)> {
    if let Some(r) = c
        .breach_reports
        .iter()
        .find(|r| r.id == record_id && r.nominal_id == nominal_id)
    {
        return Some((
            "breach_report",
            format!("breach report of {}", format_date(r.occurred_at.date())),
        ));
    }
    c.contacts
        .iter()
        .find(|k| k.id == record_id && k.nominal_id == nominal_id)
        .map(|k| {
            (
                "contact",
                format!("contact on {}", format_date(k.at.date())),
            )
        })
}

/// "24 Nov 2026, 14:30:05".
pub(crate) fn when_text(t: NaiveDateTime) -> String {
    format!(
        "{}, {}",
        format_date(t.date()),
        crate::domain::time::dates::clock_time(&t)
    )
}

/// The exhibits of a nominal (or of one of its records, `record_id`), with a way to add one to
/// `add_to` (a breach report or a contact id). Withdrawn ones stay, marked.
#[component]
pub fn ExhibitList(
    nominal_id: String,
    #[prop(optional_no_strip)] record_id: Option<String>,
    #[prop(optional_no_strip)] add_to: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let rows = app.cohort.with(|c| {
        c.exhibits
            .iter()
            .filter(|e| {
                e.nominal_id == nominal_id && record_id.as_ref().is_none_or(|r| *r == e.record_id)
            })
            .map(|e| {
                (
                    routes::exhibit(&nominal_id, &e.id),
                    format!("{}: {}", e.reference, e.description),
                    c.is_withdrawn(&e.id),
                )
            })
            .collect::<Vec<_>>()
    });
    let add = add_to.and_then(|r| {
        let label = app.cohort.with(|c| record_label(c, &nominal_id, &r))?.1;
        Some((routes::new_exhibit(&nominal_id, &r), label))
    });
    view! {
        <h2 class="heading-m" id="exhibits">"Photo exhibits"</h2>
        {if rows.is_empty() {
            view! { <p class="body">"No photo exhibits."</p> }.into_any()
        } else {
            view! {
                <ul class="list">
                    {rows.into_iter().map(|(href, text, withdrawn)| view! {
                        <li><A href=href>{text}</A>
                        {withdrawn.then(|| view! { " " <strong class="tag">"Withdrawn"</strong> })}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {add.map(|(href, label)| view! {
            <p class="body"><A href=href attr:class="button button--secondary">{format!("Add a photo exhibit to the {label}")}</A></p>
        })}
    }
}

/// The nominal page's list: every exhibit of the nominal, and adding one to the latest contact.
#[component]
pub fn NominalExhibits(nominal_id: String) -> impl IntoView {
    let latest = use_app().cohort.with(|c| {
        c.contacts_of(&nominal_id)
            .into_iter()
            .max_by_key(|k| k.at)
            .map(|k| k.id.clone())
    });
    view! { <ExhibitList nominal_id add_to=latest /> }
}
