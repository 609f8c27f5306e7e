//! The breach report as it is being written, and what it becomes. Every answer is kept as
//! typed, in a draft saved as the officer goes, so a problem with one answer never loses
//! another; once every page's checks (in [`breach_form`](crate::domain::forms::breach_form)) pass, the
//! answers give the facts, the recommendation and the [`BreachReport`].

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::breach::report::{
    gather_facts, recommend, Admission, BreachFacts, BreachReport, EnforcementLevel, Evidence,
    EvidenceKind, History, IntelligenceAssessment, Recommendation, Said,
};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::forms::breach_form::{BreachField, BreachProblem, BreachStep};
use crate::domain::order::condition::Condition;
use crate::domain::people::nominal::OfficerRef;

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

    pub(crate) fn to_evidence(&self) -> Evidence {
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
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
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
    /// Any explanation the nominal gave (optional).
    #[serde(default)]
    pub explanation: String,
    /// Whether the nominal admits the breach ("Not asked yet" until answered).
    #[serde(default)]
    pub admission: Admission,
    /// The officer knows of a caution or conviction for a breach of this order in the two
    /// years before.
    #[serde(default)]
    pub caution_bar_stated: bool,
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
            explanation: String::new(),
            admission: Admission::NotAskedYet,
            caution_bar_stated: false,
            evidence: vec![],
            new_evidence: EvidenceDraft::default(),
            intelligence: None,
            chosen: None,
            override_reason: String::new(),
            from_notification: None,
        }
    }

    /// The notice on the first page of a report opened again: "You have a breach report in
    /// progress for this nominal, started 24 Nov 2026, 09:00. Your answers are kept." Only for a
    /// draft that came back from an earlier visit (`restored`) with a condition chosen; never
    /// for the one the officer has just started (`just_started`: the tap that opened the page
    /// made it, e.g. "Start a breach report" on a late notification, which fills it in).
    pub fn resume_notice(&self, restored: bool, just_started: bool) -> Option<String> {
        (restored && !just_started && !self.condition_ids.is_empty()).then(|| {
            format!(
                "You have a breach report in progress for this nominal, started {}. Your answers are kept.",
                crate::domain::time::dates::format_date_time(self.started_at)
            )
        })
    }

    /// A report started from a late notification with no time given: a failure to notify
    /// happens on a day (the last day in time), at no time in particular.
    pub fn date_only(&self) -> bool {
        !self.now && self.from_notification.is_some() && self.time.trim().is_empty()
    }

    /// Nothing answered yet (such a draft need not be kept).
    pub fn is_blank(&self) -> bool {
        let fresh = Self::new(&self.nominal_id, self.started_at);
        *self == fresh
    }

    /// The breached conditions, as held in the cohort.
    pub fn conditions<'a>(&self, cohort: &'a Cohort) -> Vec<&'a Condition> {
        self.condition_ids
            .iter()
            .filter_map(|id| cohort.condition(id))
            .collect()
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
            vec![BreachProblem::new(
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
        let reports = cohort.breaches_of(&self.nominal_id);
        let history = History {
            reports: &reports,
            decisions: &cohort.breach_decisions,
            orders: &cohort.orders,
        };
        let said = Said {
            intelligence,
            admission: self.admission,
            caution_bar_stated: self.caution_bar_stated,
        };
        Ok(gather_facts(
            &nominal.custody,
            &order_id,
            &conditions,
            history,
            at.date(),
            now.date(),
            said,
        ))
    }

    pub fn recommendation(
        &self,
        cohort: &Cohort,
        now: NaiveDateTime,
    ) -> Result<Recommendation, Vec<BreachProblem>> {
        self.facts(cohort, now).map(|f| recommend(&f))
    }

    /// The report to submit, or every problem that stops it.
    pub fn to_report(
        &self,
        cohort: &Cohort,
        id: String,
        officer: &OfficerRef,
        now: NaiveDateTime,
    ) -> Result<BreachReport, Vec<BreachProblem>> {
        let facts = self.facts(cohort, now)?;
        let decision = self
            .decision(recommend(&facts), &facts)
            .map_err(|p| vec![p])?;
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
        let reference = crate::domain::common::reference::next_reference(
            &officer.name,
            crate::domain::common::reference::BREACH_REPORT,
            chrono::Datelike::year(&now),
            cohort.breach_reports.iter().map(|r| r.reference.as_str()),
        );
        Ok(BreachReport {
            id,
            reference,
            nominal_id: self.nominal_id.clone(),
            order_id,
            condition_ids: self.condition_ids.clone(),
            occurred_at: self.occurred_at(now)?,
            date_only: self.date_only(),
            location: self.location.trim().to_string(),
            what_was_seen: self.what_was_seen.trim().to_string(),
            explanation: Some(self.explanation.trim())
                .filter(|e| !e.is_empty())
                .map(str::to_string),
            evidence,
            admission: self.admission,
            caution_bar_stated: self.caution_bar_stated,
            intelligence: self.intelligence.unwrap_or(IntelligenceAssessment::None),
            decision,
            officer_id: officer.id.clone(),
            officer_name: officer.name.clone(),
            recorded_at: now,
            corrects: None,
        })
    }
}
