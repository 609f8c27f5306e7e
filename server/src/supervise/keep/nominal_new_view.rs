//! The pages of recording a new nominal: each question page, and check your answers.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::{aliases_answer, FormAnswers};
use scpo_field::domain::forms::nominal_form::{fields_of, CUSTODY_CHOICES, STEPS};
use scpo_field::domain::RiskRating;

use super::form::{
    back_step, check_answers, hidden, lines, question_page, section, Checked, QuestionPage,
};
use super::views::{custody_fields, date, risk_radios, Said};
use crate::state::AppState;
use crate::storage::Officer;
use crate::supervise::forms::Problem;
use crate::supervise::kit::{
    back_link, field_error, officer_select, radios, text_input, textarea, Radio, TextField,
};
use crate::supervise::DeskUser;

const ACTION: &str = "/supervise/nominals/new";

/// The page `step` with the answers so far and its problems.
pub fn render(
    state: &AppState,
    user: &DeskUser,
    step: &'static str,
    a: &FormAnswers,
    problems: &[Problem],
    officers: &[Officer],
) -> Response {
    let whole = user.keeps_whole_unit();
    let before = STEPS
        .iter()
        .take_while(|s| **s != step)
        .filter(|s| whole || **s != "manager")
        .last()
        .copied();
    let (title, fields) = match step {
        "check" => (
            "Check your answers before recording the nominal",
            check(a, whole, officers, problems),
        ),
        _ => question(step, a, problems, officers),
    };
    let shown = if step == "check" {
        vec![]
    } else {
        fields_of(step, a)
    };
    let back = match step {
        "name" => back_link(section(user), "Back"),
        _ => html! {},
    };
    let after = match (step, before) {
        ("name", _) | (_, None) => html! {},
        ("check", _) => back_step(if whole { "manager" } else { "custody-dates" }),
        (_, Some(b)) => back_step(b),
    };
    question_page(
        state,
        user,
        QuestionPage {
            title,
            caption: "Record a new nominal",
            back,
            action: ACTION,
            step,
            problems,
            hidden: hidden(a, &shown),
            fields,
            submit: if step == "check" {
                "Record the nominal"
            } else {
                "Continue"
            },
            after,
        },
    )
}

fn error<'a>(problems: &'a [Problem], field: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

fn question(
    step: &str,
    a: &FormAnswers,
    problems: &[Problem],
    officers: &[Officer],
) -> (&'static str, Markup) {
    let text = |id: &'static str, label: &'static str| {
        let mut f = TextField::new(id, label, a.get(id));
        f.error = error(problems, id);
        f.autocomplete = Some("off");
        text_input(&f)
    };
    match step {
        "dob" => (
            "What is their date of birth?",
            date(
                a,
                "dob",
                "Date of birth",
                "For example, 27 3 1990. They must be 18 or over on the day the order is made.",
                problems,
            ),
        ),
        "risk" => (
            "Their risk rating",
            html! {
                (risk_radios(a, problems))
                (date(a, "reviewed", "When was the risk last reviewed?", "For example, 1 10 2026.", problems))
            },
        ),
        "contact" => (
            "Their address and phone",
            html! {
                (textarea("address", "Address (optional)", Some("Where they live, as held. Leave it empty if not known yet."), a.get("address"), 3, error(problems, "address")))
                (text("phone", "Phone (optional)"))
            },
        ),
        "custody" => {
            let choices: Vec<Radio> = CUSTODY_CHOICES
                .iter()
                .enumerate()
                .map(|(i, (code, label))| Radio {
                    id: if i == 0 { "custody" } else { code },
                    value: code,
                    label,
                    checked: a.get("custody") == *code,
                })
                .collect();
            ("Where is the nominal now?", radios(
                "custody",
                "Where is the nominal now?",
                Some("In custody, released on licence, released with the licence ended, or in the community with no licence (never imprisoned, or released without one)."),
                &choices,
                error(problems, "custody"),
                html! {},
            ))
        }
        "custody-dates" => (
            "Their custody dates",
            custody_fields(a, a.get("custody"), problems),
        ),
        "manager" => (
            "Who is their offender manager?",
            html! {
                @let chosen = (!a.get("officer").is_empty()).then(|| a.get("officer"));
                (officer_select("officer", "Offender manager", officers, chosen, problems))
                p class="hint" { "Their phone brings the nominal's records at its next sync." }
            },
        ),
        _ => (
            "What is their name?",
            html! {
                (text("given_name", "Given name"))
                (text("family_name", "Family name"))
                (textarea("aliases", "Aliases (optional)", Some("Other names they are known by, one a line."), a.get("aliases"), 3, error(problems, "aliases")))
            },
        ),
    }
}

fn check(a: &FormAnswers, whole: bool, officers: &[Officer], problems: &[Problem]) -> Markup {
    let said = Said(a);
    let custody = CUSTODY_CHOICES
        .iter()
        .find(|(c, _)| *c == a.get("custody"))
        .map_or("", |(_, l)| *l);
    let risk = RiskRating::ALL
        .into_iter()
        .find(|r| scpo_field::domain::forms::keep_answers::risk_code(*r) == a.get("risk"))
        .map_or("", RiskRating::label);
    let aliases = aliases_answer(a).join("\n");
    let mut rows = vec![
        Checked {
            key: "Name",
            value: html! { (a.get("given_name")) " " (a.get("family_name")) },
            change: Some("name"),
        },
        Checked {
            key: "Aliases",
            value: lines(&aliases),
            change: Some("name"),
        },
        Checked {
            key: "Date of birth",
            value: said.date("dob"),
            change: Some("dob"),
        },
        Checked {
            key: "Risk rating",
            value: html! { (risk) ", reviewed " (said.date("reviewed")) },
            change: Some("risk"),
        },
        Checked {
            key: "Address",
            value: lines(a.get("address")),
            change: Some("contact"),
        },
        Checked {
            key: "Phone",
            value: said.text("phone"),
            change: Some("contact"),
        },
        Checked {
            key: "Where they are",
            value: html! { (custody) },
            change: Some("custody"),
        },
        Checked {
            key: "Custody dates",
            value: said.custody(a.get("custody")),
            change: Some("custody-dates"),
        },
    ];
    let om = officers.iter().find(|o| o.id == a.get("officer"));
    if whole {
        rows.push(Checked {
            key: "Offender manager",
            value: html! { @if let Some(o) = om { (o.name) " (" (o.id) ")" } },
            change: Some("manager"),
        });
    }
    html! {
        h2 class="heading-m" id="check" { "The nominal" }
        @if let Some((_, m)) = field_error(problems, "check") { (m) }
        (check_answers(&rows))
        p class="body" { "When you record the nominal, the record is kept with your name, the time and the reason \"Recorded at the desk\". The offender manager's phone brings it at its next sync." }
    }
}
