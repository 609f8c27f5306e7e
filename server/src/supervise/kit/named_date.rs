//! A GOV.UK date input whose boxes are named after it (`{id}-day`, `{id}-month`, `{id}-year`),
//! so one form can ask for several dates (the kit's `date_input` names its boxes `day`,
//! `month`, `year`). Its problem is found under `{id}-day`, the first box's id.

use maud::{html, Markup};

use super::error_summary::Problem;
use super::field::field_error;

/// The date `id`: legend, hint, the three values typed, and its problem if any.
pub fn named_date_input(
    id: &str,
    legend: &str,
    hint: &str,
    values: [&str; 3],
    problems: &[Problem],
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
        div class={ "form-group" @if error.is_some() { " form-group--error" } } {
            fieldset class="fieldset" role="group" aria-describedby=(described) {
                legend class="fieldset__legend" { (legend) }
                p class="hint" id={ (id) "-hint" } { (hint) }
                @if let Some((_, m)) = &error { (m) }
                div class="date-input" {
                    @for ((name, label, width), value) in boxes.iter().zip(values) {
                        div class="date-input__item" {
                            label class="label date-input__label" for={ (id) "-" (name) } { (label) }
                            input class={ "input input--width-" (width) @if error.is_some() { " input--error" } }
                                id={ (id) "-" (name) } name={ (id) "-" (name) } type="text" inputmode="numeric"
                                autocomplete="off" value=(value);
                        }
                    }
                }
            }
        }
    }
}
