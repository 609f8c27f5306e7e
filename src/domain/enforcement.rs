//! The enforcement recommendation on a breach, and the officer's decision.
//!
//! The recommendation follows the team's practice (DOMAIN.md): proactive referral over request
//! to recall over interview and caution. It always lists its reasons, and an officer may choose
//! a different level only with a written reason; both are kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::breach::{standing_reports, BreachReport, EnforcementLevel, IntelligenceAssessment};
use super::condition::Condition;
use super::nominal::CustodyStatus;

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
    /// At least one breached condition is mirrored in the licence.
    pub condition_mirrored: bool,
    /// The days of earlier breaches of the same order (one occasion a day, see
    /// [`gather_facts`]), oldest first, not counting this one.
    pub earlier_occasions: Vec<NaiveDate>,
    /// Breaches under an earlier order that has ended: history, not occasions under this order.
    pub earlier_order_breaches: u32,
    pub intelligence: IntelligenceAssessment,
}

impl BreachFacts {
    /// Breaches on earlier occasions under this order.
    pub fn earlier_breaches(&self) -> u32 {
        u32::try_from(self.earlier_occasions.len()).unwrap_or(u32::MAX)
    }

    /// Earlier occasions in the two years before this breach (the window of the Criminal
    /// Justice and Courts Act 2015 s.17(4) for a similar offence).
    pub fn occasions_in_two_years(&self) -> Vec<NaiveDate> {
        let from = self
            .occurred_on
            .checked_sub_months(chrono::Months::new(24))
            .unwrap_or(NaiveDate::MIN);
        self.earlier_occasions
            .iter()
            .copied()
            .filter(|d| from <= *d && *d < self.occurred_on)
            .collect()
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
            why("Intelligence suggests, but does not support, a return to serious crime: share this breach with the researcher, as minor breaches can be an early signal.".into());
        }
        why("Probation decides on recall (standard or fixed-term); the police information feeds the recall report (Part A).".into());
        EnforcementLevel::RequestRecall
    } else {
        match f.intelligence {
            IntelligenceAssessment::Suggests => why("Intelligence suggests, but does not support, a return to serious crime: share this breach with the researcher, as minor breaches can be an early signal.".into()),
            _ => why("No intelligence of a return to criminality.".into()),
        }
        for gap in recall_gaps(f) {
            why(format!("Recall is not open: {gap}."));
        }
        if f.earlier_occasions.is_empty() {
            why("A caution needs an admission and informed consent; without an admission, investigate and charge (s.25).".into());
        } else {
            why(format!(
                "There have been breaches on {} under this order (earlier: {}).",
                occasions_words(occasions),
                list_dates(&f.earlier_occasions)
            ));
            let recent = f.occasions_in_two_years();
            let window = if recent.is_empty() {
                "None of the earlier breaches was in the two years before this one".to_string()
            } else {
                format!(
                    "{} of the earlier breaches {} in the two years before this one ({})",
                    recent.len(),
                    if recent.len() == 1 { "was" } else { "were" },
                    list_dates(&recent)
                )
            };
            why(format!(
                "{window}. A simple caution is barred where the person was cautioned or convicted for a similar offence in the two years before, save in exceptional circumstances decided by an officer of the prescribed rank (Criminal Justice and Courts Act 2015 s.17(4)–(5); to be replaced by the 2022 Act's out-of-court disposals, not yet in force)."
            ));
            why("Consider charge for the breach (s.25) unless exceptional circumstances are recorded; a caution also needs an admission and informed consent.".into());
        }
        EnforcementLevel::InterviewAndCaution
    };
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

/// Every condition for recall that is not met, in words.
fn recall_gaps(f: &BreachFacts) -> Vec<String> {
    use super::dates::format_date;
    let mut gaps = Vec::new();
    if !f.licence_on_breach_day {
        gaps.push(format!(
            "the nominal was not on licence on the day of the breach, {}",
            format_date(f.occurred_on)
        ));
    }
    if !f.licence_on_decision_day {
        gaps.push(format!(
            "the licence is not in force today, {} (an expired licence cannot be revoked)",
            format_date(f.decided_on)
        ));
    }
    if !f.condition_mirrored {
        gaps.push("the breached condition is not mirrored in the licence".into());
    }
    if f.earlier_occasions.is_empty() {
        gaps.push("this is the first breach under this order".into());
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
/// `earlier` are the nominal's breach reports already recorded. What counts as an occasion:
/// one **calendar day** on which the nominal breached the order, however many conditions or
/// reports it involved; reports of the same day as this breach are the same occasion, and later
/// days do not count. Each report counts as it stands after its corrections (a correction that
/// moves the date counts at the corrected date). Breaches under another order (an earlier one
/// that has ended) are history: counted in `earlier_order_breaches`, not as occasions.
pub fn gather_facts(
    custody: &CustodyStatus,
    order_id: &str,
    breached: &[&Condition],
    earlier: &[BreachReport],
    occurred_on: NaiveDate,
    decided_on: NaiveDate,
    intelligence: IntelligenceAssessment,
) -> BreachFacts {
    let standing = standing_reports(earlier);
    let mut occasions: Vec<NaiveDate> = standing
        .iter()
        .filter(|r| r.order_id == order_id)
        .map(|r| r.occurred_at.date())
        .filter(|d| *d < occurred_on)
        .collect();
    super::sort::sort_by(&mut occasions, Ord::cmp);
    occasions.dedup();
    let earlier_order_breaches = standing.iter().filter(|r| r.order_id != order_id).count();
    BreachFacts {
        occurred_on,
        decided_on,
        licence_on_breach_day: custody.on_licence_on(occurred_on),
        licence_on_decision_day: custody.on_licence_on(decided_on),
        condition_mirrored: breached.iter().any(|c| c.mirrored_in_licence),
        earlier_occasions: occasions,
        earlier_order_breaches: u32::try_from(earlier_order_breaches).unwrap_or(u32::MAX),
        intelligence,
    }
}
