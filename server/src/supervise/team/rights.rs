//! Giving or taking a person's supervisor role and their right to keep the whole unit's
//! cohort: the form, then "Check the change", then the change (one transaction, audited). The
//! unit is never left without a supervisor: the last one cannot take their own role away.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::{person_of, person_path, view, SECTION};
use crate::state::AppState;
use crate::storage::{Officer, Role, StorageError, LAST_SUPERVISOR};
use crate::supervise::forms::{not_found, unavailable, with_status};
use crate::supervise::kit::{page_at, titled, Problem};
use crate::supervise::{cohort::mine, csrf_refusal, Supervisor};

pub async fn form(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
) -> Response {
    let o = match person_of(&state, &s, &id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let keeps = if o.keeps_cohort { "yes" } else { "no" };
    form_page(&state, &s, &o, o.role.as_str(), keeps, &[])
}

fn form_page(
    state: &AppState,
    s: &Supervisor,
    o: &Officer,
    role: &str,
    keeps: &str,
    problems: &[Problem],
) -> Response {
    let body = view::rights_form(s, o, role, keeps, problems);
    let title = titled(problems, "Change the role or rights");
    let r = page_at(state, Some(s), &title, body, SECTION);
    if problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

#[derive(Deserialize)]
pub struct RightsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    keeps_cohort: String,
    /// "yes" once the change has been checked.
    #[serde(default)]
    confirmed: String,
}

/// Why the person cannot stop being a supervisor, in words.
fn last_supervisor(s: &Supervisor, o: &Officer) -> String {
    if o.id == s.officer.id {
        "You are your unit's only supervisor, so you cannot take your own supervisor role away. Give someone else of the unit the supervisor role first.".into()
    } else {
        format!("{} is your unit's only supervisor, so their supervisor role cannot be taken away. Give someone else of the unit the supervisor role first.", o.name)
    }
}

pub async fn change(
    State(state): State<AppState>,
    s: Supervisor,
    Path(id): Path<String>,
    Form(f): Form<RightsForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let o = match person_of(&state, &s, &id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let role = Role::parse(&f.role);
    let keeps = match f.keeps_cohort.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let mut problems: Vec<Problem> = Vec::new();
    if role.is_none() {
        problems.push(("role".into(), "Choose their role".into()));
    }
    if keeps.is_none() {
        problems.push((
            "keeps_cohort".into(),
            "Choose whether they may keep the whole unit's cohort".into(),
        ));
    }
    let (Some(role), Some(keeps)) = (role, keeps) else {
        return form_page(&state, &s, &o, &f.role, &f.keeps_cohort, &problems);
    };
    if role == o.role && keeps == o.keeps_cohort {
        let to = format!("{}?done=unchanged", person_path(&o.id));
        return Redirect::to(&to).into_response();
    }
    if f.confirmed != "yes" {
        // Said before the check page, not after it: the last supervisor is refused at the form.
        if o.role == Role::Supervisor && role != Role::Supervisor {
            let others = state
                .storage
                .officers()
                .await
                .map(|all| {
                    all.iter().any(|x| {
                        x.unit_id == o.unit_id && x.role == Role::Supervisor && x.id != o.id
                    })
                })
                .unwrap_or(true);
            if !others {
                let p = [("role".into(), last_supervisor(&s, &o))];
                return form_page(&state, &s, &o, &f.role, &f.keeps_cohort, &p);
            }
        }
        let own = o.id == s.officer.id;
        let body = view::rights_check(&s, &o, role, keeps, own);
        return page_at(&state, Some(&s), "Check the change", body, SECTION);
    }
    match state
        .storage
        .set_officer_rights(&o.unit_id, &o.id, role, keeps, &s.officer.id, state.now())
        .await
    {
        Ok(_) => {
            tracing::info!(officer = %o.id, actor = %s.officer.id, "role or rights changed");
            if o.id == s.officer.id && role != Role::Supervisor {
                return Redirect::to(mine::PATH).into_response();
            }
            Redirect::to(&format!("{}?done=rights", person_path(&o.id))).into_response()
        }
        Err(StorageError::Conflict(c)) if c == LAST_SUPERVISOR => {
            let p = [("role".into(), last_supervisor(&s, &o))];
            form_page(&state, &s, &o, &f.role, &f.keeps_cohort, &p)
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(e) => {
            tracing::error!(error = %e, officer = %o.id, "rights");
            unavailable(&state, &s)
        }
    }
}
