//! Breach reports and the enforcement recommendation.
//!
//! The recommendation follows the team's practice (DOMAIN.md): proactive referral over request
//! to recall over interview and caution. It always lists its reasons, and an officer may choose
//! a different level only with a written reason; both are kept.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::nominal::CustodyStatus;

/// What intelligence says about a return to serious crime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntelligenceAssessment {
    None,
    Suggests,
    Supports,
}

impl IntelligenceAssessment {
    pub const ALL: [IntelligenceAssessment; 3] = [Self::None, Self::Suggests, Self::Supports];

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No intelligence of a return to crime",
            Self::Suggests => "Intelligence suggests a return to serious crime",
            Self::Supports => "Intelligence supports a return to serious crime",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnforcementLevel {
    InterviewAndCaution,
    RequestRecall,
    ProactiveReferral,
}

impl EnforcementLevel {
    pub const ALL: [EnforcementLevel; 3] = [
        Self::InterviewAndCaution,
        Self::RequestRecall,
        Self::ProactiveReferral,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::InterviewAndCaution => "Interview and caution",
            Self::RequestRecall => "Request to HMPPS to recall",
            Self::ProactiveReferral => "Proactive referral",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Item,
    Phone,
    Photo,
    Document,
    Witness,
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 6] = [
        Self::Item,
        Self::Phone,
        Self::Photo,
        Self::Document,
        Self::Witness,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Item => "Item seized",
            Self::Phone => "Phone",
            Self::Photo => "Photo",
            Self::Document => "Document",
            Self::Witness => "Witness",
            Self::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub description: String,
    /// Exhibit or property reference, photo file name, etc.
    #[serde(default)]
    pub reference: String,
}

/// The facts the recommendation rests on. Gathered from the report, the nominal and the order,
/// so the rule itself stays a plain function of facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachFacts {
    pub on_licence: bool,
    /// At least one breached condition is mirrored in the licence.
    pub condition_mirrored: bool,
    /// Breaches on earlier occasions (not counting this one).
    pub earlier_breaches: u32,
    pub intelligence: IntelligenceAssessment,
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

/// The recommended enforcement level for a breach, with every reason that led to it.
pub fn recommend(f: BreachFacts) -> Recommendation {
    let mut reasons = Vec::new();
    let mut why = |s: String| reasons.push(Reason(s));

    let recall_met = f.on_licence && f.condition_mirrored && f.earlier_breaches >= 1;
    let occasions = f.earlier_breaches + 1;

    let level = if f.intelligence == IntelligenceAssessment::Supports {
        why("Intelligence supports a return to serious crime.".into());
        why("The order gives an opportunity to disrupt organised crime: the proactive team decides on an operation.".into());
        if recall_met {
            why(format!(
                "A request to HMPPS to recall is also open (on licence, mirrored condition, breaches on {occasions} occasions); proactive referral takes precedence."
            ));
        }
        EnforcementLevel::ProactiveReferral
    } else if recall_met {
        why("The nominal is on licence.".into());
        why(
            "The breached condition is mirrored in the licence, so this is also a licence breach."
                .into(),
        );
        why(format!(
            "There have been breaches on {occasions} occasions."
        ));
        why("Probation decides on recall (standard or fixed-term); the police information feeds the recall report (Part A).".into());
        EnforcementLevel::RequestRecall
    } else {
        match f.intelligence {
            IntelligenceAssessment::None => why("No intelligence of a return to criminality.".into()),
            IntelligenceAssessment::Suggests => why("Intelligence suggests, but does not support, a return to serious crime: share this breach with the researcher, as minor breaches can be an early signal.".into()),
            IntelligenceAssessment::Supports => unreachable!("handled above"),
        }
        if !f.on_licence {
            why("Recall is not open: the nominal is not on licence.".into());
        } else if !f.condition_mirrored {
            why(
                "Recall is not open: the breached condition is not mirrored in the licence.".into(),
            );
        } else {
            why("Recall is not open: this is the first breach.".into());
        }
        why("A caution needs an admission and informed consent; without an admission, investigate and charge (s.25).".into());
        EnforcementLevel::InterviewAndCaution
    };
    Recommendation { level, reasons }
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachReport {
    pub id: String,
    pub nominal_id: String,
    pub order_id: String,
    pub condition_ids: Vec<String>,
    pub occurred_at: NaiveDateTime,
    pub location: String,
    pub what_was_seen: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    pub intelligence: IntelligenceAssessment,
    pub decision: EnforcementDecision,
    pub officer_id: String,
    pub officer_name: String,
    pub recorded_at: NaiveDateTime,
    #[serde(default)]
    pub corrects: Option<String>,
}

/// Gather the facts for a breach of `breached` on `occurred_on`.
/// `earlier` are the nominal's breach reports already recorded; corrections of a report and
/// reports of the same occasion (same day) do not count as further occasions.
pub fn gather_facts(
    custody: &CustodyStatus,
    breached: &[&Condition],
    earlier: &[BreachReport],
    occurred_on: NaiveDate,
    intelligence: IntelligenceAssessment,
) -> BreachFacts {
    let mut occasions: Vec<NaiveDate> = earlier
        .iter()
        .filter(|r| r.corrects.is_none())
        .map(|r| r.occurred_at.date())
        .filter(|d| *d < occurred_on)
        .collect();
    occasions.sort();
    occasions.dedup();
    BreachFacts {
        on_licence: custody.on_licence_on(occurred_on),
        condition_mirrored: breached.iter().any(|c| c.mirrored_in_licence),
        earlier_breaches: occasions.len() as u32,
        intelligence,
    }
}

#[cfg(test)]
#[path = "breach_tests.rs"]
mod tests;
