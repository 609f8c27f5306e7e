//! The enforcement recommendation on a breach, and the officer's decision.
//!
//! The recommendation follows the team's practice (DOMAIN.md): proactive referral over request
//! to recall over investigate and charge (s.25) over interview and caution. It always lists its reasons, and an officer may choose
//! a different level only with a written reason; both are kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::breach::{
    standing_reports, Admission, BreachReport, EnforcementLevel, IntelligenceAssessment,
};
use super::condition::Condition;
use super::decision::{decision_for, BreachDecision, DecisionLevel};
use super::nominal::CustodyStatus;
use super::order::{Order, OrderStatus};

/// The facts the recommendation rests on. Gathered from the report, the nominal and the order
/// by [`gather_facts`], so the rule itself stays a plain function of facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachFacts {
    /// The day of the breach.
    #[serde(deserialize_with = "crate::domain::iso::date")]
    pub occurred_on: NaiveDate,
    /// The day the recommendation is made.
    #[serde(deserialize_with = "crate::domain::iso::date")]
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

/// One reason behind a recommendation, in words an officer can put in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason(pub String);

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub level: EnforcementLevel,
    pub reasons: Vec<Reason>,
}

fn occasions_words(n: u32) -> String {
    match n {
        1 => "1 occasion".to_string(),
        n => format!("{n} occasions"),
    }
}

fn list_dates(days: &[NaiveDate]) -> String {
    days.iter()
        .map(|d| super::dates::format_date(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The recommended enforcement level for a breach, with every reason that led to it.
///
/// Precedence (DOMAIN.md): proactive referral (intelligence supports a return to serious
/// crime) over a request to HMPPS to recall (licence in force on the day of the breach and on
/// the day of the decision, a breached condition mirrored in it, breaches on more than one
/// occasion) over interview and caution. On the caution path with earlier breaches, a simple
/// caution may be barred (Criminal Justice and Courts Act 2015 s.17(4)–(5)), so the reasons
/// point to charge (s.25) unless exceptional circumstances are recorded.
pub fn recommend(f: &BreachFacts) -> Recommendation {
    let mut reasons = Vec::new();
    let mut why = |s: String| reasons.push(Reason(s));

    let recall_met = f.recall_open();
    let occasions = f.earlier_breaches().saturating_add(1);

    let level = if f.intelligence == IntelligenceAssessment::Supports {
        why("Intelligence supports a return to serious crime.".into());
        why("The order gives an opportunity to disrupt organised crime: the proactive team decides on an operation.".into());
        if recall_met {
            why(format!(
                "A request to HMPPS to recall is also open (licence in force, mirrored condition, breaches on {}); proactive referral takes precedence.",
                occasions_words(occasions)
            ));
        }
        EnforcementLevel::ProactiveReferral
    } else if recall_met {
        why("The licence was in force on the day of the breach and still is today.".into());
        why(
            "The breached condition is mirrored in the licence, so this is also a licence breach."
                .into(),
        );
        why(format!(
            "There have been breaches on {} under this order (earlier: {}).",
            occasions_words(occasions),
            list_dates(&f.earlier_occasions)
        ));
        if f.intelligence == IntelligenceAssessment::Suggests {
            why(SUGGESTS.into());
        }
        why("Probation decides on recall (standard or fixed-term); the police information feeds the recall report (Part A).".into());
        EnforcementLevel::RequestRecall
    } else {
        match f.intelligence {
            IntelligenceAssessment::Suggests => why(SUGGESTS.into()),
            _ => why("No intelligence of a return to criminality.".into()),
        }
        for gap in recall_gaps(f) {
            why(format!("Recall is not open: {gap}."));
        }
        if !f.earlier_occasions.is_empty() {
            why(format!(
                "There have been breaches on {} under this order (earlier: {}). Earlier breach reports are not cautions: a simple caution is barred only by a caution or conviction.",
                occasions_words(occasions),
                list_dates(&f.earlier_occasions)
            ));
        }
        let barred = f.caution_barred();
        if !f.cautions_on_file.is_empty() {
            why(format!(
                "Cautioned for a breach of this order in the two years before this breach (DS decision of {}).",
                list_dates(&f.cautions_on_file)
            ));
        }
        if f.caution_bar_stated {
            why("You recorded a caution or conviction for a breach of this order in the two years before this breach.".into());
        }
        if barred {
            why("A simple caution is barred where the person was cautioned or convicted for a similar offence in the two years before, save in exceptional circumstances decided by an officer of the prescribed rank (Criminal Justice and Courts Act 2015 s.17(4)–(5); to be replaced by the 2022 Act's out-of-court disposals, not yet in force).".into());
        }
        let level = match f.admission {
            Admission::DoesNotAdmit => {
                why("The nominal does not admit the breach: a caution needs an admission, so investigate and charge (s.25).".into());
                EnforcementLevel::Charge
            }
            _ if barred => {
                why("Investigate and charge for the breach (s.25) unless exceptional circumstances are recorded.".into());
                EnforcementLevel::Charge
            }
            Admission::Admits => {
                why("The nominal admits the breach; a caution also needs informed consent.".into());
                EnforcementLevel::InterviewAndCaution
            }
            Admission::NotAskedYet => {
                why("Not asked yet whether the nominal admits the breach: a caution needs an admission and informed consent; without an admission, investigate and charge (s.25).".into());
                EnforcementLevel::InterviewAndCaution
            }
        };
        if !barred && !f.earlier_occasions.is_empty() {
            why("No caution or conviction for a breach of this order in the two years before is on file: check the police national computer before a caution.".into());
        }
        level
    };
    if f.same_day_reports > 0 {
        reasons.push(Reason(format!(
            "{} already made for a breach of this order on {}: the same occasion, not an earlier one.",
            match f.same_day_reports {
                1 => "A report was".to_string(),
                n => format!("{n} reports were"),
            },
            super::dates::format_date(f.occurred_on)
        )));
    }
    if f.earlier_order_breaches > 0 {
        reasons.push(Reason(format!(
            "{} under an earlier order that has ended {} history: shown, but not counted as occasions under this order.",
            match f.earlier_order_breaches {
                1 => "1 breach".to_string(),
                n => format!("{n} breaches"),
            },
            if f.earlier_order_breaches == 1 { "is" } else { "are" }
        )));
    }
    Recommendation { level, reasons }
}

const SUGGESTS: &str = "Intelligence suggests, but does not support, a return to serious crime: share this breach with the researcher, as minor breaches can be an early signal.";

/// Every condition for recall that is not met, in words.
fn recall_gaps(f: &BreachFacts) -> Vec<String> {
    use super::dates::format_date;
    let mut gaps = Vec::new();
    if let Some(refusal) = &f.licence_refusal {
        // "The licence ended on 19 Nov 2026: recall is not possible", as a gap in lower case.
        let words = refusal.trim_end_matches(": recall is not possible");
        let mut chars = words.chars();
        if let Some(first) = chars.next() {
            gaps.push(format!("{}{}", first.to_lowercase(), chars.as_str()));
        }
    } else if !f.licence_on_breach_day {
        gaps.push(format!(
            "the nominal was not on licence on the day of the breach, {}",
            format_date(f.occurred_on)
        ));
    } else if !f.licence_on_decision_day {
        gaps.push(format!(
            "the licence is not in force today, {} (an expired licence cannot be revoked)",
            format_date(f.decided_on)
        ));
    }
    if !f.condition_mirrored {
        gaps.push("the breached condition is not mirrored in the licence".into());
    }
    if f.earlier_occasions.is_empty() {
        gaps.push(if f.same_day_reports > 0 {
            "there is no breach on an earlier day under this order (a report of the same day is the same occasion)".into()
        } else {
            "this is the first breach under this order".into()
        });
    }
    gaps
}

/// The recommendation and what the officer chose. Both are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnforcementDecision {
    pub recommended: Recommendation,
    pub chosen: EnforcementLevel,
    /// Required when `chosen` differs from the recommendation.
    #[serde(default)]
    pub override_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideReasonMissing;

impl std::fmt::Display for OverrideReasonMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enter why you chose a different enforcement level")
    }
}

impl EnforcementDecision {
    pub fn accept(recommended: Recommendation) -> Self {
        let chosen = recommended.level;
        Self {
            recommended,
            chosen,
            override_reason: None,
        }
    }

    /// Choose a level. A level other than the recommendation needs a written reason.
    pub fn choose(
        recommended: Recommendation,
        chosen: EnforcementLevel,
        reason: &str,
    ) -> Result<Self, OverrideReasonMissing> {
        if chosen == recommended.level {
            return Ok(Self::accept(recommended));
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(OverrideReasonMissing);
        }
        Ok(Self {
            recommended,
            chosen,
            override_reason: Some(reason.to_string()),
        })
    }

    pub fn is_override(&self) -> bool {
        self.chosen != self.recommended.level
    }
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
    super::sort::sort_by(&mut occasions, Ord::cmp);
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
    super::sort::sort_by(&mut cautions, Ord::cmp);
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

#[cfg(test)]
#[path = "enforcement_tests.rs"]
mod tests;

/// Facts for tests to start from: a breach on 1 Jan 2026 with nothing else known.
#[cfg(test)]
impl Default for BreachFacts {
    fn default() -> Self {
        let day = super::dates::ymd(2026, 1, 1);
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
