//! The contact plan agreed by the DS and the offender manager, contacts, and when the next
//! contact is due.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    HomeVisit,
    UnannouncedHomeVisit,
    OfficeReport,
    Phone,
    Video,
}

impl ContactKind {
    pub const ALL: [ContactKind; 5] = [
        Self::HomeVisit,
        Self::UnannouncedHomeVisit,
        Self::OfficeReport,
        Self::Phone,
        Self::Video,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::HomeVisit => "Home visit",
            Self::UnannouncedHomeVisit => "Unannounced home visit",
            Self::OfficeReport => "Office report",
            Self::Phone => "Phone call",
            Self::Video => "Video call",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    NoConcerns,
    ConcernsRecorded,
    NotSeen,
}

impl ContactOutcome {
    pub fn label(self) -> &'static str {
        match self {
            Self::NoConcerns => "No concerns",
            Self::ConcernsRecorded => "Concerns recorded",
            Self::NotSeen => "Not seen",
        }
    }
}

/// How often the nominal is to be contacted, as agreed by the DS and the officer from the
/// order's terms, the risk rating and current intelligence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPlan {
    pub nominal_id: String,
    pub every_days: u32,
    pub agreed_by: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub agreed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub nominal_id: String,
    pub kind: ContactKind,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub at: NaiveDateTime,
    /// Was the nominal seen (or, for a call, spoken to)?
    pub seen: bool,
    pub outcome: ContactOutcome,
    #[serde(default)]
    pub notes: String,
    pub officer_id: String,
    #[serde(default)]
    pub corrects: Option<String>,
}

/// Where the nominal stands against their contact plan today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "contact", rename_all = "snake_case")]
pub enum ContactStatus {
    /// In custody: no contact is due until release.
    NotDueUntilRelease {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        release_on: NaiveDate,
    },
    Due {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        on: NaiveDate,
    },
    DueToday,
    Overdue {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        since: NaiveDate,
        days: i64,
    },
}

impl ContactStatus {
    pub fn is_overdue(self) -> bool {
        matches!(self, Self::Overdue { .. })
    }

    /// The day the next contact is due.
    pub fn due_on(self, today: NaiveDate) -> NaiveDate {
        match self {
            Self::NotDueUntilRelease { release_on } => release_on,
            Self::Due { on } => on,
            Self::DueToday => today,
            Self::Overdue { since, .. } => since,
        }
    }
}

/// The day the next contact is due: the plan's interval after the last contact in which the
/// nominal was seen (an attempt that did not see them does not count). With no contact since
/// release, the release day itself, when the briefing takes place.
pub fn next_contact_due(
    plan: &ContactPlan,
    contacts: &[Contact],
    release_on: NaiveDate,
) -> NaiveDate {
    let last_seen = contacts
        .iter()
        .filter(|c| c.seen && c.nominal_id == plan.nominal_id && c.at.date() >= release_on)
        .map(|c| c.at.date())
        .max();
    match last_seen {
        Some(d) => d
            .checked_add_days(chrono::Days::new(plan.every_days.into()))
            .unwrap_or(NaiveDate::MAX),
        None => release_on,
    }
}

/// The nominal's contact status on `today`.
pub fn contact_status(
    plan: &ContactPlan,
    contacts: &[Contact],
    release_on: NaiveDate,
    today: NaiveDate,
) -> ContactStatus {
    if today < release_on {
        return ContactStatus::NotDueUntilRelease { release_on };
    }
    let due = next_contact_due(plan, contacts, release_on);
    match crate::domain::time::dates::days_between(due, today) {
        0 => ContactStatus::DueToday,
        n if n > 0 => ContactStatus::Overdue {
            since: due,
            days: n,
        },
        _ => ContactStatus::Due { on: due },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::dates::ymd;

    fn plan(every_days: u32) -> ContactPlan {
        ContactPlan {
            nominal_id: "N-T1".into(),
            every_days,
            agreed_by: "DS Sample".into(),
            agreed_on: ymd(2026, 1, 1),
        }
    }

    fn contact(on: NaiveDate, seen: bool) -> Contact {
        Contact {
            id: format!("K-{on}"),
            nominal_id: "N-T1".into(),
            kind: ContactKind::HomeVisit,
            at: on.and_hms_opt(10, 30, 0).unwrap(),
            seen,
            outcome: if seen {
                ContactOutcome::NoConcerns
            } else {
                ContactOutcome::NotSeen
            },
            notes: String::new(),
            officer_id: "PC-0001".into(),
            corrects: None,
        }
    }

    #[test]
    fn first_contact_is_due_on_release_day() {
        let released = ymd(2026, 11, 24);
        assert_eq!(next_contact_due(&plan(14), &[], released), released);
        assert_eq!(
            contact_status(&plan(14), &[], released, released),
            ContactStatus::DueToday
        );
        assert_eq!(
            contact_status(&plan(14), &[], released, ymd(2026, 11, 23)),
            ContactStatus::NotDueUntilRelease {
                release_on: released
            }
        );
    }

    #[test]
    fn next_due_counts_from_the_last_seen_contact() {
        let released = ymd(2026, 10, 1);
        let contacts = [
            contact(ymd(2026, 11, 1), true),
            contact(ymd(2026, 11, 10), false),
        ];
        assert_eq!(
            next_contact_due(&plan(14), &contacts, released),
            ymd(2026, 11, 15)
        );
    }

    #[test]
    fn overdue_from_the_day_after_it_was_due() {
        let released = ymd(2026, 10, 1);
        let contacts = [contact(ymd(2026, 11, 10), true)];
        let p = plan(14);
        assert_eq!(
            contact_status(&p, &contacts, released, ymd(2026, 11, 23)),
            ContactStatus::Due {
                on: ymd(2026, 11, 24)
            }
        );
        assert_eq!(
            contact_status(&p, &contacts, released, ymd(2026, 11, 24)),
            ContactStatus::DueToday
        );
        let s = contact_status(&p, &contacts, released, ymd(2026, 11, 26));
        assert_eq!(
            s,
            ContactStatus::Overdue {
                since: ymd(2026, 11, 24),
                days: 2
            }
        );
        assert!(s.is_overdue());
    }

    #[test]
    fn contacts_before_release_do_not_count() {
        let released = ymd(2026, 11, 24);
        let contacts = [contact(ymd(2026, 11, 20), true)];
        assert_eq!(next_contact_due(&plan(7), &contacts, released), released);
    }

    #[test]
    fn recording_a_contact_moves_next_due_at_once() {
        let released = ymd(2026, 10, 1);
        let mut contacts = vec![contact(ymd(2026, 10, 1), true)];
        let p = plan(28);
        assert!(contact_status(&p, &contacts, released, ymd(2026, 11, 24)).is_overdue());
        contacts.push(contact(ymd(2026, 11, 24), true));
        assert_eq!(
            contact_status(&p, &contacts, released, ymd(2026, 11, 24)),
            ContactStatus::Due {
                on: ymd(2026, 12, 22)
            }
        );
    }
}
