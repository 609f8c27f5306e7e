//! The contact plan at the desk (`/supervise/nominals/{id}/plan`): every N days, agreed by a DS
//! of the unit on a day (the DS agrees it themselves; an officer names the DS who did), check
//! your answers, and a save through [`keep::save`] refused if the plan changed meanwhile.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use maud::html;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::keep_forms::{apply_plan, plan_prefill};
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Nominal;

use super::edit::Edit;
use super::form::{carried, open, open_posted, problems, refusal, versioned, Checked};
use super::views::date;
use crate::state::AppState;
use crate::storage::Role;
use crate::supervise::clock::uk_today;
use crate::supervise::forms::Problem;
use crate::supervise::keep;
use crate::supervise::unit::UnitData;
use crate::supervise::DeskUser;

type Answers = Form<Vec<(String, String)>>;

/// The unit's DSs, by name: who may agree a contact plan.
fn supervisors(unit: &UnitData) -> Vec<String> {
    let mut names: Vec<String> = unit
        .people
        .iter()
        .filter(|o| o.role == Role::Supervisor)
        .map(|o| o.name.clone())
        .collect();
    names.sort();
    names
}

fn plan_page(
    state: &AppState,
    user: &DeskUser,
    unit: &UnitData,
    n: &Nominal,
    a: &FormAnswers,
    p: &[Problem],
) -> Response {
    let e = Edit {
        nominal: n,
        slug: "plan",
        title: "The contact plan",
    };
    let err = p
        .iter()
        .find(|(f, _)| f == "agreed_by")
        .map(|(_, m)| m.as_str());
    let mut every = crate::supervise::kit::TextField::new(
        "every_days",
        "How often must they be seen, in days?",
        a.get("every_days"),
    );
    every.hint = Some("For example, 7 for once a week. From 1 to 365.");
    every.width = Some("input--width-3");
    every.error = p
        .iter()
        .find(|(f, _)| f == "every_days")
        .map(|(_, m)| m.as_str());
    let fields = html! {
        (crate::supervise::kit::text_input(&every))
        @if user.keeps_whole_unit() {
            p class="body" { "Agreed by you, " (user.officer.name) "." }
        } @else {
            div class={ "form-group" @if err.is_some() { " form-group--error" } } {
                label class="label" for="agreed_by" { "Which DS agreed the plan?" }
                @if let Some(m) = err { (crate::supervise::kit::error_message("agreed_by", m)) }
                select class="select" id="agreed_by" name="agreed_by" aria-describedby=[err.map(|_| "agreed_by-error")] {
                    option value="" { "Choose a DS" }
                    @for name in supervisors(unit) {
                        option value=(name) selected[a.get("agreed_by") == name] { (name) }
                    }
                }
            }
        }
        (date(a, "agreed", "The day it was agreed", "For example, 24 11 2026.", p))
    };
    let shown: Vec<String> = [
        "every_days",
        "agreed_by",
        "agreed-day",
        "agreed-month",
        "agreed-year",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    e.question(state, user, "form", e.title, a, &shown, fields, p, None)
}

pub async fn plan_form(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let (unit, n) = match open(&state, &user, &nominal_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let held = unit
        .cohort
        .contact_plans
        .iter()
        .find(|p| p.nominal_id == n.id);
    let mut a = plan_prefill(held);
    let v = keep::version_of(&state, &user, &nominal_id, "contact_plan", &nominal_id).await;
    a.set("version", v.map(|v| v.to_string()).unwrap_or_default());
    plan_page(&state, &user, &unit, &n, &a, &[])
}

pub async fn plan_post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
    Form(pairs): Answers,
) -> Response {
    let (mut f, unit, n) = match open_posted(&state, &user, &nominal_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    // The DS agrees it themselves; an officer names a DS of the unit, never anyone else.
    if user.keeps_whole_unit() {
        f.answers.set("agreed_by", user.officer.name.clone());
    } else if !supervisors(&unit)
        .iter()
        .any(|s| s == f.answers.get("agreed_by"))
    {
        f.answers.set("agreed_by", "");
    }
    let a = &f.answers;
    if f.go.is_some() {
        return plan_page(&state, &user, &unit, &n, a, &[]);
    }
    let plan = match apply_plan(&n.id, a, uk_today(state.now())) {
        Ok(x) => x,
        Err(p) => return plan_page(&state, &user, &unit, &n, a, &problems(&p)),
    };
    let e = Edit {
        nominal: &n,
        slug: "plan",
        title: "The contact plan",
    };
    if f.step != "check" {
        let rows = [
            Checked {
                key: "Seen every",
                value: html! { (plan.every_days) " days" },
                change: Some("form"),
            },
            Checked {
                key: "Agreed by",
                value: html! { (plan.agreed_by) },
                change: Some("form"),
            },
            Checked {
                key: "Agreed on",
                value: html! { (format_date(plan.agreed_on)) },
                change: Some("form"),
            },
        ];
        return e.check(&state, &user, a, &rows, &[], "Save the plan");
    }
    let reason = format!("Contact plan agreed by {}", plan.agreed_by);
    let record = serde_json::to_value(&plan).unwrap_or_default();
    let change = vec![versioned(
        "contact_plan",
        &n.id,
        &n.id,
        record,
        carried(a, "version"),
    )];
    match keep::save(&state, &user, &n.id, &reason, change, None).await {
        Ok(_) => e.saved(),
        Err(r) => plan_page(&state, &user, &unit, &n, a, &refusal(&r, "every_days")),
    }
}
