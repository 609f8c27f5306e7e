//! Changing a nominal's record at the desk: their details (address, phone, aliases, probation
//! contact, a typo in a name or the date of birth: each with the reason for the change), a risk
//! review (by the signed-in user); the contact plan is in `plan`. Each is a
//! form opened on what is held, check your answers, and a save through [`keep::save`] that is
//! refused if the record changed since the form was opened.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use maud::html;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::keep_forms::{
    adult_day, apply_details, apply_risk, details_prefill, risk_prefill,
};
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::{CustodyStatus, Nominal};

use super::edit::Edit;
use super::form::{carried, lines, open, open_posted, problems, refusal, versioned, Checked};
use super::views::{date, probation_fields, risk_radios, text, Said};
use crate::state::AppState;
use crate::supervise::clock::uk_today;
use crate::supervise::forms::Problem;
use crate::supervise::keep;
use crate::supervise::kit::textarea;
use crate::supervise::DeskUser;

type Answers = Form<Vec<(String, String)>>;

fn details_fields(n: &Nominal, a: &FormAnswers, p: &[Problem]) -> maud::Markup {
    let err = |f: &str| p.iter().find(|(x, _)| x == f).map(|(_, m)| m.as_str());
    html! {
        (text(a, "given_name", "Given name", None, p))
        (text(a, "family_name", "Family name", None, p))
        (date(a, "dob", "Date of birth", "Correct it only if it was recorded wrongly.", p))
        (textarea("aliases", "Aliases (optional)", Some("One a line."), a.get("aliases"), 3, err("aliases")))
        (textarea("address", "Address (optional)", None, a.get("address"), 3, err("address")))
        (text(a, "phone", "Phone (optional)", None, p))
        @if matches!(n.custody, CustodyStatus::OnLicence { .. }) { (probation_fields(a, p)) }
        (text(a, "reason", "Reason for the change", Some("For example, \"Moved house\" or \"Typo in the family name\". Kept with the change."), p))
    }
}

const DETAILS_SHOWN: [&str; 11] = [
    "given_name",
    "family_name",
    "dob-day",
    "dob-month",
    "dob-year",
    "aliases",
    "address",
    "phone",
    "probation_name",
    "probation_phone",
    "probation_email",
];

fn shown(fields: &[&str]) -> Vec<String> {
    fields
        .iter()
        .map(|s| s.to_string())
        .chain(["reason".to_string()])
        .collect()
}

pub async fn details_form(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let (_, n) = match open(&state, &user, &nominal_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut a = details_prefill(&n);
    let v = keep::version_of(&state, &user, &nominal_id, "nominal", &nominal_id).await;
    a.set("version", v.map(|v| v.to_string()).unwrap_or_default());
    details_page(&state, &user, &n, &a, &[])
}

fn details_page(
    state: &AppState,
    user: &DeskUser,
    n: &Nominal,
    a: &FormAnswers,
    p: &[Problem],
) -> Response {
    let e = Edit {
        nominal: n,
        slug: "details",
        title: "Change their details",
    };
    let fields = details_fields(n, a, p);
    e.question(
        state,
        user,
        "form",
        e.title,
        a,
        &shown(&DETAILS_SHOWN),
        fields,
        p,
        None,
    )
}

pub async fn details_post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
    Form(pairs): Answers,
) -> Response {
    let (f, unit, n) = match open_posted(&state, &user, &nominal_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let a = &f.answers;
    if f.go.is_some() {
        return details_page(&state, &user, &n, a, &[]);
    }
    let today = uk_today(state.now());
    let (after, reason) = match apply_details(&n, a, adult_day(&unit.cohort, &n.id, today)) {
        Ok(x) => x,
        Err(p) => return details_page(&state, &user, &n, a, &problems(&p)),
    };
    let e = Edit {
        nominal: &n,
        slug: "details",
        title: "Change their details",
    };
    let said = Said(a);
    if f.step != "check" {
        let mut rows = vec![
            Checked {
                key: "Name",
                value: html! { (after.given_name) " " (after.family_name) },
                change: Some("form"),
            },
            Checked {
                key: "Date of birth",
                value: html! { (format_date(after.date_of_birth)) },
                change: Some("form"),
            },
            Checked {
                key: "Aliases",
                value: lines(&after.aliases.join("\n")),
                change: Some("form"),
            },
            Checked {
                key: "Address",
                value: lines(a.get("address")),
                change: Some("form"),
            },
            Checked {
                key: "Phone",
                value: said.text("phone"),
                change: Some("form"),
            },
        ];
        if let Some(p) = after.custody.probation_on(after.custody.release_date()) {
            rows.push(Checked {
                key: "Probation contact",
                value: html! { (p.name) },
                change: Some("form"),
            });
        }
        rows.push(Checked {
            key: "Reason for the change",
            value: html! { (reason) },
            change: Some("form"),
        });
        return e.check(&state, &user, a, &rows, &[], "Save the change");
    }
    let record = serde_json::to_value(&after).unwrap_or_default();
    let change = vec![versioned(
        "nominal",
        &n.id,
        &n.id,
        record,
        carried(a, "version"),
    )];
    match keep::save(&state, &user, &n.id, &reason, change, None).await {
        Ok(_) => e.saved(),
        Err(r) => details_page(&state, &user, &n, a, &refusal(&r, "reason")),
    }
}

const RISK_SHOWN: [&str; 4] = ["risk", "reviewed-day", "reviewed-month", "reviewed-year"];

fn risk_page(
    state: &AppState,
    user: &DeskUser,
    n: &Nominal,
    a: &FormAnswers,
    p: &[Problem],
) -> Response {
    let e = Edit {
        nominal: n,
        slug: "risk",
        title: "Record a risk review",
    };
    let hint = format!(
        "Their last review was on {}, rated {}.",
        format_date(n.risk_reviewed_on),
        n.risk.label().to_lowercase()
    );
    let fields = html! {
        p class="body" { (hint) }
        (risk_radios(a, p))
        (date(a, "reviewed", "Date of this review", "For example, 24 11 2026.", p))
    };
    let shown: Vec<String> = RISK_SHOWN.iter().map(|s| s.to_string()).collect();
    e.question(state, user, "form", e.title, a, &shown, fields, p, None)
}

pub async fn risk_form(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let (_, n) = match open(&state, &user, &nominal_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut a = risk_prefill(&n);
    let v = keep::version_of(&state, &user, &nominal_id, "nominal", &nominal_id).await;
    a.set("version", v.map(|v| v.to_string()).unwrap_or_default());
    risk_page(&state, &user, &n, &a, &[])
}

pub async fn risk_post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
    Form(pairs): Answers,
) -> Response {
    let (f, _, n) = match open_posted(&state, &user, &nominal_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let a = &f.answers;
    if f.go.is_some() {
        return risk_page(&state, &user, &n, a, &[]);
    }
    let after = match apply_risk(&n, a, uk_today(state.now())) {
        Ok(x) => x,
        Err(p) => return risk_page(&state, &user, &n, a, &problems(&p)),
    };
    let e = Edit {
        nominal: &n,
        slug: "risk",
        title: "Record a risk review",
    };
    if f.step != "check" {
        let rows = [
            Checked {
                key: "Risk rating",
                value: html! { (after.risk.label()) },
                change: Some("form"),
            },
            Checked {
                key: "Reviewed on",
                value: html! { (format_date(after.risk_reviewed_on)) },
                change: Some("form"),
            },
            Checked {
                key: "Reviewed by",
                value: html! { (user.officer.name) },
                change: None,
            },
        ];
        return e.check(&state, &user, a, &rows, &[], "Save the review");
    }
    let reason = format!(
        "Risk review on {}: {}",
        format_date(after.risk_reviewed_on),
        after.risk.label().to_lowercase()
    );
    let record = serde_json::to_value(&after).unwrap_or_default();
    let change = vec![versioned(
        "nominal",
        &n.id,
        &n.id,
        record,
        carried(a, "version"),
    )];
    match keep::save(&state, &user, &n.id, &reason, change, None).await {
        Ok(_) => e.saved(),
        Err(r) => risk_page(&state, &user, &n, a, &refusal(&r, "risk")),
    }
}
