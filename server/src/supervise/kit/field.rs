//! Form fields (GOV.UK): each with its label or legend, hint and error message, the hint's and
//! the error's ids in `aria-describedby`, and the error styling on the group and the control.

use maud::{html, Markup};

use super::error_summary::Problem;
use crate::storage::Officer;

/// A field's error message, id `{field}-error` for the field's `aria-describedby`.
pub fn error_message(field: &str, message: &str) -> Markup {
    html! {
        p class="error-message" id={ (field) "-error" } {
            span class="visually-hidden" { "Error: " } (message)
        }
    }
}

/// The message for `field`, if it has a problem: `(its id, the message)`.
pub fn field_error(problems: &[Problem], field: &str) -> Option<(String, Markup)> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| (format!("{field}-error"), error_message(field, m)))
}

/// The `aria-describedby` of a field: its hint's id (when it has a hint) and its error's id
/// (when it has a problem), or nothing.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn group(error: bool) -> &'static str {
    if error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

/// A one-line text input. `id` is also its `name`.
pub struct TextField<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub value: &'a str,
    /// Extra classes on the input, e.g. "input--short" or "input--width-10".
    pub width: Option<&'a str>,
    /// `type`: "text" unless given (e.g. "date", "search").
    pub kind: Option<&'a str>,
    pub autocomplete: Option<&'a str>,
    pub error: Option<&'a str>,
}

impl<'a> TextField<'a> {
    pub fn new(id: &'a str, label: &'a str, value: &'a str) -> Self {
        Self {
            id,
            label,
            hint: None,
            value,
            width: None,
            kind: None,
            autocomplete: None,
            error: None,
        }
    }
}

/// A GOV.UK text input.
pub fn text_input(f: &TextField) -> Markup {
    let class = format!(
        "input{}{}",
        f.width.map(|w| format!(" {w}")).unwrap_or_default(),
        if f.error.is_some() {
            " input--error"
        } else {
            ""
        }
    );
    html! {
        div class=(group(f.error.is_some())) {
            label class="label" for=(f.id) { (f.label) }
            @if let Some(h) = f.hint { p class="hint" id={ (f.id) "-hint" } { (h) } }
            @if let Some(e) = f.error { (error_message(f.id, e)) }
            input class=(class) id=(f.id) name=(f.id) type=(f.kind.unwrap_or("text"))
                value=(f.value) spellcheck="false" autocomplete=[f.autocomplete]
                aria-describedby=[described_by(f.id, f.hint.is_some(), f.error.is_some())];
        }
    }
}

/// A GOV.UK textarea of `rows` lines. `id` is also its `name`.
pub fn textarea(
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    rows: u8,
    error: Option<&str>,
) -> Markup {
    let class = if error.is_some() {
        "textarea textarea--error"
    } else {
        "textarea"
    };
    html! {
        div class=(group(error.is_some())) {
            label class="label" for=(id) { (label) }
            @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
            @if let Some(e) = error { (error_message(id, e)) }
            textarea class=(class) id=(id) name=(id) rows=(rows)
                aria-describedby=[described_by(id, hint.is_some(), error.is_some())] { (value) }
        }
    }
}

/// One choice of a radio group: its id, value, label, whether chosen, and what opens under it
/// when chosen (GOV.UK conditional reveal).
pub struct Radio<'a> {
    pub id: &'a str,
    pub value: &'a str,
    pub label: &'a str,
    pub checked: bool,
}

/// A GOV.UK radio group in a fieldset: legend, hint (`{name}-hint`), error (`{name}-error`).
/// `after` goes inside the fieldset, after the choices (e.g. a conditional question).
pub fn radios(
    name: &str,
    legend: &str,
    hint: Option<&str>,
    choices: &[Radio],
    error: Option<&str>,
    after: Markup,
) -> Markup {
    html! {
        div class=(group(error.is_some())) {
            fieldset class="fieldset" aria-describedby=[described_by(name, hint.is_some(), error.is_some())] {
                legend class="fieldset__legend" { (legend) }
                @if let Some(h) = hint { p class="hint" id={ (name) "-hint" } { (h) } }
                @if let Some(e) = error { (error_message(name, e)) }
                div class="radios" {
                    @for c in choices {
                        div class="radios__item" {
                            input class="radios__input" type="radio" name=(name) id=(c.id) value=(c.value) checked[c.checked];
                            label class="radios__label" for=(c.id) { (c.label) }
                        }
                    }
                }
                (after)
            }
        }
    }
}

/// A GOV.UK date input: day, month and year boxes named `day`, `month`, `year`, the first box's
/// id `{id}-day`; its problem is found under `{id}-day`.
pub fn date_input(
    id: &str,
    legend: &str,
    hint: &str,
    values: [&str; 3],
    problems: &[Problem],
) -> Markup {
    date_boxes(id, legend, hint, values, problems, false)
}

/// The date input both kinds share: its boxes named `day`, `month`, `year`, or (`named`)
/// `{id}-day`, `{id}-month`, `{id}-year` so one form can ask several dates.
pub(super) fn date_boxes(
    id: &str,
    legend: &str,
    hint: &str,
    values: [&str; 3],
    problems: &[Problem],
    named: bool,
) -> Markup {
    let first = format!("{id}-day");
    let error = field_error(problems, &first);
    let described = match &error {
        Some((eid, _)) => format!("{id}-hint {eid}"),
        None => format!("{id}-hint"),
    };
    let boxes = [
        ("day", "Day", 2),
        ("month", "Month", 2),
        ("year", "Year", 4),
    ];
    html! {
        div class=(group(error.is_some())) {
            fieldset class="fieldset" role="group" aria-describedby=(described) {
                legend class="fieldset__legend" { (legend) }
                p class="hint" id={ (id) "-hint" } { (hint) }
                @if let Some((_, m)) = &error { (m) }
                div class="date-input" {
                    @for ((name, label, width), value) in boxes.iter().zip(values) {
                        div class="date-input__item" {
                            label class="label date-input__label" for={ (id) "-" (name) } { (label) }
                            input class={ "input input--width-" (width) @if error.is_some() { " input--error" } }
                                id={ (id) "-" (name) }
                                name=(if named { format!("{id}-{name}") } else { (*name).to_string() })
                                type="text" inputmode="numeric"
                                autocomplete="off" value=(value);
                        }
                    }
                }
            }
        }
    }
}

/// A select of the unit's officers (`name="officer"`), `selected` chosen.
pub fn officer_select(
    id: &str,
    label: &str,
    officers: &[Officer],
    selected: Option<&str>,
    problems: &[Problem],
) -> Markup {
    let error = field_error(problems, id);
    html! {
        div class=(group(error.is_some())) {
            label class="label" for=(id) { (label) }
            @if let Some((_, m)) = &error { (m) }
            select class="select" id=(id) name="officer" aria-describedby=[error.as_ref().map(|(e, _)| e)] {
                option value="" { "Choose an officer" }
                @for o in officers {
                    option value=(o.id) selected[selected == Some(o.id.as_str())] { (o.name) " (" (o.id) ")" }
                }
            }
        }
    }
}
