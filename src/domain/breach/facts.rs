//! The facts a breach's recommendation rests on, gathered from the report, the nominal, the
//! order and the records on file ([`gather_facts`]), so the rule itself
//! ([`recommend`](crate::domain::breach::enforcement::recommend)) stays a plain function of facts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::breach::decision::{decision_for, BreachDecision, DecisionLevel};
use crate::domain::breach::report::{
    standing_reports, Admission, BreachReport, IntelligenceAssessment,
};
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::{Order, OrderStatus};
use crate::domain::people::nominal::CustodyStatus;

/// The facts the recommendation rests on. Gathered from the report, the nominal and the order
/// by [`gather_facts`], so the rule itself stays a plain function of facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachFacts {
    /// The day of the breach.
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub occurred_on: NaiveDate,
    /// The day the recommendation is made.
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub decided_on: NaiveDate,
    /// The licence was in force on the day of the breach (from the release and licence-end
    /// dates, not the custody label).
    pub licence_on_breach_day: bool,
    /// The licence is still in force on the day of the recommendation: an expired licence
    /// cannot be revoked, so recall needs this too.
    pub licence_on_decision_day: bool,
    /// Why the licence rules recall out, in words (`None`: a licence was in force on both days).
    #[serde(default)]
    pub licence_refusal: Option<String>,
    /// At least one breached condition is mirrored in the licence.
    pub condition_mirrored: bool,
    /// The days of earlier breaches of the same order (one occasion a day, see
    /// [`gather_facts`]), oldest first, not counting this one.
    pub earlier_occasions: Vec<NaiveDate>,
    /// Reports already on file for a breach of this order on the same day: the same occasion.
    #[serde(default)]
    pub same_day_reports: u32,
    /// Breaches under an earlier order that ended before this breach, dated before it:
    /// history, not occasions under this order.
    pub earlier_order_breaches: u32,
    /// The days of the DS's decisions to caution for a breach of this order in the two years
    /// before this breach (what is on file of earlier cautions).
    #[serde(default)]
    pub cautions_on_file: Vec<NaiveDate>,
    /// The officer said the nominal was cautioned or convicted for a breach of this order in the
    /// two years before.
    #[serde(default)]
    pub caution_bar_stated: bool,
    #[serde(default)]
    pub admission: Admission,
    pub intelligence: IntelligenceAssessment,
}

impl BreachFacts {
    /// Breaches on earlier occasions under this order.
    pub fn earlier_breaches(&self) -> u32 {
        u32::try_from(self.earlier_occasions.len()).unwrap_or(u32::MAX)
    }

    /// Recall can be asked for: the licence was in force on the day of the breach and still is,
    /// a breached condition is mirrored in it, and there have been breaches on more than one
    /// occasion.
    pub fn recall_open(&self) -> bool {
        self.licence_on_breach_day
            && self.licence_on_decision_day
            && self.condition_mirrored
            && !self.earlier_occasions.is_empty()
    }

    /// A simple caution is barred: a caution for a breach of this order in the two years
    /// before is on file, or the officer said there was a caution or conviction.
    pub fn caution_barred(&self) -> bool {
        self.caution_bar_stated || !self.cautions_on_file.is_empty()
    }
}

/// What the officer said on the breach form that the recommendation weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub intelligence: IntelligenceAssessment,
    pub admission: Admission,
    pub caution_bar_stated: bool,
}

impl Said {
    /// Only what intelligence says (not asked about admission, no caution stated).
    pub fn intelligence(intelligence: IntelligenceAssessment) -> Self {
        Self {
            intelligence,
            admission: Admission::NotAskedYet,
            caution_bar_stated: false,
        }
    }
}

/// The nominal's records on file that the facts are gathered from.
#[derive(Debug, Clone, Copy, Default)]
pub struct History<'a> {
    /// The nominal's breach reports already recorded.
    pub reports: &'a [BreachReport],
    /// The DS's decisions on them.
    pub decisions: &'a [BreachDecision],
    /// The nominal's orders (to tell an order that has ended).
    pub orders: &'a [Order],
}

/// Gather the facts for a breach of `breached` (conditions of the order `order_id`) on
/// `occurred_on`, judged on `decided_on` (today).
///
/// What counts as an occasion: one **calendar day** on which the nominal breached the order,
/// however many conditions or reports it involved; reports of the same day as this breach are
/// the same occasion (counted in `same_day_reports`), and later days do not count. Each report
/// counts as it stands after its corrections (a correction that moves the date counts at the
/// corrected date). Breaches under another order count as history only when that order had
/// ended before this breach and the report is dated before it. An earlier caution is a DS's
/// decision to caution on a report of this order, made in the two years before this breach.
pub fn gather_facts(
    custody: &CustodyStatus,
    order_id: &str,
    breached: &[&Condition],
    history: History<'_>,
    occurred_on: NaiveDate,
    decided_on: NaiveDate,
    said: Said,
) -> BreachFacts {
    let standing = standing_reports(history.reports);
    let this_order = |r: &&&BreachReport| r.order_id == order_id;
    let mut occasions: Vec<NaiveDate> = standing
        .iter()
        .filter(this_order)
        .map(|r| r.occurred_at.date())
        .filter(|d| *d < occurred_on)
        .collect();
    crate::domain::common::sort::sort_by(&mut occasions, Ord::cmp);
    occasions.dedup();
    let same_day = standing
        .iter()
        .filter(this_order)
        .filter(|r| r.occurred_at.date() == occurred_on)
        .count();
    let ended_before = |id: &str| {
        history.orders.iter().any(|o| {
            o.id == id
                && matches!(
                    o.status_on(occurred_on),
                    OrderStatus::Expired | OrderStatus::Discharged
                )
        })
    };
    let earlier_order_breaches = standing
        .iter()
        .filter(|r| r.order_id != order_id)
        .filter(|r| r.occurred_at.date() < occurred_on && ended_before(&r.order_id))
        .count();
    let two_years_before = occurred_on
        .checked_sub_months(chrono::Months::new(24))
        .unwrap_or(NaiveDate::MIN);
    let mut cautions: Vec<NaiveDate> = standing
        .iter()
        .filter(this_order)
        .filter(|r| r.occurred_at.date() < occurred_on)
        .filter_map(|r| decision_for(&r.id, history.decisions))
        .filter(|d| d.level == DecisionLevel::InterviewAndCaution)
        .map(|d| d.decided_at.date())
        .filter(|d| two_years_before <= *d && *d < occurred_on)
        .collect();
    crate::domain::common::sort::sort_by(&mut cautions, Ord::cmp);
    cautions.dedup();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    BreachFacts {
        occurred_on,
        decided_on,
        licence_on_breach_day: custody.on_licence_on(occurred_on),
        licence_on_decision_day: custody.on_licence_on(decided_on),
        licence_refusal: custody.recall_refusal(occurred_on, decided_on),
        condition_mirrored: breached.iter().any(|c| c.mirrored_in_licence),
        earlier_occasions: occasions,
        same_day_reports: count(same_day),
        earlier_order_breaches: count(earlier_order_breaches),
        cautions_on_file: cautions,
        caution_bar_stated: said.caution_bar_stated,
        admission: said.admission,
        intelligence: said.intelligence,
    }
}

/// Facts for tests to start from: a breach on 1 Jan 2026 with nothing else known.
#[cfg(test)]
impl Default for BreachFacts {
    fn default() -> Self {
        let day = crate::domain::time::dates::ymd(2026, 1, 1);
        Self {
            occurred_on: day,
            decided_on: day,
            licence_on_breach_day: false,
            licence_on_decision_day: false,
            licence_refusal: None,
            condition_mirrored: false,
            earlier_occasions: vec![],
            same_day_reports: 0,
            earlier_order_breaches: 0,
            cautions_on_file: vec![],
            caution_bar_stated: false,
            admission: Admission::NotAskedYet,
            intelligence: IntelligenceAssessment::None,
        }
    }
}
