//! Importing the unit's cohort from spreadsheets: three CSV files (nominals, orders,
//! provisions) from the templates this page offers. Checked by the domain's cohort checks with
//! what the unit holds (every problem at its file, row and column; nothing applied), then the
//! same check-answers page as a cohort file's, then applied in one transaction.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::html;
use scpo_field::domain::OfficerRef;
use serde::Deserialize;

use super::preview::{check_answers, Confirm};
use super::{file_problems, imported, in_words, MAX_FILE_BYTES, SECTION};
use crate::cohort_csv::{self, CsvFiles, NOMINALS, ORDERS, PROVISIONS};
use crate::state::AppState;
use crate::supervise::forms::{not_found, with_status};
use crate::supervise::kit::{
    back_link, button, csrf_field, error_summary, file_upload, page_at, titled, ButtonKind, Problem,
};
use crate::supervise::unit::load;
use crate::supervise::{csrf_refusal, Supervisor};

const PAGE: &str = "/supervise/cohort/import/csv";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE, get(form).post(check))
        .route("/supervise/cohort/import/csv/confirm", post(apply))
        .route("/supervise/cohort/import/templates/{file}", get(template))
}

/// The three file fields: (name, label, file).
const FILES: [(&str, &str, &str); 3] = [
    ("nominals", "Nominals", NOMINALS),
    ("orders", "Orders", ORDERS),
    ("provisions", "Provisions", PROVISIONS),
];

fn the(s: &Supervisor) -> OfficerRef {
    OfficerRef {
        id: s.officer.id.clone(),
        name: s.officer.name.clone(),
    }
}

fn form_page(state: &AppState, s: &Supervisor, problems: &[Problem]) -> Response {
    let error = |name: &str| {
        problems
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.as_str())
    };
    let body = html! {
        (back_link("/supervise/cohort/import", "Back to importing a cohort file"))
        (error_summary(problems))
        h1 class="heading-l" { "Import from spreadsheets" }
        p class="body" { "Start from the templates: each has a header row and one example line of an invented person. Replace the example with your unit's people, keep the header row, and save each as CSV (UTF-8)." }
        ul class="list list--bullet" {
            @for (_, label, file) in FILES {
                li { a href={ "/supervise/cohort/import/templates/" (file) } download { (label) " template (" (file) ")" } }
            }
        }
        p class="body" { "Dates as 24/11/2026 or 2026-11-24. Aliases separated by semicolons (;); a semicolon inside an alias is written with a backslash before it (\\;), for example Lex\\; the elder; A. Sample is two aliases. An order that comes into force on release, before release is fixed: write \"on release\". Yes or no for mirrored in the licence. The columns are described in the cohort format's guide (CSV files)." }
        p class="body" { "Send one, two or all three files. A provision names its order by the order's court reference; an order names its nominal by id. Orders and nominals your unit holds already may be named without being in the files. Variations are not in these files: an order held already keeps its own." }
        p class="body" { "The files are checked first: if anything is wrong, every problem is listed with its file, row and column, and nothing is imported. You see what would change, field by field, before anything is." }
        form method="post" action=(PAGE) enctype="multipart/form-data" novalidate {
            (csrf_field(s))
            @for (name, label, file) in FILES {
                (file_upload(name, &format!("{label} ({file})"), None, ".csv,text/csv", error(name)))
            }
            (button("Check the files", ButtonKind::Primary))
        }
    };
    let title = titled(problems, "Import from spreadsheets");
    let r = page_at(state, Some(s), &title, body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

async fn form(State(state): State<AppState>, s: Supervisor) -> Response {
    form_page(&state, &s, &[])
}

/// Each problem at the field of the file it names.
fn at_files(messages: Vec<String>) -> Vec<Problem> {
    messages
        .into_iter()
        .map(|m| {
            let field = FILES
                .iter()
                .find(|(_, _, file)| m.starts_with(file))
                .map_or("nominals", |(name, _, _)| name);
            (field.to_string(), m)
        })
        .collect()
}

async fn check(State(state): State<AppState>, s: Supervisor, mut mp: Multipart) -> Response {
    let unreadable = "The files could not be read. Each must be 10 MB or smaller.";
    let (mut csrf, mut files) = (String::new(), CsvFiles::default());
    let mut problems = Vec::new();
    loop {
        match mp.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let Ok(bytes) = field.bytes().await else {
                    return form_page(&state, &s, &file_problems([unreadable.into()]));
                };
                if name == "csrf" {
                    csrf = String::from_utf8_lossy(&bytes).into_owned();
                    continue;
                }
                let Some((_, _, file)) = FILES.iter().find(|(n, _, _)| *n == name) else {
                    continue;
                };
                let text = match String::from_utf8(bytes.to_vec()) {
                    Ok(t) if t.len() <= MAX_FILE_BYTES => t,
                    Ok(_) => {
                        problems.push((
                            name.clone(),
                            format!("{file}: the file must be 10 MB or smaller"),
                        ));
                        continue;
                    }
                    Err(_) => {
                        problems.push((name.clone(), format!("{file}: the file is not CSV text in UTF-8: save it as \"CSV UTF-8\"")));
                        continue;
                    }
                };
                match name.as_str() {
                    "nominals" => files.nominals = text,
                    "orders" => files.orders = text,
                    _ => files.provisions = text,
                }
            }
            Ok(None) => break,
            Err(_) => return form_page(&state, &s, &file_problems([unreadable.into()])),
        }
    }
    if let Some(refused) = csrf_refusal(&s, &csrf) {
        return refused;
    }
    if !problems.is_empty() {
        return form_page(&state, &s, &problems);
    }
    if files.is_empty() {
        let m = "Choose at least one CSV file: nominals, orders or provisions";
        return form_page(&state, &s, &[("nominals".into(), m.into())]);
    }
    let unit = match load(&state, &s).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    match cohort_csv::check(&files, &unit.cohort, &the(&s)) {
        Ok(got) => {
            let confirm = Confirm {
                back: (PAGE, "Choose other files"),
                action: "/supervise/cohort/import/csv/confirm",
                fields: vec![
                    ("nominals", files.nominals.as_str()),
                    ("orders", files.orders.as_str()),
                    ("provisions", files.provisions.as_str()),
                ],
            };
            check_answers(&state, &s, &unit, &got.records, &got.nominals, &confirm)
        }
        Err(messages) => {
            tracing::info!(actor = %s.officer.id, problems = messages.len(), "CSV files refused");
            form_page(&state, &s, &at_files(messages))
        }
    }
}

#[derive(Deserialize)]
pub struct ApplyForm {
    csrf: String,
    #[serde(default)]
    nominals: String,
    #[serde(default)]
    orders: String,
    #[serde(default)]
    provisions: String,
}

/// Apply checked files: checked again (the form is the browser's, and the unit may have
/// changed since), into the session's unit.
async fn apply(State(state): State<AppState>, s: Supervisor, Form(f): Form<ApplyForm>) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let files = CsvFiles {
        nominals: f.nominals,
        orders: f.orders,
        provisions: f.provisions,
    };
    if files.is_empty() {
        let m = "Choose at least one CSV file: nominals, orders or provisions";
        return form_page(&state, &s, &[("nominals".into(), m.into())]);
    }
    let unit = &s.officer.unit_id;
    match cohort_csv::import(state.storage.as_ref(), unit, &files, &the(&s), state.now()).await {
        Ok(counts) => imported(&state, &s, &counts),
        Err(messages) => form_page(
            &state,
            &s,
            &at_files(messages.into_iter().map(in_words).collect()),
        ),
    }
}

/// A template: the header row and one example line of an invented person (no one's data: not a
/// disclosure).
async fn template(
    State(state): State<AppState>,
    s: Supervisor,
    Path(file): Path<String>,
) -> Response {
    let [nominals, orders, provisions] = cohort_csv::templates();
    let text = match file.as_str() {
        NOMINALS => nominals,
        ORDERS => orders,
        PROVISIONS => provisions,
        _ => return not_found(&state, &s),
    };
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response()
}
