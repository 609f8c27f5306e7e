//! GOV.UK warning text and inset text: something the user must know before going on (a phone
//! wiped, a nominal leaving the phones), and something to note (a record that stays).

use maud::{html, Markup};

/// A warning, in bold, with "Warning: " said to screen readers before it.
pub fn warning_text(text: Markup) -> Markup {
    html! {
        div class="warning-text" {
            p class="body" { strong { span class="visually-hidden" { "Warning: " } (text) } }
        }
    }
}

/// A paragraph set apart from the text around it.
pub fn inset_text(text: Markup) -> Markup {
    html! {
        div class="inset-text" { p class="body" { (text) } }
    }
}
