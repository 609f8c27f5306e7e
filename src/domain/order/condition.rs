//! Conditions (the order's provisions) and the statutory families they fall in (s.5).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::order::notification_kind::NotificationKind;
use crate::domain::order::scpo::{Order, Variation};

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
#[serde(
    tag = "rule",
    rename_all = "snake_case",
    try_from = "crate::domain::order::tagged::DeadlineRaw"
)]
pub enum Deadline {
    /// Within N days after the event (e.g. a new phone "within 3 days").
    ///
    /// Rule: the event day is day 0, so the last day in time is the event day plus N: a phone
    /// acquired on 24 Nov with a 3-day duty may be notified up to and including 27 Nov, and
    /// 28 Nov is late. Source: DOMAIN.md ("Field work": "within N days after" counts the event
    /// day as day 0), which follows the general rule that a period running "after" or "from" a
    /// day leaves that day out.
    WithinDaysAfter { days: u32 },
    /// At least N days before the event (e.g. travel abroad "7 days in advance").
    ///
    /// Rule: N **clear** days, so neither the day of notice nor the day of the event counts:
    /// the last day in time is the event day minus (N + 1). For travel on 8 Dec with a 7-day
    /// duty, the days 1–7 Dec must lie between notice and travel, so notice on 30 Nov is in
    /// time and on 1 Dec is late. Source: "at least" or "not less than" N days means N clear
    /// days (*R v Turner* [1910] 1 KB 346; *Re Hector Whaling Ltd* [1936] Ch 208; DOMAIN.md,
    /// "Field work").
    DaysBefore { days: u32 },
}

/// The most days a deadline may be set at in a cohort file (a year).
pub const MAX_DEADLINE_DAYS: u32 = 365;

impl Deadline {
    /// The last day on which the notification is in time, for an event on `event_on` (see the
    /// variants for the rule and its source). Never panics: a deadline that would fall outside
    /// the calendar is taken as its first or last day (import refuses such deadlines anyway).
    pub fn last_day(self, event_on: NaiveDate) -> NaiveDate {
        match self {
            Self::WithinDaysAfter { days } => event_on
                .checked_add_days(chrono::Days::new(days.into()))
                .unwrap_or(NaiveDate::MAX),
            Self::DaysBefore { days } => event_on
                .checked_sub_days(chrono::Days::new(u64::from(days) + 1))
                .unwrap_or(NaiveDate::MIN),
        }
    }

    /// The number of days the duty gives.
    pub fn days(self) -> u32 {
        match self {
            Self::WithinDaysAfter { days } | Self::DaysBefore { days } => days,
        }
    }

    pub fn describe(self) -> String {
        match self {
            Self::WithinDaysAfter { days: 0 } => "the same day".to_string(),
            Self::WithinDaysAfter { days: 1 } => "within 1 day".to_string(),
            Self::WithinDaysAfter { days } => format!("within {days} days"),
            Self::DaysBefore { days: 1 } => "at least 1 clear day before".to_string(),
            Self::DaysBefore { days } => format!("at least {days} clear days before"),
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
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub starts: Option<NaiveDate>,
    /// Its own last day, when it differs from the order's.
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
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

/// Why a condition is not in force on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotInForce {
    /// The order itself is not live; the words say why.
    OrderNotLive(String),
    /// The provision's own start is later.
    NotStarted { starts: NaiveDate },
    /// The provision's own last day has passed.
    Ended { ended: NaiveDate },
    /// A variation adds the provision from a later day.
    AddedByVariation { from: NaiveDate, court: String },
    /// A variation ended the provision; its last day was the day before `from`.
    EndedByVariation { from: NaiveDate, court: String },
}

impl std::fmt::Display for NotInForce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::time::dates::format_date;
        match self {
            Self::OrderNotLive(why) => f.write_str(why),
            Self::NotStarted { starts } => {
                write!(f, "this provision starts on {}", format_date(*starts))
            }
            Self::Ended { ended } => write!(f, "this provision ended on {}", format_date(*ended)),
            Self::AddedByVariation { from, court } => write!(
                f,
                "this provision was added by a variation ({court}) from {}",
                format_date(*from)
            ),
            Self::EndedByVariation { from, court } => write!(
                f,
                "this provision was ended by a variation ({court}) from {}",
                format_date(*from)
            ),
        }
    }
}

/// Where an order's variations leave a provision on a day.
#[derive(Clone, Copy)]
enum ByVariations<'a> {
    /// Standing: granted with the order, or added (perhaps back) by a variation.
    Stands,
    /// Not granted with the order: the first variation to name it adds it later.
    NotYetAdded(&'a Variation),
    /// Ended by the variation named, the last to name it by the day.
    Ended(&'a Variation),
}

impl Condition {
    /// In force on `day`: the order is live, the day falls within the condition's own dates,
    /// and the variations replayed up to that day leave it standing.
    pub fn in_force_on(&self, order: &Order, day: NaiveDate) -> bool {
        self.why_not_in_force(order, day, None).is_none()
    }

    /// The variations replayed in order ([`Order::variations_in_order`]) up to `day`: the last
    /// to name this provision decides (ended, or added perhaps back; naming it in both lists
    /// leaves it standing). Before any has, a provision granted with the order stands, whatever
    /// later variations do; one the first variation to name it adds is not in force yet.
    fn by_variations<'a>(&self, order: &'a Order, day: NaiveDate) -> ByVariations<'a> {
        let mut state = ByVariations::Stands;
        let mut named = false;
        for v in order.variations_in_order() {
            let ends = v.conditions_ended.contains(&self.id);
            let adds = v.conditions_added.contains(&self.id);
            if !ends && !adds {
                continue;
            }
            if v.takes_effect > day {
                if !named && adds && !ends {
                    return ByVariations::NotYetAdded(v);
                }
                break;
            }
            named = true;
            state = if adds {
                ByVariations::Stands
            } else {
                ByVariations::Ended(v)
            };
        }
        state
    }

    /// Why the condition is not in force on `day`, or `None` when it is. `release` is the
    /// nominal's release day (for the wording "comes into force on release").
    pub fn why_not_in_force(
        &self,
        order: &Order,
        day: NaiveDate,
        release: Option<NaiveDate>,
    ) -> Option<NotInForce> {
        if let Some(why) = order.why_not_live(day, release) {
            return Some(NotInForce::OrderNotLive(why));
        }
        match self.by_variations(order, day) {
            ByVariations::NotYetAdded(v) => {
                return Some(NotInForce::AddedByVariation {
                    from: v.takes_effect,
                    court: v.court.clone(),
                })
            }
            ByVariations::Ended(v) => {
                return Some(NotInForce::EndedByVariation {
                    from: v.takes_effect,
                    court: v.court.clone(),
                })
            }
            ByVariations::Stands => {}
        }
        if let Some(starts) = self.starts.filter(|s| day < *s) {
            return Some(NotInForce::NotStarted { starts });
        }
        if let Some(ended) = self.ends.filter(|e| *e < day) {
            return Some(NotInForce::Ended { ended });
        }
        None
    }

    /// The variations about this provision on `day`, for the record of a breach: the one that
    /// added it (the last by then, or the first later when it is not added yet), and the one
    /// that ended it (by then, or the next to end it after `day`).
    pub fn variations_about<'a>(
        &self,
        order: &'a Order,
        day: NaiveDate,
    ) -> (Option<&'a Variation>, Option<&'a Variation>) {
        let state = self.by_variations(order, day);
        let all = order.variations_in_order();
        let added = match state {
            ByVariations::NotYetAdded(v) => Some(v),
            _ => all
                .iter()
                .rev()
                .find(|v| v.takes_effect <= day && v.conditions_added.contains(&self.id))
                .copied(),
        };
        let ended = match state {
            ByVariations::Ended(v) => Some(v),
            _ => all
                .iter()
                .find(|v| v.takes_effect > day && v.conditions_ended.contains(&self.id))
                .copied(),
        };
        (added, ended)
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
    use crate::domain::order::scpo::OrderStage;
    use crate::domain::time::dates::ymd;

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
            bound: None,
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
        assert_eq!(before.last_day(ymd(2026, 12, 1)), ymd(2026, 11, 23));
        assert_eq!(d.describe(), "within 3 days");
        assert_eq!(before.describe(), "at least 7 clear days before");
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
