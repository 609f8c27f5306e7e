//! The nominal page's order: the order that stands on a chosen day (`?on=`, today unless
//! given), its variations, and each provision's wording as on that day: the provisions in force
//! then, word for word, and apart from them those not in force that day with the reason in words
//! (ended or added by a variation, not started, ended), all by the domain's own rules
//! ([`Condition::why_not_in_force`]).

use chrono::NaiveDate;
use maud::{html, Markup};
use scpo_field::domain::order::condition::Condition;
use scpo_field::domain::order::schedule::Schedule;
use scpo_field::domain::order::scpo::Order;
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

pub fn order_section(cohort: &Cohort, n: &Nominal, shown: &ShownDay, today: NaiveDate) -> Markup {
    let day = shown.on;
    let words = day_words(day, today);
    let Some(o) = cohort.order_for(&n.id, day) else {
        return html! {
            h2 class="heading-m" id="order" { "Order" }
            (day_form(&n.id, shown))
            p class="body" { "No order is held for this nominal." }
        };
    };
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
        h2 class="heading-m" id="order" { "Order" }
        (day_form(&n.id, shown))
        p class="body" id="shown-day" { strong { "Shown as on " (words) "." } }
        (summary_list(&rows))
        (variations(cohort, o))
        (provisions(cohort, n, o, day, &words))
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

fn provisions(cohort: &Cohort, n: &Nominal, o: &Order, day: NaiveDate, words: &str) -> Markup {
    let release = Some(n.custody.release_date());
    let not_live = o.why_not_live(day, release);
    let all = cohort.conditions_of(&o.id);
    let (in_force, others): (Vec<&Condition>, Vec<&Condition>) = match &not_live {
        None => all.into_iter().partition(|c| c.in_force_on(o, day)),
        Some(_) => (vec![], all),
    };
    html! {
        h3 class="heading-s" id="provisions" { "Provisions in force on " (words) }
        @if let Some(why) = &not_live {
            p class="body" { "The order is not in force on " (format_date(day)) ": " (why) "." }
        } @else if in_force.is_empty() {
            p class="body" { "No provision is in force on this day." }
        }
        @for c in &in_force { (provision(c, None, &cohort.schedules_for(&c.id, day))) }
        @if !others.is_empty() {
            h3 class="heading-s" id="not-in-force" { "Not in force on " (words) }
            @for c in &others {
                (provision(c, c.why_not_in_force(o, day, release).filter(|_| not_live.is_none()).map(|w| w.to_string()), &[]))
            }
        }
    }
}
