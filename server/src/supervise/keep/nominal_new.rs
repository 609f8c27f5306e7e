//! Recording a new nominal (`/supervise/nominals/new`): the GOV.UK question pages (name, date
//! of birth, risk, address and phone, custody, its dates, the offender manager) and check your
//! answers, the answers carried page to page in hidden fields and checked again in full on the
//! last POST. The server makes the id; the nominal is saved through [`keep::save`], assigned
//! to the offender manager chosen (an officer who keeps only their own records theirs, and is
//! not asked).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::nominal_form::{
    check_step, new_nominal, new_nominal_id, next_step, step_of, STEPS,
};
use scpo_field::domain::OfficerRef;

use super::form::{nominal_href, posted, problems, refusal, versioned};
use super::nominal_new_view::render;
use crate::secrets::random_id;
use crate::state::AppState;
use crate::storage::Officer;
use crate::supervise::clock::uk_today;
use crate::supervise::csrf_refusal;
use crate::supervise::forms::{unit_officers, Problem};
use crate::supervise::keep;
use crate::supervise::unit::load;
use crate::supervise::DeskUser;

/// The reason kept with the first version of a nominal recorded at the desk.
pub const REASON: &str = "Recorded at the desk";

pub async fn start(State(state): State<AppState>, user: DeskUser) -> Response {
    let officers = unit_officers(&state, &user.officer.unit_id).await;
    render(
        &state,
        &user,
        "name",
        &FormAnswers::default(),
        &[],
        &officers,
    )
}

pub async fn post(
    State(state): State<AppState>,
    user: DeskUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let f = posted(pairs);
    if let Some(refused) = csrf_refusal(&user, &f.csrf) {
        return refused;
    }
    let officers = unit_officers(&state, &user.officer.unit_id).await;
    let a = &f.answers;
    let whole = user.keeps_whole_unit();
    if let Some(go) = f.go.as_deref() {
        let go = known_step(go);
        return render(&state, &user, go, a, &[], &officers);
    }
    let today = uk_today(state.now());
    let step = known_step(&f.step);
    if step != "check" {
        let mut p = problems(&check_step(step, a, today));
        if step == "manager" && p.is_empty() && manager(&user, a, &officers).is_none() {
            p.push(("officer".into(), "Choose an officer of your unit".into()));
        }
        if !p.is_empty() {
            return render(&state, &user, step, a, &p, &officers);
        }
        return render(&state, &user, next_step(step, whole), a, &[], &officers);
    }
    // Check your answers: everything again, then the save.
    let Some(om) = manager(&user, a, &officers) else {
        let p = vec![("officer".into(), "Choose the offender manager".into())];
        return render(&state, &user, "manager", a, &p, &officers);
    };
    let Ok(unit) = load(&state, &user).await else {
        return crate::supervise::forms::unavailable(&state, &user);
    };
    let id = loop {
        let id = new_nominal_id(four_random_bytes());
        if unit.cohort.nominal(&id).is_none() {
            break id;
        }
    };
    let n = match new_nominal(a, &id, om.clone(), today) {
        Ok(n) => n,
        Err(p) => return at_first_problem(&state, &user, a, problems(&p), &officers),
    };
    let record = serde_json::to_value(&n).unwrap_or_default();
    let change = vec![versioned("nominal", &id, &id, record, None)];
    match keep::save(&state, &user, &id, REASON, change, Some(&om.id)).await {
        Ok(_) => Redirect::to(&format!("{}?done=recorded", nominal_href(&id))).into_response(),
        Err(refused) => {
            let p = refusal(&refused, "check");
            at_first_problem(&state, &user, a, p, &officers)
        }
    }
}

/// The question page of the first problem, with the problems it asks about (check your answers
/// for a problem about nothing a page asks).
fn at_first_problem(
    state: &AppState,
    user: &DeskUser,
    a: &FormAnswers,
    p: Vec<Problem>,
    officers: &[Officer],
) -> Response {
    let step = p.first().map_or("check", |(f, _)| match f.as_str() {
        "check" => "check",
        f => step_of(f),
    });
    let on_page: Vec<Problem> = p
        .into_iter()
        .filter(|(f, _)| step == "check" || step_of(f) == step)
        .collect();
    render(state, user, step, a, &on_page, officers)
}

/// The offender manager: for an officer who keeps only their own, themselves; otherwise the
/// officer of the unit chosen (never one the form names from elsewhere).
fn manager(user: &DeskUser, a: &FormAnswers, officers: &[Officer]) -> Option<OfficerRef> {
    let o = if user.keeps_whole_unit() {
        officers.iter().find(|o| o.id == a.get("officer"))?
    } else {
        &user.officer
    };
    Some(OfficerRef {
        id: o.id.clone(),
        name: o.name.clone(),
    })
}

/// A page the form has (the first for anything else).
fn known_step(step: &str) -> &'static str {
    STEPS
        .iter()
        .chain(["check"].iter())
        .find(|s| **s == step)
        .copied()
        .unwrap_or("name")
}

fn four_random_bytes() -> [u8; 4] {
    let hex = random_id(4);
    let mut out = [0u8; 4];
    for (i, b) in out.iter_mut().enumerate() {
        *b = hex
            .get(i * 2..i * 2 + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0);
    }
    out
}
