//! The enforcement recommendation on a breach, and the officer's decision.
//!
//! The recommendation follows the team's practice (DOMAIN.md): proactive referral over request
//! to recall over investigate and charge (s.25) over interview and caution. It always lists its
//! reasons, and an officer may choose a different level only with a written reason; both are
//! kept. The facts it rests on are gathered in [`breach_facts`](crate::domain::breach::facts).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::domain::breach::facts::{gather_facts, BreachFacts, History, Said};
use crate::domain::breach::report::{Admission, EnforcementLevel, IntelligenceAssessment};

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
        .map(|d| crate::domain::time::dates::format_date(*d))
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
            crate::domain::time::dates::format_date(f.occurred_on)
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
    use crate::domain::time::dates::format_date;
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

#[cfg(test)]
#[path = "enforcement_tests.rs"]
mod tests;
