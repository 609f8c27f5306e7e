//! The breach report form: the questions in the order they are asked, the answer each
//! problem is about, and the checks on what each page submits. The answers are kept as typed in
//! a [`BreachDraft`] (`breach_draft`), which becomes the report once these checks pass.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::report::{
    BreachFacts, EnforcementDecision, EnforcementLevel, Recommendation,
};
use crate::domain::cohort::aggregate::Cohort;
pub use crate::domain::common::form::MAX_TEXT_CHARS;
use crate::domain::common::form::{
    entered_date, length_problem, required_text_problem, FieldProblem,
};
pub use crate::domain::forms::breach_draft::{BreachDraft, EvidenceDraft};
use crate::domain::order::condition::Condition;

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
    Explanation,
    EvidenceDescription,
    Intelligence,
    /// The enforcement level chosen on the recommendation page.
    Level,
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
            Self::Explanation => "explanation",
            Self::EvidenceDescription => "evidence-description",
            Self::Intelligence => "intelligence",
            Self::Level => "level-caution",
            Self::OverrideReason => "override-reason",
        }
    }

    /// The question the answer belongs to.
    pub fn step(self) -> BreachStep {
        match self {
            // When it happened is asked first, on the page that lists the conditions in force
            // on that day.
            Self::Conditions | Self::When | Self::Date | Self::Time => BreachStep::Conditions,
            Self::Location | Self::WhatWasSeen | Self::Explanation | Self::EvidenceDescription => {
                BreachStep::Details
            }
            Self::Intelligence => BreachStep::Intelligence,
            Self::Level | Self::OverrideReason => BreachStep::Recommendation,
        }
    }
}

/// Something that stops the report going further, worded for the officer.
pub type BreachProblem = FieldProblem<BreachField>;

impl BreachDraft {
    /// When it happened, or what is wrong with the date and time typed.
    pub fn occurred_at(&self, now: NaiveDateTime) -> Result<NaiveDateTime, Vec<BreachProblem>> {
        if self.now {
            return Ok(self.started_at);
        }
        let date = entered_date(
            &self.date,
            "Enter the date it happened",
            "The date it happened",
        );
        let time = match self.time.trim() {
            // A failure to notify has a day and no time.
            "" if self.date_only() => Ok(chrono::NaiveTime::MIN),
            "" => Err("Enter the time it happened"),
            t => crate::domain::time::dates::parse_clock_time(t)
                .ok_or("The time it happened must be a real time, like 09:30 or 14:15"),
        };
        match (date, time) {
            (Ok(d), Ok(t)) if d.and_time(t) > now => Err(vec![BreachProblem::new(
                BreachField::Date,
                "The date and time it happened must be now or in the past",
            )]),
            (Ok(d), Ok(t)) => Ok(d.and_time(t)),
            (date, time) => {
                let date = date.err().map(|m| BreachProblem::new(BreachField::Date, m));
                let time = time.err().map(|m| BreachProblem::new(BreachField::Time, m));
                Err(date.into_iter().chain(time).collect())
            }
        }
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
            BreachStep::Conditions => self.condition_problems(cohort, now),
            BreachStep::Details => self.detail_problems(cohort),
            BreachStep::Intelligence => match self.intelligence {
                Some(_) => vec![],
                None => vec![BreachProblem::new(
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

    /// The day it happened as far as typed: the day the report was started for "Today, now",
    /// else the date entered when it is a real date (the time does not change the day).
    pub fn day(&self) -> Option<NaiveDate> {
        if self.now {
            Some(self.started_at.date())
        } else {
            crate::domain::common::form::parse_entered_date(&self.date)
        }
    }

    /// The conditions to choose from: those of the nominal's order in force on the day it
    /// happened, with that day's wording (a provision reworded since is the record in force
    /// then), and any already chosen that are not (so they can be unticked). None until the
    /// day is known.
    pub fn choices<'a>(&self, cohort: &'a Cohort) -> Vec<&'a Condition> {
        let Some(day) = self.day() else {
            return vec![];
        };
        let mut list = cohort.live_conditions(&self.nominal_id, day);
        for c in self.conditions(cohort) {
            if !list.iter().any(|x| x.id == c.id) {
                list.push(c);
            }
        }
        list
    }

    /// When it happened (asked first), then which conditions: each chosen must be in force on
    /// that day.
    fn condition_problems(&self, cohort: &Cohort, now: NaiveDateTime) -> Vec<BreachProblem> {
        match self.occurred_at(now) {
            Err(p) => p
                .into_iter()
                .chain(self.chosen_problems(cohort).into_iter().take(1))
                .collect(),
            Ok(at) => match self.chosen_problems(cohort).into_iter().next() {
                Some(p) => vec![p],
                None => self.in_force_problems(cohort, at.date()),
            },
        }
    }

    fn chosen_problems(&self, cohort: &Cohort) -> Vec<BreachProblem> {
        let known = self.conditions(cohort);
        let Some(first) = known.first() else {
            return vec![BreachProblem::new(
                BreachField::Conditions,
                "Select the condition that was breached",
            )];
        };
        if known.len() != self.condition_ids.len() {
            return vec![BreachProblem::new(
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
            return vec![BreachProblem::new(
                BreachField::Conditions,
                "Select conditions of this nominal's own order",
            )];
        }
        if known.iter().any(|c| c.order_id != first.order_id) {
            return vec![BreachProblem::new(
                BreachField::Conditions,
                "Select conditions of one order only",
            )];
        }
        vec![]
    }

    /// The chosen conditions not in force on `day`, in one problem that says why for each.
    fn in_force_problems(&self, cohort: &Cohort, day: NaiveDate) -> Vec<BreachProblem> {
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
        if not_in_force.is_empty() {
            return vec![];
        }
        let one = not_in_force.len() == 1;
        vec![BreachProblem::new(
            BreachField::Conditions,
            format!(
                "On {} {} not in force: {}. Untick {}, or change the date",
                crate::domain::time::dates::format_date(day),
                if one {
                    "this condition was"
                } else {
                    "these conditions were"
                },
                not_in_force.join("; "),
                if one { "it" } else { "them" }
            ),
        )]
    }

    fn detail_problems(&self, cohort: &Cohort) -> Vec<BreachProblem> {
        let mut problems = Vec::new();
        let location = required_text_problem(
            &self.location,
            "Enter where it happened",
            "Where it happened",
        );
        problems.extend(location.map(|m| BreachProblem::new(BreachField::Location, m)));
        let seen =
            required_text_problem(&self.what_was_seen, "Enter what was seen", "What was seen");
        problems.extend(seen.map(|m| BreachProblem::new(BreachField::WhatWasSeen, m)));
        let explanation = length_problem(&self.explanation, "The explanation");
        problems.extend(explanation.map(|m| BreachProblem::new(BreachField::Explanation, m)));
        let e = &self.new_evidence;
        let evidence = if e.description.trim().is_empty() && !e.reference.trim().is_empty() {
            Some("Enter a description of the evidence, or clear its reference".to_string())
        } else {
            length_problem(&e.description, "The evidence")
                .or_else(|| length_problem(&e.reference, "The evidence"))
                .or_else(|| self.typed_evidence_problem(cohort))
        };
        problems.extend(evidence.map(|m| BreachProblem::new(BreachField::EvidenceDescription, m)));
        problems
    }

    /// The first question not yet answered well enough to go on, if any.
    pub fn first_incomplete(&self, cohort: &Cohort, now: NaiveDateTime) -> Option<BreachStep> {
        BreachStep::QUESTIONS
            .into_iter()
            .find(|s| !self.problems(*s, cohort, now).is_empty())
    }

    /// The officer's decision on `recommended`: the recommendation unless they chose another
    /// level, which needs a reason. Recall is refused when the licence rules it out
    /// (`facts.licence_refusal`), however it is chosen.
    pub fn decision(
        &self,
        recommended: Recommendation,
        facts: &BreachFacts,
    ) -> Result<EnforcementDecision, BreachProblem> {
        let chosen = self.chosen.unwrap_or(recommended.level);
        if chosen == EnforcementLevel::RequestRecall {
            if let Some(refusal) = &facts.licence_refusal {
                return Err(BreachProblem::new(BreachField::Level, refusal.clone()));
            }
        }
        EnforcementDecision::choose(recommended, chosen, &self.override_reason)
            .map_err(|e| BreachProblem::new(BreachField::OverrideReason, e.to_string()))
            .and_then(
                |d| match length_problem(&self.override_reason, "The reason") {
                    Some(m) if d.is_override() => {
                        Err(BreachProblem::new(BreachField::OverrideReason, m))
                    }
                    _ => Ok(d),
                },
            )
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

#[cfg(test)]
#[path = "breach_day_tests.rs"]
mod day_tests;
