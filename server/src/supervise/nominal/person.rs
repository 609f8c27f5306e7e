//! The nominal page's account of the person: names and aliases, date of birth, risk and when it
//! is next reviewed, address and phone, custody and probation, the offender manager in the file
//! and the officer who holds them; and the contact plan the DS agreed.

use chrono::NaiveDate;
use maud::{html, Markup};
use scpo_field::domain::oversight::unit::risk_review_due_on;
use scpo_field::domain::people::nominal::{CustodyStatus, Nominal};
use scpo_field::domain::time::dates::{format_date, format_date_time};
use scpo_field::domain::Cohort;

use super::super::kit::{summary_list, Row};

/// "Not recorded" for a field the record does not hold.
fn or_not_recorded(v: Option<&str>) -> Markup {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => html! { (v) },
        None => html! { "Not recorded" },
    }
}

/// The person, as held on the record, and who holds them (`holder`, in words).
pub fn person(n: &Nominal, today: NaiveDate, holder: &str) -> Markup {
    let aliases = if n.aliases.is_empty() {
        html! { "None recorded" }
    } else {
        html! { (n.aliases.join(", ")) }
    };
    let mut rows: Vec<Row> = vec![
        ("Name", html! { (n.given_name) " " (n.family_name) }),
        ("Aliases", aliases),
        (
            "Date of birth",
            html! { (format_date(n.date_of_birth)) " (age " (n.age_on(today)) ")" },
        ),
        (
            "Risk",
            html! {
                (n.risk.label()) ", reviewed " (format_date(n.risk_reviewed_on))
                "; next review due " (format_date(risk_review_due_on(n)))
            },
        ),
        ("Address", or_not_recorded(n.address.as_deref())),
        ("Phone", or_not_recorded(n.phone.as_deref())),
        ("Custody", html! { (n.custody.describe(today)) }),
    ];
    if let CustodyStatus::OnLicence { probation, .. } = &n.custody {
        rows.push((
            "Probation contact",
            html! {
                (probation.name)
                @if let Some(p) = probation.phone.as_deref().filter(|p| !p.trim().is_empty()) { ", " (p) }
                @if let Some(e) = probation.email.as_deref().filter(|e| !e.trim().is_empty()) { ", " (e) }
            },
        ));
    }
    rows.push((
        "Offender manager in the file",
        html! { (n.offender_manager.name) " (" (n.offender_manager.id) ")" },
    ));
    rows.push(("Assigned to", html! { (holder) }));
    html! {
        h2 class="heading-m" id="person" { "Person" }
        (summary_list(&rows))
    }
}

/// Who recorded the nominal's release on the phone at the release-day briefing, and when (the
/// latest release recorded); nothing when none was.
pub fn release_recorded(cohort: &Cohort, nominal_id: &str) -> Markup {
    let latest = cohort
        .releases
        .iter()
        .filter(|r| r.nominal_id == nominal_id)
        .max_by_key(|r| r.recorded_at);
    html! {
        @if let Some(r) = latest {
            p class="body" id="release-recorded" {
                "Released on " (format_date(r.released_on)) ": recorded on the phone by "
                (r.officer_name) " at " (format_date_time(r.recorded_at))
                ", during the release-day briefing."
            }
        }
    }
}

/// The contact plan: how often, agreed by whom and when, and where contact stands today.
pub fn contact_plan(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> Markup {
    let Some(plan) = cohort.plan_for(nominal_id) else {
        return html! {
            h2 class="heading-m" id="plan" { "Contact plan" }
            p class="body" { "No contact plan is agreed for this nominal." }
        };
    };
    let every = if plan.every_days == 1 {
        "Every day".to_string()
    } else {
        format!("Every {} days", plan.every_days)
    };
    let mut rows: Vec<Row> = vec![
        ("Contact", html! { (every) }),
        (
            "Agreed",
            html! { (format_date(plan.agreed_on)) " by " (plan.agreed_by) },
        ),
    ];
    if let Some(status) = cohort.contact_status(nominal_id, today) {
        rows.push((
            "Next contact due",
            html! {
                (format_date(status.due_on(today)))
                @if status.is_overdue() { " (overdue)" }
            },
        ));
    }
    html! {
        h2 class="heading-m" id="plan" { "Contact plan" }
        (summary_list(&rows))
    }
}
