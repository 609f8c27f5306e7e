//! Exporting the unit's cohort from the desk: a page offering the cohort file (the format the
//! import reads) and the three CSV files of the import's templates. The unit is the session's;
//! each download is logged as a disclosure before it is given.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::html;
use scpo_field::domain::OfficerRef;

use super::SECTION;
use crate::export::{export, ExportFile};
use crate::state::AppState;
use crate::supervise::clock::uk_today;
use crate::supervise::forms::{not_found, unavailable};
use crate::supervise::kit::{back_link, page_at, warning_text};
use crate::supervise::Supervisor;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/cohort/export", get(page))
        .route("/supervise/cohort/export/{file}", get(download))
}

async fn page(State(state): State<AppState>, s: Supervisor) -> Response {
    let link = |f: ExportFile, words: &str| {
        html! { a href={ "/supervise/cohort/export/" (f.name()) } download { (words) " (" (f.name()) ")" } }
    };
    let body = html! {
        (back_link("/supervise/cohort", "Back to the cohort"))
        h1 class="heading-l" { "Export your unit's cohort" }
        (warning_text(html! { "These files hold personal data of everyone your unit supervises. Each download is recorded in the audit log as a disclosure, with your name. Keep them only on approved systems." }))
        h2 class="heading-m" { "As a cohort file" }
        p class="body" { "Everything your unit holds in the SCPO Field cohort format: nominals, orders with their variations, provisions, contact plans and the records made since (not exhibits' photos). Importing it again changes nothing." }
        p class="body" { (link(ExportFile::Cohort, "Download the cohort file")) }
        h2 class="heading-m" { "As spreadsheets (CSV)" }
        p class="body" { "The same three files the import from spreadsheets takes: nominals (with contact plans), orders and provisions. Variations and the records made since are not in them." }
        ul class="list list--bullet" {
            li { (link(ExportFile::Nominals, "Nominals")) }
            li { (link(ExportFile::Orders, "Orders")) }
            li { (link(ExportFile::Provisions, "Provisions")) }
        }
    };
    page_at(&state, Some(&s), "Export your unit's cohort", body, SECTION)
}

async fn download(
    State(state): State<AppState>,
    s: Supervisor,
    Path(name): Path<String>,
) -> Response {
    let Some(file) = ExportFile::from_name(&name) else {
        return not_found(&state, &s);
    };
    let officer = OfficerRef {
        id: s.officer.id.clone(),
        name: s.officer.name.clone(),
    };
    let unit = &s.officer.unit_id;
    let Ok(text) = export(
        state.storage.as_ref(),
        unit,
        file,
        &s.officer.id,
        officer,
        state.now(),
    )
    .await
    else {
        return unavailable(&state, &s);
    };
    tracing::info!(actor = %s.officer.id, unit = %unit, file = file.name(), "cohort exported");
    let day = uk_today(state.now()).format("%Y-%m-%d");
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, file.media_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{day}-{}\"", file.name()),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response()
}
