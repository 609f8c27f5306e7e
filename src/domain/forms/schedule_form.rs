//! The desk's schedule form (issue 21): an order's schedule as the officer records it from the
//! sealed order, one change at a time: a new schedule (its number as the order gives it, the
//! provisions that name it, and its first entry), an entry added, corrected or removed, or the
//! number and provisions changed. Turns the form's answers and the schedule as held into the
//! schedule as it will be, or the problems at the form's fields in words.

use chrono::{Datelike, NaiveDate};

use crate::domain::common::validation::{MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};
use crate::domain::forms::keep_order_answers::{
    answer, optional_date_at, problem, Answers, FieldProblems,
};
use crate::domain::order::condition::Condition;
use crate::domain::order::schedule::{
    registration_problem, Schedule, SchedulePerson, SchedulePremises, ScheduleVehicle,
};

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

/// What an entry of a schedule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Person,
    Premises,
    Vehicle,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [Self::Person, Self::Premises, Self::Vehicle];

    /// Its value in the form and the desk's addresses.
    pub fn code(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Premises => "premises",
            Self::Vehicle => "vehicle",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// "a person", "premises", "a vehicle".
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "a person",
            Self::Premises => "premises",
            Self::Vehicle => "a vehicle",
        }
    }

    /// The fields asked about an entry of this kind.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Person => &[
                NAME,
                ALIASES,
                "dob-day",
                "dob-month",
                "dob-year",
                DESCRIPTION,
            ],
            Self::Premises => &[ADDRESS, DESCRIPTION],
            Self::Vehicle => &[REGISTRATION, MAKE, COLOUR],
        }
    }

    /// How many entries of this kind the schedule lists.
    fn count(self, s: &Schedule) -> usize {
        match self {
            Self::Person => s.people.len(),
            Self::Premises => s.premises.len(),
            Self::Vehicle => s.vehicles.len(),
        }
    }
}

/// One entry as the form gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryValue {
    Person(SchedulePerson),
    Premises(SchedulePremises),
    Vehicle(ScheduleVehicle),
}

/// The schedule as it will be after the change, and why it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleChange {
    pub schedule: Schedule,
    pub reason: String,
}

/// Optional text up to `max` characters, trimmed.
fn optional_text(a: &Answers, id: &str, name: &str, max: usize, p: &mut FieldProblems) -> String {
    let text = answer(a, id).trim();
    if text.chars().count() > max {
        problem(p, id, format!("{name} must be {max} characters or fewer"));
    }
    text.to_string()
}

/// Text that must be given, up to 200 characters, trimmed.
fn required_text(
    a: &Answers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut FieldProblems,
) -> String {
    let text = answer(a, id).trim();
    if text.is_empty() {
        problem(p, id, missing);
    }
    optional_text(a, id, name, MAX_SHORT_CHARS, p)
}

/// The schedule's number and the provisions of the order that name it (`conditions`: the
/// order's provisions), checked against the order's other schedules (`others`).
pub fn head_from(
    a: &Answers,
    conditions: &[&Condition],
    others: &[&Schedule],
) -> Result<(String, Vec<String>), FieldProblems> {
    let mut p = FieldProblems::new();
    let number = required_text(
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
        .filter(|c| answer(a, &names_field(&c.id)) == "yes")
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

/// One entry of `kind` from the answers; a date of birth must be before `today`.
pub fn entry_from(
    a: &Answers,
    kind: EntryKind,
    today: NaiveDate,
) -> Result<EntryValue, FieldProblems> {
    let mut p = FieldProblems::new();
    let description =
        |p: &mut FieldProblems| optional_text(a, DESCRIPTION, "The description", MAX_LONG_CHARS, p);
    let value = match kind {
        EntryKind::Person => {
            let name = required_text(
                a,
                NAME,
                "Enter the person's name as the order gives it",
                "The name",
                &mut p,
            );
            let aliases: Vec<String> = answer(a, ALIASES)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            if aliases.len() > MAX_ITEMS {
                problem(&mut p, ALIASES, format!("Give at most {MAX_ITEMS} aliases"));
            }
            if aliases.iter().any(|l| l.chars().count() > MAX_SHORT_CHARS) {
                problem(
                    &mut p,
                    ALIASES,
                    format!("Each alias must be {MAX_SHORT_CHARS} characters or fewer"),
                );
            }
            let date_of_birth = optional_date_at(a, DOB, "Date of birth", &mut p);
            if date_of_birth.is_some_and(|d| d >= today) {
                problem(&mut p, "dob-day", "Date of birth must be in the past");
            }
            EntryValue::Person(SchedulePerson {
                name,
                aliases,
                date_of_birth,
                description: description(&mut p),
            })
        }
        EntryKind::Premises => {
            let address = answer(a, ADDRESS)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            if address.is_empty() {
                problem(&mut p, ADDRESS, "Enter the address as the order gives it");
            } else if address.chars().count() > MAX_SHORT_CHARS {
                problem(
                    &mut p,
                    ADDRESS,
                    format!("The address must be {MAX_SHORT_CHARS} characters or fewer"),
                );
            }
            EntryValue::Premises(SchedulePremises {
                address,
                description: description(&mut p),
            })
        }
        EntryKind::Vehicle => {
            let typed = answer(a, REGISTRATION);
            let registration = typed
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase();
            if registration.is_empty() {
                problem(&mut p, REGISTRATION, "Enter the vehicle's registration");
            } else if let Some(why) = registration_problem(&registration) {
                problem(&mut p, REGISTRATION, format!("The registration {why}"));
            }
            EntryValue::Vehicle(ScheduleVehicle {
                registration,
                make: optional_text(a, MAKE, "The make", MAX_SHORT_CHARS, &mut p),
                colour: optional_text(a, COLOUR, "The colour", MAX_SHORT_CHARS, &mut p),
            })
        }
    };
    if p.is_empty() {
        Ok(value)
    } else {
        Err(p)
    }
}

/// The answers for the schedule's number and the provisions naming it.
pub fn head_answers(s: &Schedule, a: &mut Answers) {
    a.insert(NUMBER.into(), s.number.clone());
    for c in &s.condition_ids {
        a.insert(names_field(c), "yes".into());
    }
}

/// The answers for the entry of `kind` at `at` of the schedule (none when there is none).
pub fn entry_answers(s: &Schedule, kind: EntryKind, at: usize, a: &mut Answers) {
    let mut set = |f: &str, v: &str| {
        a.insert(f.to_string(), v.to_string());
    };
    match kind {
        EntryKind::Person => {
            if let Some(x) = s.people.get(at) {
                set(NAME, &x.name);
                set(ALIASES, &x.aliases.join("\n"));
                set(DESCRIPTION, &x.description);
                if let Some(d) = x.date_of_birth {
                    set("dob-day", &d.day().to_string());
                    set("dob-month", &d.month().to_string());
                    set("dob-year", &d.year().to_string());
                }
            }
        }
        EntryKind::Premises => {
            if let Some(x) = s.premises.get(at) {
                set(ADDRESS, &x.address);
                set(DESCRIPTION, &x.description);
            }
        }
        EntryKind::Vehicle => {
            if let Some(x) = s.vehicles.get(at) {
                set(REGISTRATION, &x.registration);
                set(MAKE, &x.make);
                set(COLOUR, &x.colour);
            }
        }
    }
}

/// The entry's position the answers give, when it is one the schedule lists.
pub fn entry_at(a: &Answers, kind: EntryKind, held: &Schedule) -> Option<usize> {
    answer(a, AT)
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
    a: &Answers,
    held: Option<&Schedule>,
    new_id: &str,
    order_id: &str,
    conditions: &[&Condition],
    others: &[&Schedule],
    today: NaiveDate,
) -> Result<ScheduleChange, FieldProblems> {
    let mut p = FieldProblems::new();
    let head = head_from(a, conditions, others)
        .map_err(|e| p.extend(e))
        .ok();
    let kind = EntryKind::from_code(answer(a, KIND));
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
    let removing = answer(a, REMOVE) == "yes";
    if held.is_none() && kind.is_none() {
        problem(&mut p, KIND, "Select what the schedule's first entry is");
    }
    if held.is_some() && !answer(a, AT).is_empty() && at.is_none() {
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
        let r = answer(a, REASON).trim().to_string();
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
