//! The s.25 evidence pack: for one breach report, what a prosecution file for breach starts
//! from, gathered from the cohort with the rules the rest of the app uses, and what it lacks.
//!
//! Its sections: the order and the variations in force on the breach day (the certified copy,
//! s.25(4), comes from the court); how the person is bound (s.10) and the release-day briefing;
//! each breached provision word for word, from when it was in force, with its variations; the
//! facts, with any explanation given (a reasonable excuse is a defence); the exhibits (the shape
//! of an MG12), withdrawn ones marked, none left out; earlier breaches and their outcomes, and
//! the decision on this one. The [`Gap`]s say in plain words what is missing.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::decision::{decision_for, BreachDecision};
use crate::domain::breach::report::{standing_reports, BreachReport};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::briefing::Briefing;
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::{Bound, Order, Variation};
use crate::domain::people::nominal::Nominal;
use crate::domain::time::dates::format_date;

/// One breached provision as it stood on the breach day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub condition_id: String,
    /// `None`: the provision is not on this phone.
    pub condition: Option<Condition>,
    /// The first day it was in force: the order's, its own start, or the variation adding it.
    pub in_force_from: Option<NaiveDate>,
    /// Why it was not in force on the breach day (should not happen), or `None`.
    pub not_in_force: Option<String>,
    /// The variation that added it, if any.
    pub added_by: Option<Variation>,
    /// The wording it replaced under that variation.
    pub replaces: Option<Condition>,
    /// A variation that ends it (after the breach day, or the reason it was not in force).
    pub ended_by: Option<Variation>,
}

/// One condition as gone through at the release-day briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefedCondition {
    pub summary: String,
    pub explained: bool,
    pub understood: bool,
    pub question: String,
    /// One of the breached provisions.
    pub breached: bool,
}

/// One row of the exhibits list: a photo exhibit captured in the app (with its hash and capture
/// record), or a piece of evidence typed into the report (without them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackExhibit {
    pub reference: String,
    pub description: String,
    pub sha256: Option<String>,
    pub captured_at: Option<NaiveDateTime>,
    pub captured_by: Option<String>,
    /// Withdrawn: why, when and by whom. Kept in the list.
    pub withdrawn: Option<String>,
}

impl PackExhibit {
    /// A photo exhibit captured in the app (it has its hash), not typed evidence.
    pub fn is_photo(&self) -> bool {
        self.sha256.is_some()
    }

    /// The exhibit on one line of the printed report: "Photo exhibit DO/2: Kitchen table.
    /// Captured 24 Nov 2026, 14:30 by PC Demo Officer. SHA-256 9f86…", "Item seized: Black
    /// handset. Reference EXH-1", any withdrawal last.
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        match (&self.sha256, self.captured_at) {
            (Some(hash), at) => {
                parts.push(format!(
                    "Photo exhibit {}: {}",
                    self.reference, self.description
                ));
                if let Some(at) = at {
                    let by = self.captured_by.as_deref().unwrap_or("an unknown officer");
                    parts.push(format!(
                        "Captured {} by {by}",
                        crate::domain::time::dates::format_date_time(at)
                    ));
                }
                parts.push(format!("SHA-256 {hash}"));
            }
            (None, _) => {
                parts.push(self.description.clone());
                parts.push(match self.reference.as_str() {
                    "No reference" => "No reference".into(),
                    r => format!("Reference: {r}"),
                });
            }
        }
        parts.extend(self.withdrawn.clone());
        crate::domain::common::words::sentences(parts.iter().map(String::as_str))
    }
}

/// Every exhibit of a report, as its print view, the DS's desk and the s.25 pack list them:
/// the photo exhibits captured for it or for any version of it (withdrawn ones kept and
/// marked), then the evidence typed into it.
pub fn report_exhibits(cohort: &Cohort, report: &BreachReport) -> Vec<PackExhibit> {
    let chain = chain_of(&cohort.breaches_of(&report.nominal_id), &report.id);
    exhibits(cohort, report, &chain)
}

/// An earlier breach (as it stands after corrections) and what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierBreach {
    /// The report's reference as a person reads it (its id when it has none).
    pub report_reference: String,
    pub occurred_at: NaiveDateTime,
    pub provisions: Vec<String>,
    /// Under the same order as this breach.
    pub same_order: bool,
    /// The DS's decision if there is one, else the level the officer chose, said as which.
    pub outcome: String,
}

impl EarlierBreach {
    /// The breach on one line of the pack: "3 Nov 2026, 10:00: <provisions>. Outcome: <outcome>.
    /// Report BR-1." A provision quoted word for word ends with its own full stop; never two.
    pub fn line(&self) -> String {
        let head = format!(
            "{}{}: {}",
            crate::domain::time::dates::format_date_time(self.occurred_at),
            if self.same_order {
                ""
            } else {
                " (under another order)"
            },
            self.provisions.join("; ")
        );
        crate::domain::common::words::sentences([
            head.as_str(),
            &format!("Outcome: {}", self.outcome),
            &format!("Report {}", self.report_reference),
        ])
    }
}

/// Something the pack lacks, in words for the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    OrderNotHeld,
    NotBound,
    ServedAfterBreach { served_on: NaiveDate },
    NoBriefing,
    BriefingAfterBreach { signed_on: NaiveDate },
    NoBodyWornVideo,
    CopyNotHandedOver { reason: String },
    CopyNotRecorded,
    ProvisionNotBriefed { summary: String },
    ProvisionNotHeld { condition_id: String },
    ProvisionNotInForce { summary: String, why: String },
    NoExplanation,
    NoExhibits,
    NoCaptureRecord { exhibit: String },
    NoDecision,
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::OrderNotHeld => write!(f, "The order is not on this phone: its court, dates and wording cannot be shown"),
            Self::NotBound => write!(f, "No record of how the person is bound by the order (s.10): that they were represented at the hearing, or served with notice of it (date, how, by whom)"),
            Self::ServedAfterBreach { served_on } => write!(f, "The order was served on {}, after the breach: the person may not have been bound on the day (s.10)", format_date(*served_on)),
            Self::NoBriefing => write!(f, "No signed release-day briefing on this order"),
            Self::BriefingAfterBreach { signed_on } => write!(f, "The release-day briefing was signed off on {}, after the breach", format_date(*signed_on)),
            Self::NoBodyWornVideo => write!(f, "The briefing has no body-worn video reference"),
            Self::CopyNotHandedOver { reason } => write!(f, "A copy of the order was not handed over at the briefing ({reason})"),
            Self::CopyNotRecorded => write!(f, "The briefing does not say whether a copy of the order was handed over"),
            Self::ProvisionNotBriefed { summary } => write!(f, "The briefing does not record that this provision was explained and understood: {summary}"),
            Self::ProvisionNotHeld { condition_id } => write!(f, "The breached provision {condition_id} is not on this phone: its wording cannot be shown"),
            Self::ProvisionNotInForce { summary, why } => write!(f, "A breached provision was not in force on the day ({why}): {summary}"),
            Self::NoExplanation => write!(f, "No explanation from the person is recorded (what they said matters to a reasonable-excuse defence)"),
            Self::NoExhibits => write!(f, "No exhibits: no photo or other evidence is recorded for this breach"),
            Self::NoCaptureRecord { exhibit } => write!(f, "{exhibit} was not captured in the app: no SHA-256 or capture record, so its continuity rests on the property record"),
            Self::NoDecision => write!(f, "No DS decision on this report on this phone yet"),
        }
    }
}

/// The pack for one breach report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidencePack {
    /// The report as it stands after any correction.
    pub report: BreachReport,
    /// The report asked for, when a later correction stands in its place.
    pub corrected_from: Option<String>,
    pub nominal: Nominal,
    /// The day of the breach.
    pub day: NaiveDate,
    pub prepared_on: NaiveDate,
    pub order: Option<Order>,
    pub variations_in_force: Vec<Variation>,
    /// Variations that took effect after the breach day: not the terms of that day.
    pub later_variations: Vec<Variation>,
    pub briefing: Option<Briefing>,
    pub briefed: Vec<BriefedCondition>,
    pub provisions: Vec<Provision>,
    pub exhibits: Vec<PackExhibit>,
    pub earlier: Vec<EarlierBreach>,
    pub ds_decision: Option<BreachDecision>,
    pub gaps: Vec<Gap>,
}

/// The evidence pack for breach report `report_id`, or `None` when the report or its nominal is
/// not on this phone. A report since corrected gives the pack of the report as corrected.
pub fn evidence_pack(cohort: &Cohort, report_id: &str, today: NaiveDate) -> Option<EvidencePack> {
    let asked = cohort.breach_reports.iter().find(|r| r.id == report_id)?;
    let nominal = cohort.nominal(&asked.nominal_id)?.clone();
    let mine = cohort.breaches_of(&nominal.id);
    let chain = chain_of(&mine, report_id);
    let standing = standing_reports(&mine);
    let report = standing
        .iter()
        .find(|r| chain.contains(&r.id))
        .map_or_else(|| asked.clone(), |r| (*r).clone());
    let day = report.occurred_at.date();
    let mut gaps = Vec::new();
    let order = cohort
        .orders
        .iter()
        .find(|o| o.id == report.order_id)
        .cloned();
    let mut variations: Vec<Variation> = order.iter().flat_map(|o| o.variations.clone()).collect();
    crate::domain::common::sort::sort_by(&mut variations, |a, b| {
        (a.takes_effect, &a.id).cmp(&(b.takes_effect, &b.id))
    });
    let (variations_in_force, later_variations): (Vec<Variation>, Vec<Variation>) =
        variations.into_iter().partition(|v| v.takes_effect <= day);
    // 2. How the person is bound.
    match order.as_ref().map(|o| o.bound.as_ref()) {
        None => gaps.push(Gap::OrderNotHeld),
        Some(None) => gaps.push(Gap::NotBound),
        Some(Some(Bound::Served { served_on, .. })) if *served_on > day => {
            gaps.push(Gap::ServedAfterBreach {
                served_on: *served_on,
            })
        }
        Some(Some(_)) => {}
    }
    let briefing = release_day_briefing(cohort, &report, &mut gaps);
    // 3. The provisions.
    let release = Some(nominal.custody.release_date());
    let provisions: Vec<Provision> = report
        .condition_ids
        .iter()
        .map(|id| provision(cohort, order.as_ref(), id, day, release))
        .collect();
    for p in &provisions {
        match (&p.condition, &p.not_in_force) {
            (None, _) => gaps.push(Gap::ProvisionNotHeld {
                condition_id: p.condition_id.clone(),
            }),
            (Some(c), Some(why)) => gaps.push(Gap::ProvisionNotInForce {
                summary: c.summary.clone(),
                why: why.clone(),
            }),
            _ => {}
        }
    }
    let briefed: Vec<BriefedCondition> = briefing
        .iter()
        .flat_map(|b| b.conditions.iter())
        .map(|c| BriefedCondition {
            summary: cohort
                .condition(&c.condition_id)
                .map_or_else(|| c.condition_id.clone(), |k| k.summary.clone()),
            explained: c.explained,
            understood: c.understood,
            question: c.question.clone(),
            breached: report.condition_ids.contains(&c.condition_id),
        })
        .collect();
    if let Some(b) = &briefing {
        for p in &provisions {
            let done = b
                .condition(&p.condition_id)
                .is_some_and(|c| c.explained && c.understood);
            if let (false, Some(c)) = (done, &p.condition) {
                gaps.push(Gap::ProvisionNotBriefed {
                    summary: c.summary.clone(),
                });
            }
        }
    }
    // 4. The facts.
    if report
        .explanation
        .as_deref()
        .is_none_or(|e| e.trim().is_empty())
    {
        gaps.push(Gap::NoExplanation);
    }
    // 5. The exhibits.
    let exhibits = exhibits(cohort, &report, &chain);
    let usable = exhibits.iter().filter(|e| e.withdrawn.is_none()).count();
    if usable == 0 {
        gaps.push(Gap::NoExhibits);
    }
    gaps.extend(
        exhibits
            .iter()
            .filter(|e| e.sha256.is_none())
            .map(|e| Gap::NoCaptureRecord {
                exhibit: format!("{} ({})", e.reference, e.description),
            }),
    );
    // 6. Earlier breaches and the decision.
    let key = (report.occurred_at, report.id.as_str());
    let earlier = standing
        .iter()
        .filter(|r| !chain.contains(&r.id) && (r.occurred_at, r.id.as_str()) < key)
        .map(|r| EarlierBreach {
            report_reference: r.shown_reference().to_string(),
            occurred_at: r.occurred_at,
            provisions: r
                .condition_ids
                .iter()
                .map(|id| {
                    cohort
                        .condition(id)
                        .map_or_else(|| id.clone(), |c| c.summary.clone())
                })
                .collect(),
            same_order: r.order_id == report.order_id,
            outcome: outcome(r, &cohort.breach_decisions),
        })
        .collect();
    let ds_decision = decision_for(&report.id, &cohort.breach_decisions).cloned();
    if ds_decision.is_none() {
        gaps.push(Gap::NoDecision);
    }
    Some(EvidencePack {
        corrected_from: (report.id != report_id).then(|| report_id.to_string()),
        report,
        nominal,
        day,
        prepared_on: today,
        order,
        variations_in_force,
        later_variations,
        briefing,
        briefed,
        provisions,
        exhibits,
        earlier,
        ds_decision,
        gaps,
    })
}

#[path = "parts.rs"]
mod parts;
use parts::{chain_of, exhibits, outcome, provision, release_day_briefing};

#[cfg(test)]
#[path = "evidence_pack_tests.rs"]
mod tests;
