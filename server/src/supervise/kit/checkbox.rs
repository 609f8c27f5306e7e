//! One GOV.UK checkbox with its label and an optional hint (`{id}-hint`), and a select with its
//! label and error message.

use maud::{html, Markup};

use super::field::{described_by, error_message};

/// A checkbox `name` (also its id) sending `yes` when ticked.
pub fn checkbox(name: &str, label: &str, hint: Option<&str>, checked: bool) -> Markup {
    html! {
        div class="checkboxes__item" {
            input class="checkboxes__input" type="checkbox" id=(name) name=(name) value="yes"
                aria-describedby=[hint.map(|_| format!("{name}-hint"))] checked[checked];
            div {
                label class="checkboxes__label" for=(name) { (label) }
                @if let Some(h) = hint { p class="hint" id={ (name) "-hint" } { (h) } }
            }
        }
    }
}

/// A select `id` (also its name) of `(value, label)` options, `selected` chosen, with a first
/// option asking to choose.
pub fn select(
    id: &str,
    label: &str,
    options: &[(String, &str)],
    selected: &str,
    error: Option<&str>,
) -> Markup {
    html! {
        div class={ "form-group" @if error.is_some() { " form-group--error" } } {
            label class="label" for=(id) { (label) }
            @if let Some(e) = error { (error_message(id, e)) }
            select class="select" id=(id) name=(id) aria-describedby=[described_by(id, false, error.is_some())] {
                option value="" { "Choose" }
                @for (value, text) in options {
                    option value=(value) selected[selected == value] { (text) }
                }
            }
        }
    }
}
