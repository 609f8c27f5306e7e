//! The desk's provision form (issue 21): one provision of an order as the officer records it
//! from the sealed order, its answers under a prefix (`p0-wording`, `p0-family`...) so a page
//! can carry several. Turns the answers into the domain's [`Condition`], or the problems at
//! their fields.

use serde::{de::DeserializeOwned, Serialize};

use crate::domain::common::id::check_id;
use crate::domain::forms::keep_answers::{
    long_text_at, optional_date_at, problem, FormAnswers, KeepProblem,
};
use crate::domain::order::condition::{
    Condition, Deadline, NotificationDuty, ProvisionFamily, MAX_DEADLINE_DAYS,
};
use crate::domain::order::notification_kind::NotificationKind;

/// The fields of one provision, each under the prefix.
pub const WORDING: &str = "wording";
pub const FAMILY: &str = "family";
pub const SUMMARY: &str = "summary";
pub const MIRRORED: &str = "mirrored";
pub const STARTS: &str = "starts";
pub const ENDS: &str = "ends";
/// "none", "after" (within N days after) or "before" (at least N clear days before).
pub const DUTY: &str = "duty";
pub const DUTY_KIND: &str = "duty-kind";
pub const DUTY_DAYS: &str = "duty-days";

/// Every field of a provision, for carrying them page to page.
pub const PROVISION_FIELDS: [&str; 13] = [
    WORDING,
    FAMILY,
    SUMMARY,
    MIRRORED,
    "starts-day",
    "starts-month",
    "starts-year",
    "ends-day",
    "ends-month",
    "ends-year",
    DUTY,
    DUTY_KIND,
    DUTY_DAYS,
];

/// The form value of a domain code (its name in the cohort file, e.g. `use_of_items`).
pub fn code_of<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The domain value a form value names, if any.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// FormAnswers for a provision from an existing one (a rewording starts from the old wording's
/// other answers), under `prefix`.
pub fn answers_of(c: &Condition, prefix: &str, a: &mut FormAnswers) {
    let mut set = |f: &str, v: String| {
        a.set(format!("{prefix}{f}"), v);
    };
    set(WORDING, c.verbatim.clone());
    set(FAMILY, code_of(c.family));
    set(SUMMARY, c.summary.clone());
    set(
        MIRRORED,
        if c.mirrored_in_licence { "yes" } else { "no" }.into(),
    );
    for (id, d) in [(STARTS, c.starts), (ENDS, c.ends)] {
        if let Some(d) = d {
            use chrono::Datelike;
            set(&format!("{id}-day"), d.day().to_string());
            set(&format!("{id}-month"), d.month().to_string());
            set(&format!("{id}-year"), d.year().to_string());
        }
    }
    match &c.notification {
        None => set(DUTY, "none".into()),
        Some(n) => {
            let (rule, days) = match n.deadline {
                Deadline::WithinDaysAfter { days } => ("after", days),
                Deadline::DaysBefore { days } => ("before", days),
            };
            set(DUTY, rule.into());
            set(DUTY_KIND, code_of(n.kind));
            set(DUTY_DAYS, days.to_string());
        }
    }
}

/// The provision the answers under `prefix` give, with the id and order given by the server,
/// or every problem at its field (`{prefix}{field}`).
pub fn provision_from(
    a: &FormAnswers,
    prefix: &str,
    id: &str,
    order_id: &str,
) -> Result<Condition, Vec<KeepProblem<String>>> {
    let f = |name: &str| format!("{prefix}{name}");
    let mut p = Vec::new();
    let verbatim = long_text_at(
        a,
        &f(WORDING),
        "Enter the provision's wording exactly as the order gives it",
        "The wording",
        &mut p,
    );
    let family: Option<ProvisionFamily> = from_code(a.get(&f(FAMILY)));
    if family.is_none() {
        problem(&mut p, f(FAMILY), "Select the family of provision (s.5)");
    }
    let summary = long_text_at(
        a,
        &f(SUMMARY),
        "Enter a plain-English summary of the provision",
        "The summary",
        &mut p,
    );
    let mirrored = match a.get(&f(MIRRORED)) {
        "yes" => true,
        "no" => false,
        _ => {
            problem(
                &mut p,
                f(MIRRORED),
                "Select whether the licence mirrors this provision",
            );
            false
        }
    };
    let starts = optional_date_at(a, &f(STARTS), "Its own start", &mut p);
    let ends = optional_date_at(a, &f(ENDS), "Its own last day", &mut p);
    if let (Some(s), Some(e)) = (starts, ends) {
        if e < s {
            problem(
                &mut p,
                f("ends-day"),
                "Its own last day must be the same as or after its own start",
            );
        }
    }
    let notification = duty_from(a, prefix, &mut p);
    if check_id(id).is_err() || check_id(order_id).is_err() {
        problem(
            &mut p,
            f(WORDING),
            "The provision could not be given an id: start again",
        );
    }
    match family {
        Some(family) if p.is_empty() => Ok(Condition {
            id: id.into(),
            order_id: order_id.into(),
            family,
            verbatim,
            summary,
            starts,
            ends,
            mirrored_in_licence: mirrored,
            notification,
            replaces: None,
        }),
        _ => Err(p),
    }
}

fn duty_from(
    a: &FormAnswers,
    prefix: &str,
    p: &mut Vec<KeepProblem<String>>,
) -> Option<NotificationDuty> {
    let f = |name: &str| format!("{prefix}{name}");
    let rule = a.get(&f(DUTY));
    if rule == "none" {
        return None;
    }
    if rule != "after" && rule != "before" {
        problem(
            p,
            f(DUTY),
            "Select whether the provision has a duty to notify police",
        );
        return None;
    }
    let kind: Option<NotificationKind> = from_code(a.get(&f(DUTY_KIND)));
    if kind.is_none() {
        problem(p, f(DUTY_KIND), "Select what must be notified");
    }
    let typed = a.get(&f(DUTY_DAYS)).trim();
    let days = match typed.parse::<u32>() {
        Ok(n) if n <= MAX_DEADLINE_DAYS && (rule == "after" || n >= 1) => Some(n),
        _ if typed.is_empty() => {
            problem(p, f(DUTY_DAYS), "Enter the number of days the order gives");
            None
        }
        _ => {
            let least = if rule == "after" { 0 } else { 1 };
            problem(
                p,
                f(DUTY_DAYS),
                format!(
                    "The number of days must be a whole number from {least} to {MAX_DEADLINE_DAYS}"
                ),
            );
            None
        }
    };
    let deadline = match (rule, days?) {
        ("after", days) => Deadline::WithinDaysAfter { days },
        (_, days) => Deadline::DaysBefore { days },
    };
    Some(NotificationDuty {
        kind: kind?,
        deadline,
    })
}
