//! Breach decisions: `GET /supervise/breaches` (the unit's breach reports awaiting a decision,
//! oldest first, then the decided ones) and `/supervise/breaches/{report_id}` (the report as
//! the officer wrote it, the recommendation, the officer's level, any decision made, and the
//! DS's decision form: [`decision_form`](self::decision_form)). A report of another unit, or
//! none, is answered 404 as if it did not exist.
//!
//! The report page names and links the nominal, shows the recall referral made on the report
//! and where it stands ([`referral`]), and once a decision is recorded shows it with a link,
//! "Change this decision", that opens the form (`?change=1`) instead of a second blank form.

mod decision_form;
mod document;
mod documents;
mod exhibits;
mod referral;

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::{NaiveDate, NaiveDateTime};
use maud::{html, Markup};
use scpo_field::domain::breach::decision::{awaiting_decision, decide, decision_for, Decider};
use scpo_field::domain::breach::report::{standing_reports, BreachReport};
use scpo_field::domain::time::dates::{days_between, format_date, format_date_time};
use scpo_field::domain::{Cohort, OfficerRef};
use serde::Deserialize;

use self::decision_form::{decision_view, form_view, Answers};
use super::forms::{log_consultation, unavailable};
use super::kit::{error_summary, page_at, table, titled, Column};
use super::nominal::nominal_link;
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
        .merge(exhibits::routes())
        .merge(documents::routes())
}

/// The server's clock as UK wall-clock time (the decision's `decided_at`, the age of a
/// report), as the phones record theirs.
pub fn local_time(ms: i64) -> NaiveDateTime {
    super::clock::uk_local(ms)
}

/// The unit's records as a cohort (every nominal, report and decision of the unit).
async fn unit_cohort(state: &AppState, s: &Supervisor) -> Result<std::sync::Arc<Cohort>, Response> {
    Ok(load(state, s).await?.cohort)
}

fn not_found(state: &AppState, s: &Supervisor) -> Response {
    let body = html! {
        h1 class="heading-l" { "Breach report not found" }
        p class="body" { "There is no breach report with this reference in your unit." }
        p class="body" { a href="/supervise/breaches" { "Back to breach reports" } }
    };
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
    let standing = standing_reports(&cohort.breach_reports);
    let decided: Vec<_> = standing
        .iter()
        .filter_map(|r| decision_for(&r.id, &cohort.breach_decisions).map(|d| (*r, d)))
        .collect();
    let text = |t: &str| html! { (t) };
    // The nominal by name, linked to their page, with their ID.
    let nominal = |id: &str| {
        let name = cohort
            .nominal(id)
            .map_or_else(|| id.to_string(), |n| n.display_name());
        html! { (nominal_link(id, &name)) br; span class="hint" { (id) } }
    };
    let awaiting_rows: Vec<Vec<Markup>> = awaiting
        .iter()
        .map(|r| {
            vec![
                link(r),
                nominal(&r.nominal_id),
                text(&r.officer_name),
                text(r.decision.chosen.label()),
                text(&format_date(r.recorded_at.date())),
                text(&days(days_between(r.recorded_at.date(), today).max(0))),
            ]
        })
        .collect();
    let decided_rows: Vec<Vec<Markup>> = decided
        .iter()
        .rev()
        .map(|(r, d)| {
            vec![
                link(r),
                nominal(&r.nominal_id),
                text(&d.summary(Some(r.decision.chosen))),
                text(&d.decided_by_name),
                text(&format_date(d.decided_at.date())),
            ]
        })
        .collect();
    let awaiting_columns = [
        Column::text("Report"),
        Column::text("Nominal"),
        Column::text("Officer"),
        Column::text("Officer's level"),
        Column::text("Reported"),
        Column::number("Waiting"),
    ];
    let decided_columns = [
        Column::text("Report"),
        Column::text("Nominal"),
        Column::text("Decision"),
        Column::text("Decided by"),
        Column::text("Decided on"),
    ];
    let body = html! {
        h1 class="heading-l" { "Breach reports" }
        @if awaiting_rows.is_empty() {
            h2 class="heading-m" { "Awaiting a decision" }
            p class="body" { "No breach report is awaiting a decision." }
        } @else {
            (table("Awaiting a decision, oldest first", &awaiting_columns, &awaiting_rows))
        }
        @if decided_rows.is_empty() {
            h2 class="heading-m" { "Decided" }
            p class="body" { "No decision recorded yet." }
        } @else {
            (table("Decided", &decided_columns, &decided_rows))
        }
    };
    page_at(&state, Some(&s), "Breach reports", body, Some(SECTION))
}

/// A link to a report's page, by the reference a person reads.
fn link(r: &BreachReport) -> Markup {
    html! { a href={ "/supervise/breaches/" (segment(&r.id)) } { (r.shown_reference()) } }
}

#[derive(Deserialize)]
pub struct Shown {
    decided: Option<String>,
    /// The form to change a recorded decision is asked for.
    change: Option<String>,
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
    let shown = Shown {
        decided: q.decided,
        change: q.change,
    };
    render(&state, &s, &cohort, report, &answers, &[], &shown).await
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
            return render(&state, &s, &cohort, report, &a, &problems, &sent_back()).await;
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
            render(&state, &s, &cohort, report, &a, &problems, &sent_back()).await
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
    shown: &Shown,
) -> Response {
    let decided = shown.decided.is_some();
    let _ = log_consultation(state, s, &r.nominal_id).await;
    let name = cohort
        .nominal(&r.nominal_id)
        .map(|n| n.display_name())
        .unwrap_or_default();
    let current = decision_for(&r.id, &cohort.breach_decisions);
    let standing = standing_reports(&cohort.breach_reports)
        .iter()
        .any(|x| x.id == r.id);
    let corrected_by = cohort
        .breach_reports
        .iter()
        .find(|x| x.corrects.as_deref() == Some(r.id.as_str()));
    let body = html! {
        @if decided {
            div class="panel panel--success" role="status" {
                h2 class="heading-m" { "Decision recorded" }
                p class="body" {
                    "The officer's phone receives it on its next sync, and it shows on the nominal's history."
                }
            }
        }
        (error_summary(problems))
        a class="back-link" href="/supervise/breaches" { "Back to breach reports" }
        span class="caption" {
            a href={ "/supervise/nominals/" (segment(&r.nominal_id)) } { (name) } " (" (r.nominal_id) ")"
        }
        h1 class="heading-l" { "Breach report " (r.shown_reference()) }
        (self::decision_form::report_view(cohort, r))
        (self::exhibits::exhibits_view(cohort, r))
        (referral::referral_view(cohort, r))
        (documents::links(cohort, r))
        @if let Some(d) = current { (decision_view(d, r, &cohort.breach_decisions)) }
        @if standing && (current.is_none() || shown.change.is_some() || !problems.is_empty()) {
            (form_view(s, r, current, answers, problems))
        } @else if standing {
            p class="body" {
                a href={ "/supervise/breaches/" (segment(&r.id)) "?change=1#report" } { "Change this decision" }
            }
        } @else {
            div class="warning-text" id="report" {
                p class="body" {
                    strong { "This report has been corrected." }
                    " Decisions are made on the report as corrected"
                    @if let Some(c) = corrected_by {
                        ": " a href={ "/supervise/breaches/" (segment(&c.id)) } { "report " (c.shown_reference()) }
                    }
                    "."
                }
            }
        }
    };
    let title = titled(problems, &format!("Breach report {}", r.shown_reference()));
    let mut resp = page_at(state, Some(s), &title, body, Some(SECTION));
    if !problems.is_empty() {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    resp
}

/// The report page as sent back with problems: the form open.
fn sent_back() -> Shown {
    Shown {
        decided: None,
        change: Some("1".into()),
    }
}

/// For the decision form and the report view: the date and time of a record, en-GB.
pub fn when(t: NaiveDateTime) -> String {
    format_date_time(t)
}
