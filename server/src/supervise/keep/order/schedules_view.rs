//! The schedule form's pages: the schedule's number and the provisions naming it (with its
//! first entry's kind, for a new one), an entry's questions, check answers, and the
//! confirmation once it is recorded.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::schedule_form::{
    entry_at, names_field, EntryKind, ADDRESS, ALIASES, COLOUR, DESCRIPTION, DOB, FROM_THE_ORDER,
    KIND, MAKE, NAME, NUMBER, REASON, REGISTRATION, REMOVE,
};
use scpo_field::domain::order::schedule::{Entry, Schedule};
use scpo_field::domain::order::{Condition, Order};

use super::fields::{date, error};
use super::new_order_view::{caption, change_row, continue_button, question_page, section};
use super::schedules::{change, held, STEP_NAMES};
use crate::state::AppState;
use crate::supervise::kit::{
    checkbox, confirmation_panel, error_message, page_at, radios, summary_list, text_input,
    textarea, Problem, Radio, TextField,
};
use crate::supervise::unit::UnitData;
use crate::supervise::url::segment;
use crate::supervise::DeskUser;

/// The form's address (every page posts to it) and the list of the order's schedules.
pub fn schedules_href(order: &Order) -> String {
    format!("/supervise/orders/{}/schedules", segment(&order.id))
}

/// A provision as the desk names it: its summary, or its wording when it has none.
pub fn provision_label(c: &Condition) -> &str {
    if c.summary.trim().is_empty() {
        &c.verbatim
    } else {
        &c.summary
    }
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
    let back = schedules_href(order);
    question_page(
        state,
        user,
        &caption(data, order),
        title,
        &back,
        STEP_NAMES.get(step).copied().unwrap_or("head"),
        a,
        shown,
        problems,
        body,
        (&back, "Back to the order's schedules"),
    )
}

pub fn head_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let recorded = held(data, order, a);
    let conditions = data.cohort.conditions_of(&order.id);
    let mut number = TextField::new(NUMBER, "Its number, as the order gives it", a.get(NUMBER));
    number.hint = Some("For example, Schedule 1");
    number.error = error(problems, NUMBER);
    let names_error = conditions
        .first()
        .and_then(|c| error(problems, &names_field(&c.id)).map(|m| (names_field(&c.id), m)));
    let kind = a.get(KIND);
    let kind_ids: Vec<String> = EntryKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            if i == 0 {
                KIND.to_string()
            } else {
                format!("{KIND}-{}", k.code())
            }
        })
        .collect();
    let kinds: Vec<Radio> = EntryKind::ALL
        .iter()
        .zip(&kind_ids)
        .map(|(k, id)| Radio {
            id,
            value: k.code(),
            label: match k {
                EntryKind::Person => "A person",
                EntryKind::Premises => "Premises",
                EntryKind::Vehicle => "A vehicle",
            },
            checked: kind == k.code(),
        })
        .collect();
    let body = html! {
        (text_input(&number))
        div class={ "form-group" @if names_error.is_some() { " form-group--error" } } {
            fieldset class="fieldset" aria-describedby=[names_error.as_ref().map(|(id, _)| format!("{id}-error"))] {
                legend class="fieldset__legend" { "Which provisions refer to this schedule?" }
                @if let Some((id, m)) = &names_error { (error_message(id, m)) }
                div class="checkboxes" {
                    @for c in &conditions {
                        (checkbox(&names_field(&c.id), provision_label(c), Some(&c.verbatim), a.get(&names_field(&c.id)) == "yes"))
                    }
                }
                @if conditions.is_empty() { p class="body" { "The order has no provisions recorded yet." } }
            }
        }
        @if recorded.is_none() {
            (radios(KIND, "What is its first entry?", Some("You can add more entries once the schedule is recorded."), &kinds, error(problems, KIND), html! {}))
        } @else if let Some(m) = error(problems, KIND) {
            div id=(KIND) { (error_message(KIND, m)) }
        }
        (continue_button("Continue"))
    };
    let title = match recorded {
        Some(s) => format!("Change {}", s.number),
        None => "Add a schedule".to_string(),
    };
    let fresh = recorded.is_none();
    let shown = |f: &str| f == NUMBER || f.starts_with("names-") || (fresh && f == KIND);
    frame(
        state, user, data, order, 0, &title, a, &shown, problems, body,
    )
}

pub fn entry_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let kind = EntryKind::from_code(a.get(KIND)).unwrap_or(EntryKind::Person);
    let text = |id: &'static str, label: &'static str, hint: Option<&'static str>| {
        let mut f = TextField::new(id, label, a.get(id));
        f.hint = hint;
        f.error = error(problems, id);
        text_input(&f)
    };
    let description = |label: &str, hint: &str| {
        textarea(
            DESCRIPTION,
            label,
            Some(hint),
            a.get(DESCRIPTION),
            3,
            error(problems, DESCRIPTION),
        )
    };
    let body = html! {
        @match kind {
            EntryKind::Person => {
                (text(NAME, "Name, as the order gives it", None))
                (textarea(ALIASES, "Aliases (optional)", Some("One a line."), a.get(ALIASES), 3, error(problems, ALIASES)))
                (date(DOB, "Date of birth (optional)", "For example, 14 3 1986", a, problems))
                (description("Description (optional)", "Who they are and how to recognise them."))
            }
            EntryKind::Premises => {
                (textarea(ADDRESS, "Address, as the order gives it", None, a.get(ADDRESS), 3, error(problems, ADDRESS)))
                (description("What the premises are (optional)", "For example, a hand car wash and the office behind it."))
            }
            EntryKind::Vehicle => {
                (text(REGISTRATION, "Registration", Some("For example, AB12 CDE")))
                (text(MAKE, "Make and model (optional)", None))
                (text(COLOUR, "Colour (optional)", None))
            }
        }
        (continue_button("Continue"))
    };
    let correcting = held(data, order, a).and_then(|s| entry_at(a, kind, s));
    let what = match kind {
        EntryKind::Person => "person",
        EntryKind::Premises => "premises",
        EntryKind::Vehicle => "vehicle",
    };
    let number = a.get(NUMBER);
    let title = match correcting {
        Some(_) => format!("Correct the {what} on {number}"),
        None => format!("Add {} to {number}", kind.label()),
    };
    let fields = kind.fields();
    let shown = |f: &str| fields.contains(&f);
    frame(
        state, user, data, order, 1, &title, a, &shown, problems, body,
    )
}

/// The entries of a schedule, one a line.
fn entry_list(s: &Schedule) -> Markup {
    html! {
        ul class="list" {
            @for e in s.all_entries() { li { (e.line()) } }
        }
    }
}

/// The change in words: "Adds a vehicle: AB12 CDE, Blue Vauxhall".
fn change_words(a: &FormAnswers, held: Option<&Schedule>, after: Option<&Schedule>) -> String {
    let Some(kind) = EntryKind::from_code(a.get(KIND)) else {
        return "Changes the schedule's number or provisions".into();
    };
    let at = held.and_then(|s| entry_at(a, kind, s));
    let entry_of = |s: &Schedule, n: usize| -> Option<String> {
        match kind {
            EntryKind::Person => s.people.get(n).map(|x| Entry::Person(x).line()),
            EntryKind::Premises => s.premises.get(n).map(|x| Entry::Premises(x).line()),
            EntryKind::Vehicle => s.vehicles.get(n).map(|x| Entry::Vehicle(x).line()),
        }
    };
    let last = |s: &Schedule| match kind {
        EntryKind::Person => s.people.len(),
        EntryKind::Premises => s.premises.len(),
        EntryKind::Vehicle => s.vehicles.len(),
    };
    let label = kind.label();
    match (held, at) {
        (Some(h), Some(n)) if a.get(REMOVE) == "yes" => {
            format!("Removes {label}: {}", entry_of(h, n).unwrap_or_default())
        }
        (Some(h), Some(n)) => format!(
            "Corrects {label}: {} becomes {}",
            entry_of(h, n).unwrap_or_default(),
            after.and_then(|s| entry_of(s, n)).unwrap_or_default()
        ),
        _ => format!(
            "Adds {label}: {}",
            after
                .and_then(|s| entry_of(s, last(s).saturating_sub(1)))
                .unwrap_or_default()
        ),
    }
}

pub fn check_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    let recorded = held(data, order, a);
    let adding = recorded.is_none()
        || (!a.get(KIND).is_empty() && a.get(REMOVE) != "yes" && {
            let kind = EntryKind::from_code(a.get(KIND));
            recorded
                .zip(kind)
                .and_then(|(s, k)| entry_at(a, k, s))
                .is_none()
        });
    // The schedule as it would be (the reason aside: it is asked on this page).
    let mut preview = a.clone();
    if !adding && a.get(REASON).trim().is_empty() {
        preview.set(REASON, "-");
    }
    let after = change(state, data, order, &preview)
        .ok()
        .map(|c| c.schedule);
    let shown_after = after.as_ref().or(recorded);
    let conditions = data.cohort.conditions_of(&order.id);
    let named: Vec<&Condition> = conditions
        .iter()
        .copied()
        .filter(|c| shown_after.is_some_and(|s| s.names(&c.id)))
        .collect();
    let entry_step = if a.get(KIND).is_empty() || a.get(REMOVE) == "yes" {
        None
    } else {
        Some("entry")
    };
    let mut reason = TextField::new(REASON, "Reason for the change", a.get(REASON));
    reason.hint = Some("For example, the name was misspelt. It is kept in the schedule's history.");
    reason.error = error(problems, REASON);
    let body = html! {
        dl class="summary-list summary-list--actions" {
            (change_row("Schedule", html! { (a.get(NUMBER)) }, "head"))
            (change_row("Named by", html! {
                ul class="list" { @for c in &named { li { (provision_label(c)) } } }
            }, "head"))
            @if recorded.is_some() || entry_step.is_some() {
                @let words = change_words(a, recorded, after.as_ref());
                @match entry_step {
                    Some(step) => (change_row("The change", html! { (words) }, step)),
                    None => div class="summary-list__row" {
                        dt class="summary-list__key" { "The change" }
                        dd class="summary-list__value" { (words) }
                    },
                }
            }
        }
        @if let Some(s) = &after {
            h2 class="heading-m" { "The schedule after the change" }
            (entry_list(s))
        }
        @if let Some(m) = error(problems, REMOVE) { div id=(REMOVE) { (error_message(REMOVE, m)) } }
        @if adding {
            p class="body" { "It is recorded with the reason “" (FROM_THE_ORDER) "”. The assigned officer's phone gets it at its next sync." }
        } @else {
            (text_input(&reason))
            p class="body" { "The assigned officer's phone gets the change at its next sync." }
        }
        button class="button" type="submit" name="go" value="save" id="save" {
            @if a.get(REMOVE) == "yes" { "Remove the entry" } @else { "Record the schedule" }
        }
    };
    let title = if a.get(REMOVE) == "yes" {
        "Check the entry before removing it"
    } else {
        "Check the schedule before recording it"
    };
    frame(
        state,
        user,
        data,
        order,
        2,
        title,
        a,
        &|f| f == REASON,
        problems,
        body,
    )
}

pub fn done_page(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    s: &Schedule,
) -> Response {
    let here = schedules_href(order);
    let sid = segment(&s.id);
    let body = html! {
        (confirmation_panel(&format!("{} recorded", s.number), html! { (caption(data, order)) }))
        (summary_list(&[("Entries", entry_list(s))]))
        p class="body" { "The assigned officer's phone gets it at its next sync." }
        ul class="list" {
            li { a href={ (here) "/" (sid) "/add/person" } { "Add a person to " (s.number) } }
            li { a href={ (here) "/" (sid) "/add/premises" } { "Add premises to " (s.number) } }
            li { a href={ (here) "/" (sid) "/add/vehicle" } { "Add a vehicle to " (s.number) } }
            li { a href=(here) { "Go to the order's schedules" } }
        }
    };
    page_at(
        state,
        Some(user),
        &format!("{} recorded", s.number),
        body,
        Some(section(user)),
    )
}
