//! The contact log form: what the officer has chosen and typed so far (kept as a draft while
//! they type), the routine defaults that make "home visit, seen, no concerns" two taps, and
//! the checks that turn it into a [`Contact`].

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::contact::{Contact, ContactKind, ContactOutcome};

/// Longest notes accepted, in characters.
pub const MAX_NOTES_CHARS: usize = 5_000;

/// A contact being logged. Every field is kept as typed, so nothing the officer entered is ever
/// lost to a validation problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    pub kind: ContactKind,
    /// Seen (or, for a call, spoken to).
    pub seen: bool,
    /// When seen: were there concerns? (Not seen is its own outcome.)
    pub concerns: bool,
    /// The contact is happening now: the time is taken when it is saved.
    pub now: bool,
    /// When not now: the date as typed, `yyyy-mm-dd` (an HTML date input's value).
    #[serde(default)]
    pub date: String,
    /// When not now: the time as typed, `HH:MM`.
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub notes: String,
}

/// The field a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Date,
    Time,
    Notes,
}

/// Something that stops the contact being saved, worded for the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactProblem {
    pub field: ContactField,
    pub message: &'static str,
}

impl ContactDraft {
    /// The routine contact: the usual kind, seen, no concerns, now.
    pub fn routine(kind: ContactKind) -> Self {
        Self {
            kind,
            seen: true,
            concerns: false,
            now: true,
            date: String::new(),
            time: String::new(),
            notes: String::new(),
        }
    }

    pub fn outcome(&self) -> ContactOutcome {
        match (self.seen, self.concerns) {
            (false, _) => ContactOutcome::NotSeen,
            (true, false) => ContactOutcome::NoConcerns,
            (true, true) => ContactOutcome::ConcernsRecorded,
        }
    }

    /// The moment the contact took place, or what is wrong with the date and time typed.
    fn when(&self, now: NaiveDateTime) -> Result<NaiveDateTime, Vec<ContactProblem>> {
        if self.now {
            return Ok(now);
        }
        let mut problems = Vec::new();
        let problem = |field, message| ContactProblem { field, message };
        let date = match self.date.trim() {
            "" => {
                problems.push(problem(ContactField::Date, "Enter the date of the contact"));
                None
            }
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(problem(
                        ContactField::Date,
                        "Date of the contact must be a real date",
                    ));
                    None
                }
            },
        };
        let time = match self.time.trim() {
            "" => {
                problems.push(problem(ContactField::Time, "Enter the time of the contact"));
                None
            }
            t => match NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
            {
                Ok(t) => Some(t),
                Err(_) => {
                    problems.push(problem(
                        ContactField::Time,
                        "Time of the contact must be a real time, like 09:30 or 14:15",
                    ));
                    None
                }
            },
        };
        match (date, time) {
            (Some(d), Some(t)) if d.and_time(t) > now => Err(vec![problem(
                ContactField::Date,
                "Date and time of the contact must be now or in the past",
            )]),
            (Some(d), Some(t)) if problems.is_empty() => Ok(d.and_time(t)),
            _ => Err(problems),
        }
    }

    /// Every problem with the form, in the order the fields appear.
    pub fn problems(&self, now: NaiveDateTime) -> Vec<ContactProblem> {
        let mut problems = self.when(now).err().unwrap_or_default();
        let notes = self.notes.trim();
        if self.seen && self.concerns && notes.is_empty() {
            problems.push(ContactProblem {
                field: ContactField::Notes,
                message: "Describe the concerns in the notes",
            });
        }
        if notes.chars().count() > MAX_NOTES_CHARS {
            problems.push(ContactProblem {
                field: ContactField::Notes,
                message: "Notes must be 5,000 characters or fewer",
            });
        }
        problems
    }

    /// The contact to record, or every problem with the form.
    pub fn to_contact(
        &self,
        id: String,
        nominal_id: &str,
        officer_id: &str,
        now: NaiveDateTime,
    ) -> Result<Contact, Vec<ContactProblem>> {
        let problems = self.problems(now);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Contact {
            id,
            nominal_id: nominal_id.to_string(),
            kind: self.kind,
            at: self.when(now)?,
            seen: self.seen,
            outcome: self.outcome(),
            notes: self.notes.trim().to_string(),
            officer_id: officer_id.to_string(),
            corrects: None,
        })
    }
}

/// The kind of contact to offer first: that of the last contact in which the nominal was seen,
/// or a home visit when there is none.
pub fn usual_contact_kind(contacts: &[Contact]) -> ContactKind {
    contacts
        .iter()
        .filter(|c| c.seen)
        .max_by_key(|c| c.at)
        .map_or(ContactKind::HomeVisit, |c| c.kind)
}

#[cfg(test)]
#[path = "contact_form_tests.rs"]
mod tests;
