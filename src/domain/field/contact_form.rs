//! The contact log form: what the officer has chosen and typed so far (kept as a draft while
//! they type), the routine defaults that make "home visit, seen, no concerns" two taps, and
//! the checks that turn it into a [`Contact`].

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

pub use crate::domain::common::form::MAX_TEXT_CHARS as MAX_NOTES_CHARS;
use crate::domain::common::form::{entered_date_parts, length_problem, FieldProblem};
use crate::domain::field::contact::{Contact, ContactKind, ContactOutcome, ContactStatus};
use crate::domain::time::dates::{format_date, relative_days};

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
    /// When not now: the date and time as typed (en-GB order: day, month, year; 24-hour clock).
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub month: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub hour: String,
    #[serde(default)]
    pub minute: String,
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
pub type ContactProblem = FieldProblem<ContactField>;

impl ContactDraft {
    /// The routine contact: the usual kind, seen, no concerns, now.
    pub fn routine(kind: ContactKind) -> Self {
        Self {
            kind,
            seen: true,
            concerns: false,
            now: true,
            day: String::new(),
            month: String::new(),
            year: String::new(),
            hour: String::new(),
            minute: String::new(),
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

    /// Fill an empty date and time with `now`, so an earlier time today needs only the hour
    /// changed. Anything already typed is kept.
    pub fn fill_when(&mut self, now: NaiveDateTime) {
        let parts = [&self.day, &self.month, &self.year, &self.hour, &self.minute];
        if parts.iter().all(|p| p.trim().is_empty()) {
            self.day = now.day().to_string();
            self.month = now.month().to_string();
            self.year = now.year().to_string();
            self.hour = format!("{:02}", now.hour());
            self.minute = format!("{:02}", now.minute());
        }
    }

    fn date(&self) -> Result<NaiveDate, String> {
        entered_date_parts(
            &self.day,
            &self.month,
            &self.year,
            "Enter the date of the contact",
            "Date of the contact",
        )
    }

    fn time(&self) -> Result<NaiveTime, &'static str> {
        let (h, m) = (self.hour.trim(), self.minute.trim());
        match (h.is_empty(), m.is_empty()) {
            (true, true) => return Err("Enter the time of the contact"),
            (true, false) => return Err("Time of the contact must include an hour"),
            (false, true) => return Err("Time of the contact must include minutes"),
            _ => {}
        }
        match (h.parse::<u32>(), m.parse::<u32>()) {
            (Ok(h), Ok(m)) => NaiveTime::from_hms_opt(h, m, 0)
                .ok_or("Time of the contact must be a real time, from 00:00 to 23:59"),
            _ => Err("Time of the contact must be a real time, from 00:00 to 23:59"),
        }
    }

    /// The moment the contact took place, or what is wrong with the date and time typed.
    fn when(&self, now: NaiveDateTime) -> Result<NaiveDateTime, Vec<ContactProblem>> {
        if self.now {
            return Ok(now);
        }
        match (self.date(), self.time()) {
            (Ok(d), Ok(t)) if d.and_time(t) > now => Err(vec![ContactProblem::new(
                ContactField::Date,
                "Date and time of the contact must be now or in the past",
            )]),
            (Ok(d), Ok(t)) => Ok(d.and_time(t)),
            (date, time) => {
                let date = date
                    .err()
                    .map(|message| ContactProblem::new(ContactField::Date, message));
                let time = time
                    .err()
                    .map(|message| ContactProblem::new(ContactField::Time, message));
                Err(date.into_iter().chain(time).collect())
            }
        }
    }

    /// Every problem with the form, in the order the fields appear.
    pub fn problems(&self, now: NaiveDateTime) -> Vec<ContactProblem> {
        let mut problems = self.when(now).err().unwrap_or_default();
        let notes = self.notes.trim();
        if self.seen && self.concerns && notes.is_empty() {
            problems.push(ContactProblem::new(
                ContactField::Notes,
                "Describe the concerns in the notes",
            ));
        }
        if let Some(message) = length_problem(notes, "Notes") {
            problems.push(ContactProblem::new(ContactField::Notes, message));
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

/// The next contact due, in words: "8 Dec 2026 (in 14 days)", "4 Nov 2026: overdue by 20 days".
pub fn next_due_text(status: ContactStatus, today: NaiveDate) -> String {
    match status {
        ContactStatus::NotDueUntilRelease { release_on } => format!(
            "None until release on {} ({})",
            format_date(release_on),
            relative_days(today, release_on)
        ),
        ContactStatus::Due { on } => {
            format!("{} ({})", format_date(on), relative_days(today, on))
        }
        ContactStatus::DueToday => format!("Today, {}", format_date(today)),
        ContactStatus::Overdue { since, days: 1 } => {
            format!("{}: overdue by 1 day", format_date(since))
        }
        ContactStatus::Overdue { since, days } => {
            format!("{}: overdue by {days} days", format_date(since))
        }
    }
}

#[cfg(test)]
#[path = "contact_form_tests.rs"]
mod tests;
