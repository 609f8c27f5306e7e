//! Breach reports: what was breached, when and where, the evidence, what intelligence says,
//! and which reports stand once corrections are taken into account. The enforcement
//! recommendation made on a report, and the officer's decision, are in
//! [`enforcement`](crate::domain::breach::enforcement) (re-exported here).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub use crate::domain::breach::enforcement::{
    gather_facts, recommend, BreachFacts, EnforcementDecision, History, OverrideReasonMissing,
    Reason, Recommendation, Said,
};

/// Whether the nominal admits the breach: a caution needs an admission; without one the route
/// is investigation and charge (s.25). "Not asked yet" is an answer at the scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    Admits,
    DoesNotAdmit,
    #[default]
    NotAskedYet,
}

impl Admission {
    pub const ALL: [Admission; 3] = [Self::Admits, Self::DoesNotAdmit, Self::NotAskedYet];

    pub fn label(self) -> &'static str {
        match self {
            Self::Admits => "Yes, admits the breach",
            Self::DoesNotAdmit => "No, does not admit it",
            Self::NotAskedYet => "Not asked yet",
        }
    }

    /// The value of the form's radio and the JSON name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Admits => "admits",
            Self::DoesNotAdmit => "does_not_admit",
            Self::NotAskedYet => "not_asked_yet",
        }
    }
}

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
    /// Investigate and charge for the breach (s.25): JSON `"charge"`, as the DS's level.
    #[serde(rename = "charge")]
    Charge,
    RequestRecall,
    ProactiveReferral,
}

impl BreachReport {
    /// What a person reads and says for this report: its reference, else its id.
    pub fn shown_reference(&self) -> &str {
        crate::domain::common::reference::shown(&self.reference, &self.id)
    }
}

impl EnforcementLevel {
    /// Least to most: caution, charge, recall, proactive referral (precedence runs the other
    /// way, DOMAIN.md).
    pub const ALL: [EnforcementLevel; 4] = [
        Self::InterviewAndCaution,
        Self::Charge,
        Self::RequestRecall,
        Self::ProactiveReferral,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::InterviewAndCaution => "Interview and caution",
            Self::Charge => "Investigate and charge (s.25)",
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachReport {
    pub id: String,
    /// The short reference a person reads ("DO/BR/2026/7", [`reference`](crate::domain::common::reference));
    /// empty on a report made before references existed (its id is shown then).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    pub nominal_id: String,
    pub order_id: String,
    pub condition_ids: Vec<String>,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub occurred_at: NaiveDateTime,
    /// It happened on a day, at no time in particular: a failure to notify police by the last
    /// day in time. `occurred_at` holds that day at 00:00, and no time is ever shown for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_only: bool,
    pub location: String,
    pub what_was_seen: String,
    /// Any explanation the nominal gave at the time, in the officer's words: what a
    /// reasonable-excuse defence (s.25) would rest on. `None`: none recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Whether the nominal admits the breach (reports made before the question was asked read
    /// as not asked yet).
    #[serde(default)]
    pub admission: Admission,
    /// The officer said the nominal was cautioned or convicted for a breach of this order in
    /// the two years before this breach (a simple caution is then barred).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub caution_bar_stated: bool,
    pub intelligence: IntelligenceAssessment,
    pub decision: EnforcementDecision,
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub recorded_at: NaiveDateTime,
    #[serde(default)]
    pub corrects: Option<String>,
}

impl BreachReport {
    /// When it happened, in words: "24 Nov 2026, 14:05", or the day alone for a breach with no
    /// time ([`BreachReport::date_only`]).
    pub fn when(&self) -> String {
        if self.date_only {
            crate::domain::time::dates::format_date(self.occurred_at.date())
        } else {
            crate::domain::time::dates::format_date_time(self.occurred_at)
        }
    }

    /// The circumstances of a breach in a sentence that reads as English whatever is empty:
    /// "On 24 Nov 2026 at Home address: What was seen." The place only when there is one (not
    /// empty, nor "not applicable", as for a failure to notify police, which happens on a day and
    /// nowhere in particular).
    pub fn circumstances(&self) -> String {
        let mut when = format!(
            "On {}",
            crate::domain::time::dates::format_date(self.occurred_at.date())
        );
        let place = self.location.trim();
        let not_applicable = place
            .get(..14)
            .is_some_and(|p| p.eq_ignore_ascii_case("not applicable"));
        if !place.is_empty() && !not_applicable {
            when.push_str(" at ");
            when.push_str(place);
        }
        match crate::domain::common::words::sentence(&self.what_was_seen) {
            seen if seen.is_empty() => crate::domain::common::words::sentence(&when),
            seen => format!("{when}: {seen}"),
        }
    }
}

/// The breach reports that stand: each report as last corrected. A correction is a new report
/// that names the one it corrects (`corrects`), possibly through a chain of corrections; the
/// latest in a chain (by `recorded_at`, then id) is the one that stands, with its own date,
/// order and conditions. The result does not depend on the order the reports are given in.
pub fn standing_reports(reports: &[BreachReport]) -> Vec<&BreachReport> {
    use std::collections::HashMap;
    let by_id: HashMap<&str, &BreachReport> = reports.iter().map(|r| (r.id.as_str(), r)).collect();
    // The first report of a chain: follow `corrects` back (bounded, so a loop cannot hang).
    let root = |r: &BreachReport| -> String {
        let mut id = r.id.as_str();
        let mut current = r;
        for _ in 0..=reports.len() {
            match current.corrects.as_deref() {
                Some(prev) => {
                    id = prev;
                    match by_id.get(prev) {
                        Some(p) => current = p,
                        None => break,
                    }
                }
                None => break,
            }
        }
        id.to_string()
    };
    let mut latest: HashMap<String, &BreachReport> = HashMap::new();
    for r in reports {
        let key = root(r);
        let replace = latest
            .get(&key)
            .is_none_or(|cur| (r.recorded_at, r.id.as_str()) > (cur.recorded_at, cur.id.as_str()));
        if replace {
            latest.insert(key, r);
        }
    }
    let mut out: Vec<&BreachReport> = latest.into_values().collect();
    crate::domain::common::sort::sort_by(&mut out, |a, b| {
        (a.occurred_at, a.id.as_str()).cmp(&(b.occurred_at, b.id.as_str()))
    });
    out
}

#[cfg(test)]
#[path = "breach_tests.rs"]
pub(crate) mod tests;
