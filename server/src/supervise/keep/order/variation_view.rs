//! The variation's pages: the court's decision, the provisions it ends, rewords and adds, their
//! new wording, the provisions in force the day before and the day it takes effect side by
//! side with the answers to check, and the confirmation once it is recorded.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::PROVISION_FIELDS;
use scpo_field::domain::forms::provision_text::suggest_family;
use scpo_field::domain::forms::variation_form::{
    added_count, added_prefix, ended_field, in_force_around, reword_prefix, reworded_field,
    VariationChange, ADDED, MAX_ADDED,
};
use scpo_field::domain::order::{Condition, Order, OrderStage};
use scpo_field::domain::time::dates::format_date;

use super::fields::{date, error, provision_fields};
use super::new_order_view::{
    caption, change_row, continue_button, nominal_href, question_page, section,
};
use super::variation::{
    change, effect_day, standing, CHECK, DECISION, DECISION_FIELDS, PROVISIONS, STEP_NAMES,
};
use crate::state::AppState;
use crate::supervise::kit::{
    checkbox, confirmation_panel, error_message, page_at, radios, summary_list, table, text_input,
    textarea, Column, Problem, Radio, TextField,
};
use crate::supervise::unit::UnitData;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

fn action(order: &Order) -> String {
    format!("/supervise/orders/{}/variations/new", segment(&order.id))
}

#[allow(clippy::too_many_arguments)]
fn frame(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    step: usize,
    title: &str,
    a: &FormAnswers,
    shown: &dyn Fn(&str) -> bool,
    problems: &[Problem],
    body: Markup,
) -> Response {
    let back = nominal_href(&order.nominal_id);
    question_page(
        state,
        user,
        &caption(data, order),
        title,
        &action(order),
        STEP_NAMES.get(step).copied().unwrap_or("decision"),
        a,
        shown,
        problems,
        body,
        (&back, "Back to the nominal"),
    )
}

pub fn step_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    step: usize,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    match step {
        DECISION => decision(state, user, data, order, a, problems),
        PROVISIONS => provisions(state, user, data, order, a, problems),
        CHECK => match change(a, data, order) {
            Ok(c) => check_page(state, user, data, order, a, &c, problems),
            Err(p) => decision(state, user, data, order, a, &p),
        },
        _ => wording(state, user, data, order, a, problems),
    }
}

fn decision(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let kind = a.get("kind");
    let kinds = [
        Radio {
            id: "kind",
            value: "variation",
            label: "Varied the order (ss.17–21)",
            checked: kind == "variation",
        },
        Radio {
            id: "kind-extension",
            value: "extension",
            label: "Extended it while proceedings are pending (s.22E)",
            checked: kind == "extension",
        },
        Radio {
            id: "kind-discharge",
            value: "discharge",
            label: "Discharged the order",
            checked: kind == "discharge",
        },
    ];
    let mut court = TextField::new("court", "Court", a.get("court"));
    court.error = error(problems, "court");
    let ends = order
        .ends_on(effect_day(a).unwrap_or(chrono::NaiveDate::MIN))
        .or(order.ends_as_granted());
    let new_end_hint = match (ends, order.comes_into_force()) {
        (Some(e), Some(cif)) => format!(
            "Only if the court moved it. It ends on {} now; a variation may keep it in force until {} at the latest (five years), an extension (s.22E) longer.",
            format_date(e),
            format_date(Order::latest_lawful_end(cif))
        ),
        (Some(e), None) => format!("Only if the court moved it. It ends on {} now.", format_date(e)),
        _ => "Only if the court moved it.".to_string(),
    };
    let body = html! {
        (radios("kind", "What did the court do?", None, &kinds, error(problems, "kind"), html! {}))
        (text_input(&court))
        (date("made", "Date made", "For example, 24 11 2026", a, problems))
        (date("effect", "Date it takes effect", "For a discharge, the first day the order is no longer in force.", a, problems))
        (date("new-end", "New last day of the order", &new_end_hint, a, problems))
        (textarea("summary", "What the court decided", Some("In a sentence, as the court's order says."), a.get("summary"), 3, error(problems, "summary")))
        (continue_button("Continue"))
    };
    frame(
        state,
        user,
        data,
        order,
        DECISION,
        "What did the court decide?",
        a,
        &|f| DECISION_FIELDS.contains(&f),
        problems,
        body,
    )
}

fn provisions(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let list = standing(data, order, effect_day(a));
    let mut added = TextField::new(ADDED, "How many new provisions does it add?", a.get(ADDED));
    added.hint = Some("0 if none. A reworded provision is not counted here.");
    added.width = Some("input--width-2");
    added.error = error(problems, ADDED);
    let body = html! {
        @if let Some(m) = error(problems, "changes") { div id="changes" { (error_message("changes", m)) } }
        @for c in &list {
            div class="form-group" {
                h2 class="heading-s" { (c.summary) }
                blockquote class="inset-text" { (c.verbatim) }
                div class="checkboxes" {
                    (checkbox(&ended_field(&c.id), "The court ended this provision", None, a.get(&ended_field(&c.id)) == "yes"))
                    (checkbox(&reworded_field(&c.id), "The court reworded this provision", Some("The old wording ends and the new one replaces it from the same day."), a.get(&reworded_field(&c.id)) == "yes"))
                }
            }
        }
        @if list.is_empty() { p class="body" { "The order has no provisions standing then." } }
        (text_input(&added))
        (continue_button("Continue"))
    };
    let shown = |f: &str| f == ADDED || f.starts_with("end-") || f.starts_with("reword-");
    frame(
        state,
        user,
        data,
        order,
        PROVISIONS,
        "Which provisions does it change?",
        a,
        &shown,
        problems,
        body,
    )
}

fn wording(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let reworded: Vec<&Condition> = standing(data, order, effect_day(a))
        .into_iter()
        .filter(|c| a.get(&reworded_field(&c.id)) == "yes")
        .collect();
    let n = added_count(a).min(MAX_ADDED);
    let field = |p: &str| a.get(&format!("{p}wording")).to_string();
    let body = html! {
        @for c in &reworded {
            h2 class="heading-m" { "New wording of: " (c.summary) }
            (provision_fields(&reword_prefix(&c.id), a, problems, Some(suggest_family(&field(&reword_prefix(&c.id))))))
        }
        @for i in 0..n {
            h2 class="heading-m" { "New provision " (i + 1) }
            (provision_fields(&added_prefix(i), a, problems, Some(suggest_family(&field(&added_prefix(i))))))
        }
        (continue_button("Continue"))
    };
    let shown = |f: &str| {
        reworded.iter().any(|c| {
            f.strip_prefix(&reword_prefix(&c.id))
                .is_some_and(|r| PROVISION_FIELDS.contains(&r))
        }) || (0..n).any(|i| {
            f.strip_prefix(&added_prefix(i))
                .is_some_and(|r| PROVISION_FIELDS.contains(&r))
        })
    };
    frame(
        state,
        user,
        data,
        order,
        super::variation::WORDING,
        "The new wording, exactly as the order gives it",
        a,
        &shown,
        problems,
        body,
    )
}

/// The provisions in force the day before and from the day, side by side: a reworded provision
/// on the row of the one it replaces.
fn side_by_side(before: &[&Condition], after: &[&Condition], day: chrono::NaiveDate) -> Markup {
    let none = || html! { span class="hint" { "Not in force" } };
    let mut rows: Vec<Vec<Markup>> = Vec::new();
    for b in before {
        let now = after
            .iter()
            .find(|c| c.id == b.id || c.replaces.as_deref() == Some(b.id.as_str()));
        rows.push(vec![
            html! { (b.summary) },
            html! { (b.verbatim) },
            now.map_or_else(none, |c| html! { (c.verbatim) }),
        ]);
    }
    for c in after.iter().filter(|c| {
        !before
            .iter()
            .any(|b| b.id == c.id || c.replaces.as_deref() == Some(b.id.as_str()))
    }) {
        rows.push(vec![html! { (c.summary) }, none(), html! { (c.verbatim) }]);
    }
    let day_before = format_date(day.pred_opt().unwrap_or(day));
    let (h1, h2) = (
        format!("In force on {day_before}"),
        format!("In force from {}", format_date(day)),
    );
    table(
        "The provisions in force the day before and the day it takes effect",
        &[
            Column::text("Provision"),
            Column::text(&h1),
            Column::text(&h2),
        ],
        &rows,
    )
}

pub fn check_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    change: &VariationChange,
    problems: &[Problem],
) -> Response {
    let mut cohort = scpo_field::domain::Cohort::clone(&data.cohort);
    cohort.orders.retain(|o| o.id != order.id);
    cohort.orders.push(change.order.clone());
    cohort.conditions.extend(change.added.iter().cloned());
    let (before, after) = in_force_around(&cohort, &order.nominal_id, change.takes_effect);
    let v = change.order.variations.last();
    let kind = match (a.get("kind"), &change.order.stage) {
        ("discharge", OrderStage::Discharged { .. }) => "Discharge".to_string(),
        _ => v.map_or_else(String::new, |v| v.kind.label().to_string()),
    };
    let body = html! {
        h2 class="heading-m" { "Before and after" }
        (side_by_side(&before, &after, change.takes_effect))
        h2 class="heading-m" { "The court's decision" }
        dl class="summary-list summary-list--actions" {
            (change_row("What the court did", html! { (kind) }, "decision"))
            @if let Some(v) = v {
                (change_row("Court", html! { (v.court) }, "decision"))
                (change_row("Made on", html! { (format_date(v.made_on)) }, "decision"))
                (change_row("Takes effect", html! { (format_date(v.takes_effect)) }, "decision"))
                (change_row("New last day", html! { (v.new_end.map_or("Unchanged".to_string(), format_date)) }, "decision"))
                (change_row("Summary", html! { (v.summary) }, "decision"))
                (change_row("Provisions ended or reworded", html! { (v.conditions_ended.len()) }, "provisions"))
                (change_row("Provisions added (new wording)", html! { (v.conditions_added.len()) }, "provisions"))
            }
        }
        p class="body" { "The order's new version and any new provisions are recorded in one change. The earlier wording is kept: breach reports quote the wording of the day." }
        button class="button" type="submit" name="go" value="save" id="save" { "Record the change" }
    };
    frame(
        state,
        user,
        data,
        order,
        CHECK,
        "Check the change before recording it",
        a,
        &|_| false,
        problems,
        body,
    )
}

pub fn done_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    change: &VariationChange,
) -> Response {
    let rows = [("Takes effect", html! { (format_date(change.takes_effect)) })];
    let body = html! {
        (confirmation_panel("Change recorded", html! { (caption(data, order)) }))
        (summary_list(&rows))
        p class="body" { "The assigned officer's phone gets it at its next sync." }
        p class="body" { a href=(nominal_href(&order.nominal_id)) { "Go to the nominal's page" } }
    };
    page_at(
        state,
        Some(user),
        "Change recorded",
        body,
        Some(section(user)),
    )
}
