//! SCPO Field team server: holds a unit's cohort and everything recorded about it, enrols
//! phones, and keeps them in step (`PROTOCOL.md`). It judges records with the app's own domain
//! code (`scpo_field::domain`), so there is one copy of every rule.

// Storage calls take the columns of the row they write (an audit line has seven).
#![allow(clippy::too_many_arguments)]

pub mod api;
pub mod audit_filter;
pub mod authorship;
pub mod backend;
pub mod cohort_change;
pub mod cohort_csv;
pub mod cohort_file;
pub mod csv;
pub mod export;
pub mod held_unit;
pub mod records;
pub mod release;
pub mod secrets;
pub mod state;
pub mod storage;
pub mod supervise;
pub mod web;

use std::path::Path;
use std::sync::Arc;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use crate::storage::{CodeUse, ImportCounts, Officer, Role, Storage, StorageResult};

/// Open the storage: PostgreSQL when `database_url` is a `postgres://` URL, else the embedded
/// SQLite file `scpo.sqlite` in `data_dir` (created if missing).
pub async fn open_storage(
    database_url: Option<&str>,
    data_dir: &Path,
) -> StorageResult<Arc<dyn Storage>> {
    match database_url.filter(|u| !u.trim().is_empty()) {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Arc::new(backend::PostgresStorage::open(url).await?))
        }
        Some(url) => Err(storage::StorageError::Conflict(format!(
            "DATABASE_URL must start with postgres:// (got {}…); leave it unset for SQLite",
            url.chars().take(12).collect::<String>()
        ))),
        None => {
            std::fs::create_dir_all(data_dir).map_err(|e| {
                storage::StorageError::Conflict(format!(
                    "cannot create the data directory {}: {e}",
                    data_dir.display()
                ))
            })?;
            Ok(Arc::new(
                backend::SqliteStorage::open(&data_dir.join("scpo.sqlite")).await?,
            ))
        }
    }
}

/// The whole server: the API under `/api/`, the supervisor's desk under `/supervise`, and the
/// app's files from `dist`. An address under `/api/` or `/supervise/` that nothing answers gets
/// that part's own 404 (JSON; the desk's "Page not found"), never the app's start page.
pub fn app(state: state::AppState, dist: &Path) -> axum::Router {
    let files = web::static_files(dist);
    let fallback_state = state.clone();
    web::with_headers(
        api::router(state.clone())
            .merge(supervise::router(state))
            .fallback(move |req: Request| unrouted(fallback_state.clone(), files.clone(), req)),
    )
}

/// The app's icon in `dist` (the desk's pages link it too).
pub const ICON: &str = "/icons/icon.svg";

/// An address no route answers, whatever the method: under `/api`, the API's JSON 404; under
/// `/supervise/`, the desk's "Page not found"; `/favicon.ico` (which browsers ask for whatever
/// a page links), the app's icon; anywhere else, the app's files (the app's start page for an
/// app route). Decided here on the path, in one place, rather than by catch-all routes.
async fn unrouted(state: state::AppState, files: axum::Router, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        api::no_such_call().await.into_response()
    } else if path.starts_with("/supervise/") {
        supervise::missing(state, req).await
    } else if path == "/favicon.ico" {
        axum::response::Redirect::permanent(ICON).into_response()
    } else {
        match tower::ServiceExt::oneshot(files, req).await {
            Ok(r) => r,
            Err(never) => match never {},
        }
    }
}

/// The app's stylesheet in `dist` (Trunk names it `main-<hash>.css`), for the supervisor's pages.
pub fn stylesheet_in(dist: &Path) -> Option<String> {
    std::fs::read_dir(dist)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with("main-") && n.ends_with(".css"))
}

/// Who the audit log names for what the command line does (it has no signed-in officer).
pub const CLI_ACTOR: &str = "cli";

/// Make a one-time code to enrol an officer's phone, valid for 15 minutes: `XXXX-XXXX`.
/// Kept with its `created enrolment_code` audit line, as a code the desk issues is.
pub async fn new_enrolment_code(
    storage: &dyn Storage,
    officer_id: &str,
    now: i64,
) -> StorageResult<String> {
    new_code(storage, officer_id, CodeUse::Phone, now).await
}

/// Make a one-time code for anyone of a unit (the DS, or an offender manager) to register a
/// passkey at the desk, valid for 15 minutes.
pub async fn new_passkey_code(
    storage: &dyn Storage,
    officer_id: &str,
    now: i64,
) -> StorageResult<String> {
    new_code(storage, officer_id, CodeUse::Passkey, now).await
}

async fn new_code(
    storage: &dyn Storage,
    officer_id: &str,
    made_for: CodeUse,
    now: i64,
) -> StorageResult<String> {
    let Some(officer) = storage.officer(officer_id).await? else {
        return Err(storage::StorageError::NotFound(format!(
            "officer {officer_id}"
        )));
    };
    let (code_id, secret) = secrets::new_enrolment_code();
    // The code and its audit line in one transaction, as the desk issues them.
    storage
        .add_unit_code(
            &officer.unit_id,
            &code_id,
            &secrets::hash(&secret),
            &officer.id,
            made_for,
            now + state::CODE_MINUTES * 60 * 1000,
            CLI_ACTOR,
            now,
        )
        .await?;
    Ok(format!("{code_id}-{secret}"))
}

/// Import a cohort file into a unit: validated by the domain first (and refused if it brings
/// exhibits: [`cohort_file`]), every problem listed, nothing applied on error; then applied in
/// one transaction.
pub async fn import_cohort(
    storage: &dyn Storage,
    unit_id: &str,
    text: &str,
    assign_to: Option<Vec<(String, String)>>,
    actor: &str,
    now: i64,
) -> Result<ImportCounts, Vec<String>> {
    let cohort = cohort_file::read(text)?;
    let (records, owners) = records::records_of(&cohort);
    storage
        .import_records(unit_id, &records, &assign_to.unwrap_or(owners), actor, now)
        .await
        .map_err(|e| vec![e.to_string()])
}

/// The demo unit: a DS and three officers, the demo cohort split between the officers.
pub const DEMO_UNIT: &str = "U-DEMO";
pub const DEMO_SUPERVISOR: &str = "DS-DEMO-01";
pub const DEMO_OFFICERS: [(&str, &str); 3] = [
    ("PC-DEMO-01", "PC Demo Officer"),
    ("PC-DEMO-02", "PC Second Demo"),
    ("PC-DEMO-03", "PC Third Demo"),
];

/// Set up the demo team once (a second call changes nothing) with the demo cohort as it stands
/// on `today`: nominals 1–4 to the first officer, 5–8 to the second, 9–12 to the third.
pub async fn set_up_demo(
    storage: &dyn Storage,
    today: chrono::NaiveDate,
    now: i64,
) -> Result<bool, String> {
    if storage
        .officer(DEMO_SUPERVISOR)
        .await
        .map_err(|e| e.to_string())?
        .is_some()
    {
        return Ok(false);
    }
    storage
        .add_unit(DEMO_UNIT, "Demo SCPO unit")
        .await
        .map_err(|e| e.to_string())?;
    let mut people = vec![(DEMO_SUPERVISOR, "DS Demo Supervisor", Role::Supervisor)];
    people.extend(
        DEMO_OFFICERS
            .iter()
            .map(|(id, name)| (*id, *name, Role::Officer)),
    );
    for (id, name, role) in people {
        let o = Officer {
            id: id.into(),
            unit_id: DEMO_UNIT.into(),
            name: name.into(),
            role,
            keeps_cohort: false,
        };
        storage
            .add_officer(&o, now)
            .await
            .map_err(|e| e.to_string())?;
    }
    let cohort = scpo_field::domain::cohort::demo::demo_cohort(today);
    let assign: Vec<(String, String)> = cohort
        .nominals
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), DEMO_OFFICERS[(i / 4).min(2)].0.to_string()))
        .collect();
    import_cohort(
        storage,
        DEMO_UNIT,
        &cohort.to_json(),
        Some(assign),
        "demo",
        now,
    )
    .await
    .map_err(|p| p.join("; "))?;
    Ok(true)
}
