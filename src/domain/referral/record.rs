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

use crate::domain::people::nominal::ProbationContact;

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
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub made_at: NaiveDateTime,
}

/// A later change in where a referral stands. Kind `"referral_status"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralStatusUpdate {
    pub id: String,
    pub nominal_id: String,
    pub referral_id: String,
    pub status: ReferralStatus,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub on: NaiveDate,
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub recorded_at: NaiveDateTime,
}

impl RecallReferral {
    /// What a person reads and says for this referral: its reference, else its id.
    pub fn shown_reference(&self) -> &str {
        crate::domain::common::reference::shown(&self.reference, &self.id)
    }
}
