//! The s.62 log (`/supervise/audit`): the unit's lines, filtered by person, nominal or date,
//! newest first, 200 a page; and the same lines as a CSV download (`/supervise/audit.csv`),
//! which is itself logged as a disclosure. Only the supervisor's unit: lines by its officers
//! or about its nominals (the storage query says so in SQL).
//!
//! Reading the log on screen is not logged (it shows ids, never a nominal's details); the
//! download is, since the log leaves the server.

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Days, NaiveDate};
use maud::{html, Markup};
use serde::Deserialize;

use crate::state::AppState;
use crate::storage::{AuditEntry, AuditFilter};
use crate::supervise::kit::{
    button, error_summary, page_at, table_with, text_input, titled, ButtonKind, Column, Layout,
    TextField,
};
use crate::supervise::oversight as o;
use crate::supervise::url::query;
use crate::supervise::Supervisor;

/// Lines on one page.
pub const PAGE: i64 = 200;
/// Lines read at a time for a download.
const CHUNK: i64 = 1000;

#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    person: String,
    #[serde(default)]
    nominal: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    /// The next page: lines older than this one (a number; anything else is ignored).
    #[serde(default)]
    before: String,
}

/// A problem with one field: (field id, message).
type Problem = (&'static str, String);

/// An id as typed: letters, digits, `-`, `_` and `.`, at most 64.
fn id_field(
    value: &str,
    field: &'static str,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let ok = v.len() <= 64
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        problems.push((
            field,
            format!("Enter {what} as letters, numbers and hyphens, like the examples"),
        ));
        return None;
    }
    Some(v.to_string())
}

fn date_field(
    value: &str,
    field: &'static str,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push((field, format!("Enter {what} as a real date")));
            None
        }
    }
}

/// The filter the query asks for, or what is wrong with it.
fn filter_of(q: &AuditQuery, unit_id: &str) -> Result<AuditFilter, Vec<Problem>> {
    let mut problems = Vec::new();
    // Officer ids are upper case (the sign-in takes them in any case); nominal ids as given.
    let actor =
        id_field(&q.person, "person", "the officer ID", &mut problems).map(|a| a.to_uppercase());
    let nominal_id = id_field(&q.nominal, "nominal", "the nominal ID", &mut problems);
    let from = date_field(&q.from, "from", "the first day", &mut problems);
    let to = date_field(&q.to, "to", "the last day", &mut problems);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            problems.push((
                "to",
                "The last day must be the same as or after the first day".into(),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(AuditFilter {
        unit_id: unit_id.to_string(),
        actor,
        nominal_id,
        from: from.and_then(o::start_of),
        until: to
            .and_then(|t| t.checked_add_days(Days::new(1)))
            .and_then(o::start_of),
        before_seq: q.before.trim().parse().ok(),
    })
}

/// The query string of the filters as given (for the CSV link and the next page).
fn query_string(q: &AuditQuery) -> String {
    query(&[
        ("person", q.person.trim()),
        ("nominal", q.nominal.trim()),
        ("from", q.from.trim()),
        ("to", q.to.trim()),
    ])
}

/// One of the filter's fields: its hint, and its problem when it has one.
fn field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    date: bool,
    value: &str,
    problems: &[Problem],
) -> Markup {
    let error = problems
        .iter()
        .find(|(f, _)| *f == id)
        .map(|(_, m)| m.as_str());
    text_input(&TextField {
        hint: Some(hint),
        width: date.then_some("input--date"),
        kind: Some(if date { "date" } else { "text" }),
        error,
        ..TextField::new(id, label, value)
    })
}

pub async fn page(
    State(state): State<AppState>,
    s: Supervisor,
    Query(q): Query<AuditQuery>,
) -> Response {
    let filter = filter_of(&q, &s.officer.unit_id);
    let problems = filter.as_ref().err().cloned().unwrap_or_default();
    let results = match filter {
        Err(_) => html! {},
        Ok(f) => match state.storage.audit_query(&f, PAGE + 1).await {
            Err(_) => return o::unavailable(&state, &s),
            Ok(mut rows) => {
                let more = rows.len() > PAGE as usize;
                rows.truncate(PAGE as usize);
                results_html(&q, &rows, more)
            }
        },
    };
    let title = titled(&problems, "Audit log");
    let body = html! {
        (error_summary(&problems))
        h1 class="heading-l" { "Audit log" }
        p class="body" {
            "Who consulted, created, altered or disclosed the unit's records, and when (Data Protection Act 2018, s.62). Newest first."
        }
        form method="get" action="/supervise/audit" novalidate {
            (field("person", "Person", "An officer ID, for example PC-0123. Leave blank for everyone.", false, &q.person, &problems))
            (field("nominal", "Nominal", "A nominal ID, for example N-0123. Leave blank for all.", false, &q.nominal, &problems))
            (field("from", "From", "The first day, for example 1 November 2026.", true, &q.from, &problems))
            (field("to", "To", "The last day, included.", true, &q.to, &problems))
            (button("Show lines", ButtonKind::Primary))
        }
        (results)
    };
    page_at(&state, Some(&s), &title, body, Some("/supervise/audit"))
}

fn results_html(q: &AuditQuery, rows: &[AuditEntry], more: bool) -> Markup {
    if rows.is_empty() {
        return html! { p class="body" { "No lines match." } };
    }
    let qs = query_string(q);
    let csv_href = if qs.is_empty() {
        "/supervise/audit.csv".to_string()
    } else {
        format!("/supervise/audit.csv?{qs}")
    };
    let lines: Vec<Vec<Markup>> = rows
        .iter()
        .map(|r| {
            vec![
                html! { (crate::supervise::clock::uk_date_time(r.at)) },
                html! { (r.actor) },
                html! { (r.device_id.as_deref().unwrap_or("")) },
                html! { (r.action) },
                html! { (r.record_kind) " " (r.record_id) },
                html! { (r.nominal_id.as_deref().unwrap_or("")) },
            ]
        })
        .collect();
    let next = match (more, rows.last()) {
        (true, Some(last)) => {
            let sep = if qs.is_empty() { "" } else { "&" };
            let before = query(&[("before", &last.seq.to_string())]);
            Some(format!("/supervise/audit?{qs}{sep}{before}"))
        }
        _ => None,
    };
    let shown = if !q.before.trim().is_empty() {
        "older lines"
    } else {
        "newest first"
    };
    let columns = [
        Column::text("When"),
        Column::text("Person"),
        Column::text("Device"),
        Column::text("Action"),
        Column::text("Record"),
        Column::text("Nominal"),
    ];
    let caption = format!("Audit lines ({shown}): {} shown", rows.len());
    // The time on one line; the ids wrap instead (`.table--audit` in style/main.css).
    let layout = Layout {
        nowrap_row_headers: true,
        class: Some("table--audit"),
    };
    html! {
        p class="body" { a href=(csv_href) download { "Download these lines as CSV" } }
        (table_with(&caption, &columns, &lines, layout))
        @if let Some(href) = next {
            p class="body" { a href=(href) { "Older lines" } }
        }
    }
}

pub async fn csv(
    State(state): State<AppState>,
    s: Supervisor,
    Query(q): Query<AuditQuery>,
) -> Response {
    let Ok(mut filter) = filter_of(
        &AuditQuery {
            before: String::new(),
            ..q.clone()
        },
        &s.officer.unit_id,
    ) else {
        // Show what is wrong on the page.
        let qs = query_string(&q);
        return Redirect::to(&format!("/supervise/audit?{qs}")).into_response();
    };
    let mut text = format!("{}\r\n", crate::csv::AUDIT_HEADER);
    loop {
        let rows = match state.storage.audit_query(&filter, CHUNK).await {
            Ok(r) => r,
            Err(_) => return o::unavailable(&state, &s),
        };
        for r in &rows {
            text.push_str(&crate::csv::audit_line(r));
            text.push_str("\r\n");
        }
        match rows.last() {
            Some(last) if rows.len() as i64 == CHUNK => filter.before_seq = Some(last.seq),
            _ => break,
        }
    }
    // The log leaves the server: that is logged too, with the filter it was taken with.
    let what = format!(
        "person={};nominal={};from={};to={}",
        q.person.trim(),
        q.nominal.trim(),
        q.from.trim(),
        q.to.trim()
    );
    let what: String = what.chars().take(200).collect();
    let logged = state
        .storage
        .audit(
            &s.officer.id,
            None,
            "disclosed",
            "audit_log",
            &what,
            filter.nominal_id.as_deref(),
            state.now(),
        )
        .await;
    if logged.is_err() {
        return o::unavailable(&state, &s);
    }
    let today = o::today(&state);
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"audit-{}.csv\"",
                    today.format("%Y-%m-%d")
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response()
}
