//! Importing a cohort file into the supervisor's unit (the unit from the session, never from
//! the form): a file upload or a paste, checked by the domain (every problem listed, nothing
//! applied), then a check-answers page saying what would change, then applied in one
//! transaction. This is how nominals, orders, provisions and variations are added or updated:
//! a file that contains them.

use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::html;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::forms::with_status;
use super::kit::{
    back_link, button, confirmation_panel, csrf_field, error_summary, file_upload, page_at,
    pasted_text, titled, ButtonKind, Problem,
};
use super::unit::{load, UnitData};
use super::{csrf_refusal, Supervisor};
use crate::records::records_of;

// The CSV files, the check-answers page both imports share, and the exports: beside this
// file, served from its router.
pub mod changes;
mod csv_files;
mod export;
pub mod preview;
use crate::state::AppState;

const SECTION: Option<&str> = Some("/supervise/cohort");
/// Largest cohort file taken from the desk.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/cohort/import", get(form).post(check))
        .route("/supervise/cohort/import/confirm", post(apply))
        // The file once as sent, and again URL-encoded in the confirmation (up to 3 bytes a byte).
        .merge(csv_files::routes())
        .layer(DefaultBodyLimit::max(3 * MAX_FILE_BYTES + 64 * 1024))
        .merge(export::routes())
}

fn form_page(state: &AppState, s: &Supervisor, problems: &[Problem], paste: &str) -> Response {
    let file_error = problems
        .iter()
        .find(|(f, _)| f == "file")
        .map(|(_, m)| m.as_str());
    let body = html! {
        (back_link("/supervise/cohort", "Back to the cohort"))
        (error_summary(problems))
        h1 class="heading-l" { "Import a cohort file" }
        p class="body" { "Add nominals, orders, provisions and variations, or update them, with a file in the SCPO Field cohort format (the format the app imports). Records the file names are added or replaced; nothing your unit holds is removed." }
        p class="body" { "The file is checked first: if anything in it is wrong, every problem is listed and nothing is imported. You see what would change before anything is." }
        form method="post" action="/supervise/cohort/import" enctype="multipart/form-data" novalidate {
            (csrf_field(s))
            (file_upload("file", "Cohort file", Some("A .json file, up to 10 MB."), ".json,application/json", file_error))
            (pasted_text("paste", "Or paste the file's contents", paste, 8, None))
            (button("Check the file", ButtonKind::Primary))
        }
        h2 class="heading-m" { "From spreadsheets" }
        p class="body" { a href="/supervise/cohort/import/csv" { "Import nominals, orders and provisions from CSV files" } " (templates to fill in are on that page)." }
        h2 class="heading-m" { "Export" }
        p class="body" { a href="/supervise/cohort/export" { "Export your unit's cohort" } " as a cohort file or as CSV files." }
    };
    let title = titled(problems, "Import a cohort file");
    let r = page_at(state, Some(s), &title, body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

async fn form(State(state): State<AppState>, s: Supervisor) -> Response {
    form_page(&state, &s, &[], "")
}

/// Every problem with the file, each about the file field.
fn file_problems(messages: impl IntoIterator<Item = String>) -> Vec<Problem> {
    messages.into_iter().map(|m| ("file".into(), m)).collect()
}

async fn check(State(state): State<AppState>, s: Supervisor, mut mp: Multipart) -> Response {
    let (mut csrf, mut file, mut paste) = (String::new(), Vec::new(), String::new());
    loop {
        match mp.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let Ok(bytes) = field.bytes().await else {
                    let m = "The file could not be read. It must be 10 MB or smaller.";
                    return form_page(&state, &s, &file_problems([m.into()]), "");
                };
                match name.as_str() {
                    "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                    "file" => file = bytes.to_vec(),
                    "paste" => paste = String::from_utf8_lossy(&bytes).into_owned(),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => {
                let m = "The file could not be read. It must be 10 MB or smaller.";
                return form_page(&state, &s, &file_problems([m.into()]), "");
            }
        }
    }
    if let Some(refused) = csrf_refusal(&s, &csrf) {
        return refused;
    }
    let text = match (file.is_empty(), paste.trim().is_empty()) {
        (true, true) => {
            let m = "Choose a cohort file, or paste its contents";
            return form_page(&state, &s, &file_problems([m.into()]), "");
        }
        (false, false) => {
            let m = "Choose a file or paste its contents, not both";
            return form_page(&state, &s, &file_problems([m.into()]), &paste);
        }
        (true, false) => paste.clone(),
        (false, true) => match String::from_utf8(file) {
            Ok(t) => t,
            Err(_) => {
                let m = "The file is not a cohort file: it must be JSON text (UTF-8)";
                return form_page(&state, &s, &file_problems([m.into()]), "");
            }
        },
    };
    if text.len() > MAX_FILE_BYTES {
        let m = "The file must be 10 MB or smaller";
        return form_page(&state, &s, &file_problems([m.into()]), "");
    }
    let cohort = match crate::cohort_file::read(&text) {
        Ok(c) => c,
        Err(messages) => {
            let problems = file_problems(messages);
            tracing::info!(actor = %s.officer.id, problems = problems.len(), "cohort file refused");
            return form_page(&state, &s, &problems, &paste);
        }
    };
    match load(&state, &s).await {
        Ok(unit) => check_answers(&state, &s, &cohort, &unit, &text),
        Err(r) => r,
    }
}

/// What importing `cohort` would do to the unit's records, shown before anything is done.
fn check_answers(
    state: &AppState,
    s: &Supervisor,
    cohort: &Cohort,
    unit: &UnitData,
    text: &str,
) -> Response {
    let (records, _) = records_of(cohort);
    let confirm = preview::Confirm {
        back: ("/supervise/cohort/import", "Choose another file"),
        action: "/supervise/cohort/import/confirm",
        fields: vec![("cohort", text)],
    };
    preview::check_answers(state, s, unit, &records, &cohort.nominals, &confirm)
}

#[derive(Deserialize)]
pub struct ApplyForm {
    csrf: String,
    #[serde(default)]
    cohort: String,
}

/// Apply a checked file: checked again by the domain (the form is the browser's), into the
/// session's unit.
async fn apply(State(state): State<AppState>, s: Supervisor, Form(f): Form<ApplyForm>) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let unit = &s.officer.unit_id;
    match crate::import_cohort(
        state.storage.as_ref(),
        unit,
        &f.cohort,
        None,
        &s.officer.id,
        state.now(),
    )
    .await
    {
        Ok(counts) => imported(&state, &s, &counts),
        Err(messages) => {
            let messages = messages.into_iter().map(in_words);
            form_page(&state, &s, &file_problems(messages), "")
        }
    }
}

/// The page after an import is applied.
fn imported(state: &AppState, s: &Supervisor, counts: &crate::storage::ImportCounts) -> Response {
    let unit = &s.officer.unit_id;
    tracing::info!(actor = %s.officer.id, unit = %unit, created = counts.created, altered = counts.altered, "cohort imported");
    let done = format!(
        "{} added, {} changed, {} unchanged",
        plural(counts.created),
        counts.altered,
        counts.unchanged
    );
    let body = html! {
        (confirmation_panel("Cohort imported", html! { (done) }))
        p class="body" { "Each officer's phone brings the changes for their nominals at its next sync." }
        p class="body" { a href="/supervise/cohort" { "Go to the cohort" } }
    };
    page_at(state, Some(s), "Cohort imported", body, SECTION)
}

/// A refusal from storage in words: another unit's record named, never which unit holds it.
fn in_words(m: String) -> String {
    match m.find(" is held for another unit") {
        Some(i) => format!(
            "{} is held by another unit: the file must use your unit's own ids. Nothing was imported",
            &m[..i]
        ),
        None if m.starts_with("database error") => {
            "The server could not import the file just now. Nothing was imported: try again".into()
        }
        None => m,
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 record".into()
    } else {
        format!("{n} records")
    }
}
