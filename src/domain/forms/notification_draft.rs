//! A notification as it is being recorded: every field as typed, kept as a draft, the
//! condition that carries the duty, and the [`Notification`] it becomes once the checks (in
//! [`notification_form`](crate::domain::forms::notification_form)) pass.

use crate::domain::cohort::aggregate::duty_condition;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::form::parse_entered_date;
use crate::domain::field::notification::{Notification, NotificationKind, Timeliness};
use crate::domain::forms::notification_form::{NotificationField, NotificationProblem};
use crate::domain::order::condition::Condition;

/// A notification being recorded, every field as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationDraft {
    #[serde(default)]
    pub kind: Option<NotificationKind>,
    /// The condition that carries the duty (`None`: no condition sets a deadline for it).
    #[serde(default)]
    pub condition_id: Option<String>,
    #[serde(default)]
    pub details: String,
    /// When it happened (for travel: when the travel starts), `yyyy-mm-dd`.
    #[serde(default)]
    pub event_on: String,
    /// Police know of it but the nominal has not told them.
    #[serde(default)]
    pub not_told_yet: bool,
    /// When police were told, `yyyy-mm-dd`.
    #[serde(default)]
    pub notified_on: String,
}

impl NotificationDraft {
    /// A blank form: police told today.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            kind: None,
            condition_id: None,
            details: String::new(),
            event_on: String::new(),
            not_told_yet: false,
            notified_on: crate::domain::time::dates::iso_date(today),
        }
    }

    /// The day the duty is judged on: the day of the event once a real date is entered, else
    /// `today`.
    pub fn duty_day(&self, today: NaiveDate) -> NaiveDate {
        self.event_date().unwrap_or(today)
    }

    /// Choose the kind, and with it the condition that carries that duty on the day of the
    /// event (today until the date is entered).
    pub fn choose_kind(
        &mut self,
        kind: NotificationKind,
        cohort: &Cohort,
        nominal_id: &str,
        today: NaiveDate,
    ) {
        self.kind = Some(kind);
        let day = self.duty_day(today);
        self.condition_id = duty_condition(cohort, nominal_id, kind, day).map(|c| c.id.clone());
    }

    /// Enter the day of the event. When the condition chosen was not in force that day (a
    /// provision reworded since, with another deadline), the one carrying the duty that day
    /// is chosen instead: a notification is judged against the provision of its day.
    pub fn set_event_on(&mut self, value: String, cohort: &Cohort, nominal_id: &str) {
        self.event_on = value;
        let (Some(kind), Some(day)) = (self.kind, self.event_date()) else {
            return;
        };
        let chosen = self
            .condition_id
            .as_deref()
            .and_then(|id| cohort.condition(id));
        let in_force = chosen.is_some_and(|c| {
            cohort
                .orders
                .iter()
                .any(|o| o.id == c.order_id && c.in_force_on(o, day))
        });
        if chosen.is_some() && !in_force {
            self.condition_id = duty_condition(cohort, nominal_id, kind, day).map(|c| c.id.clone());
        }
    }

    /// The conditions to offer as the one setting the duty: those carrying a duty to notify in
    /// force on the day of the event (today until it is entered), worded as they were that
    /// day, and the one chosen if it is not among them.
    pub fn duties<'a>(
        &self,
        cohort: &'a Cohort,
        nominal_id: &str,
        today: NaiveDate,
    ) -> Vec<&'a Condition> {
        let mut list: Vec<&Condition> = cohort
            .live_conditions(nominal_id, self.duty_day(today))
            .into_iter()
            .filter(|c| c.notification.is_some())
            .collect();
        let chosen = self
            .condition_id
            .as_deref()
            .and_then(|id| cohort.condition(id));
        if let Some(c) = chosen.filter(|c| !list.iter().any(|x| x.id == c.id)) {
            list.push(c);
        }
        list
    }

    fn event_date(&self) -> Option<NaiveDate> {
        parse_entered_date(&self.event_on)
    }

    fn told_date(&self) -> Option<Option<NaiveDate>> {
        if self.not_told_yet {
            Some(None)
        } else {
            parse_entered_date(&self.notified_on).map(Some)
        }
    }

    /// How it stands against its deadline, as soon as the dates are filled in.
    pub fn preview(&self, cohort: &Cohort, today: NaiveDate) -> Option<Timeliness> {
        let n = self.to_unchecked(String::new(), "", "", NaiveDateTime::default())?;
        Some(cohort.timeliness(&n, today))
    }

    fn to_unchecked(
        &self,
        id: String,
        nominal_id: &str,
        officer_id: &str,
        now: NaiveDateTime,
    ) -> Option<Notification> {
        Some(Notification {
            id,
            nominal_id: nominal_id.to_string(),
            condition_id: self.condition_id.clone(),
            kind: self.kind?,
            details: self.details.trim().to_string(),
            event_on: self.event_date()?,
            notified_on: self.told_date()?,
            recorded_at: now,
            officer_id: officer_id.to_string(),
            corrects: None,
        })
    }

    /// The notification to record, or every problem with the form.
    pub fn to_notification(
        &self,
        id: String,
        nominal_id: &str,
        officer_id: &str,
        now: NaiveDateTime,
    ) -> Result<Notification, Vec<NotificationProblem>> {
        let problems = self.problems(now.date());
        if !problems.is_empty() {
            return Err(problems);
        }
        self.to_unchecked(id, nominal_id, officer_id, now)
            .ok_or_else(|| {
                vec![NotificationProblem::new(
                    NotificationField::Kind,
                    "Select what they notified",
                )]
            })
    }
}
