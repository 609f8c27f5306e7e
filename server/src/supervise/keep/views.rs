//! Pieces of the keeping pages asked on more than one of them: a date in three boxes, the risk
//! rating, the custody dates and probation contact, and answers as check-answers shows them.

use maud::{html, Markup};
use scpo_field::domain::common::form::entered_date_parts;
use scpo_field::domain::forms::keep_answers::{risk_code, FormAnswers};
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::RiskRating;

use crate::supervise::forms::Problem;
use crate::supervise::kit::{named_date_input, radios, text_input, Radio, TextField};

fn error<'a>(problems: &'a [Problem], field: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

/// A date asked in three boxes named after `prefix`.
pub fn date(
    a: &FormAnswers,
    prefix: &str,
    legend: &str,
    hint: &str,
    problems: &[Problem],
) -> Markup {
    named_date_input(prefix, legend, hint, a.date_parts(prefix), problems)
}

/// A text question, kept as typed.
pub fn text(
    a: &FormAnswers,
    id: &str,
    label: &str,
    hint: Option<&str>,
    problems: &[Problem],
) -> Markup {
    let mut f = TextField::new(id, label, a.get(id));
    f.hint = hint;
    f.error = error(problems, id);
    f.autocomplete = Some("off");
    text_input(&f)
}

/// The four risk ratings, the first's id the question's (`risk`).
pub fn risk_radios(a: &FormAnswers, problems: &[Problem]) -> Markup {
    let ids = ["risk", "risk-high", "risk-medium", "risk-low"];
    let choices: Vec<Radio> = RiskRating::ALL
        .iter()
        .zip(ids)
        .map(|(r, id)| Radio {
            id,
            value: risk_code(*r),
            label: r.label(),
            checked: a.get("risk") == risk_code(*r),
        })
        .collect();
    radios(
        "risk",
        "Risk rating",
        None,
        &choices,
        error(problems, "risk"),
        html! {},
    )
}

/// The probation practitioner of a licence: name, and phone and email if known.
pub fn probation_fields(a: &FormAnswers, problems: &[Problem]) -> Markup {
    html! {
        h2 class="heading-m" { "Probation contact" }
        (text(a, "probation_name", "Probation practitioner's name", None, problems))
        (text(a, "probation_phone", "Their phone (optional)", None, problems))
        (text(a, "probation_email", "Their email (optional)", None, problems))
    }
}

/// The dates (and, on licence, the probation contact) of a custody answer.
pub fn custody_fields(a: &FormAnswers, code: &str, problems: &[Problem]) -> Markup {
    let released = || {
        date(
            a,
            "released",
            "Date of release",
            "For example, 24 11 2026.",
            problems,
        )
    };
    match code {
        "in_custody" => date(
            a,
            "expected",
            "Expected date of release",
            "As the prison gives it. It can be changed when it moves.",
            problems,
        ),
        "on_licence" => html! {
            (released())
            (date(a, "licence_ends", "The licence's last day", "For example, 23 11 2027.", problems))
            (probation_fields(a, problems))
        },
        "licence_ended" => html! {
            (released())
            (date(a, "ended", "The day the licence ended", "Its last day.", problems))
        },
        "in_community" => date(
            a,
            "since",
            "Since when?",
            "The day of release without a licence, or, if never imprisoned, the day the order came into force.",
            problems,
        ),
        _ => html! { p class="body" { "Choose where the nominal is first." } },
    }
}

/// Answers as check-answers shows them.
pub struct Said<'a>(pub &'a FormAnswers);

impl Said<'_> {
    /// A date in words ("24 Nov 2026"), or as typed.
    pub fn date(&self, prefix: &str) -> Markup {
        let [d, m, y] = self.0.date_parts(prefix);
        match entered_date_parts(d, m, y, "", "") {
            Ok(day) => html! { (format_date(day)) },
            Err(_) => html! { (d) " " (m) " " (y) },
        }
    }

    /// Text, or "Not given".
    pub fn text(&self, field: &str) -> Markup {
        let v = self.0.get(field).trim();
        html! { @if v.is_empty() { "Not given" } @else { (v) } }
    }

    /// The custody dates of `code`, one a line.
    pub fn custody(&self, code: &str) -> Markup {
        let line =
            |label: &str, v: Markup| html! { p class="summary-list__line" { (label) ": " (v) } };
        match code {
            "in_custody" => line("Expected release", self.date("expected")),
            "on_licence" => html! {
                (line("Released", self.date("released")))
                (line("Licence ends", self.date("licence_ends")))
                (line("Probation", self.text("probation_name")))
                (line("Probation phone", self.text("probation_phone")))
                (line("Probation email", self.text("probation_email")))
            },
            "licence_ended" => html! {
                (line("Released", self.date("released")))
                (line("Licence ended", self.date("ended")))
            },
            "in_community" => line("Since", self.date("since")),
            _ => html! {},
        }
    }
}
