//! A breach report's printouts on the desk, as the phone would print them from the records the
//! server holds: `/supervise/breaches/{report_id}/report` (the breach report),
//! `/pack` (the s.25 evidence pack, what it lacks first) and `/referral` (the recall referral's
//! police information, the material not for disclosure on a page of its own; only when a
//! referral was made on the report). Each is built by the domain's builders from the unit's
//! cohort ([`load`]) and drawn by the desk's one renderer ([`document_body`]).
//!
//! Each opening is logged in the audit log as a consultation (ids only) before anything is
//! shown; if it cannot be logged, nothing is shown. A report of another unit, or none, is
//! answered 404 as the breach report's page answers it.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::document::Document;
use scpo_field::domain::evidence_pack::{evidence_pack, pack_document, report_document};
use scpo_field::domain::referral::referral_document;
use scpo_field::domain::Cohort;

use super::document::document_body;
use super::{local_time, not_found, SECTION};
use crate::state::AppState;
use crate::supervise::forms::{log_consulted, unavailable};
use crate::supervise::kit::page_at;
use crate::supervise::unit::load;
use crate::supervise::url::segment;
use crate::supervise::Supervisor;

const NOTE: &str =
    "Print it, or choose “Save as PDF” in your browser’s print dialogue. It is laid out for A4.";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/breaches/{report_id}/report", get(report))
        .route("/supervise/breaches/{report_id}/pack", get(pack))
        .route("/supervise/breaches/{report_id}/referral", get(referral))
}

/// Which printout is asked for.
#[derive(Clone, Copy)]
enum Asked {
    Report,
    Pack,
    Referral,
}

async fn report(state: State<AppState>, s: Supervisor, id: Path<String>) -> Response {
    open(state, s, id, Asked::Report).await
}

async fn pack(state: State<AppState>, s: Supervisor, id: Path<String>) -> Response {
    open(state, s, id, Asked::Pack).await
}

async fn referral(state: State<AppState>, s: Supervisor, id: Path<String>) -> Response {
    open(state, s, id, Asked::Referral).await
}

/// The document asked for of the report, with what the audit log names it by (the kind and
/// id of the record consulted), or `None` when there is none.
fn build(
    cohort: &Cohort,
    r: &BreachReport,
    asked: Asked,
    state: &AppState,
) -> Option<(Document, &'static str, String)> {
    match asked {
        Asked::Report => {
            let doc = report_document(cohort, &r.nominal_id, &r.id)?;
            Some((doc, "breach_report", r.id.clone()))
        }
        Asked::Pack => {
            let today = local_time(state.now()).date();
            let p = evidence_pack(cohort, &r.id, today)?;
            Some((pack_document(&p), "evidence_pack", r.id.clone()))
        }
        Asked::Referral => {
            let f = made_on(cohort, r)?;
            let n = cohort.nominal(&r.nominal_id)?;
            Some((referral_document(f, n), "recall_referral", f.id.clone()))
        }
    }
}

/// The recall referral made on the report, if any.
fn made_on<'a>(
    cohort: &'a Cohort,
    r: &BreachReport,
) -> Option<&'a scpo_field::domain::referral::record::RecallReferral> {
    cohort
        .recall_referrals
        .iter()
        .find(|f| f.breach_report_id == r.id && f.nominal_id == r.nominal_id)
}

async fn open(
    State(state): State<AppState>,
    s: Supervisor,
    Path(report_id): Path<String>,
    asked: Asked,
) -> Response {
    let cohort = match load(&state, &s).await {
        Ok(data) => data.cohort,
        Err(r) => return r,
    };
    let Some(r) = cohort.breach_reports.iter().find(|r| r.id == report_id) else {
        return not_found(&state, &s);
    };
    let Some((doc, kind, id)) = build(&cohort, r, asked, &state) else {
        return not_found(&state, &s);
    };
    let logged = log_consulted(&state, &s, kind, &id, &r.nominal_id).await;
    // Nothing is shown that is not logged first.
    if logged.is_err() {
        return unavailable(&state, &s);
    }
    let back = format!("/supervise/breaches/{}", segment(&r.id));
    let body = document_body(&doc, &back, "Back to the breach report", NOTE);
    page_at(&state, Some(&s), &doc.page_title, body, Some(SECTION))
}

/// The links from a breach report's page to its printouts (the referral's only when one was
/// made on the report).
pub fn links(cohort: &Cohort, r: &BreachReport) -> Markup {
    let base = format!("/supervise/breaches/{}", segment(&r.id));
    html! {
        h2 class="heading-m" id="documents" { "Documents" }
        ul class="list" {
            li { a href={ (base) "/report" } { "The breach report as printed" } }
            li { a href={ (base) "/pack" } { "The s.25 evidence pack" } }
            @if made_on(cohort, r).is_some() {
                li { a href={ (base) "/referral" } { "The recall referral’s police information (Part A)" } }
            }
        }
    }
}
