//! Conditions (the order's provisions) and the statutory families they fall in (s.5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::notification::NotificationKind;
use super::order::Order;

/// The families of provision in s.5, plus the notification requirements most orders carry and
/// a catch-all. The order of the variants is the order the app lists them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionFamily {
    FinancialPropertyBusiness,
    WorkingArrangements,
    AssociationsCommunications,
    Premises,
    UseOfItems,
    Travel,
    NotificationRequirements,
    Other,
}

impl ProvisionFamily {
    pub const ALL: [ProvisionFamily; 8] = [
        Self::FinancialPropertyBusiness,
        Self::WorkingArrangements,
        Self::AssociationsCommunications,
        Self::Premises,
        Self::UseOfItems,
        Self::Travel,
        Self::NotificationRequirements,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::FinancialPropertyBusiness => "Financial, property or business dealings",
            Self::WorkingArrangements => "Working arrangements",
            Self::AssociationsCommunications => "Associations and communications",
            Self::Premises => "Premises",
            Self::UseOfItems => "Use of items",
            Self::Travel => "Travel",
            Self::NotificationRequirements => "Notification requirements",
            Self::Other => "Other",
        }
    }
}

/// When a notification must reach police, counted from the event it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Deadline {
    /// Within N days after the event (e.g. a new phone "within 3 days"). The event day is day 0,
    /// so notifying on day N is in time and day N+1 is late.
    WithinDaysAfter { days: u32 },
    /// At least N days before the event (e.g. travel abroad "7 days in advance").
    DaysBefore { days: u32 },
}

impl Deadline {
    /// The last day on which the notification is in time, for an event on `event_on`.
    pub fn last_day(self, event_on: NaiveDate) -> NaiveDate {
        match self {
            Self::WithinDaysAfter { days } => event_on + chrono::Days::new(days.into()),
            Self::DaysBefore { days } => event_on - chrono::Days::new(days.into()),
        }
    }

    pub fn describe(self) -> String {
        match self {
            Self::WithinDaysAfter { days: 0 } => "the same day".to_string(),
            Self::WithinDaysAfter { days: 1 } => "within 1 day".to_string(),
            Self::WithinDaysAfter { days } => format!("within {days} days"),
            Self::DaysBefore { days: 1 } => "at least 1 day before".to_string(),
            Self::DaysBefore { days } => format!("at least {days} days before"),
        }
    }
}

/// A duty on the nominal to tell police something, with its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationDuty {
    pub kind: NotificationKind,
    pub deadline: Deadline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub id: String,
    pub order_id: String,
    pub family: ProvisionFamily,
    /// The wording exactly as granted by the court.
    pub verbatim: String,
    /// A plain-English summary for the officer and the nominal.
    pub summary: String,
    /// Its own start, when it differs from the order's (s.16 lets provisions differ).
    #[serde(default)]
    pub starts: Option<NaiveDate>,
    /// Its own last day, when it differs from the order's.
    #[serde(default)]
    pub ends: Option<NaiveDate>,
    /// Mirrored in the licence: a breach of one is a breach of the other.
    #[serde(default)]
    pub mirrored_in_licence: bool,
    #[serde(default)]
    pub notification: Option<NotificationDuty>,
    /// The condition this one replaced under a variation, if any.
    #[serde(default)]
    pub replaces: Option<String>,
}

impl Condition {
    /// In force on `day`: the order is live and the day falls within the condition's own dates.
    pub fn in_force_on(&self, order: &Order, day: NaiveDate) -> bool {
        if !order.is_live_on(day) {
            return false;
        }
        let started = self.starts.is_none_or(|s| s <= day);
        let not_ended = self.ends.is_none_or(|e| day <= e);
        started && not_ended
    }
}

/// Conditions grouped by family in display order, skipping empty families.
pub fn group_by_family<'a>(
    conditions: impl IntoIterator<Item = &'a Condition>,
) -> Vec<(ProvisionFamily, Vec<&'a Condition>)> {
    let all: Vec<&Condition> = conditions.into_iter().collect();
    ProvisionFamily::ALL
        .iter()
        .filter_map(|f| {
            let in_family: Vec<&Condition> =
                all.iter().copied().filter(|c| c.family == *f).collect();
            (!in_family.is_empty()).then_some((*f, in_family))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::ymd;
    use crate::domain::order::OrderStage;

    fn order() -> Order {
        Order {
            id: "O-T1".into(),
            nominal_id: "N-T1".into(),
            court_reference: "T1".into(),
            court: "Crown Court at Testville".into(),
            stage: OrderStage::Granted {
                date_granted: ymd(2026, 1, 1),
                comes_into_force: Some(ymd(2026, 11, 24)),
                ends: ymd(2031, 11, 23),
            },
            variations: vec![],
        }
    }

    fn condition(family: ProvisionFamily) -> Condition {
        Condition {
            id: format!("C-{family:?}"),
            order_id: "O-T1".into(),
            family,
            verbatim: "Not to ...".into(),
            summary: "No ...".into(),
            starts: None,
            ends: None,
            mirrored_in_licence: false,
            notification: None,
            replaces: None,
        }
    }

    #[test]
    fn a_condition_follows_the_order_unless_it_has_its_own_dates() {
        let o = order();
        let mut c = condition(ProvisionFamily::Travel);
        assert!(!c.in_force_on(&o, ymd(2026, 11, 23)));
        assert!(c.in_force_on(&o, ymd(2026, 11, 24)));
        c.starts = Some(ymd(2027, 1, 1));
        c.ends = Some(ymd(2027, 12, 31));
        assert!(!c.in_force_on(&o, ymd(2026, 12, 31)));
        assert!(c.in_force_on(&o, ymd(2027, 1, 1)));
        assert!(c.in_force_on(&o, ymd(2027, 12, 31)));
        assert!(!c.in_force_on(&o, ymd(2028, 1, 1)));
    }

    #[test]
    fn deadline_day_is_in_time_and_the_next_is_late() {
        let d = Deadline::WithinDaysAfter { days: 3 };
        assert_eq!(d.last_day(ymd(2026, 11, 24)), ymd(2026, 11, 27));
        assert_eq!(d.last_day(ymd(2028, 2, 27)), ymd(2028, 3, 1));
        let before = Deadline::DaysBefore { days: 7 };
        assert_eq!(before.last_day(ymd(2026, 12, 1)), ymd(2026, 11, 24));
        assert_eq!(d.describe(), "within 3 days");
        assert_eq!(before.describe(), "at least 7 days before");
    }

    #[test]
    fn groups_in_statutory_order_and_skips_empty_families() {
        let cs = [
            condition(ProvisionFamily::Travel),
            condition(ProvisionFamily::FinancialPropertyBusiness),
            condition(ProvisionFamily::Travel),
        ];
        let groups = group_by_family(&cs);
        let families: Vec<_> = groups.iter().map(|(f, cs)| (*f, cs.len())).collect();
        assert_eq!(
            families,
            vec![
                (ProvisionFamily::FinancialPropertyBusiness, 1),
                (ProvisionFamily::Travel, 2)
            ]
        );
    }
}
