//! An order's schedules: the people, premises and vehicles a provision names by reference ("no
//! contact with the people in Schedule 1", "keep out of the premises in Schedule 2"), recorded
//! as data so the officer can see who and where they are, and search them at a door.
//!
//! A schedule names the provisions that refer to it (`condition_ids`); a provision is never
//! changed to name its schedules, so recording a schedule leaves the order's wording alone.
//! Schedules are versioned like provisions: nothing is overwritten. A new version names the one
//! it `replaces` and the day it `starts` (for a variation, the day the variation takes effect);
//! the old version then stands up to the day before. So "the schedule as on day D" is the
//! version whose own dates hold D and that no version started by D replaces.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::time::dates::format_date;
use serde::{Deserialize, Serialize};

/// A schedule of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub id: String,
    pub order_id: String,
    /// How the order names it: "Schedule 1".
    pub number: String,
    /// The provisions that refer to this schedule (conditions of the same order).
    pub condition_ids: Vec<String>,
    #[serde(default)]
    pub people: Vec<SchedulePerson>,
    #[serde(default)]
    pub premises: Vec<SchedulePremises>,
    #[serde(default)]
    pub vehicles: Vec<ScheduleVehicle>,
    /// Its own first day, when it differs from the order's (a new version: the day it starts).
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub starts: Option<NaiveDate>,
    /// Its own last day, when it differs from the order's.
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub ends: Option<NaiveDate>,
    /// The earlier version of this schedule (of the same order) that this one replaces from
    /// `starts`.
    #[serde(default)]
    pub replaces: Option<String>,
}

/// A person listed in a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchedulePerson {
    /// The name as the order gives it.
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub date_of_birth: Option<NaiveDate>,
    /// Who they are, how to recognise them.
    #[serde(default)]
    pub description: String,
}

/// Premises listed in a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchedulePremises {
    pub address: String,
    /// What they are ("Car wash and its yard").
    #[serde(default)]
    pub description: String,
}

/// A vehicle listed in a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleVehicle {
    /// As the order gives it ("AB12 CDE"); matched by [`normalise_registration`].
    pub registration: String,
    #[serde(default)]
    pub make: String,
    #[serde(default)]
    pub colour: String,
}

/// The fewest and most letters and digits in a registration (a cherished "A 1" to a long
/// foreign plate).
pub const REGISTRATION_CHARS: (usize, usize) = (2, 10);

/// A registration as it is matched: upper case, letters and digits only ("ab12 cde" and
/// "AB12-CDE" are both "AB12CDE").
pub fn normalise_registration(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// What is wrong with a registration's shape, in words, or `None`: letters, digits, spaces and
/// hyphens only, with 2 to 10 letters or digits.
pub fn registration_problem(text: &str) -> Option<String> {
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == ' ' || *c == '-'))
    {
        return Some(format!(
            "may only use letters, digits, spaces and hyphens (it has \"{bad}\")"
        ));
    }
    let n = normalise_registration(text).len();
    let (min, max) = REGISTRATION_CHARS;
    (!(min..=max).contains(&n))
        .then(|| format!("must have {min} to {max} letters or digits (it has {n})"))
}

impl Schedule {
    /// How many entries it lists, of every kind.
    pub fn entries(&self) -> usize {
        [self.people.len(), self.premises.len(), self.vehicles.len()]
            .into_iter()
            .fold(0, usize::saturating_add)
    }

    /// Every entry: people, then premises, then vehicles.
    pub fn all_entries(&self) -> Vec<Entry<'_>> {
        let people = self.people.iter().map(Entry::Person);
        let premises = self.premises.iter().map(Entry::Premises);
        people
            .chain(premises)
            .chain(self.vehicles.iter().map(Entry::Vehicle))
            .collect()
    }

    /// This version stands on `day`: its own dates hold the day, and no version in `all` that
    /// replaces it has started by then.
    pub fn stands_on(&self, day: NaiveDate, all: &[Schedule]) -> bool {
        let own = self.starts.is_none_or(|s| s <= day) && self.ends.is_none_or(|e| day <= e);
        own && !all.iter().any(|s| {
            s.replaces.as_deref() == Some(self.id.as_str())
                && s.order_id == self.order_id
                && s.id != self.id
                && s.starts.is_some_and(|from| from <= day)
        })
    }

    /// Names the provision `condition_id`.
    pub fn names(&self, condition_id: &str) -> bool {
        self.condition_ids.iter().any(|c| c == condition_id)
    }
}

/// The versions of schedules in `all` naming the provision `condition_id` that stand on `day`,
/// by number.
pub fn schedules_for<'a>(
    all: &'a [Schedule],
    condition_id: &str,
    day: NaiveDate,
) -> Vec<&'a Schedule> {
    let mut found: Vec<&Schedule> = all
        .iter()
        .filter(|s| s.names(condition_id) && s.stands_on(day, all))
        .collect();
    crate::domain::common::sort::sort_by(&mut found, |a, b| {
        number_order(&a.number, &b.number).then_with(|| a.id.cmp(&b.id))
    });
    found
}

/// Schedules' numbers in the order a reader counts them: runs of digits compare as numbers, so
/// "Schedule 2" comes before "Schedule 10"; letters compare ignoring case ("schedule 1A" after
/// "Schedule 1"). Equal numbers ("Schedule 02", "Schedule 2") then compare as written. Bytes,
/// not chars: small in the phone's wasm, and UTF-8 keeps the order of other characters.
pub fn number_order(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        let by = match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let ((m, rest_x), (n, rest_y)) = (digits(x), digits(y));
                (x, y) = (rest_x, rest_y);
                m.len().cmp(&n.len()).then_with(|| m.cmp(n))
            }
            (Some(c), Some(d)) => {
                (x, y) = (
                    x.get(1..).unwrap_or_default(),
                    y.get(1..).unwrap_or_default(),
                );
                c.to_ascii_lowercase().cmp(&d.to_ascii_lowercase())
            }
        };
        if by != Ordering::Equal {
            return by;
        }
    }
}

/// A run of digits at the start of `s` without its leading zeros, and what follows it.
fn digits(s: &[u8]) -> (&[u8], &[u8]) {
    let end = s
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(s.len());
    let (run, rest) = (
        s.get(..end).unwrap_or_default(),
        s.get(end..).unwrap_or_default(),
    );
    let zeros = run.iter().position(|c| *c != b'0').unwrap_or(run.len());
    (run.get(zeros..).unwrap_or_default(), rest)
}

/// An entry of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    Person(&'a SchedulePerson),
    Premises(&'a SchedulePremises),
    Vehicle(&'a ScheduleVehicle),
}

impl Entry<'_> {
    /// The entry in one line: "Alder VANCE (born 3 Mar 1990)", "4 Mill Lane: car wash",
    /// "AB12 CDE, grey Ford Transit".
    pub fn describe(&self) -> String {
        match self {
            Entry::Person(p) => {
                let mut s = p.name.clone();
                if !p.aliases.is_empty() {
                    s.push_str(&format!(" (also known as {})", p.aliases.join(", ")));
                }
                if let Some(d) = p.date_of_birth {
                    s.push_str(&format!(", born {}", format_date(d)));
                }
                s
            }
            Entry::Premises(x) => x.address.clone(),
            Entry::Vehicle(v) => {
                let what = [v.colour.as_str(), v.make.as_str()]
                    .into_iter()
                    .filter(|w| !w.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if what.is_empty() {
                    v.registration.clone()
                } else {
                    format!("{}, {what}", v.registration)
                }
            }
        }
    }

    /// The entry in one line with its description, if any, after it.
    pub fn line(&self) -> String {
        match self.detail() {
            "" => self.describe(),
            detail => format!("{}. {detail}", self.describe()),
        }
    }

    /// The description of a person or premises ("" for a vehicle).
    pub fn detail(&self) -> &str {
        match self {
            Entry::Person(p) => &p.description,
            Entry::Premises(x) => &x.description,
            Entry::Vehicle(_) => "",
        }
    }
}
