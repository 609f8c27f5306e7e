//! The cohort's schedules (`src/domain/order/schedule.rs`): their checks, part of
//! [`Cohort::validate`], each problem at its path (`schedules[0].vehicles[1].registration`); and
//! the search an officer makes at a door: is this person, address or vehicle on any schedule of
//! my nominals?

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::id::check_id;
use crate::domain::common::validation::{Problems, MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};
pub use crate::domain::order::schedule::Entry;
use crate::domain::order::schedule::{
    normalise_registration, number_order, registration_problem, Schedule, SchedulePerson,
    SchedulePremises, ScheduleVehicle,
};
use crate::domain::order::scpo::{Order, OrderStatus};
use crate::domain::people::nominal::Nominal;
use crate::domain::time::dates::{format_date, EARLIEST_DATE, LATEST_DATE};

impl Cohort {
    /// The schedules naming the provision `condition_id`, as they stand on `day`.
    pub fn schedules_for(&self, condition_id: &str, day: NaiveDate) -> Vec<&Schedule> {
        crate::domain::order::schedule::schedules_for(&self.schedules, condition_id, day)
    }

    /// The grammar of every id a schedule has or names (with the other ids' checks).
    pub(crate) fn check_schedule_ids(&self, p: &mut Problems) {
        let mut id = |path: String, v: &str| {
            if let Err(e) = check_id(v) {
                p.add(path, e.to_string());
            }
        };
        for (i, s) in self.schedules.iter().enumerate() {
            let at = |f: &str| format!("schedules[{i}].{f}");
            id(at("id"), &s.id);
            id(at("order_id"), &s.order_id);
            for (k, c) in s.condition_ids.iter().enumerate().take(MAX_ITEMS) {
                id(at(&format!("condition_ids[{k}]")), c);
            }
            if let Some(r) = &s.replaces {
                id(at("replaces"), r);
            }
        }
    }

    /// Unique ids, lengths, list sizes, dates, registrations, and the order, provisions and
    /// earlier version each schedule names.
    pub(crate) fn check_schedules(&self, p: &mut Problems) {
        let mut seen = HashSet::new();
        for (i, s) in self.schedules.iter().enumerate() {
            let at = |f: &str| format!("schedules[{i}].{f}");
            if !seen.insert(s.id.as_str()) {
                p.add(at("id"), format!("\"{}\" is used twice", s.id));
            }
            required(p, at("number"), &s.number);
            if s.entries() == 0 {
                p.add(at("people"), "the schedule lists no one and nothing: give at least one person, premises or vehicle");
            }
            for (list, n) in [
                ("condition_ids", s.condition_ids.len()),
                ("people", s.people.len()),
                ("premises", s.premises.len()),
                ("vehicles", s.vehicles.len()),
            ] {
                if n > MAX_ITEMS {
                    p.add(at(list), format!("has {n} items: at most {MAX_ITEMS}"));
                }
            }
            for (j, person) in s.people.iter().enumerate().take(MAX_ITEMS) {
                check_person(p, &at(&format!("people[{j}]")), person);
            }
            for (j, place) in s.premises.iter().enumerate().take(MAX_ITEMS) {
                check_premises(p, &at(&format!("premises[{j}]")), place);
            }
            for (j, v) in s.vehicles.iter().enumerate().take(MAX_ITEMS) {
                check_vehicle(p, &at(&format!("vehicles[{j}]")), v);
            }
            for (f, d) in [("starts", s.starts), ("ends", s.ends)] {
                if let Some(d) = d {
                    date(p, at(f), d);
                }
            }
            if let (Some(from), Some(to)) = (s.starts, s.ends) {
                if to < from {
                    p.add(at("ends"), "is before the schedule starts");
                }
            }
            self.check_schedule_links(p, i, s);
        }
    }

    /// The order, the provisions and the earlier version a schedule names.
    fn check_schedule_links(&self, p: &mut Problems, i: usize, s: &Schedule) {
        let at = |f: &str| format!("schedules[{i}].{f}");
        if !self.orders.iter().any(|o| o.id == s.order_id) {
            p.add(
                at("order_id"),
                format!("no order has the id \"{}\"", s.order_id),
            );
            return;
        }
        if s.condition_ids.is_empty() {
            p.add(
                at("condition_ids"),
                "name at least one provision that refers to this schedule",
            );
        }
        for (k, cid) in s.condition_ids.iter().enumerate().take(MAX_ITEMS) {
            let path = at(&format!("condition_ids[{k}]"));
            match self.condition(cid) {
                None => p.add(path, format!("no condition has the id \"{cid}\"")),
                Some(c) if c.order_id != s.order_id => p.add(
                    path,
                    format!(
                        "\"{cid}\" is a condition of another order ({}), not this schedule's",
                        c.order_id
                    ),
                ),
                Some(_) => {}
            }
        }
        let Some(r) = &s.replaces else {
            return;
        };
        match self.schedules.iter().find(|x| x.id == *r) {
            None => p.add(at("replaces"), format!("no schedule has the id \"{r}\"")),
            Some(_) if *r == s.id => p.add(at("replaces"), "a schedule cannot replace itself"),
            Some(old) if old.order_id != s.order_id => p.add(
                at("replaces"),
                format!("\"{r}\" is a schedule of another order"),
            ),
            Some(old) => match (s.starts, old.starts) {
                (None, _) => p.add(
                    at("starts"),
                    format!("give the day this version replaces \"{r}\" (for a variation, the day it takes effect)"),
                ),
                (Some(new), Some(was)) if new <= was => p.add(
                    at("starts"),
                    format!(
                        "{} is not after the day the version it replaces starts ({})",
                        format_date(new),
                        format_date(was)
                    ),
                ),
                _ => {}
            },
        }
    }

    /// Entries on the schedules of the nominals' live orders (as they stand on `today`) that
    /// match `query`: a person by name or alias (any case, part of a word), premises by the
    /// words of the address, a vehicle by registration (any case, spaces or not). A query of
    /// fewer than two letters or digits matches nothing. By nominal, then schedule.
    pub fn search_schedules(&self, query: &str, today: NaiveDate) -> Vec<ScheduleMatch<'_>> {
        let words: Vec<String> = query
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let registration = normalise_registration(query);
        if words.concat().chars().count() < 2 {
            return vec![];
        }
        let has_words = |text: &str| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let mut out = Vec::new();
        for s in &self.schedules {
            let Some(order) = self.orders.iter().find(|o| o.id == s.order_id) else {
                continue;
            };
            let Some(nominal) = self.nominal(&order.nominal_id) else {
                continue;
            };
            if order.status_on(today) != OrderStatus::Live || !s.stands_on(today, &self.schedules) {
                continue;
            }
            let found = |entry, on| ScheduleMatch {
                nominal,
                order,
                schedule: s,
                entry,
                on,
            };
            for person in &s.people {
                if has_words(&person.name) {
                    out.push(found(Entry::Person(person), MatchedOn::Name));
                } else if person.aliases.iter().any(|a| has_words(a)) {
                    out.push(found(Entry::Person(person), MatchedOn::Alias));
                }
            }
            for place in &s.premises {
                if has_words(&place.address) {
                    out.push(found(Entry::Premises(place), MatchedOn::Address));
                }
            }
            for v in &s.vehicles {
                if registration.len() >= 2
                    && normalise_registration(&v.registration).contains(&registration)
                {
                    out.push(found(Entry::Vehicle(v), MatchedOn::Registration));
                }
            }
        }
        crate::domain::common::sort::sort_by(&mut out, |a, b| {
            a.nominal
                .display_name()
                .cmp(&b.nominal.display_name())
                .then_with(|| number_order(&a.schedule.number, &b.schedule.number))
        });
        out
    }
}

/// One entry a search found, with whose schedule it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleMatch<'a> {
    pub nominal: &'a Nominal,
    pub order: &'a Order,
    pub schedule: &'a Schedule,
    pub entry: Entry<'a>,
    pub on: MatchedOn,
}

/// What a search matched an entry on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedOn {
    Name,
    Alias,
    Address,
    Registration,
}

impl MatchedOn {
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Alias => "alias",
            Self::Address => "address",
            Self::Registration => "registration",
        }
    }
}

fn required(p: &mut Problems, path: String, text: &str) {
    if text.trim().is_empty() {
        p.add(path, "is empty");
    } else {
        text_max(p, path, text, MAX_SHORT_CHARS);
    }
}

fn text_max(p: &mut Problems, path: String, text: &str, max: usize) {
    if text.chars().count() > max {
        p.add(path, format!("must be {max} characters or fewer"));
    }
}

fn date(p: &mut Problems, path: String, d: NaiveDate) {
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&d) {
        p.add(
            path,
            format!(
                "{d} is out of range: dates must be between {} and {}",
                format_date(EARLIEST_DATE),
                format_date(LATEST_DATE)
            ),
        );
    }
}

fn check_person(p: &mut Problems, at: &str, person: &SchedulePerson) {
    required(p, format!("{at}.name"), &person.name);
    if person.aliases.len() > MAX_ITEMS {
        let n = person.aliases.len();
        p.add(
            format!("{at}.aliases"),
            format!("has {n} items: at most {MAX_ITEMS}"),
        );
    }
    for (k, a) in person.aliases.iter().enumerate().take(MAX_ITEMS) {
        required(p, format!("{at}.aliases[{k}]"), a);
    }
    if let Some(d) = person.date_of_birth {
        date(p, format!("{at}.date_of_birth"), d);
    }
    let description = format!("{at}.description");
    text_max(p, description, &person.description, MAX_LONG_CHARS);
}

fn check_premises(p: &mut Problems, at: &str, place: &SchedulePremises) {
    required(p, format!("{at}.address"), &place.address);
    let description = format!("{at}.description");
    text_max(p, description, &place.description, MAX_LONG_CHARS);
}

fn check_vehicle(p: &mut Problems, at: &str, v: &ScheduleVehicle) {
    let path = format!("{at}.registration");
    if let Some(why) = registration_problem(&v.registration) {
        p.add(path, why);
    }
    text_max(p, format!("{at}.make"), &v.make, MAX_SHORT_CHARS);
    text_max(p, format!("{at}.colour"), &v.colour, MAX_SHORT_CHARS);
}

#[cfg(test)]
#[path = "schedules_tests.rs"]
mod tests;
