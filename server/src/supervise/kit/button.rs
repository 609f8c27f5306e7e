//! GOV.UK buttons: the main action, a secondary one, and a warning (revoking, signing out
//! everywhere).

use maud::{html, Markup};

pub enum ButtonKind {
    Primary,
    Secondary,
    Warning,
}

pub fn button_class(kind: ButtonKind) -> &'static str {
    match kind {
        ButtonKind::Primary => "button",
        ButtonKind::Secondary => "button button--secondary",
        ButtonKind::Warning => "button button--warning",
    }
}

/// A submit button.
pub fn button(text: &str, kind: ButtonKind) -> Markup {
    html! { button class=(button_class(kind)) type="submit" { (text) } }
}
