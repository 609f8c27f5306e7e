//! The breach report form: what the officer has answered so far (kept as a draft while they
//! go), the questions in the order they are asked, the checks on each answer, and how the
//! answers become a [`BreachReport`] with its recommendation.
//!
//! Every answer is kept as typed: a problem with one never loses another.

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::breach::{
    gather_facts, recommend, BreachFacts, BreachReport, EnforcementDecision, EnforcementLevel,
    Evidence, EvidenceKind, IntelligenceAssessment, Recommendation,
};
use super::cohort::Cohort;
use super::condition::Condition;
use super::nominal::OfficerRef;

/// Longest free text accepted in one answer, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A piece of evidence as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceDraft {
    pub kind: EvidenceKind,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub reference: String,
}

impl Default for EvidenceDraft {
    fn default() -> Self {
        Self {
            kind: EvidenceKind::Item,
            description: String::new(),
            reference: String::new(),
        }
    }
}

impl EvidenceDraft {
    pub fn is_blank(&self) -> bool {
        self.description.trim().is_empty() && self.reference.trim().is_empty()
    }

    fn to_evidence(&self) -> Evidence {
        Evidence {
            kind: self.kind,
            description: self.description.trim().to_string(),
            reference: self.reference.trim().to_string(),
        }
    }
}

/// A breach report being written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachDraft {
    pub nominal_id: String,
    /// When the officer started the report: what "Today, now" means.
    pub started_at: NaiveDateTime,
    #[serde(default)]
    pub condition_ids: Vec<String>,
    /// It happened when the report was started.
    pub now: bool,
    /// When not now: `yyyy-mm-dd`, as an HTML date input gives it.
    #[serde(default)]
    pub date: String,
    /// When not now: `HH:MM`.
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub what_was_seen: String,
    /// Evidence added to the report.
    #[serde(default)]
    pub evidence: Vec<EvidenceDraft>,
    /// Evidence being typed, not yet added.
    #[serde(default)]
    pub new_evidence: EvidenceDraft,
    #[serde(default)]
    pub intelligence: Option<IntelligenceAssessment>,
    /// The level the officer chose on the recommendation page (`None`: not chosen yet).
    #[serde(default)]
    pub chosen: Option<EnforcementLevel>,
    /// Why the officer chose a level other than the recommendation.
    #[serde(default)]
    pub override_reason: String,
    /// The late notification this report was started from, if any.
    #[serde(default)]
    pub from_notification: Option<String>,
}

/// The questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BreachStep {
    Conditions,
    Details,
    Intelligence,
    Check,
    Recommendation,
}

impl BreachStep {
    pub const QUESTIONS: [BreachStep; 3] = [Self::Conditions, Self::Details, Self::Intelligence];

    /// The last part of the page's address.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Conditions => "conditions",
            Self::Details => "details",
            Self::Intelligence => "intelligence",
            Self::Check => "check",
            Self::Recommendation => "recommendation",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            Self::Conditions,
            Self::Details,
            Self::Intelligence,
            Self::Check,
            Self::Recommendation,
        ]
        .into_iter()
        .find(|s| s.slug() == slug)
    }

    /// The page heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Conditions => "Which conditions were breached?",
            Self::Details => "What happened?",
            Self::Intelligence => "What does intelligence say about a return to serious crime?",
            Self::Check => "Check your answers",
            Self::Recommendation => "Recommendation",
        }
    }

    /// The page after this one.
    pub fn next(self) -> Self {
        match self {
            Self::Conditions => Self::Details,
            Self::Details => Self::Intelligence,
            Self::Intelligence => Self::Check,
            Self::Check | Self::Recommendation => Self::Recommendation,
        }
    }

    /// The page before this one, if it is a question of this form.
    pub fn previous(self) -> Option<Self> {
        match self {
            Self::Conditions => None,
            Self::Details => Some(Self::Conditions),
            Self::Intelligence => Some(Self::Details),
            Self::Check => Some(Self::Intelligence),
            Self::Recommendation => Some(Self::Check),
        }
    }
}

/// The answer a problem is about. `id()` is the id of its field on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreachField {
    Conditions,
    /// "Today, now" or another time.
    When,
    Date,
    Time,
    Location,
    WhatWasSeen,
    EvidenceDescription,
    Intelligence,
    OverrideReason,
}

impl BreachField {
    pub fn id(self) -> &'static str {
        match self {
            Self::Conditions => "conditions",
            Self::When => "breach-when",
            Self::Date => "breach-date",
            Self::Time => "breach-time",
            Self::Location => "location",
            Self::WhatWasSeen => "what-was-seen",
            Self::EvidenceDescription => "evidence-description",
            Self::Intelligence => "intelligence",
            Self::OverrideReason => "override-reason",
        }
    }

    /// The question the answer belongs to.
    pub fn step(self) -> BreachStep {
        match self {
            Self::Conditions => BreachStep::Conditions,
            Self::When
            | Self::Date
            | Self::Time
            | Self::Location
            | Self::WhatWasSeen
            | Self::EvidenceDescription => BreachStep::Details,
            Self::Intelligence => BreachStep::Intelligence,
            Self::OverrideReason => BreachStep::Recommendation,
        }
    }
}

/// Something that stops the report going further, worded for the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreachProblem {
    pub field: BreachField,
    pub message: String,
}

fn problem(field: BreachField, message: impl Into<String>) -> BreachProblem {
    BreachProblem {
        field,
        message: message.into(),
    }
}

fn too_long(text: &str) -> bool {
    text.trim().chars().count() > MAX_TEXT_CHARS
}

impl BreachDraft {
    /// A new report, started at `now`: "Today, now" until the officer says otherwise.
    pub fn new(nominal_id: &str, now: NaiveDateTime) -> Self {
        Self {
            nominal_id: nominal_id.to_string(),
            started_at: now,
            condition_ids: vec![],
            now: true,
            date: String::new(),
            time: String::new(),
            location: String::new(),
            what_was_seen: String::new(),
            evidence: vec![],
            new_evidence: EvidenceDraft::default(),
            intelligence: None,
            chosen: None,
            override_reason: String::new(),
            from_notification: None,
        }
    }

    /// Nothing answered yet (such a draft need not be kept).
    pub fn is_blank(&self) -> bool {
        let fresh = Self::new(&self.nominal_id, self.started_at);
        *self == fresh
    }

    /// When it happened, or what is wrong with the date and time typed.
    pub fn occurred_at(&self, now: NaiveDateTime) -> Result<NaiveDateTime, Vec<BreachProblem>> {
        if self.now {
            return Ok(self.started_at);
        }
        let mut problems = Vec::new();
        let date = match self.date.trim() {
            "" => {
                problems.push(problem(BreachField::Date, "Enter the date it happened"));
                None
            }
            d => super::dates::parse_entered_date(d).or_else(|| {
                problems.push(problem(
                    BreachField::Date,
                    "The date it happened must be a real date",
                ));
                None
            }),
        };
        let time = match self.time.trim() {
            "" => {
                problems.push(problem(BreachField::Time, "Enter the time it happened"));
                None
            }
            t => NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .ok()
                .or_else(|| {
                    problems.push(problem(
                        BreachField::Time,
                        "The time it happened must be a real time, like 09:30 or 14:15",
                    ));
                    None
                }),
        };
        match (date, time) {
            (Some(d), Some(t)) if d.and_time(t) > now => Err(vec![problem(
                BreachField::Date,
                "The date and time it happened must be now or in the past",
            )]),
            (Some(d), Some(t)) => Ok(d.and_time(t)),
            _ => Err(problems),
        }
    }

    /// The breached conditions, as held in the cohort.
    pub fn conditions<'a>(&self, cohort: &'a Cohort) -> Vec<&'a Condition> {
        self.condition_ids
            .iter()
            .filter_map(|id| cohort.condition(id))
            .collect()
    }

    /// Every problem with the answers on one page (for the check page and the recommendation:
    /// with every question).
    pub fn problems(
        &self,
        step: BreachStep,
        cohort: &Cohort,
        now: NaiveDateTime,
    ) -> Vec<BreachProblem> {
        match step {
            BreachStep::Conditions => self.condition_problems(cohort),
            BreachStep::Details => self.detail_problems(cohort, now),
            BreachStep::Intelligence => match self.intelligence {
                Some(_) => vec![],
                None => vec![problem(
                    BreachField::Intelligence,
                    "Select what intelligence says about a return to serious crime",
                )],
            },
            BreachStep::Check | BreachStep::Recommendation => BreachStep::QUESTIONS
                .into_iter()
                .flat_map(|s| self.problems(s, cohort, now))
                .collect(),
        }
    }

    fn condition_problems(&self, cohort: &Cohort) -> Vec<BreachProblem> {
        let known = self.conditions(cohort);
        let Some(first) = known.first() else {
            return vec![problem(
                BreachField::Conditions,
                "Select the condition that was breached",
            )];
        };
        if known.len() != self.condition_ids.len() {
            return vec![problem(
                BreachField::Conditions,
                "Select the condition that was breached",
            )];
        }
        // A breach is about the nominal's own order: never a condition of someone else's.
        let own = |c: &&Condition| {
            cohort
                .orders
                .iter()
                .any(|o| o.id == c.order_id && o.nominal_id == self.nominal_id)
        };
        if !known.iter().all(own) {
            return vec![problem(
                BreachField::Conditions,
                "Select conditions of this nominal's own order",
            )];
        }
        if known.iter().any(|c| c.order_id != first.order_id) {
            return vec![problem(
                BreachField::Conditions,
                "Select conditions of one order only",
            )];
        }
        vec![]
    }

    fn detail_problems(&self, cohort: &Cohort, now: NaiveDateTime) -> Vec<BreachProblem> {
        let mut problems = Vec::new();
        match self.occurred_at(now) {
            Err(p) => problems.extend(p),
            Ok(at) => {
                let day = at.date();
                let release = cohort
                    .nominal(&self.nominal_id)
                    .map(|n| n.custody.release_date());
                let not_in_force: Vec<String> = self
                    .conditions(cohort)
                    .into_iter()
                    .filter_map(|c| {
                        let why = match cohort.orders.iter().find(|o| o.id == c.order_id) {
                            Some(o) => c.why_not_in_force(o, day, release)?.to_string(),
                            None => "its order is not on this phone".to_string(),
                        };
                        Some(format!("{} ({why})", c.summary))
                    })
                    .collect();
                if !not_in_force.is_empty() {
                    problems.push(problem(
                        if self.now {
                            BreachField::When
                        } else {
                            BreachField::Date
                        },
                        format!(
                            "On {} {} not in force: {}",
                            super::dates::format_date(day),
                            if not_in_force.len() == 1 {
                                "this condition was"
                            } else {
                                "these conditions were"
                            },
                            not_in_force.join("; ")
                        ),
                    ));
                }
            }
        }
        if self.location.trim().is_empty() {
            problems.push(problem(BreachField::Location, "Enter where it happened"));
        } else if too_long(&self.location) {
            problems.push(problem(
                BreachField::Location,
                "Where it happened must be 5,000 characters or fewer",
            ));
        }
        if self.what_was_seen.trim().is_empty() {
            problems.push(problem(BreachField::WhatWasSeen, "Enter what was seen"));
        } else if too_long(&self.what_was_seen) {
            problems.push(problem(
                BreachField::WhatWasSeen,
                "What was seen must be 5,000 characters or fewer",
            ));
        }
        let e = &self.new_evidence;
        if e.description.trim().is_empty() && !e.reference.trim().is_empty() {
            problems.push(problem(
                BreachField::EvidenceDescription,
                "Enter a description of the evidence, or clear its reference",
            ));
        } else if too_long(&e.description) || too_long(&e.reference) {
            problems.push(problem(
                BreachField::EvidenceDescription,
                "The evidence must be 5,000 characters or fewer",
            ));
        }
        problems
    }

    /// Add the evidence being typed to the list. Returns false (and changes nothing) when it
    /// has no description.
    pub fn add_new_evidence(&mut self) -> bool {
        if self.new_evidence.description.trim().is_empty() {
            return false;
        }
        let e = std::mem::take(&mut self.new_evidence);
        self.new_evidence.kind = e.kind;
        self.evidence.push(e);
        true
    }

    /// The first question not yet answered well enough to go on, if any.
    pub fn first_incomplete(&self, cohort: &Cohort, now: NaiveDateTime) -> Option<BreachStep> {
        BreachStep::QUESTIONS
            .into_iter()
            .find(|s| !self.problems(*s, cohort, now).is_empty())
    }

    /// The facts the recommendation rests on, or the problems that stop it being made.
    pub fn facts(
        &self,
        cohort: &Cohort,
        now: NaiveDateTime,
    ) -> Result<BreachFacts, Vec<BreachProblem>> {
        let problems = self.problems(BreachStep::Check, cohort, now);
        if !problems.is_empty() {
            return Err(problems);
        }
        let at = self.occurred_at(now)?;
        let nominal = cohort.nominal(&self.nominal_id).ok_or_else(|| {
            vec![problem(
                BreachField::Conditions,
                "This nominal is no longer in the cohort on this phone",
            )]
        })?;
        let intelligence = self.intelligence.unwrap_or(IntelligenceAssessment::None);
        let conditions = self.conditions(cohort);
        let order_id = conditions
            .first()
            .map(|c| c.order_id.clone())
            .unwrap_or_default();
        Ok(gather_facts(
            &nominal.custody,
            &order_id,
            &conditions,
            &cohort.breaches_of(&self.nominal_id),
            at.date(),
            now.date(),
            intelligence,
        ))
    }

    pub fn recommendation(
        &self,
        cohort: &Cohort,
        now: NaiveDateTime,
    ) -> Result<Recommendation, Vec<BreachProblem>> {
        self.facts(cohort, now).map(|f| recommend(&f))
    }

    /// The officer's decision on `recommended`: the recommendation unless they chose another
    /// level, which needs a reason.
    pub fn decision(
        &self,
        recommended: Recommendation,
    ) -> Result<EnforcementDecision, BreachProblem> {
        let chosen = self.chosen.unwrap_or(recommended.level);
        EnforcementDecision::choose(recommended, chosen, &self.override_reason)
            .map_err(|e| problem(BreachField::OverrideReason, e.to_string()))
            .and_then(|d| {
                if too_long(&self.override_reason) && d.is_override() {
                    Err(problem(
                        BreachField::OverrideReason,
                        "The reason must be 5,000 characters or fewer",
                    ))
                } else {
                    Ok(d)
                }
            })
    }

    /// The report to submit, or every problem that stops it.
    pub fn to_report(
        &self,
        cohort: &Cohort,
        id: String,
        officer: &OfficerRef,
        now: NaiveDateTime,
    ) -> Result<BreachReport, Vec<BreachProblem>> {
        let recommended = self.recommendation(cohort, now)?;
        let decision = self.decision(recommended).map_err(|p| vec![p])?;
        let order_id = self
            .conditions(cohort)
            .first()
            .map(|c| c.order_id.clone())
            .unwrap_or_default();
        let mut evidence: Vec<Evidence> = self
            .evidence
            .iter()
            .map(EvidenceDraft::to_evidence)
            .collect();
        if !self.new_evidence.description.trim().is_empty() {
            evidence.push(self.new_evidence.to_evidence());
        }
        Ok(BreachReport {
            id,
            nominal_id: self.nominal_id.clone(),
            order_id,
            condition_ids: self.condition_ids.clone(),
            occurred_at: self.occurred_at(now)?,
            location: self.location.trim().to_string(),
            what_was_seen: self.what_was_seen.trim().to_string(),
            evidence,
            intelligence: self.intelligence.unwrap_or(IntelligenceAssessment::None),
            decision,
            officer_id: officer.id.clone(),
            officer_name: officer.name.clone(),
            recorded_at: now,
            corrects: None,
        })
    }
}

/// Quick answers for "Where did it happen?".
pub fn quick_locations(home_address: Option<&str>) -> Vec<(&'static str, String)> {
    vec![
        (
            "Home address",
            match home_address {
                Some(a) if !a.trim().is_empty() => format!("Home address, {}", a.trim()),
                _ => "Home address".to_string(),
            },
        ),
        ("Police station", "Police station".to_string()),
        ("In a public place", "In a public place".to_string()),
    ]
}

#[cfg(test)]
#[path = "breach_form_tests.rs"]
mod tests;
