//! The recall referral to probation. Police do not recall anyone: probation's community offender
//! manager writes the recall report (Part A) and the Secretary of State revokes the licence. When
//! the enforcement level on a breach is "request to HMPPS to recall", the officer writes the
//! police referral that feeds Part A: custody now, arrest issues, the police contact, addresses,
//! contraband risk, the provisions breached word for word (and whether each is mirrored in the
//! licence), the circumstances with dates, earlier breaches and what was done, any new charge,
//! and the probation contact. Part A is disclosed to the person, so material that must not be
//! disclosed is kept in its own section.
//!
//! A referral, and each later update of its status, is a field record of its own
//! ([`RecallReferral`], [`ReferralStatusUpdate`]); nothing is edited in place.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::breach::BreachReport;
use super::cohort::Cohort;
use super::dates::{format_date, format_date_time};
use super::decision::{decision_for, DecisionLevel};
use super::nominal::ProbationContact;
use super::timeline::{EntryKind, Opens, TimelineEntry, Tone};

/// Is the person in custody now?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustodyNow {
    Prison,
    Police,
    No,
}

impl CustodyNow {
    pub const ALL: [CustodyNow; 3] = [Self::Prison, Self::Police, Self::No];
    pub fn label(self) -> &'static str {
        match self {
            Self::Prison => "Yes, in prison",
            Self::Police => "Yes, in police custody",
            Self::No => "No",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Prison => "prison",
            Self::Police => "police",
            Self::No => "no",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Where a referral stands with probation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Where every referral starts: made on the phone, nothing sent yet. Never recorded as an
    /// update (so never read from one): it is what stands while there is none.
    #[serde(skip_deserializing)]
    Made,
    SentToProbation,
    RecallDecided,
    NotRecalled,
    ReturnedToCustody,
}

impl ReferralStatus {
    /// The statuses an officer records on a referral (the update form offers these).
    pub const ALL: [ReferralStatus; 4] = [
        Self::SentToProbation,
        Self::RecallDecided,
        Self::NotRecalled,
        Self::ReturnedToCustody,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Made => "Made: not sent yet",
            Self::SentToProbation => "Sent to probation",
            Self::RecallDecided => "Recall decided",
            Self::NotRecalled => "Not recalled",
            Self::ReturnedToCustody => "Returned to custody",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Made => "made",
            Self::SentToProbation => "sent_to_probation",
            Self::RecallDecided => "recall_decided",
            Self::NotRecalled => "not_recalled",
            Self::ReturnedToCustody => "returned_to_custody",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
    /// An outcome: probation has decided (or the person is back in custody).
    pub fn is_outcome(self) -> bool {
        !matches!(self, Self::Made | Self::SentToProbation)
    }
}

/// How the police can be reached about the referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceContact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// One provision breached, word for word as granted, and whether the licence mirrors it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachedProvision {
    pub condition_id: String,
    pub verbatim: String,
    pub mirrored_in_licence: bool,
}

/// The police referral for a recall. Kind `"recall_referral"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecallReferral {
    pub id: String,
    /// The short reference a person reads ("DO/RR/2026/2"); empty on a referral made before
    /// references existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    pub nominal_id: String,
    pub breach_report_id: String,
    pub custody_now: CustodyNow,
    /// Risks to staff, children or vulnerable adults at the addresses.
    pub arrest_issues: String,
    pub police_contact: PoliceContact,
    pub last_address: String,
    #[serde(default)]
    pub other_addresses: String,
    pub contraband_risk: String,
    pub charged: bool,
    #[serde(default)]
    pub charge_details: String,
    pub provisions: Vec<BreachedProvision>,
    pub circumstances: String,
    pub earlier_breaches: String,
    /// The probation contact as the nominal's record held it when the referral was made.
    #[serde(default)]
    pub probation_contact: Option<ProbationContact>,
    /// Not to be disclosed to the person: kept out of the Part A text.
    #[serde(default)]
    pub not_for_disclosure: String,
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::iso::date_time")]
    pub made_at: NaiveDateTime,
}

/// A later change in where a referral stands. Kind `"referral_status"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralStatusUpdate {
    pub id: String,
    pub nominal_id: String,
    pub referral_id: String,
    pub status: ReferralStatus,
    #[serde(deserialize_with = "crate::domain::iso::date")]
    pub on: NaiveDate,
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::iso::date_time")]
    pub recorded_at: NaiveDateTime,
}

/// The enforcement level that stands on a report: the DS's decision if there is one, else the
/// level the officer chose.
pub fn level_of(cohort: &Cohort, report: &BreachReport) -> DecisionLevel {
    decision_for(&report.id, &cohort.breach_decisions)
        .map(|d| d.level)
        .unwrap_or_else(|| report.decision.chosen.into())
}

impl RecallReferral {
    /// What a person reads and says for this referral: its reference, else its id.
    pub fn shown_reference(&self) -> &str {
        super::reference::shown(&self.reference, &self.id)
    }
}

/// The report a referral may be made on `today`, or why not (worded for the officer): its
/// level must be request to recall, and a licence must have been in force on the day of the
/// breach and still be in force today ("The licence ended on 19 Nov 2026: recall is not
/// possible").
pub fn may_refer<'a>(
    cohort: &'a Cohort,
    report_id: &str,
    today: chrono::NaiveDate,
) -> Result<&'a BreachReport, String> {
    let report = cohort
        .breach_reports
        .iter()
        .find(|r| r.id == report_id)
        .ok_or_else(|| "This breach report is not on this phone".to_string())?;
    match level_of(cohort, report) {
        DecisionLevel::RequestRecall => match cohort.nominal(&report.nominal_id) {
            None => Err("This nominal is no longer in the cohort on this phone".to_string()),
            Some(n) => match n.custody.recall_refusal(report.occurred_at.date(), today) {
                Some(refusal) => Err(refusal),
                None => Ok(report),
            },
        },
        other => Err(format!(
            "A recall referral can be made only when the enforcement level is \"{}\". The level on this breach is \"{}\".",
            DecisionLevel::RequestRecall.label(),
            other.label()
        )),
    }
}

/// [`may_refer`], and no referral made for the report yet: one breach report, one referral
/// (where it stands later is a status update, not a second referral).
pub fn may_make_referral<'a>(
    cohort: &'a Cohort,
    report_id: &str,
    today: chrono::NaiveDate,
) -> Result<&'a BreachReport, String> {
    let report = may_refer(cohort, report_id, today)?;
    match cohort
        .recall_referrals
        .iter()
        .find(|r| r.breach_report_id == report_id)
    {
        Some(made) => Err(format!(
            "A recall referral was already made for this breach report on {} ({}). Update where it stands on the referral's page.",
            super::dates::format_date(made.made_at.date()),
            made.id
        )),
        None => Ok(report),
    }
}

pub use super::recall_referral_form::{
    earlier_breaches, email_shape_ok, prefill, provisions_of, Making, ReferralAnswers,
    ReferralField,
};

/// The status updates of a referral, oldest first (by date, then when recorded, then id).
pub fn statuses_of<'a>(cohort: &'a Cohort, referral_id: &str) -> Vec<&'a ReferralStatusUpdate> {
    let mut out: Vec<&ReferralStatusUpdate> = cohort
        .referral_statuses
        .iter()
        .filter(|s| s.referral_id == referral_id)
        .collect();
    super::sort::sort_by(&mut out, |a, b| {
        (a.on, a.recorded_at, a.id.as_str()).cmp(&(b.on, b.recorded_at, b.id.as_str()))
    });
    out
}

/// Where a referral stands: its latest status, or made (not sent yet) when none is recorded.
pub fn current_status(cohort: &Cohort, referral_id: &str) -> ReferralStatus {
    statuses_of(cohort, referral_id)
        .last()
        .map(|s| s.status)
        .unwrap_or(ReferralStatus::Made)
}

/// Referrals still awaiting an outcome (no recall decided, not recalled or returned to custody).
pub fn awaiting_outcome(cohort: &Cohort) -> Vec<&RecallReferral> {
    cohort
        .recall_referrals
        .iter()
        .filter(|r| !current_status(cohort, &r.id).is_outcome())
        .collect()
}

/// The referral on the nominal's history: "Recall referral to probation", the breach and the
/// provisions it names, custody and charge; never the section not for disclosure.
pub(super) fn timeline_entry(r: &RecallReferral) -> TimelineEntry {
    let provisions: Vec<String> = r.provisions.iter().map(|p| p.verbatim.clone()).collect();
    TimelineEntry::new(
        EntryKind::Referral,
        &r.id,
        r.made_at,
        "Recall referral to probation",
    )
    .opens(Opens::Referral(r.id.clone()))
    .tag(ReferralStatus::Made.label(), Tone::Warning)
    .fact("Provisions breached", provisions.join("; "))
    .fact("In custody now", r.custody_now.label())
    .fact(
        "Charged with an offence",
        if r.charged { "Yes" } else { "No" },
    )
    .fact(
        "Made",
        format!("{} by {}", format_date_time(r.made_at), r.officer_name),
    )
}

/// A status update on the history: "Referral status: Recall decided", on its date.
pub(super) fn status_entry(s: &ReferralStatusUpdate) -> TimelineEntry {
    let tone = if s.status.is_outcome() {
        Tone::Good
    } else {
        Tone::Neutral
    };
    TimelineEntry::new(
        EntryKind::Referral,
        &s.id,
        s.recorded_at,
        format!("Recall referral status: {}", s.status.label()),
    )
    .opens(Opens::Referral(s.referral_id.clone()))
    .tag(s.status.label(), tone)
    .fact("On", format_date(s.on))
    .fact(
        "Recorded",
        format!("{} by {}", format_date_time(s.recorded_at), s.officer_name),
    )
}

#[cfg(test)]
#[path = "recall_referral_tests.rs"]
mod tests;

/// Why a breach report or a recall referral pushed by a phone may not stand (the same words
/// the phone shows): recall, as the level the officer chose or as a referral, needs a licence in
/// force on the day of the breach and on the day of the choice (the report's `recorded_at`, the
/// referral's `made_at`). `None` for any other record, or when the licence allows it.
pub fn recall_refusal_of(cohort: &Cohort, kind: &str, id: &str) -> Option<String> {
    let refusal = |report: &BreachReport, on: chrono::NaiveDate| {
        cohort
            .nominal(&report.nominal_id)
            .and_then(|n| n.custody.recall_refusal(report.occurred_at.date(), on))
    };
    match kind {
        "breach_report" => cohort
            .breach_reports
            .iter()
            .find(|r| r.id == id)
            .filter(|r| r.decision.chosen == super::breach::EnforcementLevel::RequestRecall)
            .and_then(|r| refusal(r, r.recorded_at.date())),
        "recall_referral" => {
            let referral = cohort.recall_referrals.iter().find(|r| r.id == id)?;
            let report = cohort
                .breach_reports
                .iter()
                .find(|r| r.id == referral.breach_report_id)?;
            refusal(report, referral.made_at.date())
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "recall_licence_tests.rs"]
mod licence_tests;
