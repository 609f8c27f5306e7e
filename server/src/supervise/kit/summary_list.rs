//! The GOV.UK summary list: keys and values, e.g. a nominal's details or a report's answers.

use maud::{html, Markup};

/// One row: the key, and the value (already built; text in it is escaped by maud).
pub type Row<'a> = (&'a str, Markup);

pub fn summary_list(rows: &[Row]) -> Markup {
    html! {
        dl class="summary-list" {
            @for (key, value) in rows {
                div class="summary-list__row" {
                    dt class="summary-list__key" { (key) }
                    dd class="summary-list__value" { (value) }
                }
            }
        }
    }
}
