//! A question revealed under a radio choice (GOV.UK conditional reveal): a radio group of its
//! own, its legend smaller than the question it belongs to, inside `radios__conditional`.

use maud::{html, Markup};

use super::field::{described_by, error_message, Radio};

/// The conditional radio group `name`: legend, hint (`{name}-hint`), error (`{name}-error`).
/// Pass it as `after` to [`radios`](super::radios) to put it in the question it belongs to.
pub fn conditional_radios(
    name: &str,
    legend: &str,
    hint: Option<&str>,
    choices: &[Radio],
    error: Option<&str>,
) -> Markup {
    let group = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    html! {
        div class="radios__conditional" {
            div class=(group) {
                fieldset class="fieldset" aria-describedby=[described_by(name, hint.is_some(), error.is_some())] {
                    legend class="fieldset__legend fieldset__legend--s" { (legend) }
                    @if let Some(h) = hint { p class="hint" id={ (name) "-hint" } { (h) } }
                    @if let Some(e) = error { (error_message(name, e)) }
                    div class="radios" {
                        @for c in choices {
                            div class="radios__item" {
                                input class="radios__input" type="radio" name=(name) id=(c.id)
                                    value=(c.value) checked[c.checked];
                                label class="radios__label" for=(c.id) { (c.label) }
                            }
                        }
                    }
                }
            }
        }
    }
}
