//! What the order, provision and variation pages share: the posted answers, carrying them in
//! hidden fields, who may keep the nominal or order, the ids the server gives, and the answers
//! of one provision as fields and as rows of a check-answers list.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::{code_of, DUTY, DUTY_DAYS, DUTY_KIND};
use scpo_field::domain::order::{Condition, NotificationKind, Order, ProvisionFamily};
use scpo_field::domain::time::dates::format_date;

use crate::secrets;
use crate::state::AppState;
use crate::supervise::forms::not_found;
use crate::supervise::keep::may_keep;
use crate::supervise::kit::{
    named_date_input, radios, select, text_input, textarea, Problem, Radio, Row, TextField,
};
use crate::supervise::unit::{load, UnitData};
use crate::supervise::DeskUser;

/// The fields every page posts that are not answers.
const META: [&str; 3] = ["csrf", "go", "step"];

/// The answers as posted (a field sent twice: the last).
pub fn posted(pairs: Vec<(String, String)>) -> FormAnswers {
    pairs.into_iter().collect()
}

/// Hidden fields carrying every answer not shown on this page (`shown` says which are).
pub fn carry(a: &FormAnswers, shown: &dyn Fn(&str) -> bool) -> Markup {
    html! {
        @for (k, v) in a.iter() {
            @if !META.contains(&k) && !shown(k) {
                input type="hidden" name=(k) value=(v);
            }
        }
    }
}

/// The problem at `id`, if any.
/// Where a multi-page form goes back to when its answers do not hold: the first step up to
/// `upto` with a problem (by `step_of` its field), and that step's problems.
pub fn first_failing(
    problems: Vec<Problem>,
    step_of: impl Fn(&str) -> usize,
    upto: usize,
) -> Option<(usize, Vec<Problem>)> {
    let first = problems
        .iter()
        .map(|(f, _)| step_of(f))
        .filter(|s| *s <= upto)
        .min()?;
    let here = problems
        .into_iter()
        .filter(|(f, _)| step_of(f) == first)
        .collect();
    Some((first, here))
}

pub fn error<'a>(problems: &'a [Problem], id: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|(f, _)| f == id)
        .map(|(_, m)| m.as_str())
}

/// The unit, when `user` may keep the nominal; the "Page not found" answer otherwise.
pub async fn nominal_ctx(
    state: &AppState,
    user: &DeskUser,
    nominal_id: &str,
) -> Result<UnitData, Response> {
    let data = load(state, user).await?;
    if may_keep(user, &data, nominal_id) {
        Ok(data)
    } else {
        Err(not_found(state, user))
    }
}

/// The unit and the order, when `user` may keep its nominal; "Page not found" otherwise
/// (another unit's order is the same as none).
/// A keeping form posted about an order: its answers once the session's CSRF token is
/// checked (first, before anything is read), with the unit and the order the user may keep;
/// else the page to answer (403, or 404 for an order not theirs to keep).
pub async fn order_post(
    state: &AppState,
    user: &DeskUser,
    order_id: &str,
    pairs: Vec<(String, String)>,
) -> Result<(FormAnswers, UnitData, Order), Response> {
    let a = posted(pairs);
    if let Some(refused) = crate::supervise::csrf_refusal(user, a.get("csrf")) {
        return Err(refused);
    }
    let (data, order) = order_ctx(state, user, order_id).await?;
    Ok((a, data, order))
}

pub async fn order_ctx(
    state: &AppState,
    user: &DeskUser,
    order_id: &str,
) -> Result<(UnitData, Order), Response> {
    let data = load(state, user).await?;
    let order = data
        .cohort
        .orders
        .iter()
        .find(|o| o.id == order_id)
        .cloned();
    match order {
        Some(o) if may_keep(user, &data, &o.nominal_id) => Ok((data, o)),
        _ => Err(not_found(state, user)),
    }
}

/// A new token for the ids of what one form records (12 hex digits), given when it opens so a
/// form sent twice is refused, not recorded twice.
pub fn new_token() -> String {
    secrets::random_id(6)
}

/// The form's token, if it is one the server could have given; a new one otherwise.
pub fn token_of(a: &FormAnswers) -> String {
    let t = a.get("token");
    if t.len() == 12 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        t.to_string()
    } else {
        new_token()
    }
}

/// The version the form carries (`None` when it carries none).
pub fn version_of(a: &FormAnswers) -> Option<i64> {
    a.get("version").parse().ok()
}

/// A date's three boxes as typed.
pub fn date_values<'a>(a: &'a FormAnswers, id: &str) -> [&'a str; 3] {
    let part = |s: &str| a.get(&format!("{id}-{s}"));
    [part("day"), part("month"), part("year")]
}

/// The date question `id` with its answers and problem.
pub fn date(id: &str, legend: &str, hint: &str, a: &FormAnswers, problems: &[Problem]) -> Markup {
    named_date_input(id, legend, hint, date_values(a, id), problems)
}

/// The questions about one provision, under `prefix`: its wording exactly as the order gives
/// it, its family (the one the wording suggests chosen until the officer chooses), a summary,
/// whether the licence mirrors it, its own dates, and any notification duty.
pub fn provision_fields(
    prefix: &str,
    a: &FormAnswers,
    problems: &[Problem],
    suggested: Option<ProvisionFamily>,
) -> Markup {
    let id = |f: &str| format!("{prefix}{f}");
    let value = |f: &str| a.get(&id(f)).to_string();
    let family = value("family");
    let ids: Vec<(String, String)> = ProvisionFamily::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let rid = if i == 0 {
                id("family")
            } else {
                format!("{}-{}", id("family"), code_of(*f))
            };
            (rid, code_of(*f))
        })
        .collect();
    let families: Vec<Radio> = ProvisionFamily::ALL
        .iter()
        .zip(&ids)
        .map(|(f, (rid, code))| Radio {
            id: rid,
            value: code,
            label: f.label(),
            checked: &family == code,
        })
        .collect();
    let family_hint = suggested.map(|f| {
        format!("Suggested from the wording: {}. Check it against the order and change it if it is wrong.", f.label())
    });
    let mirrored = value("mirrored");
    let (yes, no) = (id("mirrored"), id("mirrored-no"));
    let mirror = [
        Radio {
            id: &yes,
            value: "yes",
            label: "Yes, the licence has the same condition",
            checked: mirrored == "yes",
        },
        Radio {
            id: &no,
            value: "no",
            label: "No",
            checked: mirrored == "no",
        },
    ];
    let duty = value(DUTY);
    let (d0, d1, d2) = (id(DUTY), id("duty-after"), id("duty-before"));
    let duties = [
        Radio {
            id: &d0,
            value: "none",
            label: "No duty to notify",
            checked: duty == "none",
        },
        Radio {
            id: &d1,
            value: "after",
            label: "Within a number of days after the event",
            checked: duty == "after",
        },
        Radio {
            id: &d2,
            value: "before",
            label: "At least a number of clear days before the event",
            checked: duty == "before",
        },
    ];
    let kinds: Vec<(String, &str)> = NotificationKind::ALL
        .iter()
        .map(|k| (code_of(*k), k.label()))
        .collect();
    let days = value(DUTY_DAYS);
    let mut days_field = TextField::new("", "Number of days", &days);
    let days_id = id(DUTY_DAYS);
    days_field.id = &days_id;
    days_field.width = Some("input--width-4");
    days_field.error = error(problems, &days_id);
    let duty_details = html! {
        div class="radios__conditional" {
            (select(&id(DUTY_KIND), "What must be notified", &kinds, &value(DUTY_KIND), error(problems, &id(DUTY_KIND))))
            (text_input(&days_field))
        }
    };
    html! {
        (textarea(&id("wording"), "Wording, exactly as the order gives it", Some("As granted by the court, word for word: breach reports and evidence packs quote it."), &value("wording"), 6, error(problems, &id("wording"))))
        (radios(&id("family"), "Family of provision (s.5)", family_hint.as_deref(), &families, error(problems, &id("family")), html! {}))
        (textarea(&id("summary"), "Plain-English summary", Some("What it means, for the officer and the nominal."), &value("summary"), 3, error(problems, &id("summary"))))
        (radios(&id("mirrored"), "Is it mirrored in the licence?", None, &mirror, error(problems, &id("mirrored")), html! {}))
        (date(&id("starts"), "Its own start (if different from the order's)", "Leave blank if it starts when the order does. For example, 24 11 2026", a, problems))
        (date(&id("ends"), "Its own last day (if different from the order's)", "Leave blank if it ends when the order does.", a, problems))
        (radios(&id(DUTY), "Does it require the person to notify police?", None, &duties, error(problems, &id(DUTY)), duty_details))
    }
}

/// One provision as rows of a check-answers list.
pub fn provision_rows(c: &Condition) -> Vec<Row<'static>> {
    let dates = match (c.starts, c.ends) {
        (None, None) => "As the order's".to_string(),
        (s, e) => format!(
            "From {} to {}",
            s.map_or("the order's start".into(), format_date),
            e.map_or("the order's end".into(), format_date)
        ),
    };
    let duty = c.notification.as_ref().map_or("None".to_string(), |n| {
        format!("{}: {}", n.kind.label(), n.deadline.describe())
    });
    vec![
        (
            "Wording",
            html! { blockquote class="inset-text" { (c.verbatim) } },
        ),
        ("Family", html! { (c.family.label()) }),
        ("Summary", html! { (c.summary) }),
        (
            "Mirrored in licence",
            html! { @if c.mirrored_in_licence { "Yes" } @else { "No" } },
        ),
        ("Dates", html! { (dates) }),
        ("Duty to notify", html! { (duty) }),
    ]
}
