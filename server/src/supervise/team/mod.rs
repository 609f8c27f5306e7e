//! Keeping the team at the desk (the DS only): the unit's people with their role, rights and
//! passkeys (`/supervise/team`), adding a person, and for each person (`person`) a one-time
//! code for a phone or a desk passkey, their role and rights (`rights`), and revoking their
//! passkeys. Every change is one transaction with its audit line (ids only), every form carries
//! the session's CSRF token, and everything is authorised from the session: another unit's
//! person answers 404 as one who does not exist. Offender managers' own page, "Your nominals",
//! is `cohort::mine`; its route is here too.

mod devices;
mod person;
mod rights;
mod view;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use scpo_field::domain::cohort::aggregate::MAX_SHORT_CHARS;
use scpo_field::domain::common::id::check_id;
use serde::Deserialize;

use super::forms::{not_found, unavailable, with_status};
use super::kit::{page_at, Problem};
use super::url::segment;
use super::{cohort::mine, csrf_refusal, DeskUser, Supervisor};
use crate::state::AppState;
use crate::storage::{Officer, Role, StorageError};

/// The team pages sit under the dashboard's "Team" in the navigation.
const SECTION: Option<&str> = Some("/supervise");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(mine::PATH, get(mine::page))
        .route("/supervise/team", get(list))
        .route("/supervise/team/new", get(new_person).post(add))
        .route("/supervise/team/{officer_id}", get(person::page))
        .route("/supervise/team/{officer_id}/codes", post(person::code))
        .route(
            "/supervise/team/{officer_id}/rights",
            get(rights::form).post(rights::change),
        )
        .route(
            "/supervise/team/{officer_id}/revoke",
            get(person::confirm_revoke).post(person::revoke),
        )
        .merge(devices::routes())
}

/// A role in words.
fn role_label(role: Role) -> &'static str {
    match role {
        Role::Supervisor => "Supervisor (DS)",
        Role::Officer => "Offender manager",
    }
}

/// The address of a person's page.
fn person_path(id: &str) -> String {
    format!("/supervise/team/{}", segment(id))
}

/// The unit's person `id`, or the answer to send instead: "Page not found" for anyone not of
/// the DS's unit (or nobody).
async fn person_of(state: &AppState, s: &DeskUser, id: &str) -> Result<Officer, Response> {
    match state.storage.officer(id).await {
        Ok(Some(o)) if o.unit_id == s.officer.unit_id => Ok(o),
        Ok(_) => Err(not_found(state, s)),
        Err(_) => Err(unavailable(state, s)),
    }
}

/// The unit's people, by name.
async fn people(state: &AppState, unit_id: &str) -> Option<Vec<Officer>> {
    let mut people: Vec<Officer> = state
        .storage
        .officers()
        .await
        .ok()?
        .into_iter()
        .filter(|o| o.unit_id == unit_id)
        .collect();
    people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Some(people)
}

async fn list(State(state): State<AppState>, s: Supervisor) -> Response {
    let unit = &s.officer.unit_id;
    let (Some(people), Ok(passkeys)) = (
        people(&state, unit).await,
        state.storage.unit_passkeys(unit).await,
    ) else {
        return unavailable(&state, &s);
    };
    let rows = people
        .iter()
        .map(|o| {
            let n = passkeys
                .iter()
                .find(|(id, _)| id == &o.id)
                .map_or(0, |(_, n)| *n);
            (o, n)
        })
        .collect::<Vec<_>>();
    page_at(
        &state,
        Some(&s),
        "Manage the team",
        view::list(&rows),
        SECTION,
    )
}

#[derive(Deserialize, Default)]
pub struct AddForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    officer_id: String,
    #[serde(default)]
    role: String,
}

async fn new_person(State(state): State<AppState>, s: Supervisor) -> Response {
    add_page(&state, &s, &AddForm::default(), &[])
}

fn add_page(state: &AppState, s: &Supervisor, f: &AddForm, problems: &[Problem]) -> Response {
    let hint = generated_hint(&s.officer.unit_id);
    let body = view::add_form(s, &f.name, &f.officer_id, &f.role, &hint, problems);
    let title = super::kit::titled(problems, "Add a person to the team");
    let r = page_at(state, Some(s), &title, body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

/// The name's problem in words, if any: one line of at most 200 characters, as in a cohort
/// file.
fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        Some("Enter the person's name".into())
    } else if name.chars().count() > MAX_SHORT_CHARS {
        Some(format!(
            "The name must be {MAX_SHORT_CHARS} characters or fewer"
        ))
    } else if name.chars().any(char::is_control) {
        Some("The name must be one line, without control characters".into())
    } else {
        None
    }
}

/// The part of the unit's ID its people's IDs carry: `U-DEMO` gives `DEMO`.
fn unit_part(unit_id: &str) -> &str {
    unit_id.strip_prefix("U-").unwrap_or(unit_id)
}

fn generated_hint(unit_id: &str) -> String {
    format!(
        "Leave it blank to have one made, like PC-{}-04 (DS-… for a supervisor). Letters, digits and . _ - : only; it is what they sign in with.",
        unit_part(unit_id)
    )
}

/// A new ID in the unit's grammar: `PC-` (or `DS-` for a supervisor), the unit's part, and the
/// lowest two-digit number no officer has.
fn generated_id(unit_id: &str, role: Role, taken: &[Officer]) -> String {
    let prefix = match role {
        Role::Supervisor => "DS",
        Role::Officer => "PC",
    };
    let unit = unit_part(unit_id).to_uppercase();
    (1u32..)
        .map(|n| format!("{prefix}-{unit}-{n:02}"))
        .find(|id| !taken.iter().any(|o| &o.id == id))
        .filter(|id| check_id(id).is_ok())
        .unwrap_or_else(|| format!("{prefix}-{}", crate::secrets::random_id(4).to_uppercase()))
}

async fn add(State(state): State<AppState>, s: Supervisor, Form(f): Form<AddForm>) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let name = f.name.trim().to_string();
    // Sign-in reads an officer ID in capitals, so it is kept so.
    let given = f.officer_id.trim().to_uppercase();
    let role = Role::parse(&f.role);
    let mut problems: Vec<Problem> = Vec::new();
    if let Some(m) = name_problem(&name) {
        problems.push(("name".into(), m));
    }
    if !given.is_empty() {
        if let Err(e) = check_id(&given) {
            problems.push(("officer_id".into(), format!("The officer ID {e}")));
        }
    }
    if role.is_none() {
        problems.push(("role".into(), "Choose the person's role".into()));
    }
    let Some(all) = state.storage.officers().await.ok() else {
        return unavailable(&state, &s);
    };
    if !given.is_empty() && all.iter().any(|o| o.id == given) {
        problems.push((
            "officer_id".into(),
            format!("Someone already has the officer ID {given}: choose another, or leave it blank to have one made"),
        ));
    }
    let Some(role) = role.filter(|_| problems.is_empty()) else {
        return add_page(&state, &s, &f, &problems);
    };
    let id = if given.is_empty() {
        generated_id(&s.officer.unit_id, role, &all)
    } else {
        given
    };
    let officer = Officer {
        id,
        unit_id: s.officer.unit_id.clone(),
        name,
        role,
        keeps_cohort: false,
    };
    match state
        .storage
        .add_unit_officer(&officer, &s.officer.id, state.now())
        .await
    {
        Ok(()) => {
            tracing::info!(officer = %officer.id, actor = %s.officer.id, "person added to the unit");
            let to = format!("{}?done=added", person_path(&officer.id));
            Redirect::to(&to).into_response()
        }
        // Taken meanwhile.
        Err(StorageError::Conflict(_)) => {
            let m = format!("Someone already has the officer ID {}: choose another, or leave it blank to have one made", officer.id);
            add_page(&state, &s, &f, &[("officer_id".into(), m)])
        }
        Err(e) => {
            tracing::error!(error = %e, officer = %officer.id, "add officer");
            unavailable(&state, &s)
        }
    }
}

/// A "done" notice from a page's query, in words.
fn done_text(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "added" => Some("Added to the team. Make them a one-time code below to register a passkey at the desk or enrol their phone."),
        "rights" => Some("Their role and rights are changed. They take effect on their next page."),
        "unchanged" => Some("Nothing was changed."),
        "revoked" => Some("Their passkeys are revoked and their desk sessions ended. They need a new passkey code to sign in at the desk again."),
        _ => None,
    }
}
