//! Recording what a nominal notified: the checks on the form, whether it met the deadline in
//! words an officer can read out, the order a nominal's notifications are reviewed in, and the
//! facts a late one gives a breach report. The form as typed is a [`NotificationDraft`]
//! (`notification_draft`).

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::domain::cohort::aggregate::duty_condition;
use crate::domain::cohort::aggregate::Cohort;
pub use crate::domain::common::form::MAX_TEXT_CHARS as MAX_DETAILS_CHARS;
use crate::domain::common::form::{entered_date, required_text_problem, FieldProblem};
use crate::domain::field::notification::{Notification, NotificationKind, Timeliness};
use crate::domain::forms::breach_form::BreachDraft;
pub use crate::domain::forms::notification_draft::NotificationDraft;
use crate::domain::order::condition::Deadline;
use crate::domain::time::dates::format_date;

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

/// Something that stops the notification being recorded, worded for the officer.
pub type NotificationProblem = FieldProblem<NotificationField>;

impl NotificationDraft {
    /// Every problem with the form, in the order the fields appear.
    pub fn problems(&self, today: NaiveDate) -> Vec<NotificationProblem> {
        let mut out = Vec::new();
        if self.kind.is_none() {
            out.push(NotificationProblem::new(
                NotificationField::Kind,
                "Select what they notified",
            ));
        }
        let details = required_text_problem(
            &self.details,
            "Enter the details, such as the number, registration or address",
            "Details",
        );
        out.extend(details.map(|m| NotificationProblem::new(NotificationField::Details, m)));
        let travel = self.kind == Some(NotificationKind::TravelRequest);
        let event_missing = if travel {
            "Enter the date the travel starts"
        } else {
            "Enter the date it happened"
        };
        let event = match entered_date(&self.event_on, event_missing, "The date") {
            Ok(d) if !travel && d > today => {
                Some("The date it happened must be today or in the past".to_string())
            }
            Ok(_) => None,
            Err(m) => Some(m),
        };
        out.extend(event.map(|m| NotificationProblem::new(NotificationField::EventOn, m)));
        if !self.not_told_yet {
            let told = match entered_date(
                &self.notified_on,
                "Enter the date police were told, or select that they have not been told",
                "The date police were told",
            ) {
                Ok(d) if d > today => {
                    Some("The date police were told must be today or in the past".to_string())
                }
                Ok(_) => None,
                Err(m) => Some(m),
            };
            out.extend(told.map(|m| NotificationProblem::new(NotificationField::NotifiedOn, m)));
        }
        out
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

/// The timeliness as shown on one line: the coloured tag ("Late by 4 days") and the sentence
/// after it, which gives the dates and does not repeat what the tag says ("Due by 20 Nov 2026,
/// told 24 Nov 2026"). With no tag, the whole sentence of [`describe_timeliness`].
pub fn timeliness_line(
    t: Timeliness,
    notified_on: Option<NaiveDate>,
) -> (
    Option<(String, crate::domain::timeline::entries::Tone)>,
    String,
) {
    let told = notified_on.map(format_date).unwrap_or_default();
    let sentence = match t {
        Timeliness::NoDeadline => describe_timeliness(t, notified_on),
        Timeliness::InTime { last_day } | Timeliness::Late { last_day, .. } => {
            format!("Due by {}, told {told}", format_date(last_day))
        }
        // The tag already says "due by" and the date.
        Timeliness::Outstanding { .. } => String::new(),
        Timeliness::Overdue { last_day, .. } => format!("Due by {}", format_date(last_day)),
    };
    (
        crate::domain::timeline::entries::timeliness_tag(t),
        sentence,
    )
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
    crate::domain::common::sort::sort_by(&mut list, |a, b| {
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

/// A breach report started from a late or overdue notification: the provision in force on the
/// day of the event (whose deadline it was judged against), the day the deadline was missed
/// (the last day in time, with no time: a failure to notify happens on a day), and what was
/// seen, filled in. `None` when the notification was in time or has no deadline.
pub fn breach_from_notification(
    cohort: &Cohort,
    n: &Notification,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Option<BreachDraft> {
    let condition = cohort.duty_for(n)?;
    let deadline = condition.notification.as_ref()?.deadline;
    let t = cohort.timeliness(n, today);
    let seen = failure_to_notify(n, deadline, t, today)?;
    let last_day = match t {
        Timeliness::Late { last_day, .. } | Timeliness::Overdue { last_day, .. } => last_day,
        _ => return None,
    };
    let mut draft = BreachDraft::new(&n.nominal_id, now);
    draft.condition_ids = vec![condition.id.clone()];
    draft.now = false;
    draft.date = crate::domain::time::dates::iso_date(last_day);
    draft.location = FAILURE_TO_NOTIFY_LOCATION.to_string();
    draft.what_was_seen = seen;
    draft.from_notification = Some(n.id.clone());
    Some(draft)
}

#[cfg(test)]
#[path = "notification_form_tests.rs"]
mod tests;
