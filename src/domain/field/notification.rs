//! Notifications the nominal owes police, and whether each met its deadline.
//!
//! Telling probation does not satisfy a duty to notify police: a notification here is one that
//! reached police.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::order::condition::Deadline;
pub use crate::domain::order::notification_kind::NotificationKind;
use crate::domain::time::dates::days_between;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: String,
    pub nominal_id: String,
    /// The condition that imposes the duty, when there is one.
    #[serde(default)]
    pub condition_id: Option<String>,
    pub kind: NotificationKind,
    /// What was notified (e.g. the new number, the vehicle registration). Sensitive.
    pub details: String,
    /// When the thing happened (for travel: when the travel starts).
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub event_on: NaiveDate,
    /// When police were told. `None` while police know of the event but have not been told.
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub notified_on: Option<NaiveDate>,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub recorded_at: NaiveDateTime,
    pub officer_id: String,
    /// The record this one corrects (records are never edited after submission).
    #[serde(default)]
    pub corrects: Option<String>,
}

/// Whether a notification met its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "timeliness", rename_all = "snake_case")]
pub enum Timeliness {
    /// No deadline applies (no duty recorded for it).
    NoDeadline,
    InTime {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        last_day: NaiveDate,
    },
    Late {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        last_day: NaiveDate,
        days_late: i64,
    },
    /// Not yet notified, and the deadline has not passed.
    Outstanding {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        last_day: NaiveDate,
    },
    /// Not yet notified, and the deadline has passed.
    Overdue {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        last_day: NaiveDate,
        days_late: i64,
    },
}

impl Timeliness {
    /// A late or overdue notification may be a breach.
    pub fn is_breach(self) -> bool {
        matches!(self, Self::Late { .. } | Self::Overdue { .. })
    }

    pub fn is_outstanding(self) -> bool {
        matches!(self, Self::Outstanding { .. } | Self::Overdue { .. })
    }
}

impl Notification {
    /// Judge the notification against the duty's deadline as it stands on `today`.
    pub fn timeliness(&self, deadline: Option<Deadline>, today: NaiveDate) -> Timeliness {
        let Some(deadline) = deadline else {
            return Timeliness::NoDeadline;
        };
        let last_day = deadline.last_day(self.event_on);
        match self.notified_on {
            Some(told) if told <= last_day => Timeliness::InTime { last_day },
            Some(told) => Timeliness::Late {
                last_day,
                days_late: days_between(last_day, told),
            },
            None if today <= last_day => Timeliness::Outstanding { last_day },
            None => Timeliness::Overdue {
                last_day,
                days_late: days_between(last_day, today),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::dates::ymd;

    fn phone(event_on: NaiveDate, notified_on: Option<NaiveDate>) -> Notification {
        Notification {
            id: "NT-1".into(),
            nominal_id: "N-T1".into(),
            condition_id: Some("C-1".into()),
            kind: NotificationKind::NewPhone,
            details: "07700 900123".into(),
            event_on,
            notified_on,
            recorded_at: ymd(2026, 11, 24).and_hms_opt(10, 0, 0).unwrap(),
            officer_id: "PC-0001".into(),
            corrects: None,
        }
    }

    const THREE_DAYS: Deadline = Deadline::WithinDaysAfter { days: 3 };

    #[test]
    fn notifying_on_the_deadline_day_is_in_time() {
        let n = phone(ymd(2026, 11, 20), Some(ymd(2026, 11, 23)));
        assert_eq!(
            n.timeliness(Some(THREE_DAYS), ymd(2026, 11, 24)),
            Timeliness::InTime {
                last_day: ymd(2026, 11, 23)
            }
        );
    }

    #[test]
    fn the_day_after_the_deadline_is_late() {
        let n = phone(ymd(2026, 11, 20), Some(ymd(2026, 11, 24)));
        let t = n.timeliness(Some(THREE_DAYS), ymd(2026, 11, 24));
        assert_eq!(
            t,
            Timeliness::Late {
                last_day: ymd(2026, 11, 23),
                days_late: 1
            }
        );
        assert!(t.is_breach());
    }

    #[test]
    fn deadline_across_29_february() {
        let n = phone(ymd(2028, 2, 27), Some(ymd(2028, 3, 1)));
        assert!(matches!(
            n.timeliness(Some(THREE_DAYS), ymd(2028, 3, 1)),
            Timeliness::InTime { .. }
        ));
        let n = phone(ymd(2027, 2, 27), Some(ymd(2027, 3, 3)));
        assert!(n.timeliness(Some(THREE_DAYS), ymd(2027, 3, 3)).is_breach());
    }

    #[test]
    fn not_yet_notified_is_outstanding_then_overdue() {
        let n = phone(ymd(2026, 11, 20), None);
        let t = n.timeliness(Some(THREE_DAYS), ymd(2026, 11, 23));
        assert_eq!(
            t,
            Timeliness::Outstanding {
                last_day: ymd(2026, 11, 23)
            }
        );
        assert!(t.is_outstanding() && !t.is_breach());
        let t = n.timeliness(Some(THREE_DAYS), ymd(2026, 11, 25));
        assert_eq!(
            t,
            Timeliness::Overdue {
                last_day: ymd(2026, 11, 23),
                days_late: 2
            }
        );
        assert!(t.is_breach());
    }

    #[test]
    fn travel_must_be_requested_seven_clear_days_ahead() {
        // Travel on 8 Dec: 1-7 Dec are the seven clear days, so 30 Nov is the last day in
        // time and 1 Dec is late (neither the day of notice nor the day of travel counts).
        let before = Deadline::DaysBefore { days: 7 };
        let mut n = phone(ymd(2026, 12, 8), Some(ymd(2026, 11, 30)));
        n.kind = NotificationKind::TravelRequest;
        assert_eq!(
            n.timeliness(Some(before), ymd(2026, 11, 30)),
            Timeliness::InTime {
                last_day: ymd(2026, 11, 30)
            }
        );
        n.notified_on = Some(ymd(2026, 12, 1));
        assert_eq!(
            n.timeliness(Some(before), ymd(2026, 12, 1)),
            Timeliness::Late {
                last_day: ymd(2026, 11, 30),
                days_late: 1
            }
        );
    }

    #[test]
    fn no_duty_means_no_deadline() {
        let n = phone(ymd(2026, 11, 1), Some(ymd(2026, 11, 24)));
        assert_eq!(
            n.timeliness(None, ymd(2026, 11, 24)),
            Timeliness::NoDeadline
        );
    }
}
