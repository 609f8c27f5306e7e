//! Recording what a nominal notified: the form as typed (kept as a draft), the condition that
//! carries the duty, whether it met the deadline in words an officer can read out, the order a
//! nominal's notifications are reviewed in, and the facts a late one gives a breach report.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::breach_form::BreachDraft;
use super::cohort::Cohort;
use super::condition::{Condition, Deadline};
use super::dates::format_date;
use super::notification::{Notification, NotificationKind, Timeliness};

/// Longest details accepted, in characters.
pub const MAX_DETAILS_CHARS: usize = 5_000;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationField {
    Kind,
    Details,
    EventOn,
    NotifiedOn,
}

impl NotificationField {
    pub fn id(self) -> &'static str {
        match self {
            Self::Kind => "notification-kind",
            Self::Details => "notification-details",
            Self::EventOn => "event-on",
            Self::NotifiedOn => "notified-on",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationProblem {
    pub field: NotificationField,
    pub message: String,
}

fn problem(field: NotificationField, message: impl Into<String>) -> NotificationProblem {
    NotificationProblem {
        field,
        message: message.into(),
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    super::dates::parse_entered_date(s)
}

/// The condition of the nominal's order, in force on `today`, that obliges them to notify
/// police of this kind of thing.
pub fn duty_condition<'a>(
    cohort: &'a Cohort,
    nominal_id: &str,
    kind: NotificationKind,
    today: NaiveDate,
) -> Option<&'a Condition> {
    cohort
        .live_conditions(nominal_id, today)
        .into_iter()
        .find(|c| c.notification.as_ref().is_some_and(|d| d.kind == kind))
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
            notified_on: today.format("%Y-%m-%d").to_string(),
        }
    }

    /// Choose the kind, and with it the condition that carries that duty.
    pub fn choose_kind(
        &mut self,
        kind: NotificationKind,
        cohort: &Cohort,
        nominal_id: &str,
        today: NaiveDate,
    ) {
        self.kind = Some(kind);
        self.condition_id = duty_condition(cohort, nominal_id, kind, today).map(|c| c.id.clone());
    }

    fn event_date(&self) -> Option<NaiveDate> {
        parse_date(&self.event_on)
    }

    fn told_date(&self) -> Option<Option<NaiveDate>> {
        if self.not_told_yet {
            Some(None)
        } else {
            parse_date(&self.notified_on).map(Some)
        }
    }

    /// Every problem with the form, in the order the fields appear.
    pub fn problems(&self, today: NaiveDate) -> Vec<NotificationProblem> {
        let mut out = Vec::new();
        if self.kind.is_none() {
            out.push(problem(
                NotificationField::Kind,
                "Select what they notified",
            ));
        }
        let details = self.details.trim();
        if details.is_empty() {
            out.push(problem(
                NotificationField::Details,
                "Enter the details, such as the number, registration or address",
            ));
        } else if details.chars().count() > MAX_DETAILS_CHARS {
            out.push(problem(
                NotificationField::Details,
                "Details must be 5,000 characters or fewer",
            ));
        }
        let travel = self.kind == Some(NotificationKind::TravelRequest);
        match self.event_on.trim() {
            "" if travel => out.push(problem(
                NotificationField::EventOn,
                "Enter the date the travel starts",
            )),
            "" => out.push(problem(
                NotificationField::EventOn,
                "Enter the date it happened",
            )),
            s => match parse_date(s) {
                None => out.push(problem(
                    NotificationField::EventOn,
                    "The date must be a real date",
                )),
                Some(d) if !travel && d > today => out.push(problem(
                    NotificationField::EventOn,
                    "The date it happened must be today or in the past",
                )),
                Some(_) => {}
            },
        }
        if !self.not_told_yet {
            match self.notified_on.trim() {
                "" => out.push(problem(
                    NotificationField::NotifiedOn,
                    "Enter the date police were told, or select that they have not been told",
                )),
                s => match parse_date(s) {
                    None => out.push(problem(
                        NotificationField::NotifiedOn,
                        "The date police were told must be a real date",
                    )),
                    Some(d) if d > today => out.push(problem(
                        NotificationField::NotifiedOn,
                        "The date police were told must be today or in the past",
                    )),
                    Some(_) => {}
                },
            }
        }
        out
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
                vec![problem(
                    NotificationField::Kind,
                    "Select what they notified",
                )]
            })
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// Whether it met the deadline, in a sentence: "Late: due by 20 Nov 2026, told 24 Nov 2026
/// (4 days late)".
pub fn describe_timeliness(t: Timeliness, notified_on: Option<NaiveDate>) -> String {
    let told = notified_on.map(format_date).unwrap_or_default();
    match t {
        Timeliness::NoDeadline => match notified_on {
            Some(_) => format!("No deadline applies; told {told}"),
            None => "No deadline applies; not yet told".to_string(),
        },
        Timeliness::InTime { last_day } => {
            format!("In time: due by {}, told {told}", format_date(last_day))
        }
        Timeliness::Late {
            last_day,
            days_late,
        } => format!(
            "Late: due by {}, told {told} ({} late)",
            format_date(last_day),
            days(days_late)
        ),
        Timeliness::Outstanding { last_day } => {
            format!(
                "Outstanding: due by {}, not yet told",
                format_date(last_day)
            )
        }
        Timeliness::Overdue {
            last_day,
            days_late,
        } => format!(
            "Overdue: due by {}, not yet told ({} overdue)",
            format_date(last_day),
            days(days_late)
        ),
    }
}

/// Review order: not yet notified (overdue, then outstanding), then late, then the rest; most
/// recent first within each.
pub fn review_order<'a>(
    cohort: &Cohort,
    mut list: Vec<&'a Notification>,
    today: NaiveDate,
) -> Vec<&'a Notification> {
    let rank = |n: &Notification| match cohort.timeliness(n, today) {
        Timeliness::Overdue { .. } => 0,
        Timeliness::Outstanding { .. } => 1,
        Timeliness::Late { .. } => 2,
        Timeliness::InTime { .. } | Timeliness::NoDeadline => 3,
    };
    list.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.event_on.cmp(&a.event_on))
            .then(b.recorded_at.cmp(&a.recorded_at))
    });
    list
}

/// What the nominal should have told police about, for a sentence.
fn kind_phrase(kind: NotificationKind) -> &'static str {
    match kind {
        NotificationKind::NewPhone => "a new phone",
        NotificationKind::Vehicle => "a vehicle used",
        NotificationKind::Address => "a change of address",
        NotificationKind::BankAccount => "a bank account",
        NotificationKind::Business => "a business interest",
        NotificationKind::Employment => "employment",
        NotificationKind::TravelRequest => "travel",
        NotificationKind::Other => "a matter the order requires",
    }
}

/// What was seen, for a breach report on a late or overdue notification, e.g. "Did not notify
/// police of a new phone within 3 days: due by 20 Nov 2026, told on 24 Nov 2026 (4 days
/// late)." `None` when it was not late.
pub fn failure_to_notify(
    n: &Notification,
    deadline: Deadline,
    t: Timeliness,
    today: NaiveDate,
) -> Option<String> {
    let what = kind_phrase(n.kind);
    let rule = deadline.describe();
    let (rule, event) = match n.kind {
        NotificationKind::TravelRequest => (
            format!("{rule} it started"),
            format!("the travel starts on {}", format_date(n.event_on)),
        ),
        _ => (rule, format!("it happened on {}", format_date(n.event_on))),
    };
    let details = n.details.trim();
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" Details: {details}")
    };
    match t {
        Timeliness::Late {
            last_day,
            days_late,
        } => Some(format!(
            "Did not notify police of {what} {rule}: {event}, so police had to be told by {}; told on {} ({} late).{details}",
            format_date(last_day),
            n.notified_on.map(format_date).unwrap_or_default(),
            days(days_late),
        )),
        Timeliness::Overdue {
            last_day,
            days_late,
        } => Some(format!(
            "Did not notify police of {what} {rule}: {event}, so police had to be told by {}; still not told on {} ({} overdue).{details}",
            format_date(last_day),
            format_date(today),
            days(days_late),
        )),
        _ => None,
    }
}

/// Where a failure to notify happened, for the breach report.
pub const FAILURE_TO_NOTIFY_LOCATION: &str = "Not applicable: a failure to notify police";

/// A breach report started from a late or overdue notification: the condition, the day the
/// deadline was missed (the first day late), and what was seen, filled in. `None` when the
/// notification was in time or has no deadline.
pub fn breach_from_notification(
    cohort: &Cohort,
    n: &Notification,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Option<BreachDraft> {
    let condition = cohort.condition(n.condition_id.as_deref()?)?;
    let deadline = condition.notification.as_ref()?.deadline;
    let t = cohort.timeliness(n, today);
    let seen = failure_to_notify(n, deadline, t, today)?;
    let last_day = match t {
        Timeliness::Late { last_day, .. } | Timeliness::Overdue { last_day, .. } => last_day,
        _ => return None,
    };
    let first_late = last_day.checked_add_days(Days::new(1))?;
    let mut draft = BreachDraft::new(&n.nominal_id, now);
    draft.condition_ids = vec![condition.id.clone()];
    draft.now = false;
    draft.date = first_late.format("%Y-%m-%d").to_string();
    draft.time = "00:00".to_string();
    draft.location = FAILURE_TO_NOTIFY_LOCATION.to_string();
    draft.what_was_seen = seen;
    draft.from_notification = Some(n.id.clone());
    Some(draft)
}

#[cfg(test)]
#[path = "notification_form_tests.rs"]
mod tests;
