//! The new order's pages: one question page for each step, check answers, and the
//! confirmation once it is recorded.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::order_form::last_day_hint;
use scpo_field::domain::forms::provision_form::code_of;
use scpo_field::domain::order::{Order, ServiceMethod};
use scpo_field::domain::time::dates::format_date;

use super::fields::{carry, date, date_values, error};
use super::new_order::{CHECK, STEPS};
use crate::state::AppState;
use crate::supervise::kit::{
    back_link, confirmation_panel, csrf_field, error_summary, page_at, radios, text_input, titled,
    Problem, Radio, TextField,
};
use crate::supervise::unit::UnitData;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// The nominal's page on the desk.
pub fn nominal_href(nominal_id: &str) -> String {
    format!("/supervise/nominals/{}", segment(nominal_id))
}

/// The section of the navigation the keeping pages are under.
pub fn section(user: &DeskUser) -> &'static str {
    if user.keeps_whole_unit() {
        "/supervise/cohort"
    } else {
        "/supervise/mine"
    }
}

/// The caption of an order's pages: "Order {reference} for {name}".
pub fn caption(data: &UnitData, order: &Order) -> String {
    let name = data
        .cohort
        .nominal(&order.nominal_id)
        .map_or_else(|| order.nominal_id.clone(), |n| n.display_name());
    format!("Order {} for {name}", order.court_reference)
}

fn name_of(data: &UnitData, nominal_id: &str) -> String {
    data.cohort
        .nominal(nominal_id)
        .map_or_else(|| nominal_id.to_string(), |n| n.display_name())
}

/// A question page of any keeping form: back link, error summary, the nominal's name as a
/// caption, the question as its heading, and a form posting `step` with the answers not asked
/// on it carried in hidden fields.
#[allow(clippy::too_many_arguments)]
pub fn question_page(
    state: &AppState,
    user: &DeskUser,
    caption: &str,
    title: &str,
    action: &str,
    step: &str,
    a: &FormAnswers,
    shown: &dyn Fn(&str) -> bool,
    problems: &[Problem],
    body: Markup,
    back: (&str, &str),
) -> Response {
    let page = html! {
        (back_link(back.0, back.1))
        (error_summary(problems))
        p class="panel__caption" { (caption) }
        h1 class="heading-l" { (title) }
        form method="post" action=(action) novalidate {
            (csrf_field(user))
            input type="hidden" name="step" value=(step);
            (carry(a, shown))
            (body)
        }
    };
    page_at(
        state,
        Some(user),
        &titled(problems, title),
        page,
        Some(section(user)),
    )
}

/// The button that goes on to the next page.
pub fn continue_button(text: &str) -> Markup {
    html! { button class="button" type="submit" name="go" value="next" id="continue" { (text) } }
}

pub fn step_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    nominal_id: &str,
    step: usize,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    if step >= CHECK {
        return check_page(state, user, data, nominal_id, a, problems);
    }
    let (name, fields) = STEPS.get(step).copied().unwrap_or(STEPS[0]);
    let (title, body) = match name {
        "court" => ("Which court made the order?", court(a, problems)),
        "granted" => (
            "When was the order granted?",
            date(
                "granted",
                "Date granted",
                "As on the sealed order. For example, 2 11 2026",
                a,
                problems,
            ),
        ),
        "force" => ("When does the order come into force?", force(a, problems)),
        "ends" => (
            "What is the order's last day?",
            date("ends", "Last day", &last_day_hint(a), a, problems),
        ),
        _ => ("How is the person bound by the order?", bound(a, problems)),
    };
    let action = format!("/supervise/nominals/{}/orders/new", segment(nominal_id));
    let body = html! { (body) (continue_button("Continue")) };
    let back = nominal_href(nominal_id);
    question_page(
        state,
        user,
        &format!("New order for {}", name_of(data, nominal_id)),
        title,
        &action,
        name,
        a,
        &|f| fields.contains(&f),
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

fn court(a: &FormAnswers, problems: &[Problem]) -> Markup {
    let mut court = TextField::new("court", "Court", a.get("court"));
    court.hint = Some("For example, Crown Court at Exampleton");
    court.error = error(problems, "court");
    let mut reference = TextField::new("reference", "Court reference", a.get("reference"));
    reference.width = Some("input--width-20");
    reference.error = error(problems, "reference");
    html! { (text_input(&court)) (text_input(&reference)) }
}

fn force(a: &FormAnswers, problems: &[Problem]) -> Markup {
    let chosen = a.get("in-force");
    let choices = [
        Radio {
            id: "in-force",
            value: "date",
            label: "On a date",
            checked: chosen == "date",
        },
        Radio {
            id: "in-force-on-release",
            value: "on-release",
            label: "On release, which is not fixed yet",
            checked: chosen == "on-release",
        },
    ];
    let when = html! {
        div class="radios__conditional" {
            (date("force", "If on a date: the date it comes into force", "Often the day of release. For example, 24 11 2026", a, problems))
        }
    };
    radios(
        "in-force",
        "When it comes into force",
        None,
        &choices,
        error(problems, "in-force"),
        when,
    )
}

const METHODS: [ServiceMethod; 4] = [
    ServiceMethod::InPerson,
    ServiceMethod::Post,
    ServiceMethod::LeftAtAddress,
    ServiceMethod::Electronic,
];

fn bound(a: &FormAnswers, problems: &[Problem]) -> Markup {
    let chosen = a.get("bound");
    let choices = [
        Radio {
            id: "bound",
            value: "represented",
            label: "Represented at the hearing at which the order was made",
            checked: chosen == "represented",
        },
        Radio {
            id: "bound-served",
            value: "served",
            label: "Served with notice of the order",
            checked: chosen == "served",
        },
    ];
    let method = a.get("served-method");
    let codes: Vec<(String, String)> = METHODS
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let id = if i == 0 {
                "served-method".to_string()
            } else {
                format!("served-method-{}", code_of(*m))
            };
            (id, code_of(*m))
        })
        .collect();
    let methods: Vec<Radio> = METHODS
        .iter()
        .zip(&codes)
        .map(|(m, (id, code))| Radio {
            id,
            value: code,
            label: m.label(),
            checked: method == code,
        })
        .collect();
    let mut by = TextField::new("served-by", "Who served them", a.get("served-by"));
    by.hint = Some("Rank and name, for example PC Example Officer");
    by.error = error(problems, "served-by");
    let served = html! {
        div class="radios__conditional" {
            (date("served", "If served: the date served", "For example, 24 11 2026", a, problems))
            (radios("served-method", "How they were served", None, &methods, error(problems, "served-method"), html! {}))
            (text_input(&by))
        }
    };
    radios(
        "bound",
        "How they are bound (s.10)",
        Some("A prosecution for breach must prove one of these."),
        &choices,
        error(problems, "bound"),
        served,
    )
}

fn day_of(a: &FormAnswers, id: &str) -> String {
    let [d, m, y] = date_values(a, id);
    match (d.parse(), m.parse(), y.parse()) {
        (Ok(d), Ok(m), Ok(y)) => {
            chrono::NaiveDate::from_ymd_opt(y, m, d).map_or_else(String::new, format_date)
        }
        _ => String::new(),
    }
}

/// A check-answers row with a "Change" button that goes back to its page.
pub fn change_row(key: &str, value: Markup, step: &str) -> Markup {
    html! {
        div class="summary-list__row summary-list__row--actions" {
            dt class="summary-list__key" { (key) }
            dd class="summary-list__value" { (value) }
            dd class="summary-list__actions" {
                button class="link-button" type="submit" name="go" value={ "change-" (step) } {
                    "Change" span class="visually-hidden" { " " (key.to_lowercase()) }
                }
            }
        }
    }
}

pub fn check_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    nominal_id: &str,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let force = if a.get("in-force") == "on-release" {
        "On release (not fixed yet)".to_string()
    } else {
        day_of(a, "force")
    };
    let bound = if a.get("bound") == "served" {
        let method = METHODS
            .iter()
            .find(|m| code_of(**m) == a.get("served-method"))
            .map_or("", |m| m.label());
        format!(
            "Served ({}) on {} by {}",
            method.to_lowercase(),
            day_of(a, "served"),
            a.get("served-by")
        )
    } else {
        "Represented at the hearing".to_string()
    };
    let body = html! {
        dl class="summary-list summary-list--actions" {
            (change_row("Court", html! { (a.get("court")) }, "court"))
            (change_row("Reference", html! { (a.get("reference")) }, "court"))
            (change_row("Date granted", html! { (day_of(a, "granted")) }, "granted"))
            (change_row("Comes into force", html! { (force) }, "force"))
            (change_row("Last day", html! { (day_of(a, "ends")) }, "ends"))
            (change_row("How they are bound", html! { (bound) }, "bound"))
        }
        p class="body" { "The order is recorded with the reason “Recorded from the sealed order”. The assigned officer's phone gets it at its next sync." }
        button class="button" type="submit" name="go" value="save" id="save" { "Record the order" }
    };
    let action = format!("/supervise/nominals/{}/orders/new", segment(nominal_id));
    let back = nominal_href(nominal_id);
    question_page(
        state,
        user,
        &format!("New order for {}", name_of(data, nominal_id)),
        "Check your answers before recording the order",
        &action,
        "check",
        a,
        &|_| false,
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

pub fn done_page(state: &AppState, user: &DeskUser, data: &UnitData, order: &Order) -> Response {
    let provisions = format!("/supervise/orders/{}/provisions/new", segment(&order.id));
    let body = html! {
        (confirmation_panel("Order recorded", html! {
            "Reference " strong { (order.court_reference) } " for " (name_of(data, &order.nominal_id))
        }))
        p class="body" { "The assigned officer's phone gets it at its next sync." }
        h2 class="heading-m" { "What happens next" }
        p class="body" { "Record the order's provisions, word for word from the sealed order." }
        p class="body" { a class="button" href=(provisions) { "Add the order's provisions" } }
        p class="body" { a href=(nominal_href(&order.nominal_id)) { "Go to the nominal's page" } }
    };
    page_at(
        state,
        Some(user),
        "Order recorded",
        body,
        Some(section(user)),
    )
}
