//! The team dashboard (`/supervise`): per officer and for the unit, what needs doing, each
//! figure a link to the list behind it (`/supervise/lists/{figure}`), and when each phone last
//! synced.
//!
//! The dashboard shows counts and officers only. A list shows nominals by name, so opening one
//! is a consultation of each nominal listed: one audit line per nominal (s.62), written before
//! the list is shown; if it cannot be written, the list is not shown.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use scpo_field::domain::oversight::unit::{dashboard, Dashboard, Figure, Scope};
use scpo_field::domain::time::dates::format_date;
use serde::Deserialize;

use super::layout::{csrf_field, esc, page_at};
use super::oversight as o;
use super::unit::{load, UnitData};
use super::url::{query, segment};
use super::Supervisor;
use crate::state::AppState;

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
    let board = dashboard(&data.unit(), today);
    let cols = scopes(&data, &board);
    let mut head = String::from("<th scope=\"col\">Figure</th>");
    for (_, label) in &cols {
        head.push_str(&format!(
            "<th scope=\"col\" class=\"table__cell--numeric\">{}</th>",
            esc(label)
        ));
    }
    let mut rows = String::from("<tr><th scope=\"row\">Nominals held</th>");
    for (scope, _) in &cols {
        rows.push_str(&format!(
            "<td class=\"table__cell--numeric\">{}</td>",
            board.held(*scope)
        ));
    }
    rows.push_str("</tr>");
    for figure in Figure::ALL {
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            esc(figure.label())
        ));
        for (scope, label) in &cols {
            let n = board.count(figure, *scope);
            let cell = if n == 0 {
                "0".to_string()
            } else {
                format!(
                    "<a href=\"{}\">{n}<span class=\"visually-hidden\"> – {}, {}</span></a>",
                    esc(&list_href(figure, *scope)),
                    esc(figure.label()),
                    esc(label)
                )
            };
            rows.push_str(&format!("<td class=\"table__cell--numeric\">{cell}</td>"));
        }
        rows.push_str("</tr>");
    }
    let body = format!(
        "<span class=\"caption\">Signed in as {} ({})</span>\
<h1 class=\"heading-l\">Your team</h1>\
<p class=\"body\">Figures on {}. Select a number to see the nominals behind it.</p>\
<table class=\"table\"><caption>What needs doing, by officer</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\
<p class=\"hint\">Recall referrals awaiting an outcome: breaches decided as a request to HMPPS to recall whose referral to probation has no outcome yet, or with no referral made yet.</p>\
{}\
<h2 class=\"heading-m\">Signing out</h2>\
<form method=\"post\" action=\"/supervise/sign-out-everywhere\">{}<button class=\"button button--secondary\" type=\"submit\">Sign out on every device</button></form>",
        esc(&s.officer.name),
        esc(&s.officer.id),
        esc(&format_date(today)),
        phones(&state, &data).await,
        csrf_field(&s)
    );
    page_at(&state, Some(&s), "Your team", &body, Some("/supervise"))
}

/// Records waiting on phones: each officer's phones and when each last synced.
async fn phones(state: &AppState, data: &UnitData) -> String {
    let devices = super::unit::unit_devices(state, data).await;
    let mut rows = String::new();
    for officer in &data.officers {
        let theirs: Vec<_> = devices
            .iter()
            .filter(|d| d.officer_id == officer.id)
            .collect();
        let who = esc(&data.officer_label(&officer.id));
        if theirs.is_empty() {
            rows.push_str(&format!(
                "<tr><th scope=\"row\">{who}</th><td>No phone enrolled</td><td></td><td></td></tr>"
            ));
        }
        for d in theirs {
            let synced = d
                .last_seen_at
                .map(super::clock::uk_date_time)
                .unwrap_or_else(|| "Not yet".into());
            let waiting = o::records_waiting(d)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "Not known".into());
            rows.push_str(&format!(
                "<tr><th scope=\"row\">{who}</th><td>{}</td><td>{}</td><td class=\"table__cell--numeric\">{}</td></tr>",
                esc(&d.label),
                esc(&synced),
                esc(&waiting)
            ));
        }
    }
    format!(
        "<table class=\"table\"><caption>Records waiting on phones</caption><thead><tr><th scope=\"col\">Officer</th><th scope=\"col\">Phone</th><th scope=\"col\">Last sync</th><th scope=\"col\" class=\"table__cell--numeric\">Records waiting</th></tr></thead><tbody>{rows}</tbody></table>"
    )
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
    let board = dashboard(&data.unit(), today);
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
    let mut rows = String::new();
    for i in &items {
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
        let report = match (&i.record_id, breach) {
            (Some(id), true) => format!(
                "<td><a href=\"/supervise/breaches/{}\">Report {}</a></td>",
                esc(&segment(id)),
                esc(id)
            ),
            _ => String::new(),
        };
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}<br><span class=\"hint\">{}</span></th><td>{}</td><td>{}</td><td>{}</td>{report}</tr>",
            esc(&name),
            esc(&i.nominal_id),
            esc(&officer),
            esc(&format_date(i.on)),
            esc(&i.detail)
        ));
    }
    let report_head = if breach {
        "<th scope=\"col\">Report</th>"
    } else {
        ""
    };
    let table = if items.is_empty() {
        "<p class=\"body\">No nominals are on this list today.</p>".to_string()
    } else {
        format!(
            "<table class=\"table\"><caption>{}: {}</caption><thead><tr><th scope=\"col\">Nominal</th><th scope=\"col\">Officer</th><th scope=\"col\">Date</th><th scope=\"col\">Details</th>{report_head}</tr></thead><tbody>{rows}</tbody></table>",
            esc(figure.label()),
            items.len()
        )
    };
    let body = format!(
        "<p class=\"body\"><a href=\"/supervise\">Back to your team</a></p>\
<span class=\"caption\">{}</span>\
<h1 class=\"heading-l\">{}</h1>\
<p class=\"hint\">{} On {}.</p>\
{table}",
        esc(&whose),
        esc(figure.label()),
        esc(figure.hint()),
        esc(&format_date(today)),
    );
    page_at(&state, Some(&s), figure.label(), &body, Some("/supervise"))
}
