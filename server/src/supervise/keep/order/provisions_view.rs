//! The provisions' pages: the wording pasted, one page for each provision to confirm, check
//! answers, and the confirmation once they are recorded.

use axum::response::Response;
use maud::html;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::{provision_from, PROVISION_FIELDS, WORDING};
use scpo_field::domain::forms::provision_text::suggest_family;
use scpo_field::domain::order::Order;

use super::fields::{error, provision_fields, provision_rows};
use super::new_order_view::{caption, continue_button, nominal_href, question_page, section};
use super::provisions::{count, prefix};
use crate::state::AppState;
use crate::supervise::kit::{confirmation_panel, page_at, summary_list, textarea, Problem};
use crate::supervise::unit::UnitData;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

fn action(order: &Order) -> String {
    format!("/supervise/orders/{}/provisions/new", segment(&order.id))
}

pub fn text_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let held = data.cohort.conditions_of(&order.id).len();
    let body = html! {
        @if held > 0 {
            p class="body" { "The order has " (held) " provisions recorded already. Add only the ones not recorded yet." }
        }
        (textarea("text", "The provisions' wording", Some("Paste one provision's wording, or the order's text whole: it is split at its numbered paragraphs (1., (1) or 1) at the start of a line) and you confirm each provision in turn."), a.get("text"), 14, error(problems, "text")))
        (continue_button("Continue"))
    };
    let back = nominal_href(&order.nominal_id);
    question_page(
        state,
        user,
        &caption(data, order),
        "Add the order's provisions",
        &action(order),
        "text",
        a,
        &|f| f == "text",
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

pub fn provision_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    i: usize,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let p = prefix(i);
    let suggested = suggest_family(a.get(&format!("{p}{WORDING}")));
    let body = html! {
        (provision_fields(&p, a, problems, Some(suggested)))
        (continue_button("Confirm this provision"))
    };
    let title = format!("Provision {} of {}", i.saturating_add(1), count(a));
    let shown = |f: &str| {
        f.strip_prefix(p.as_str())
            .is_some_and(|rest| PROVISION_FIELDS.contains(&rest))
    };
    let back = nominal_href(&order.nominal_id);
    question_page(
        state,
        user,
        &caption(data, order),
        &title,
        &action(order),
        &format!("p{i}"),
        a,
        &shown,
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

pub fn check_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let n = count(a);
    let body = html! {
        @for i in 0..n {
            @if let Ok(c) = provision_from(a, &prefix(i), "C-check", &order.id) {
                h2 class="heading-m" { "Provision " (i + 1) }
                (summary_list(&provision_rows(&c)))
                p class="body" {
                    button class="link-button" type="submit" name="go" value={ "change-p" (i) } {
                        "Change" span class="visually-hidden" { " provision " (i + 1) }
                    }
                }
            }
        }
        p class="body" { "They are recorded with the reason “Recorded from the sealed order”, in one change. The assigned officer's phone gets them at its next sync." }
        button class="button" type="submit" name="go" value="save" id="save" {
            @if n == 1 { "Record the provision" } @else { "Record the " (n) " provisions" }
        }
    };
    let back = nominal_href(&order.nominal_id);
    question_page(
        state,
        user,
        &caption(data, order),
        "Check the provisions before recording them",
        &action(order),
        "check",
        a,
        &|_| false,
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

pub fn done_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    n: usize,
) -> Response {
    let body = html! {
        (confirmation_panel("Provisions recorded", html! {
            (n) @if n == 1 { " provision" } @else { " provisions" } " of " (caption(data, order))
        }))
        p class="body" { "The assigned officer's phone gets them at its next sync." }
        p class="body" { a href=(action(order)) { "Add more provisions" } }
        p class="body" { a href=(nominal_href(&order.nominal_id)) { "Go to the nominal's page" } }
    };
    page_at(
        state,
        Some(user),
        "Provisions recorded",
        body,
        Some(section(user)),
    )
}
