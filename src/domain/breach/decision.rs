//! The DS's decision on a breach report: agree with the officer's chosen level or decide
//! otherwise, with the rationale written to the national decision model (information,
//! assessment of threat and risk, powers and policy, options, action).
//!
//! A decision is a record of its own, linked to the report (`report_id`); nothing is edited in
//! place. A second decision on the same report is a new record that names the one it replaces
//! (`replaces`); the latest of a chain is the one that stands ([`decision_for`]). A decision is
//! made on the report as it stands: once a report is corrected, the correction (a new report)
//! awaits a decision of its own.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::breach::report::{standing_reports, BreachReport, EnforcementLevel};
use crate::domain::common::form::{required_text_problem, FieldProblem};
use crate::domain::people::nominal::{CustodyStatus, OfficerRef};

/// The level the DS decides on: the officer's four enforcement levels (same JSON names as
/// [`EnforcementLevel`]) and no further action (with the rationale, like every decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionLevel {
    InterviewAndCaution,
    RequestRecall,
    ProactiveReferral,
    Charge,
    NoFurtherAction,
}

impl DecisionLevel {
    pub const ALL: [DecisionLevel; 5] = [
        Self::InterviewAndCaution,
        Self::Charge,
        Self::RequestRecall,
        Self::ProactiveReferral,
        Self::NoFurtherAction,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::InterviewAndCaution => EnforcementLevel::InterviewAndCaution.label(),
            Self::RequestRecall => EnforcementLevel::RequestRecall.label(),
            Self::ProactiveReferral => EnforcementLevel::ProactiveReferral.label(),
            Self::Charge => EnforcementLevel::Charge.label(),
            Self::NoFurtherAction => "No further action",
        }
    }

    /// The JSON name (`"request_recall"`), also the value of the form's radio.
    pub fn code(self) -> &'static str {
        match self {
            Self::InterviewAndCaution => "interview_and_caution",
            Self::RequestRecall => "request_recall",
            Self::ProactiveReferral => "proactive_referral",
            Self::Charge => "charge",
            Self::NoFurtherAction => "no_further_action",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The outcome as the unit's figures name it.
    pub fn outcome_label(self) -> &'static str {
        match self {
            Self::InterviewAndCaution => "Caution",
            Self::RequestRecall => "Recall referral",
            Self::ProactiveReferral => "Proactive referral",
            Self::Charge => "Investigate and charge",
            Self::NoFurtherAction => "No further action",
        }
    }
}

impl From<EnforcementLevel> for DecisionLevel {
    fn from(l: EnforcementLevel) -> Self {
        match l {
            EnforcementLevel::InterviewAndCaution => Self::InterviewAndCaution,
            EnforcementLevel::Charge => Self::Charge,
            EnforcementLevel::RequestRecall => Self::RequestRecall,
            EnforcementLevel::ProactiveReferral => Self::ProactiveReferral,
        }
    }
}

/// A DS's decision on one breach report. Kind `"breach_decision"`, written by the team server
/// and pulled by the phones; never pushed by a phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachDecision {
    pub id: String,
    pub nominal_id: String,
    pub report_id: String,
    pub level: DecisionLevel,
    /// The DS agrees with the level the officer chose (then `level` is that level).
    pub agrees: bool,
    /// National decision model: the information the decision rests on.
    pub information: String,
    /// The assessment of threat and risk.
    pub assessment: String,
    pub powers_and_policy: String,
    /// The options considered.
    pub options: String,
    /// The decision and its rationale.
    pub action: String,
    /// The DS records this decision as a disruption of organised crime.
    pub disruption: bool,
    pub decided_by: String,
    pub decided_by_name: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub decided_at: NaiveDateTime,
    /// The earlier decision on the same report this one replaces.
    #[serde(default)]
    pub replaces: Option<String>,
}

impl BreachDecision {
    pub const KIND: &'static str = "breach_decision";

    /// "Interview and caution (agreed)" or "Investigate and charge (s.25) (the
    /// officer chose: Interview and caution)".
    pub fn summary(&self, officer_chose: Option<EnforcementLevel>) -> String {
        match (self.agrees, officer_chose) {
            (true, _) => format!("{} (agreed)", self.level.label()),
            (false, Some(l)) => {
                format!("{} (the officer chose: {})", self.level.label(), l.label())
            }
            (false, None) => format!("{} (decided otherwise)", self.level.label()),
        }
    }
}

/// The fields of the decision form, each with the id of its input (the error summary links
/// to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionField {
    Report,
    Agrees,
    Level,
    Information,
    Assessment,
    PowersAndPolicy,
    Options,
    Action,
}

impl DecisionField {
    pub fn id(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Agrees => "agrees",
            Self::Level => "level",
            Self::Information => "information",
            Self::Assessment => "assessment",
            Self::PowersAndPolicy => "powers_and_policy",
            Self::Options => "options",
            Self::Action => "action",
        }
    }
}

/// What the DS answered, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionAnswers {
    /// `Some(true)`: agree with the officer; `Some(false)`: decide otherwise.
    pub agrees: Option<bool>,
    /// The level chosen when deciding otherwise.
    pub level: Option<DecisionLevel>,
    pub information: String,
    pub assessment: String,
    pub powers_and_policy: String,
    pub options: String,
    pub action: String,
    pub disruption: bool,
    /// The decision standing when the form was opened, which this one replaces.
    pub replaces: Option<String>,
}

/// Who decides, when, the new record's id, and the nominal's custody as held (for the licence
/// recall needs).
pub struct Decider<'a> {
    pub officer: &'a OfficerRef,
    pub at: NaiveDateTime,
    pub id: String,
    pub custody: Option<&'a CustodyStatus>,
}

pub type DecisionProblem = FieldProblem<DecisionField>;

/// Make the decision on `report_id` (a report of `nominal_id`), or list every problem with the
/// field it belongs to. `reports` and `decisions` are the nominal's (others are ignored).
///
/// The report must stand (not corrected since); deciding otherwise needs a level other than the
/// officer's; all five parts of the national decision model are required (the rationale is what
/// makes the decision defensible), each at most 5,000 characters; when the report already has a
/// decision, `replaces` must name it (so a decision made meanwhile by someone else is never
/// silently overtaken), and when it has none, `replaces` must be empty.
pub fn decide(
    a: &DecisionAnswers,
    nominal_id: &str,
    report_id: &str,
    reports: &[BreachReport],
    decisions: &[BreachDecision],
    by: Decider<'_>,
) -> Result<BreachDecision, Vec<DecisionProblem>> {
    use DecisionField as F;
    let mut p = Vec::new();
    let mine: Vec<BreachReport> = reports
        .iter()
        .filter(|r| r.nominal_id == nominal_id)
        .cloned()
        .collect();
    let standing = standing_reports(&mine);
    let report = standing.iter().find(|r| r.id == report_id).copied();
    if report.is_none() {
        let msg = if mine.iter().any(|r| r.id == report_id) {
            "This report has been corrected: decide on the report as corrected"
        } else {
            "There is no breach report with this reference for this nominal"
        };
        p.push(FieldProblem::new(F::Report, msg));
    }
    let officer_level = report.map(|r| DecisionLevel::from(r.decision.chosen));
    let level = match (a.agrees, a.level) {
        (None, _) => {
            p.push(FieldProblem::new(
                F::Agrees,
                "Select whether you agree with the officer's level or decide otherwise",
            ));
            None
        }
        (Some(true), _) => officer_level,
        (Some(false), None) => {
            p.push(FieldProblem::new(
                F::Level,
                "Select the level you decide on",
            ));
            None
        }
        (Some(false), Some(l)) if Some(l) == officer_level => {
            p.push(FieldProblem::new(
                F::Level,
                "This is the level the officer chose: select ‘Agree with the officer’, or select a different level",
            ));
            None
        }
        (Some(false), Some(l)) => Some(l),
    };
    // Recall needs a licence in force on the day of the breach and on the day of the decision.
    let refusal = match (report, level) {
        (Some(r), Some(DecisionLevel::RequestRecall)) => match by.custody {
            Some(c) => c.recall_refusal(r.occurred_at.date(), by.at.date()),
            None => Some("The nominal is not held here: recall is not possible".to_string()),
        },
        _ => None,
    };
    if let Some(words) = refusal {
        let field = if a.agrees == Some(true) {
            F::Agrees
        } else {
            F::Level
        };
        p.push(FieldProblem::new(field, words));
    }
    let texts = [
        (
            F::Information,
            &a.information,
            "Enter the information the decision rests on",
            "Information",
        ),
        (
            F::Assessment,
            &a.assessment,
            "Enter your assessment of threat and risk",
            "Assessment",
        ),
        (
            F::PowersAndPolicy,
            &a.powers_and_policy,
            "Enter the powers and policy that apply",
            "Powers and policy",
        ),
        (
            F::Options,
            &a.options,
            "Enter the options you considered",
            "Options",
        ),
        (
            F::Action,
            &a.action,
            "Enter your decision and its rationale",
            "Decision and rationale",
        ),
    ];
    for (field, text, missing, name) in texts {
        if let Some(m) = required_text_problem(text, missing, name) {
            p.push(FieldProblem::new(field, m));
        }
    }
    let standing_decision = decision_for(report_id, decisions).map(|d| d.id.as_str());
    let replaces = a.replaces.as_deref().filter(|s| !s.trim().is_empty());
    if report.is_some() && replaces != standing_decision {
        p.push(FieldProblem::new(
            F::Report,
            match standing_decision {
                Some(_) => "A decision was recorded on this report since you opened it: read it, then decide again",
                None => "The decision this would replace is not held for this report",
            },
        ));
    }
    match (report, level) {
        (Some(r), Some(level)) if p.is_empty() => Ok(BreachDecision {
            id: by.id,
            nominal_id: r.nominal_id.clone(),
            report_id: r.id.clone(),
            level,
            agrees: a.agrees == Some(true),
            information: a.information.trim().to_string(),
            assessment: a.assessment.trim().to_string(),
            powers_and_policy: a.powers_and_policy.trim().to_string(),
            options: a.options.trim().to_string(),
            action: a.action.trim().to_string(),
            disruption: a.disruption,
            decided_by: by.officer.id.clone(),
            decided_by_name: by.officer.name.clone(),
            decided_at: by.at,
            replaces: replaces.map(str::to_string),
        }),
        _ => Err(p),
    }
}

/// The decision that stands on a report: of the decisions on it, the one no other replaces
/// (the latest by time, then id, should two stand).
pub fn decision_for<'a>(
    report_id: &str,
    decisions: &'a [BreachDecision],
) -> Option<&'a BreachDecision> {
    let on: Vec<&BreachDecision> = decisions
        .iter()
        .filter(|d| d.report_id == report_id)
        .collect();
    on.iter()
        .filter(|d| {
            !on.iter()
                .any(|o| o.replaces.as_deref() == Some(d.id.as_str()))
        })
        .max_by(|a, b| (a.decided_at, &a.id).cmp(&(b.decided_at, &b.id)))
        .copied()
}

/// The standing reports (see [`standing_reports`]) with no decision yet, oldest first.
pub fn awaiting_decision<'a>(
    reports: &'a [BreachReport],
    decisions: &[BreachDecision],
) -> Vec<&'a BreachReport> {
    standing_reports(reports)
        .into_iter()
        .filter(|r| !decisions.iter().any(|d| d.report_id == r.id))
        .collect()
}

/// A decision with only what the unit's figures read filled in, for their tests.
#[cfg(test)]
pub(crate) fn figures_decision(
    id: &str,
    report_id: &str,
    level: DecisionLevel,
    disruption: bool,
    decided_at: NaiveDateTime,
) -> BreachDecision {
    BreachDecision {
        id: id.into(),
        nominal_id: String::new(),
        report_id: report_id.into(),
        level,
        agrees: true,
        information: String::new(),
        assessment: String::new(),
        powers_and_policy: String::new(),
        options: String::new(),
        action: String::new(),
        disruption,
        decided_by: "DS-TEST".into(),
        decided_by_name: "DS Test".into(),
        decided_at,
        replaces: None,
    }
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
