//! The cohort page (`/supervise/cohort`): the unit's nominals, what needs attention first (the
//! domain's own ranking, [`Cohort::attention_list`], with its badges), each with their officer
//! and order end, searchable by name, alias, reference (court reference or nominal ID) or
//! officer (`?q=`); those transferred out apart.

use std::collections::HashSet;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::breach::decision::awaiting_decision;
use scpo_field::domain::oversight::attention::NominalSummary;
use scpo_field::domain::people::nominal::Nominal;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::super::clock::uk_today;
use super::super::kit::{
    button, button_class, page_at, table, tag, text_input, ButtonKind, Colour, Column, TextField,
};
use super::super::unit::load;
use super::super::Supervisor;
use super::{order_end, SECTION};
use crate::state::AppState;
use crate::supervise::nominal::nominal_link;
use crate::supervise::transferred::transfers;

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    q: String,
}

/// Does the nominal answer `q` (trimmed, lower case, not empty): by name either way round, an
/// alias, the court reference of any of their orders, their ID, or the officer who holds them
/// (name or ID)?
fn matches(
    q: &str,
    cohort: &Cohort,
    n: &Nominal,
    summary: Option<&NominalSummary>,
    officer: Option<(&str, &str)>,
) -> bool {
    let has = |s: &str| s.to_lowercase().contains(q);
    summary.is_some_and(|s| s.matches_lowercase(q))
        || n.matches_name(q)
        || has(&n.id)
        || cohort
            .orders
            .iter()
            .any(|o| o.nominal_id == n.id && has(&o.court_reference))
        || officer.is_some_and(|(id, name)| has(id) || has(name))
}

pub async fn list(
    State(state): State<AppState>,
    s: Supervisor,
    Query(search): Query<Search>,
) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let (records, assigned, names) = (&data.records, data.assigned(), data.names());
    let cohort = &data.cohort;
    let gone = transfers(records);
    let today = uk_today(state.now());
    let typed = search.q.trim();
    let q = typed.to_lowercase();
    let pending: HashSet<&str> =
        awaiting_decision(&cohort.breach_reports, &cohort.breach_decisions)
            .iter()
            .map(|r| r.nominal_id.as_str())
            .collect();
    let ranked = cohort.attention_list(today, &|id| pending.contains(id));
    let officer_of = |id: &str| {
        assigned
            .get(id)
            .map(|o| (o.as_str(), names.get(o).map_or(o.as_str(), String::as_str)))
    };
    let wanted = |n: &Nominal, summary: Option<&NominalSummary>| {
        q.is_empty() || matches(&q, cohort, n, summary, officer_of(&n.id))
    };
    let mut rows = Vec::new();
    for summary in &ranked {
        let Some(n) = cohort.nominal(&summary.id) else {
            continue;
        };
        if gone.contains_key(&n.id) || !wanted(n, Some(summary)) {
            continue;
        }
        let officer = match officer_of(&n.id) {
            Some((_, name)) => html! { (name) },
            None => tag("Not assigned", Colour::Yellow),
        };
        let badges = html! {
            @if summary.badges.is_empty() {
                "Nothing due"
            }
            @for b in &summary.badges {
                (tag(&b.label(), if b.is_urgent() { Colour::Red } else { Colour::Yellow })) " "
            }
        };
        rows.push(vec![
            nominal_link(&n.id, &summary.display_name),
            html! { (n.id) },
            badges,
            officer,
            html! { (order_end(cohort, &n.id, today)) },
        ]);
    }
    let mut out: Vec<_> = cohort
        .nominals
        .iter()
        .filter_map(|n| gone.get(&n.id).map(|t| (n, t)))
        .filter(|(n, _)| wanted(n, None))
        .collect();
    out.sort_by_cached_key(|(n, _)| (n.display_name(), n.id.clone()));
    let out_rows: Vec<Vec<Markup>> = out
        .iter()
        .map(|(n, t)| {
            vec![
                nominal_link(&n.id, &n.display_name()),
                html! { (n.id) },
                html! { (format_date(t.on)) },
                html! { (t.force) },
            ]
        })
        .collect();
    let columns = [
        Column::text("Name"),
        Column::text("ID"),
        Column::text("Needs attention"),
        Column::text("Officer"),
        Column::text("Order ends"),
    ];
    let out_columns = [
        Column::text("Name"),
        Column::text("ID"),
        Column::text("Transferred on"),
        Column::text("Receiving force"),
    ];
    let field = TextField {
        hint: Some("A name or alias, a court reference or nominal ID, or an officer's name or ID."),
        kind: Some("search"),
        ..TextField::new("q", "Search the cohort", typed)
    };
    let held = cohort.nominals.len() > gone.len();
    let body = html! {
        h1 class="heading-l" { "Cohort" }
        p class="body" { "The nominals your unit holds, what needs attention first, and the officer each one is assigned to. Choose a name to open the nominal's page." }
        p class="body" {
            a class=(button_class(ButtonKind::Primary)) href="/supervise/nominals/new" { "Record a new nominal" }
            " "
            a class=(button_class(ButtonKind::Secondary)) href="/supervise/cohort/import" { "Import a cohort file" }
        }
        @if !cohort.nominals.is_empty() {
            form method="get" action="/supervise/cohort" role="search" novalidate {
                (text_input(&field))
                (button("Search", ButtonKind::Secondary))
            }
        }
        @if !typed.is_empty() {
            p class="body" role="status" {
                @if rows.is_empty() && out_rows.is_empty() {
                    "No nominals match \u{201c}" (typed) "\u{201d}. Check the spelling, or search by another name, alias, reference or officer. "
                } @else {
                    "Showing the nominals that match \u{201c}" (typed) "\u{201d}. "
                }
                a href="/supervise/cohort" { "Clear the search" }
            }
        }
        @if cohort.nominals.is_empty() {
            p class="body" { "Your unit holds no nominals yet. Import a cohort file to add them." }
        } @else if !rows.is_empty() {
            (table(&format!("Nominals ({})", rows.len()), &columns, &rows))
        } @else if typed.is_empty() && !held {
            p class="body" { "Every nominal of your unit has been transferred out." }
        }
        @if !out_rows.is_empty() {
            h2 class="heading-m" { "Transferred out" }
            p class="body" { "Their records stay here; they are on no phone of the unit." }
            (table("Nominals transferred out", &out_columns, &out_rows))
        }
    };
    page_at(&state, Some(&s), "Cohort", body, SECTION)
}
