//! The team dashboard (`/supervise`): per officer and for the unit, what needs doing, each
//! figure a link to the list behind it (`/supervise/lists/{figure}`), and when each phone last
//! synced.
//!
//! The dashboard shows counts and officers only. A list shows nominals by name (each a link to
//! their page), so opening one
//! is a consultation of each nominal listed: one audit line per nominal (s.62), written before
//! the list is shown; if it cannot be written, the list is not shown.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::oversight::unit::{Dashboard, Figure, Scope};
use scpo_field::domain::time::dates::format_date;
use serde::Deserialize;

use crate::state::AppState;
use crate::supervise::kit::{button, csrf_field, page_at, table, ButtonKind, Column};
use crate::supervise::nominal::nominal_link;
use crate::supervise::oversight as o;
use crate::supervise::unit::{load, UnitData};
use crate::supervise::url::{query, segment};
use crate::supervise::Supervisor;

/// The address of a figure's list for a scope.
fn list_href(figure: Figure, scope: Scope) -> String {
    match scope {
        Scope::Unit => format!("/supervise/lists/{}", segment(figure.slug())),
        Scope::Officer(id) => format!(
            "/supervise/lists/{}?{}",
            segment(figure.slug()),
            query(&[("officer", id)])
        ),
        Scope::Unassigned => format!(
            "/supervise/lists/{}?{}",
            segment(figure.slug()),
            query(&[("officer", "unassigned")])
        ),
    }
}

/// The columns of the dashboard: each officer, nominals nobody holds (when there are any), the unit.
fn scopes<'a>(data: &'a UnitData, board: &Dashboard) -> Vec<(Scope<'a>, String)> {
    let mut cols: Vec<(Scope, String)> = data
        .officers
        .iter()
        .map(|o| (Scope::Officer(&o.id), format!("{} ({})", o.name, o.id)))
        .collect();
    if board.held(Scope::Unassigned) > 0 {
        cols.push((Scope::Unassigned, "Not assigned".into()));
    }
    cols.push((Scope::Unit, "Total".into()));
    cols
}

pub async fn team(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = o::today(&state);
    let board = data.dashboard(today);
    let cols = scopes(&data, &board);
    let mut columns = vec![Column::text("Figure")];
    columns.extend(cols.iter().map(|(_, label)| Column::number(label)));
    let mut rows: Vec<Vec<Markup>> = Vec::new();
    let mut held = vec![html! { "Nominals held" }];
    held.extend(cols.iter().map(|(scope, _)| html! { (board.held(*scope)) }));
    rows.push(held);
    for figure in Figure::ALL {
        let mut row = vec![html! { (figure.label()) }];
        row.extend(cols.iter().map(|(scope, label)| {
            let n = board.count(figure, *scope);
            html! {
                @if n == 0 {
                    "0"
                } @else {
                    a href=(list_href(figure, *scope)) {
                        (n) span class="visually-hidden" { " – " (figure.label()) ", " (label) }
                    }
                }
            }
        }));
        rows.push(row);
    }
    let body = html! {
        span class="caption" { "Signed in as " (s.officer.name) " (" (s.officer.id) ")" }
        h1 class="heading-l" { "Your team" }
        p class="body" { a href="/supervise/team" { "Manage the team: people, rights, codes and passkeys" } }
        p class="body" { "Figures on " (format_date(today)) ". Select a number to see the nominals behind it." }
        (table("What needs doing, by officer", &columns, &rows))
        p class="hint" {
            "Recall referrals awaiting an outcome: breaches decided as a request to HMPPS to recall whose referral to probation has no outcome yet, or with no referral made yet."
        }
        (phones(&state, &data).await)
        h2 class="heading-m" { "Signing out" }
        form method="post" action="/supervise/sign-out-everywhere" {
            (csrf_field(&s))
            (button("Sign out on every device", ButtonKind::Secondary))
        }
    };
    page_at(&state, Some(&s), "Your team", body, Some("/supervise"))
}

/// Records waiting on phones: each officer's phones and when each last synced.
async fn phones(state: &AppState, data: &UnitData) -> Markup {
    let devices = crate::supervise::unit::unit_devices(state, data).await;
    let mut rows: Vec<Vec<Markup>> = Vec::new();
    for officer in &data.officers {
        let theirs: Vec<_> = devices
            .iter()
            .filter(|d| d.officer_id == officer.id)
            .collect();
        let who = data.officer_label(&officer.id);
        if theirs.is_empty() {
            rows.push(vec![
                html! { (who) },
                html! { "No phone enrolled" },
                html! {},
                html! {},
            ]);
        }
        for d in theirs {
            let synced = d
                .last_seen_at
                .map(crate::supervise::clock::uk_date_time)
                .unwrap_or_else(|| "Not yet".into());
            let waiting = o::records_waiting(d)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "Not known".into());
            rows.push(vec![
                html! { (who) },
                html! { (d.label) },
                html! { (synced) },
                html! { (waiting) },
            ]);
        }
    }
    let columns = [
        Column::text("Officer"),
        Column::text("Phone"),
        Column::text("Last sync"),
        Column::number("Records waiting"),
    ];
    table("Records waiting on phones", &columns, &rows)
}

#[derive(Deserialize)]
pub struct ListQuery {
    officer: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    s: Supervisor,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    let Some(figure) = Figure::parse(&slug) else {
        return o::not_found(&state, &s);
    };
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let scope = match q.officer.as_deref().filter(|x| !x.is_empty()) {
        None => Scope::Unit,
        Some("unassigned") => Scope::Unassigned,
        Some(id) => match data.officer(id) {
            Some(officer) => Scope::Officer(&officer.id),
            // Another unit's officer, or nobody: as if the page did not exist.
            None => return o::not_found(&state, &s),
        },
    };
    let today = o::today(&state);
    let board = data.dashboard(today);
    let items = board.list(figure, scope);
    let mut consulted: Vec<(String, String, Option<String>)> = items
        .iter()
        .map(|i| {
            (
                "nominal".into(),
                i.nominal_id.clone(),
                Some(i.nominal_id.clone()),
            )
        })
        .collect();
    consulted.sort();
    consulted.dedup();
    if state
        .storage
        .audit_many(&s.officer.id, "consulted", &consulted, state.now())
        .await
        .is_err()
    {
        // Nothing is shown that could not be logged.
        return o::unavailable(&state, &s);
    }
    let whose = match scope {
        Scope::Unit => "The whole unit".to_string(),
        Scope::Officer(id) => data.officer_label(id),
        Scope::Unassigned => "Nominals not assigned to an officer".into(),
    };
    let breach = figure.is_breach();
    let rows: Vec<Vec<Markup>> = items
        .iter()
        .map(|i| {
            let name = data
                .cohort
                .nominal(&i.nominal_id)
                .map(|n| n.display_name())
                .unwrap_or_default();
            let officer = i
                .officer_id
                .as_deref()
                .map(|id| data.officer_label(id))
                .unwrap_or_else(|| "Not assigned".into());
            let mut row = vec![
                html! { (nominal_link(&i.nominal_id, &name)) br; span class="hint" { (i.nominal_id) } },
                html! { (officer) },
                html! { (format_date(i.on)) },
                html! { (i.detail) },
            ];
            if let (Some(id), true) = (&i.record_id, breach) {
                row.push(html! {
                    a href={ "/supervise/breaches/" (segment(id)) } { "Report " (id) }
                });
            }
            row
        })
        .collect();
    let mut columns = vec![
        Column::text("Nominal"),
        Column::text("Officer"),
        Column::text("Date"),
        Column::text("Details"),
    ];
    if breach {
        columns.push(Column::text("Report"));
    }
    let caption = format!("{}: {}", figure.label(), items.len());
    let body = html! {
        p class="body" { a href="/supervise" { "Back to your team" } }
        span class="caption" { (whose) }
        h1 class="heading-l" { (figure.label()) }
        p class="hint" { (figure.hint()) " On " (format_date(today)) "." }
        @if items.is_empty() {
            p class="body" { "No nominals are on this list today." }
        } @else {
            (table(&caption, &columns, &rows))
        }
    };
    page_at(&state, Some(&s), figure.label(), body, Some("/supervise"))
}
