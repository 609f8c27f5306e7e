//! GOV.UK panels: the confirmation panel that ends a transaction (a cohort imported, a one-time
//! code made), and the success notification at the top of a page after something was done
//! (`role="status"`, so a screen reader says it).

use maud::{html, Markup};

/// The confirmation panel: its title (the page's `h1`) and what it confirms.
pub fn confirmation_panel(title: &str, body: Markup) -> Markup {
    html! {
        div class="panel panel--confirmation" {
            h1 class="panel__title heading-l" { (title) }
            div class="panel__body" { (body) }
        }
    }
}

/// What was just done, said at the top of the page it led back to.
pub fn success_panel(body: Markup) -> Markup {
    html! {
        div class="panel panel--success" role="status" { (body) }
    }
}
