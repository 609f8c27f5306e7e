//! Breach decisions: `GET /supervise/breaches` (the unit's breach reports awaiting a decision,
//! oldest first, then the decided ones) and `/supervise/breaches/{report_id}` (the report as
//! the officer wrote it, the recommendation, the officer's level, any decision made, and the
//! DS's decision form: [`decision_form`](super::decision_form)). A report of another unit, or
//! none, is answered 404 as if it did not exist.

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::{NaiveDate, NaiveDateTime};
use scpo_field::domain::breach::decision::{awaiting_decision, decide, decision_for, Decider};
use scpo_field::domain::breach::report::{standing_reports, BreachReport};
use scpo_field::domain::time::dates::{days_between, format_date, format_date_time};
use scpo_field::domain::{Cohort, OfficerRef};
use serde::Deserialize;

use super::decision_form::{decision_view, form_view, Answers};
use super::forms::{error_summary, log_consultation, titled, unavailable};
use super::layout::{esc, page_at};
use super::unit::load;
use super::url::segment;
use super::{csrf_refusal, Supervisor};
use crate::state::AppState;
use crate::storage::{StorageError, StoredRecord};

const SECTION: &str = "/supervise/breaches";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(SECTION, get(list))
        .route("/supervise/breaches/{report_id}", get(show).post(record))
}

/// The server's clock as UK wall-clock time (the decision's `decided_at`, the age of a
/// report), as the phones record theirs.
pub fn local_time(ms: i64) -> NaiveDateTime {
    super::clock::uk_local(ms)
}

/// The unit's records as a cohort (every nominal, report and decision of the unit).
async fn unit_cohort(state: &AppState, s: &Supervisor) -> Result<Cohort, Response> {
    Ok(load(state, s).await?.cohort)
}

fn not_found(state: &AppState, s: &Supervisor) -> Response {
    let body = "<h1 class=\"heading-l\">Breach report not found</h1>\
<p class=\"body\">There is no breach report with this reference in your unit.</p>\
<p class=\"body\"><a href=\"/supervise/breaches\">Back to breach reports</a></p>";
    let mut r = page_at(
        state,
        Some(s),
        "Breach report not found",
        body,
        Some(SECTION),
    );
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

async fn list(State(state): State<AppState>, s: Supervisor) -> Response {
    let cohort = match unit_cohort(&state, &s).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let today: NaiveDate = local_time(state.now()).date();
    let mut awaiting = awaiting_decision(&cohort.breach_reports, &cohort.breach_decisions);
    scpo_field::domain::common::sort::sort_by(&mut awaiting, |a, b| {
        (a.recorded_at, &a.id).cmp(&(b.recorded_at, &b.id))
    });
    let link = |r: &BreachReport| {
        format!(
            "<a href=\"/supervise/breaches/{}\">{}</a>",
            esc(&segment(&r.id)),
            esc(r.shown_reference())
        )
    };
    let mut body = String::from("<h1 class=\"heading-l\">Breach reports</h1>");
    if awaiting.is_empty() {
        body.push_str("<h2 class=\"heading-m\">Awaiting a decision</h2><p class=\"body\">No breach report is awaiting a decision.</p>");
    } else {
        body.push_str("<table class=\"table\"><caption class=\"heading-m\">Awaiting a decision, oldest first</caption><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Nominal</th><th scope=\"col\">Officer</th><th scope=\"col\">Officer's level</th><th scope=\"col\">Reported</th><th scope=\"col\" class=\"table__cell--numeric\">Waiting</th></tr></thead><tbody>");
        for r in &awaiting {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"table__cell--numeric\">{}</td></tr>",
                link(r),
                esc(&r.nominal_id),
                esc(&r.officer_name),
                esc(r.decision.chosen.label()),
                esc(&format_date(r.recorded_at.date())),
                days(days_between(r.recorded_at.date(), today).max(0)),
            ));
        }
        body.push_str("</tbody></table>");
    }
    let standing = standing_reports(&cohort.breach_reports);
    let decided: Vec<_> = standing
        .iter()
        .filter_map(|r| decision_for(&r.id, &cohort.breach_decisions).map(|d| (*r, d)))
        .collect();
    if decided.is_empty() {
        body.push_str(
            "<h2 class=\"heading-m\">Decided</h2><p class=\"body\">No decision recorded yet.</p>",
        );
    } else {
        body.push_str("<table class=\"table\"><caption class=\"heading-m\">Decided</caption><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Nominal</th><th scope=\"col\">Decision</th><th scope=\"col\">Decided by</th><th scope=\"col\">Decided on</th></tr></thead><tbody>");
        for (r, d) in decided.iter().rev() {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                link(r),
                esc(&r.nominal_id),
                esc(&d.summary(Some(r.decision.chosen))),
                esc(&d.decided_by_name),
                esc(&format_date(d.decided_at.date())),
            ));
        }
        body.push_str("</tbody></table>");
    }
    page_at(&state, Some(&s), "Breach reports", &body, Some(SECTION))
}

#[derive(Deserialize)]
pub struct Shown {
    decided: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    s: Supervisor,
    Path(report_id): Path<String>,
    Query(q): Query<Shown>,
) -> Response {
    let cohort = match unit_cohort(&state, &s).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(report) = cohort.breach_reports.iter().find(|r| r.id == report_id) else {
        return not_found(&state, &s);
    };
    let answers = Answers::fresh(&cohort, &report.id);
    render(
        &state,
        &s,
        &cohort,
        report,
        &answers,
        &[],
        q.decided.is_some(),
    )
    .await
}

async fn record(
    State(state): State<AppState>,
    s: Supervisor,
    Path(report_id): Path<String>,
    Form(a): Form<Answers>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &a.csrf) {
        return refused;
    }
    let cohort = match unit_cohort(&state, &s).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(report) = cohort.breach_reports.iter().find(|r| r.id == report_id) else {
        return not_found(&state, &s);
    };
    let me = OfficerRef {
        id: s.officer.id.clone(),
        name: s.officer.name.clone(),
    };
    let by = Decider {
        officer: &me,
        at: local_time(state.now()),
        id: format!("BD-{}", crate::secrets::random_id(8)),
        custody: cohort.nominal(&report.nominal_id).map(|n| &n.custody),
    };
    let decision = match decide(
        &a.to_domain(),
        &report.nominal_id,
        &report.id,
        &cohort.breach_reports,
        &cohort.breach_decisions,
        by,
    ) {
        Ok(d) => d,
        Err(problems) => {
            let problems: Vec<_> = problems
                .into_iter()
                .map(|p| (p.field.id(), p.message))
                .collect();
            return render(&state, &s, &cohort, report, &a, &problems, false).await;
        }
    };
    let stored = StoredRecord {
        kind: "breach_decision".into(),
        id: decision.id.clone(),
        nominal_id: decision.nominal_id.clone(),
        record: serde_json::to_value(&decision).unwrap_or_default(),
    };
    match state
        .storage
        .add_decision(&s.officer.unit_id, &stored, &s.officer.id, state.now())
        .await
    {
        Ok(()) => {
            tracing::info!(decision = %decision.id, report = %report.id, "breach decision recorded");
            Redirect::to(&format!(
                "/supervise/breaches/{}?decided=1",
                segment(&report.id)
            ))
            .into_response()
        }
        Err(StorageError::Conflict(_)) => {
            let problems = vec![(
                "report",
                "A decision was recorded on this report since you opened it: read it, then decide again".to_string(),
            )];
            render(&state, &s, &cohort, report, &a, &problems, false).await
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(_) => unavailable(&state, &s),
    }
}

/// The report page: the report as written, any decision, then the form (or, when the report
/// has been corrected, where the correction is). Opening it is a consultation of the nominal.
async fn render(
    state: &AppState,
    s: &Supervisor,
    cohort: &Cohort,
    r: &BreachReport,
    answers: &Answers,
    problems: &[(&'static str, String)],
    decided: bool,
) -> Response {
    let _ = log_consultation(state, s, &r.nominal_id).await;
    let mut body = String::new();
    if decided {
        body.push_str("<div class=\"panel panel--success\" role=\"status\"><h2 class=\"heading-m\">Decision recorded</h2><p class=\"body\">The officer's phone receives it on its next sync, and it shows on the nominal's history.</p></div>");
    }
    body.push_str(&error_summary(problems));
    let name = cohort
        .nominal(&r.nominal_id)
        .map(|n| n.display_name())
        .unwrap_or_default();
    body.push_str(&format!(
        "<a class=\"back-link\" href=\"/supervise/breaches\">Back to breach reports</a><span class=\"caption\">{} ({})</span><h1 class=\"heading-l\">Breach report {}</h1>",
        esc(&name),
        esc(&r.nominal_id),
        esc(r.shown_reference())
    ));
    body.push_str(&super::decision_form::report_view(cohort, r));
    body.push_str(&super::exhibits::exhibits_view(cohort, r));
    let current = decision_for(&r.id, &cohort.breach_decisions);
    if let Some(d) = current {
        body.push_str(&decision_view(d, r, &cohort.breach_decisions));
    }
    let standing = standing_reports(&cohort.breach_reports)
        .iter()
        .any(|x| x.id == r.id);
    if standing {
        body.push_str(&form_view(s, r, current, answers, problems));
    } else {
        let by = cohort
            .breach_reports
            .iter()
            .find(|x| x.corrects.as_deref() == Some(r.id.as_str()));
        body.push_str("<div class=\"warning-text\" id=\"report\"><p class=\"body\"><strong>This report has been corrected.</strong> Decisions are made on the report as corrected");
        if let Some(c) = by {
            body.push_str(&format!(
                ": <a href=\"/supervise/breaches/{}\">report {}</a>",
                esc(&segment(&c.id)),
                esc(c.shown_reference())
            ));
        }
        body.push_str(".</p></div>");
    }
    let title = titled(problems, &format!("Breach report {}", r.shown_reference()));
    let mut resp = page_at(state, Some(s), &title, &body, Some(SECTION));
    if !problems.is_empty() {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    resp
}

/// For the decision form and the report view: the date and time of a record, en-GB.
pub fn when(t: NaiveDateTime) -> String {
    format_date_time(t)
}
