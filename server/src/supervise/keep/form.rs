//! What the desk's keeping pages (a new nominal, details, risk, plan, custody) share beyond
//! [`keep`](crate::supervise::keep): the answers as posted (carried page to page in hidden fields, no state
//! on the server), the nominal opened for keeping (404 for anyone who may not), the domain's
//! problems for the error summary, and the pieces of a question page.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::{at_fields, FormAnswers, KeepProblem};
use scpo_field::domain::Nominal;
use scpo_field::domain::Problem as CohortProblem;

use crate::cohort_change::Refused;
use crate::state::AppState;
use crate::storage::{StoredRecord, VersionedRecord};
use crate::supervise::forms::{not_found, with_status, Problem};
use crate::supervise::keep::{may_keep, problems_of};
use crate::supervise::kit::{button, csrf_field, error_summary, page_at, titled, ButtonKind};
use crate::supervise::unit::{load, UnitData};
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// A keeping form as posted: the CSRF token, the page it was sent from (`step`), a page to go
/// back to (`go`: a "Change" on check answers), and every answer by name.
pub struct Posted {
    pub csrf: String,
    pub step: String,
    pub go: Option<String>,
    pub answers: FormAnswers,
}

pub fn posted(pairs: Vec<(String, String)>) -> Posted {
    let (mut csrf, mut step, mut go) = (String::new(), String::new(), None);
    let mut rest = Vec::new();
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => csrf = v,
            "step" => step = v,
            "go" => go = Some(v),
            _ => rest.push((k, v)),
        }
    }
    Posted {
        csrf,
        step,
        go,
        answers: FormAnswers::from_pairs(rest),
    }
}

/// Every answer not asked on this page, as hidden fields: how answers travel page to page.
pub fn hidden(a: &FormAnswers, shown: &[String]) -> Markup {
    html! {
        @for (k, v) in a.iter() {
            @if !shown.iter().any(|s| s == k) {
                input type="hidden" name=(k) value=(v);
            }
        }
    }
}

/// The domain's problems for the error summary (at fixed fields, or at ids made at run time).
pub fn problems<F: AsRef<str>>(p: &[KeepProblem<F>]) -> Vec<Problem> {
    p.iter()
        .map(|x| (x.field.as_ref().to_string(), x.message.clone()))
        .collect()
}

/// A refused save at the form's fields: the domain's problems about the nominal at the field
/// that asks them, anything else (a stale form, an order's dates) at `fallback`.
pub fn refusal(refused: &Refused, fallback: &'static str) -> Vec<Problem> {
    match refused {
        Refused::Invalid(list) => {
            let list: Vec<CohortProblem> = list
                .iter()
                .map(|(path, reason)| CohortProblem {
                    path: path.clone(),
                    reason: reason.clone(),
                })
                .collect();
            problems(&at_fields(&list, fallback))
        }
        other => problems_of(other, &[], fallback),
    }
}

/// The unit and the nominal, for someone who may keep them; the 404 page otherwise (another
/// unit's, another officer's for one who keeps only their own, transferred out, or none).
pub async fn open(
    state: &AppState,
    user: &DeskUser,
    nominal_id: &str,
) -> Result<(UnitData, Nominal), Response> {
    let unit = load(state, user).await?;
    if !may_keep(user, &unit, nominal_id) {
        return Err(not_found(state, user));
    }
    match unit.cohort.nominal(nominal_id).cloned() {
        Some(n) => Ok((unit, n)),
        None => Err(not_found(state, user)),
    }
}

/// A keeping form's post: its answers, with the CSRF token checked first (a refusal otherwise),
/// then the unit and the nominal as [`open`] gives them.
pub async fn open_posted(
    state: &AppState,
    user: &DeskUser,
    nominal_id: &str,
    pairs: Vec<(String, String)>,
) -> Result<(Posted, UnitData, Nominal), Response> {
    let f = posted(pairs);
    if let Some(refused) = crate::supervise::csrf_refusal(user, &f.csrf) {
        return Err(refused);
    }
    let (unit, n) = open(state, user, nominal_id).await?;
    Ok((f, unit, n))
}

/// The version of a record carried by the form under `key` (`None`: a record new to the unit).
pub fn carried(a: &FormAnswers, key: &str) -> Option<i64> {
    a.get(key).parse().ok()
}

/// A record of the nominal at the version the form was opened on.
pub fn versioned(
    kind: &str,
    id: &str,
    nominal_id: &str,
    record: serde_json::Value,
    expected: Option<i64>,
) -> VersionedRecord {
    VersionedRecord {
        record: StoredRecord {
            kind: kind.into(),
            id: id.into(),
            nominal_id: nominal_id.into(),
            record,
        },
        expected,
    }
}

/// The desk's section a keeping page sits under: the cohort for the DS, "Your nominals" for an
/// officer.
pub fn section(user: &DeskUser) -> &'static str {
    if user.keeps_whole_unit() {
        "/supervise/cohort"
    } else {
        "/supervise/mine"
    }
}

/// The nominal's page on the desk.
pub fn nominal_href(nominal_id: &str) -> String {
    format!("/supervise/nominals/{}", segment(nominal_id))
}

/// A keeping page: back link, error summary, caption and heading, then `form`'s fields in a
/// form posting to `action` with the CSRF token, `step` and the hidden answers. Status 400 when
/// it shows problems.
pub struct QuestionPage<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    /// The back link at the top (to where the form was opened from), or nothing.
    pub back: Markup,
    /// After the main button: [`back_step`] to the page before, or nothing.
    pub after: Markup,
    pub action: &'a str,
    pub step: &'a str,
    pub problems: &'a [Problem],
    pub hidden: Markup,
    pub fields: Markup,
    pub submit: &'a str,
}

pub fn question_page(state: &AppState, user: &DeskUser, q: QuestionPage) -> Response {
    let body = html! {
        (q.back)
        (error_summary(q.problems))
        span class="caption" { (q.caption) }
        h1 class="heading-l" { (q.title) }
        form id="keep-form" method="post" action=(q.action) novalidate {
            (csrf_field(user))
            input type="hidden" name="step" value=(q.step);
            (q.hidden)
            @if q.step != "check" {
                @if let Some((_, m)) = crate::supervise::kit::field_error(q.problems, "check") { div id="check" { (m) } }
            }
            (q.fields)
            div {
                (button(q.submit, ButtonKind::Primary))
                (q.after)
            }
        }
    };
    let r = page_at(
        state,
        Some(user),
        &titled(q.problems, q.title),
        body,
        Some(section(user)),
    );
    if q.problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

/// A "Change" on a check-answers page: back to the page `go` with every answer carried.
pub fn change_button(go: &str, what: &str) -> Markup {
    html! {
        button class="link-button" type="submit" name="go" value=(go) {
            "Change" span class="visually-hidden" { " " (what) }
        }
    }
}

/// One answer on a check-answers page: what was asked, the answer, and the page that asks it
/// (for its "Change"), if it can be changed.
pub struct Checked<'a> {
    pub key: &'a str,
    pub value: Markup,
    pub change: Option<&'a str>,
}

/// The GOV.UK check-answers list: each answer with its "Change" (a button: the answers travel
/// in the form, not in a link).
pub fn check_answers(rows: &[Checked]) -> Markup {
    html! {
        dl class="summary-list" {
            @for r in rows {
                div class="summary-list__row summary-list__row--actions" {
                    dt class="summary-list__key" { (r.key) }
                    dd class="summary-list__value" { (r.value) }
                    @if let Some(go) = r.change {
                        dd class="summary-list__actions" { (change_button(go, &r.key.to_lowercase())) }
                    }
                }
            }
        }
    }
}

/// Lines of text (an address, aliases) one a line.
pub fn lines(text: &str) -> Markup {
    html! {
        @for l in text.lines().filter(|l| !l.trim().is_empty()) {
            p class="summary-list__line" { (l.trim()) }
        }
        @if text.trim().is_empty() { "Not given" }
    }
}

/// "Back" to the page before in a multi-page form: a secondary button after the main one (the
/// answers travel with it; the main button stays the form's default, for the Enter key).
pub fn back_step(go: &str) -> Markup {
    html! {
        button class="button button--secondary" type="submit" name="go" value=(go) { "Back" }
    }
}
