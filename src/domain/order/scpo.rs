//! The order: its life from draft to expiry, and its status on a day. The variations a court
//! makes to it are in [`variation`](crate::domain::order::variation) (re-exported here).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::domain::order::bound::{Bound, ServiceMethod};
pub use crate::domain::order::variation::{Variation, VariationError, VariationKind};
use crate::domain::time::dates::{format_date, last_day_of_period};

/// An order may not be in force for more than five years (s.16(2)).
pub const MAX_TERM_YEARS: u32 = 5;

/// How far the order has got through the courts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "stage",
    rename_all = "snake_case",
    try_from = "crate::domain::order::tagged::OrderStageRaw"
)]
pub enum OrderStage {
    /// Being prepared by police and the CPS.
    Drafted,
    /// Application made; the court has not yet decided.
    AwaitingCourt,
    /// Made by the court (Crown Court on conviction, s.19, or High Court, s.1).
    Granted {
        date_granted: NaiveDate,
        /// Usually the day of release from prison. Unknown while release is not fixed.
        comes_into_force: Option<NaiveDate>,
        /// The last day the order is in force.
        ends: NaiveDate,
    },
    /// Discharged by a court before its end.
    Discharged {
        date_granted: NaiveDate,
        comes_into_force: Option<NaiveDate>,
        ends: NaiveDate,
        discharged_on: NaiveDate,
    },
}

/// Where the order stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Drafted,
    AwaitingCourt,
    GrantedNotLive,
    Live,
    Expired,
    Discharged,
}

impl OrderStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Drafted => "Drafted",
            Self::AwaitingCourt => "Awaiting court",
            Self::GrantedNotLive => "Granted, not yet live",
            Self::Live => "Live",
            Self::Expired => "Expired",
            Self::Discharged => "Discharged",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub nominal_id: String,
    pub court_reference: String,
    pub court: String,
    pub stage: OrderStage,
    #[serde(default)]
    pub variations: Vec<Variation>,
    /// How the person is bound by the order (s.10), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
}

/// Why an order's dates cannot stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderDateError {
    EndsBeforeItStarts,
    LongerThanFiveYears { latest_end: NaiveDate },
    GrantedAfterComingIntoForce,
    DischargedOutsideTheOrder,
}

impl OrderDateError {
    /// The field of the order's `stage` the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::EndsBeforeItStarts | Self::LongerThanFiveYears { .. } => "ends",
            Self::GrantedAfterComingIntoForce => "comes_into_force",
            Self::DischargedOutsideTheOrder => "discharged_on",
        }
    }
}

impl std::fmt::Display for OrderDateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EndsBeforeItStarts => write!(f, "the order ends before it comes into force"),
            Self::LongerThanFiveYears { latest_end } => write!(
                f,
                "an order may be in force for at most five years: it must end by {}",
                format_date(*latest_end)
            ),
            Self::GrantedAfterComingIntoForce => {
                write!(f, "the order comes into force before the court granted it")
            }
            Self::DischargedOutsideTheOrder => write!(
                f,
                "the order is discharged before it was granted or after its last day"
            ),
        }
    }
}

impl Order {
    pub(crate) fn granted_dates(&self) -> Option<(NaiveDate, Option<NaiveDate>, NaiveDate)> {
        match &self.stage {
            OrderStage::Granted {
                date_granted,
                comes_into_force,
                ends,
            }
            | OrderStage::Discharged {
                date_granted,
                comes_into_force,
                ends,
                ..
            } => Some((*date_granted, *comes_into_force, *ends)),
            _ => None,
        }
    }

    pub fn comes_into_force(&self) -> Option<NaiveDate> {
        self.granted_dates().and_then(|(_, cif, _)| cif)
    }

    pub fn date_granted(&self) -> Option<NaiveDate> {
        self.granted_dates().map(|(g, _, _)| g)
    }

    /// The last day in force as granted, before any variation.
    pub fn ends_as_granted(&self) -> Option<NaiveDate> {
        self.granted_dates().map(|(_, _, e)| e)
    }

    /// The latest end the law allows for the date the order comes into force.
    pub fn latest_lawful_end(comes_into_force: NaiveDate) -> NaiveDate {
        last_day_of_period(comes_into_force, MAX_TERM_YEARS)
    }

    /// True while the day the order comes into force is not known (release not fixed): the end
    /// date given is then provisional, and the five-year limit cannot be judged yet.
    pub fn end_is_provisional(&self) -> bool {
        self.granted_dates().is_some() && self.comes_into_force().is_none()
    }

    /// Check the granted dates: the order may not end before it starts, nor be in force for
    /// more than five years "beginning with the day on which it comes into force" (s.16(2)).
    /// While that day is not known the limit is not judged from the grant date (the order is
    /// made on conviction and comes into force on release, often years later): the end is
    /// provisional until release is fixed. An extension under s.22E is a variation and is
    /// checked by [`Order::check_variation`].
    pub fn check_dates(&self) -> Result<(), OrderDateError> {
        let Some((granted, cif, ends)) = self.granted_dates() else {
            return Ok(());
        };
        let start = cif.unwrap_or(granted);
        if let Some(cif) = cif {
            if cif < granted {
                return Err(OrderDateError::GrantedAfterComingIntoForce);
            }
        }
        if ends < start {
            return Err(OrderDateError::EndsBeforeItStarts);
        }
        if let Some(cif) = cif {
            let latest_end = Self::latest_lawful_end(cif);
            if ends > latest_end {
                return Err(OrderDateError::LongerThanFiveYears { latest_end });
            }
        }
        if let OrderStage::Discharged { discharged_on, .. } = &self.stage {
            if *discharged_on < granted || *discharged_on > self.latest_end() {
                return Err(OrderDateError::DischargedOutsideTheOrder);
            }
        }
        Ok(())
    }

    /// The order's status on `day`. It is live from the day it comes into force to its last
    /// day, both inclusive.
    pub fn status_on(&self, day: NaiveDate) -> OrderStatus {
        match &self.stage {
            OrderStage::Drafted => OrderStatus::Drafted,
            OrderStage::AwaitingCourt => OrderStatus::AwaitingCourt,
            OrderStage::Discharged { discharged_on, .. } if *discharged_on <= day => {
                OrderStatus::Discharged
            }
            OrderStage::Granted { .. } | OrderStage::Discharged { .. } => {
                match (self.comes_into_force(), self.ends_on(day)) {
                    (Some(cif), Some(end)) if cif <= day && day <= end => OrderStatus::Live,
                    (Some(_), Some(end)) if day > end => OrderStatus::Expired,
                    _ => OrderStatus::GrantedNotLive,
                }
            }
        }
    }

    /// Why the order is not live on `day`, in words for the officer (e.g. "the order comes into
    /// force on release, 28 Nov 2026"), or `None` when it is live. `release` is the nominal's
    /// release day, past or expected, when known.
    pub fn why_not_live(&self, day: NaiveDate, release: Option<NaiveDate>) -> Option<String> {
        let status = self.status_on(day);
        Some(match status {
            OrderStatus::Live => return None,
            OrderStatus::Drafted => "the order has not been made yet (it is being drafted)".into(),
            OrderStatus::AwaitingCourt => {
                "the order has not been made yet (the court has not decided)".into()
            }
            OrderStatus::Discharged => match &self.stage {
                OrderStage::Discharged { discharged_on, .. } => format!(
                    "the order was discharged on {}",
                    format_date(*discharged_on)
                ),
                _ => "the order was discharged".into(),
            },
            OrderStatus::Expired => match self.ends_on(day) {
                Some(end) => format!("the order ended on {}", format_date(end)),
                None => "the order has ended".into(),
            },
            OrderStatus::GrantedNotLive => match self.comes_into_force() {
                Some(cif) if release == Some(cif) => format!(
                    "the order comes into force on release, {}",
                    format_date(cif)
                ),
                Some(cif) => format!("the order comes into force on {}", format_date(cif)),
                None => {
                    "the order comes into force on release, and the release date is not fixed yet"
                        .into()
                }
            },
        })
    }

    pub fn is_live_on(&self, day: NaiveDate) -> bool {
        self.status_on(day) == OrderStatus::Live
    }

    /// Days left including today, when live.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        if !self.is_live_on(today) {
            return None;
        }
        self.ends_on(today)
            .map(|e| crate::domain::time::dates::days_between(today, e).saturating_add(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::dates::ymd;

    fn granted(cif: Option<NaiveDate>, ends: NaiveDate) -> Order {
        Order {
            id: "O-T1".into(),
            nominal_id: "N-T1".into(),
            court_reference: "T20260001".into(),
            court: "Crown Court at Testville".into(),
            stage: OrderStage::Granted {
                date_granted: ymd(2024, 1, 10),
                comes_into_force: cif,
                ends,
            },
            variations: vec![],
            bound: None,
        }
    }

    #[test]
    fn live_from_release_day_to_last_day_inclusive() {
        let o = granted(Some(ymd(2026, 11, 24)), ymd(2031, 11, 23));
        assert_eq!(o.status_on(ymd(2026, 11, 23)), OrderStatus::GrantedNotLive);
        assert_eq!(o.status_on(ymd(2026, 11, 24)), OrderStatus::Live);
        assert_eq!(o.status_on(ymd(2031, 11, 23)), OrderStatus::Live);
        assert_eq!(o.status_on(ymd(2031, 11, 24)), OrderStatus::Expired);
        assert_eq!(o.days_left(ymd(2031, 11, 23)), Some(1));
        assert_eq!(o.days_left(ymd(2031, 11, 24)), None);
    }

    #[test]
    fn not_live_while_release_date_unknown() {
        let o = granted(None, ymd(2031, 11, 23));
        assert_eq!(o.status_on(ymd(2027, 1, 1)), OrderStatus::GrantedNotLive);
    }

    #[test]
    fn five_years_is_the_limit_to_the_day() {
        let ok = granted(Some(ymd(2026, 11, 24)), ymd(2031, 11, 23));
        assert_eq!(ok.check_dates(), Ok(()));
        let long = granted(Some(ymd(2026, 11, 24)), ymd(2031, 11, 24));
        assert_eq!(
            long.check_dates(),
            Err(OrderDateError::LongerThanFiveYears {
                latest_end: ymd(2031, 11, 23)
            })
        );
        assert!(long
            .check_dates()
            .unwrap_err()
            .to_string()
            .contains("23 Nov 2031"));
    }

    #[test]
    fn leap_day_start_may_run_to_28_february() {
        let o = granted(Some(ymd(2024, 2, 29)), ymd(2029, 2, 28));
        assert_eq!(o.check_dates(), Ok(()));
        let o = granted(Some(ymd(2024, 2, 29)), ymd(2029, 3, 1));
        assert!(o.check_dates().is_err());
    }

    #[test]
    fn rejects_orders_that_end_before_they_start_or_start_before_grant() {
        let o = granted(Some(ymd(2026, 11, 24)), ymd(2026, 11, 23));
        assert_eq!(o.check_dates(), Err(OrderDateError::EndsBeforeItStarts));
        let o = granted(Some(ymd(2023, 1, 1)), ymd(2026, 11, 23));
        assert_eq!(
            o.check_dates(),
            Err(OrderDateError::GrantedAfterComingIntoForce)
        );
    }

    #[test]
    fn stages_before_grant_and_discharge() {
        let mut o = granted(Some(ymd(2026, 1, 1)), ymd(2030, 12, 31));
        o.stage = OrderStage::Drafted;
        assert_eq!(o.status_on(ymd(2026, 6, 1)), OrderStatus::Drafted);
        o.stage = OrderStage::AwaitingCourt;
        assert_eq!(o.status_on(ymd(2026, 6, 1)), OrderStatus::AwaitingCourt);
        o.stage = OrderStage::Discharged {
            date_granted: ymd(2025, 12, 1),
            comes_into_force: Some(ymd(2026, 1, 1)),
            ends: ymd(2030, 12, 31),
            discharged_on: ymd(2027, 3, 1),
        };
        assert_eq!(o.status_on(ymd(2027, 2, 28)), OrderStatus::Live);
        assert_eq!(o.status_on(ymd(2027, 3, 1)), OrderStatus::Discharged);
    }

    #[test]
    fn an_extension_counts_only_from_when_it_takes_effect_and_keeps_history() {
        let mut o = granted(Some(ymd(2022, 1, 1)), ymd(2026, 12, 31));
        o.variations.push(Variation {
            id: "V-1".into(),
            kind: VariationKind::ExtensionPendingProceedings,
            made_on: ymd(2026, 12, 1),
            takes_effect: ymd(2026, 12, 1),
            court: "Crown Court at Testville".into(),
            summary: "Extended while a breach charge is pending (s.22E)".into(),
            new_end: Some(ymd(2027, 6, 30)),
            conditions_ended: vec![],
            conditions_added: vec![],
        });
        assert_eq!(o.ends_on(ymd(2026, 11, 30)), Some(ymd(2026, 12, 31)));
        assert_eq!(o.ends_on(ymd(2027, 1, 1)), Some(ymd(2027, 6, 30)));
        assert_eq!(o.status_on(ymd(2027, 1, 1)), OrderStatus::Live);
        assert_eq!(o.ends_as_granted(), Some(ymd(2026, 12, 31)));
    }
}
