//! The unit's outcomes per calendar quarter, as the seed practice reports them: people on
//! orders, breaches by outcome, disruptions recorded.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::oversight::unit::{DecisionLevel, Unit};

/// A calendar quarter: January–March is the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl Quarter {
    /// The quarter `day` falls in.
    pub fn of(day: NaiveDate) -> Self {
        Self {
            year: day.year(),
            number: day.month0().checked_div(3).unwrap_or(0).saturating_add(1),
        }
    }

    fn first_month(self) -> u32 {
        self.number
            .clamp(1, 4)
            .saturating_sub(1)
            .saturating_mul(3)
            .saturating_add(1)
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Self {
        if self.number >= 4 {
            Self {
                year: self.year.saturating_add(1),
                number: 1,
            }
        } else {
            Self {
                year: self.year,
                number: self.number.saturating_add(1),
            }
        }
    }

    pub fn previous(self) -> Self {
        if self.number <= 1 {
            Self {
                year: self.year.saturating_sub(1),
                number: 4,
            }
        } else {
            Self {
                year: self.year,
                number: self.number.saturating_sub(1),
            }
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Self::of(day) == self
    }

    /// "Oct–Dec 2026".
    pub fn label(self) -> String {
        let months = match self.number {
            1 => "Jan–Mar",
            2 => "Apr–Jun",
            3 => "Jul–Sep",
            _ => "Oct–Dec",
        };
        format!("{months} {}", self.year)
    }
}

/// One quarter's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterFigures {
    pub quarter: Quarter,
    /// Nominals with an order in force on at least one day of the quarter (up to today).
    pub on_orders: usize,
    /// Breaches that occurred in the quarter, by the outcome decided (the latest decision on
    /// the report as it stands), in [`DecisionLevel::ALL`] order.
    pub by_outcome: [(DecisionLevel, usize); 5],
    /// Breaches that occurred in the quarter with no decision yet.
    pub awaiting_decision: usize,
    /// Decisions made in the quarter that record a disruption.
    pub disruptions: usize,
}

impl QuarterFigures {
    /// Every breach that occurred in the quarter, decided or not.
    pub fn breaches(&self) -> usize {
        self.by_outcome
            .iter()
            .map(|(_, n)| *n)
            .fold(self.awaiting_decision, usize::saturating_add)
    }

    pub fn outcome(&self, level: DecisionLevel) -> usize {
        self.by_outcome
            .iter()
            .find(|(l, _)| *l == level)
            .map_or(0, |(_, n)| *n)
    }
}

/// The last `quarters` quarters up to and including today's, oldest first.
pub fn outcomes(unit: &Unit, today: NaiveDate, quarters: usize) -> Vec<QuarterFigures> {
    let mut qs = vec![Quarter::of(today)];
    while qs.len() < quarters {
        let Some(earliest) = qs.last().copied() else {
            break;
        };
        qs.push(earliest.previous());
    }
    qs.reverse();
    let breaches = unit.breaches();
    qs.into_iter()
        .map(|q| {
            let mut by_outcome = DecisionLevel::ALL.map(|l| (l, 0_usize));
            let mut awaiting_decision = 0_usize;
            let mut disruptions = 0_usize;
            for (r, decision) in &breaches {
                if let Some(d) = decision {
                    if d.disruption && q.contains(d.decided_at.date()) {
                        disruptions = disruptions.saturating_add(1);
                    }
                }
                if !q.contains(r.occurred_at.date()) {
                    continue;
                }
                match decision {
                    None => awaiting_decision = awaiting_decision.saturating_add(1),
                    Some(d) => {
                        if let Some((_, n)) = by_outcome.iter_mut().find(|(l, _)| *l == d.level) {
                            *n = n.saturating_add(1);
                        }
                    }
                }
            }
            QuarterFigures {
                quarter: q,
                on_orders: on_orders_in(unit, q, today),
                by_outcome,
                awaiting_decision,
                disruptions,
            }
        })
        .collect()
}

/// Nominals of the unit with an order in force on some day of the quarter, up to today.
fn on_orders_in(unit: &Unit, q: Quarter, today: NaiveDate) -> usize {
    let last = q.last_day().min(today);
    let first = q.first_day();
    unit.cohort
        .nominals
        .iter()
        .filter(|n| unit.holds(&n.id))
        .filter(|n| {
            unit.cohort
                .orders
                .iter()
                .filter(|o| o.nominal_id == n.id)
                .any(|o| {
                    let mut day = first;
                    while day <= last {
                        if o.is_live_on(day) {
                            return true;
                        }
                        match day.checked_add_days(Days::new(1)) {
                            Some(d) => day = d,
                            None => break,
                        }
                    }
                    false
                })
        })
        .count()
}

#[cfg(test)]
#[path = "outcomes_tests.rs"]
mod tests;
