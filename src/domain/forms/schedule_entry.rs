//! One entry of an order's schedule as the desk's schedule form asks it
//! ([`schedule_form`](super::schedule_form)): a person (name, aliases, date of birth,
//! description), premises (address, what they are) or a vehicle (registration, make, colour).

use chrono::{Datelike, NaiveDate};

use crate::domain::common::validation::{MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};
use crate::domain::forms::keep_answers::{
    optional_date_at, problem, short_text_at, FormAnswers, KeepProblem,
};
use crate::domain::forms::schedule_form::{
    ADDRESS, ALIASES, COLOUR, DESCRIPTION, DOB, MAKE, NAME, REGISTRATION,
};
use crate::domain::order::schedule::{
    registration_problem, Schedule, SchedulePerson, SchedulePremises, ScheduleVehicle,
};

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
    pub(crate) fn count(self, s: &Schedule) -> usize {
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

/// Optional text up to `max` characters, trimmed.
pub(crate) fn optional_text(
    a: &FormAnswers,
    id: &str,
    name: &str,
    max: usize,
    p: &mut Vec<KeepProblem<String>>,
) -> String {
    let text = a.get(id).trim();
    if text.chars().count() > max {
        problem(p, id, format!("{name} must be {max} characters or fewer"));
    }
    text.to_string()
}

/// One entry of `kind` from the answers; a date of birth must be before `today`.
pub fn entry_from(
    a: &FormAnswers,
    kind: EntryKind,
    today: NaiveDate,
) -> Result<EntryValue, Vec<KeepProblem<String>>> {
    let mut p = Vec::new();
    let description = |p: &mut Vec<KeepProblem<String>>| {
        optional_text(a, DESCRIPTION, "The description", MAX_LONG_CHARS, p)
    };
    let value = match kind {
        EntryKind::Person => {
            let name = short_text_at(
                a,
                NAME,
                "Enter the person's name as the order gives it",
                "The name",
                &mut p,
            );
            let aliases: Vec<String> = a
                .get(ALIASES)
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
            let address = a
                .get(ADDRESS)
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
            let typed = a.get(REGISTRATION);
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

/// The answers for the entry of `kind` at `at` of the schedule (none when there is none).
pub fn entry_answers(s: &Schedule, kind: EntryKind, at: usize, a: &mut FormAnswers) {
    let mut set = |f: &str, v: &str| {
        a.set(f.to_string(), v.to_string());
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
