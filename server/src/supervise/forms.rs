//! What the supervisor's pages share beyond the kit's components: the unit's officers, the page
//! that answers for anything not in the supervisor's unit or when storage fails, and the audit
//! line for a consultation.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use maud::html;

use super::kit;
use super::DeskUser;
use crate::state::AppState;
use crate::storage::{Officer, Role, StorageResult};

pub use super::kit::Problem;

/// The unit's officers who carry phones and hold nominals (role officer), by name.
pub async fn unit_officers(state: &AppState, unit_id: &str) -> Vec<Officer> {
    let mut officers: Vec<Officer> = state
        .storage
        .officers()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|o| o.unit_id == unit_id && o.role == Role::Officer)
        .collect();
    officers.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    officers
}

/// Log, in the audit log, that the supervisor consulted a nominal's record (every page that
/// shows one does). What to do when it fails is the page's to say.
pub async fn log_consultation(
    state: &AppState,
    s: &DeskUser,
    nominal_id: &str,
) -> StorageResult<()> {
    log_consulted(state, s, "nominal", nominal_id, nominal_id).await
}

/// Log that the signed-in user consulted record `id` of `kind` (an exhibit, a printout) of a
/// nominal: ids only, never content. A page shows nothing it has not logged first.
pub async fn log_consulted(
    state: &AppState,
    s: &DeskUser,
    kind: &str,
    id: &str,
    nominal_id: &str,
) -> StorageResult<()> {
    state
        .storage
        .audit(
            &s.officer.id,
            None,
            "consulted",
            kind,
            id,
            Some(nominal_id),
            state.now(),
        )
        .await
}

/// The answer for a nominal, device or anything else that is not in the supervisor's unit (or
/// does not exist): the same either way.
pub fn not_found(state: &AppState, s: &DeskUser) -> Response {
    page_not_found(state, Some(s))
}

/// The desk's "Page not found" (404), signed in or not: also the answer for any address under
/// `/supervise/` that no page has.
pub fn page_not_found(state: &AppState, s: Option<&DeskUser>) -> Response {
    let body = html! {
        h1 class="heading-l" { "Page not found" }
        p class="body" { "If you typed the web address, check it is correct." }
        p class="body" { a href="/supervise" { "Go to your team" } }
    };
    let mut r = kit::page(state, s, "Page not found", body);
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

/// The answer when the database cannot be reached: nothing was changed.
pub fn unavailable(state: &AppState, s: &DeskUser) -> Response {
    let body = html! {
        h1 class="heading-l" { "Sorry, there is a problem with the service" }
        p class="body" { "Nothing was changed. Try again in a few minutes." }
    };
    let mut r = kit::page(state, Some(s), "Sorry, there is a problem", body);
    *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    r
}

/// A page with a status other than 200 (e.g. 400 for a form sent back with its problems).
pub fn with_status(status: StatusCode, r: Response) -> Response {
    (status, r).into_response()
}
