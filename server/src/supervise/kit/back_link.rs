//! The GOV.UK back link, at the top of a page: where the user came from.

use maud::{html, Markup};

pub fn back_link(href: &str, text: &str) -> Markup {
    html! { a class="back-link" href=(href) { (text) } }
}
