//! The nominal page's orders: each order live on a chosen day (`?on=`, today unless given; a
//! nominal may be under two), or else the one that stands nearest to it, each with its
//! variations and its provisions' wording as on that day: the provisions in force then, word
//! for word, and apart from them those not in force that day with the reason in words (ended
//! or added by a variation, not started, ended), all by the domain's own rules
//! ([`Condition::why_not_in_force`]).

use chrono::NaiveDate;
use maud::{html, Markup};
use scpo_field::domain::order::condition::Condition;
use scpo_field::domain::order::schedule::Schedule;
use scpo_field::domain::order::scpo::{Order, OrderStatus};
use scpo_field::domain::people::nominal::Nominal;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;

use super::super::kit::{button, summary_list, text_input, ButtonKind, Row, TextField};
use super::super::url::segment;

/// The day the page shows the order as on: the day asked for, what was typed, and the problem
/// with it (then the page shows today).
pub struct ShownDay {
    pub on: NaiveDate,
    pub typed: String,
    pub problem: Option<&'static str>,
}

impl ShownDay {
    /// The day `typed` names (as a date field sends it, `2026-05-08`), today when empty; a day
    /// that is not a real date is a problem, and today is shown.
    pub fn parse(typed: Option<&str>, today: NaiveDate) -> Self {
        let typed = typed.unwrap_or("").trim().to_string();
        if typed.is_empty() {
            return Self {
                on: today,
                typed,
                problem: None,
            };
        }
        match NaiveDate::parse_from_str(&typed, "%Y-%m-%d") {
            Ok(on) => Self {
                on,
                typed,
                problem: None,
            },
            Err(_) => Self {
                on: today,
                typed,
                problem: Some("Enter the day as a real date, for example 2026-05-08"),
            },
        }
    }
}

/// "24 Nov 2026 (today)", or the day alone.
fn day_words(day: NaiveDate, today: NaiveDate) -> String {
    if day == today {
        format!("{} (today)", format_date(day))
    } else {
        format_date(day)
    }
}

/// The form that chooses the day.
fn day_form(nominal_id: &str, shown: &ShownDay) -> Markup {
    let field = TextField {
        hint: Some("The order and the wording of its provisions as they stood on that day. For example, 8 May 2026."),
        width: Some("input--date"),
        kind: Some("date"),
        error: shown.problem,
        ..TextField::new("on", "Show the order as on", &shown.typed)
    };
    html! {
        form method="get" action={ "/supervise/nominals/" (segment(nominal_id)) "#order" } novalidate {
            (text_input(&field))
            (button("Show the order on this day", ButtonKind::Secondary))
        }
    }
}

/// The orders the page shows on `day`: every order live that day (a nominal may be under two),
/// else the one nearest to being live, as the phone picks it ([`Cohort::order_for`]).
fn shown_orders<'a>(cohort: &'a Cohort, nominal_id: &str, day: NaiveDate) -> Vec<&'a Order> {
    let live: Vec<&Order> = cohort
        .orders
        .iter()
        .filter(|o| o.nominal_id == nominal_id && o.status_on(day) == OrderStatus::Live)
        .collect();
    if live.is_empty() {
        cohort.order_for(nominal_id, day).into_iter().collect()
    } else {
        live
    }
}

pub fn order_section(cohort: &Cohort, n: &Nominal, shown: &ShownDay, today: NaiveDate) -> Markup {
    let day = shown.on;
    let words = day_words(day, today);
    let orders = shown_orders(cohort, &n.id, day);
    if orders.is_empty() {
        return html! {
            h2 class="heading-m" id="order" { "Order" }
            (day_form(&n.id, shown))
            p class="body" { "No order is held for this nominal." }
        };
    }
    let many = orders.len() > 1;
    html! {
        h2 class="heading-m" id="order" { @if many { "Orders" } @else { "Order" } }
        (day_form(&n.id, shown))
        p class="body" id="shown-day" { strong { "Shown as on " (words) "." } }
        @if many {
            p class="body" { (orders.len()) " orders are in force on " (words) ". Each is shown with its provisions." }
        }
        @for (i, o) in orders.iter().enumerate() {
            // The first order's parts keep the page's plain ids; each later one's are numbered.
            @let suffix = if i == 0 { String::new() } else { format!("-{}", i.saturating_add(1)) };
            @if many {
                h3 class="heading-m" id={ "order-" (i.saturating_add(1)) } { "Order " (o.court_reference) }
            }
            (one_order(cohort, n, o, day, &words, &suffix))
        }
    }
}

/// One order as on `day`: its summary, variations and provisions.
fn one_order(
    cohort: &Cohort,
    n: &Nominal,
    o: &Order,
    day: NaiveDate,
    words: &str,
    suffix: &str,
) -> Markup {
    let mut rows: Vec<Row> = vec![
        ("Court reference", html! { (o.court_reference) }),
        ("Court", html! { (o.court) }),
        ("Status", html! { (o.status_on(day).label()) }),
    ];
    if let Some(cif) = o.comes_into_force() {
        rows.push(("Comes into force", html! { (format_date(cif)) }));
    }
    let ends = match o.ends_on(day) {
        Some(end) if o.end_is_provisional() => format!("{} (provisional)", format_date(end)),
        Some(end) => format_date(end),
        None => "Not known".into(),
    };
    rows.push(("Ends", html! { (ends) }));
    if let Some(b) = &o.bound {
        rows.push(("How bound", html! { (b.describe()) }));
    }
    html! {
        (summary_list(&rows))
        (variations(cohort, o))
        (provisions(cohort, n, o, day, words, suffix))
    }
}

fn variations(cohort: &Cohort, o: &Order) -> Markup {
    let summary = |id: &String| {
        cohort
            .condition(id)
            .map_or_else(|| id.clone(), |c| c.summary.clone())
    };
    html! {
        h3 class="heading-s" { "Variations" }
        @if o.variations.is_empty() {
            p class="body" { "No variations." }
        } @else {
            ul class="list" {
                @for v in o.variations_in_order() {
                    li {
                        "Made " (format_date(v.made_on)) " (" (v.court) "), has effect from " (format_date(v.takes_effect)) ": " (v.summary)
                        @if !v.conditions_ended.is_empty() {
                            br; "Provisions ended: " (v.conditions_ended.iter().map(summary).collect::<Vec<_>>().join("; "))
                        }
                        @if !v.conditions_added.is_empty() {
                            br; "Provisions added: " (v.conditions_added.iter().map(summary).collect::<Vec<_>>().join("; "))
                        }
                    }
                }
            }
        }
    }
}

fn provision(c: &Condition, why_not: Option<String>, schedules: &[&Schedule]) -> Markup {
    html! {
        div class="provision" {
            h4 class="heading-s" { (c.summary) }
            p class="hint" {
                (c.family.label()) " · "
                @if c.mirrored_in_licence { "Mirrored in licence" } @else { "Not mirrored in licence" }
                @if let Some(d) = &c.notification {
                    " · Notify " (d.kind.label().to_lowercase()) " " (d.deadline.describe())
                }
            }
            @if let Some(why) = why_not {
                p class="body-s" { "Not in force: " (why) "." }
            }
            blockquote class="inset-text" { (c.verbatim) }
            // The schedules this provision names, as they stand on the day shown.
            @for s in schedules {
                h5 class="heading-s" { (s.number) }
                ul class="list" { @for e in s.all_entries() { li { (e.line()) } } }
            }
        }
    }
}

fn provisions(
    cohort: &Cohort,
    n: &Nominal,
    o: &Order,
    day: NaiveDate,
    words: &str,
    suffix: &str,
) -> Markup {
    let release = Some(n.custody.release_date());
    let not_live = o.why_not_live(day, release);
    let all = cohort.conditions_of(&o.id);
    let (in_force, others): (Vec<&Condition>, Vec<&Condition>) = match &not_live {
        None => all.into_iter().partition(|c| c.in_force_on(o, day)),
        Some(_) => (vec![], all),
    };
    html! {
        h3 class="heading-s" id={ "provisions" (suffix) } { "Provisions in force on " (words) }
        @if let Some(why) = &not_live {
            p class="body" { "The order is not in force on " (format_date(day)) ": " (why) "." }
        } @else if in_force.is_empty() {
            p class="body" { "No provision is in force on this day." }
        }
        @for c in &in_force { (provision(c, None, &cohort.schedules_for(&c.id, day))) }
        @if !others.is_empty() {
            h3 class="heading-s" id={ "not-in-force" (suffix) } { "Not in force on " (words) }
            @for c in &others {
                (provision(c, c.why_not_in_force(o, day, release).filter(|_| not_live.is_none()).map(|w| w.to_string()), &[]))
            }
        }
    }
}
