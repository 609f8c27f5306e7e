//! The outcomes as CSV downloads, each logged as a disclosure before it is given (as the audit
//! log's download is): `/supervise/outcomes.csv`, the figures per quarter as the page's table
//! has them, and `/supervise/outcomes/breaches.csv`, the breaches those figures count, one a
//! line, naming each nominal (so one `disclosed` line for each nominal named). Every cell goes
//! through the server's one CSV writer ([`crate::csv::line`]), which neutralises a cell a
//! spreadsheet would run as a formula. Nothing is given if the disclosure cannot be logged.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use scpo_field::domain::oversight::outcomes::{outcomes, Quarter, QuarterFigures};
use scpo_field::domain::oversight::unit::DecisionLevel;

use super::QUARTERS;
use crate::state::AppState;
use crate::supervise::oversight as o;
use crate::supervise::unit::load;
use crate::supervise::Supervisor;

/// "2026-Q4".
fn quarter_id(q: Quarter) -> String {
    format!("{}-Q{}", q.year, q.number)
}

/// What the download covers, for its audit line: "2025-Q1..2026-Q4".
fn span(figures: &[QuarterFigures]) -> String {
    match (figures.first(), figures.last()) {
        (Some(a), Some(b)) => format!("{}..{}", quarter_id(a.quarter), quarter_id(b.quarter)),
        _ => String::new(),
    }
}

/// The CSV as a download named `{name}-{today}.csv`, never cached.
fn download(name: &str, today: NaiveDate, text: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{name}-{}.csv\"",
                    today.format("%Y-%m-%d")
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response()
}

/// The figures' header line: the page's table's columns.
pub fn figures_header() -> String {
    let mut cells = vec!["Quarter", "People on orders", "Breaches"];
    cells.extend(DecisionLevel::ALL.map(|l| l.outcome_label()));
    cells.extend(["Awaiting decision", "Disruptions recorded"]);
    crate::csv::line(&cells)
}

pub async fn figures(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = o::today(&state);
    let figures = outcomes(&data.unit(), today, QUARTERS);
    let mut text = format!("{}\r\n", figures_header());
    for f in &figures {
        let mut cells = vec![
            f.quarter.label(),
            f.on_orders.to_string(),
            f.breaches().to_string(),
        ];
        cells.extend(DecisionLevel::ALL.map(|l| f.outcome(l).to_string()));
        cells.push(f.awaiting_decision.to_string());
        cells.push(f.disruptions.to_string());
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        text.push_str(&crate::csv::line(&cells));
        text.push_str("\r\n");
    }
    let what = format!("figures {}", span(&figures));
    let logged = state
        .storage
        .audit(
            &s.officer.id,
            None,
            "disclosed",
            "outcomes",
            &what,
            None,
            state.now(),
        )
        .await;
    if logged.is_err() {
        return o::unavailable(&state, &s);
    }
    download("outcomes", today, text)
}

/// The breaches' header line.
pub const BREACHES_HEADER: &str = "Quarter,Happened on,Report,Nominal ID,Nominal,Officer,Officer's level,Outcome,Decided on,Decided by,Disruption recorded";

pub async fn breaches(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = o::today(&state);
    let unit = data.unit();
    let figures = outcomes(&unit, today, QUARTERS);
    let first = figures.first().map_or(today, |f| f.quarter.first_day());
    let mut counted: Vec<_> = unit
        .breaches()
        .into_iter()
        .filter(|(r, _)| (first..=today).contains(&r.occurred_at.date()))
        .collect();
    counted.sort_by(|(a, _), (b, _)| (a.occurred_at, &a.id).cmp(&(b.occurred_at, &b.id)));
    let mut text = format!("{BREACHES_HEADER}\r\n");
    let mut named: Vec<(String, String, Option<String>)> = Vec::new();
    let what = format!("breaches {}", span(&figures));
    for (r, d) in &counted {
        let name = data
            .cohort
            .nominal(&r.nominal_id)
            .map(|n| n.display_name())
            .unwrap_or_default();
        let (outcome, decided_on, decided_by, disruption) = match d {
            Some(d) => (
                d.level.outcome_label().to_string(),
                d.decided_at.date().to_string(),
                d.decided_by_name.clone(),
                if d.disruption { "Yes" } else { "No" },
            ),
            None => ("Awaiting decision".into(), String::new(), String::new(), ""),
        };
        text.push_str(&crate::csv::line(&[
            &Quarter::of(r.occurred_at.date()).label(),
            &r.occurred_at.date().to_string(),
            r.shown_reference(),
            &r.nominal_id,
            &name,
            &r.officer_name,
            r.decision.chosen.label(),
            &outcome,
            &decided_on,
            &decided_by,
            disruption,
        ]));
        text.push_str("\r\n");
        let line = (
            "outcomes".to_string(),
            what.clone(),
            Some(r.nominal_id.clone()),
        );
        if !named.contains(&line) {
            named.push(line);
        }
    }
    if named.is_empty() {
        named.push(("outcomes".into(), what, None));
    }
    // One line for each nominal the file names, all or none.
    if state
        .storage
        .audit_many(&s.officer.id, "disclosed", &named, state.now())
        .await
        .is_err()
    {
        return o::unavailable(&state, &s);
    }
    download("outcome-breaches", today, text)
}
