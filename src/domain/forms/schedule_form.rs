//! The desk's schedule form (issue 21): an order's schedule as the officer records it from the
//! sealed order, one change at a time: a new schedule (its number as the order gives it, the
//! provisions that name it, and its first entry), an entry added, corrected or removed, or the
//! number and provisions changed. Turns the form's answers and the schedule as held into the
//! schedule as it will be, or the problems at the form's fields in words.

use chrono::NaiveDate;

use crate::domain::common::validation::{MAX_ITEMS, MAX_SHORT_CHARS};
use crate::domain::forms::keep_answers::{problem, short_text_at, FormAnswers, KeepProblem};
use crate::domain::order::condition::Condition;
use crate::domain::order::schedule::Schedule;

pub use crate::domain::forms::schedule_entry::{entry_answers, entry_from, EntryKind, EntryValue};

/// How the order names the schedule ("Schedule 1").
pub const NUMBER: &str = "number";
/// What the entry is: `person`, `premises` or `vehicle`.
pub const KIND: &str = "kind";
/// The position of the entry corrected or removed in its list ("" for a new entry).
pub const AT: &str = "at";
/// "yes" when the entry at [`AT`] is removed.
pub const REMOVE: &str = "remove";
/// Why a recorded schedule is changed.
pub const REASON: &str = "reason";
pub const NAME: &str = "name";
/// One alias a line.
pub const ALIASES: &str = "aliases";
/// The date of birth's boxes: `dob-day`, `dob-month`, `dob-year`.
pub const DOB: &str = "dob";
pub const DESCRIPTION: &str = "description";
pub const ADDRESS: &str = "address";
pub const REGISTRATION: &str = "registration";
pub const MAKE: &str = "make";
pub const COLOUR: &str = "colour";

/// The reason given for a first recording.
pub const FROM_THE_ORDER: &str = "Recorded from the sealed order";

/// The checkbox saying the provision `condition_id` names the schedule.
pub fn names_field(condition_id: &str) -> String {
    format!("names-{condition_id}")
}

/// The schedule as it will be after the change, and why it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleChange {
    pub schedule: Schedule,
    pub reason: String,
}

/// The schedule's number and the provisions of the order that name it (`conditions`: the
/// order's provisions), checked against the order's other schedules (`others`).
pub fn head_from(
    a: &FormAnswers,
    conditions: &[&Condition],
    others: &[&Schedule],
) -> Result<(String, Vec<String>), Vec<KeepProblem<String>>> {
    let mut p = Vec::new();
    let number = short_text_at(
        a,
        NUMBER,
        "Enter the schedule's number as the order gives it, for example Schedule 1",
        "The schedule's number",
        &mut p,
    );
    let key = |n: &str| {
        n.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if !number.is_empty() && others.iter().any(|s| key(&s.number) == key(&number)) {
        problem(
            &mut p,
            NUMBER,
            format!("The order already has a schedule called “{number}”: change that one instead"),
        );
    }
    let named: Vec<String> = conditions
        .iter()
        .filter(|c| a.get(&names_field(&c.id)) == "yes")
        .map(|c| c.id.clone())
        .collect();
    match conditions.first() {
        None => problem(
            &mut p,
            NUMBER,
            "Record the order's provisions first: a schedule is named by a provision that refers to it",
        ),
        Some(first) if named.is_empty() => problem(
            &mut p,
            names_field(&first.id),
            "Select the provisions that refer to this schedule",
        ),
        Some(_) => {}
    }
    if p.is_empty() {
        Ok((number, named))
    } else {
        Err(p)
    }
}

/// The answers for the schedule's number and the provisions naming it.
pub fn head_answers(s: &Schedule, a: &mut FormAnswers) {
    a.set(NUMBER, s.number.clone());
    for c in &s.condition_ids {
        a.set(names_field(c), "yes");
    }
}

/// The entry's position the answers give, when it is one the schedule lists.
pub fn entry_at(a: &FormAnswers, kind: EntryKind, held: &Schedule) -> Option<usize> {
    a.get(AT)
        .parse::<usize>()
        .ok()
        .filter(|n| *n < kind.count(held))
}

/// The schedule as it will be: a new one (`held` is `None`: id `new_id` of order `order_id`,
/// with its first entry), or `held` with the answers' change (the number and provisions as
/// answered, and an entry added, corrected or removed); and the reason, asked for any change
/// to a recorded schedule but an added entry. `conditions`: the order's provisions; `others`:
/// its other schedules; `today` bounds a date of birth.
pub fn schedule_change(
    a: &FormAnswers,
    held: Option<&Schedule>,
    new_id: &str,
    order_id: &str,
    conditions: &[&Condition],
    others: &[&Schedule],
    today: NaiveDate,
) -> Result<ScheduleChange, Vec<KeepProblem<String>>> {
    let mut p = Vec::new();
    let head = head_from(a, conditions, others)
        .map_err(|e| p.extend(e))
        .ok();
    let kind = EntryKind::from_code(a.get(KIND));
    let mut schedule = held.cloned().unwrap_or_else(|| Schedule {
        id: new_id.to_string(),
        order_id: order_id.to_string(),
        number: String::new(),
        condition_ids: vec![],
        people: vec![],
        premises: vec![],
        vehicles: vec![],
        starts: None,
        ends: None,
        replaces: None,
    });
    let at = held.zip(kind).and_then(|(h, k)| entry_at(a, k, h));
    let removing = a.get(REMOVE) == "yes";
    if held.is_none() && kind.is_none() {
        problem(&mut p, KIND, "Select what the schedule's first entry is");
    }
    if held.is_some() && !a.get(AT).is_empty() && at.is_none() {
        problem(
            &mut p,
            KIND,
            "That entry is no longer on the schedule: go back to the schedule and start again",
        );
    }
    match (kind, removing, at) {
        (Some(k), true, Some(n)) => {
            if schedule.entries() <= 1 {
                problem(
                    &mut p,
                    REMOVE,
                    "This is the schedule's only entry: a schedule lists at least one person, premises or vehicle. Correct the entry instead",
                );
            } else {
                match k {
                    EntryKind::Person => drop(schedule.people.remove(n)),
                    EntryKind::Premises => drop(schedule.premises.remove(n)),
                    EntryKind::Vehicle => drop(schedule.vehicles.remove(n)),
                }
            }
        }
        (Some(k), false, _) => match entry_from(a, k, today) {
            Err(e) => p.extend(e),
            Ok(value) => place(&mut schedule, value, at),
        },
        _ => {}
    }
    if schedule.entries() > MAX_ITEMS.saturating_mul(3) {
        problem(
            &mut p,
            KIND,
            "The schedule has as many entries as it can hold",
        );
    }
    let added = held.is_none() || (kind.is_some() && !removing && at.is_none());
    let reason = if added {
        FROM_THE_ORDER.to_string()
    } else {
        let r = a.get(REASON).trim().to_string();
        if r.is_empty() {
            problem(&mut p, REASON, "Enter the reason for the change");
        } else if r.chars().count() > MAX_SHORT_CHARS {
            problem(&mut p, REASON, "The reason must be 200 characters or fewer");
        }
        r
    };
    if let Some((number, named)) = head {
        schedule.number = number;
        schedule.condition_ids = named;
    }
    if p.is_empty() {
        Ok(ScheduleChange { schedule, reason })
    } else {
        Err(p)
    }
}

/// The entry put in its list: in place of the one at `at`, or at the end.
fn place(s: &mut Schedule, value: EntryValue, at: Option<usize>) {
    fn put<T>(list: &mut Vec<T>, x: T, at: Option<usize>) {
        match at.and_then(|n| list.get_mut(n)) {
            Some(slot) => *slot = x,
            None => list.push(x),
        }
    }
    match value {
        EntryValue::Person(x) => put(&mut s.people, x, at),
        EntryValue::Premises(x) => put(&mut s.premises, x, at),
        EntryValue::Vehicle(x) => put(&mut s.vehicles, x, at),
    }
}
