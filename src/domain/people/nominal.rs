//! The nominal: the person subject to the order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Risk rating, reviewed from time to time. Ordered from most to least serious so that
/// sorting a cohort by rating puts very high first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskRating {
    VeryHigh,
    High,
    Medium,
    Low,
}

impl RiskRating {
    pub const ALL: [RiskRating; 4] = [Self::VeryHigh, Self::High, Self::Medium, Self::Low];

    pub fn label(self) -> &'static str {
        match self {
            Self::VeryHigh => "Very high",
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
        }
    }
}

/// The officer a nominal is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerRef {
    /// Collar number or force identifier: opaque to the app.
    pub id: String,
    pub name: String,
}

/// The probation practitioner who supervises a licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbationContact {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A recall to custody from a licence: the day of the release the licence began with, and the
/// day of the recall. When that release was itself a re-release after an earlier recall,
/// `first_released_on` keeps the first release of the sentence (the one an order made before
/// it came into force on); absent, `released_on` was the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recall {
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub released_on: NaiveDate,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub recalled_on: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::time::iso::opt_date"
    )]
    pub first_released_on: Option<NaiveDate>,
}

/// Where the nominal stands with prison and probation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "snake_case",
    try_from = "crate::domain::people::tagged::CustodyRaw"
)]
pub enum CustodyStatus {
    InCustody {
        expected_release: NaiveDate,
        /// Recalled to custody from a licence: the release it ended is kept, so an order that
        /// came into force on that release stays in force (a recall does not end the order).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recall: Option<Recall>,
    },
    /// On licence from `released_on`. `recall`: when this is a re-release, the recall it
    /// followed (keeping the first release, so an order in force from it stays in force).
    OnLicence {
        released_on: NaiveDate,
        licence_ends: NaiveDate,
        probation: ProbationContact,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recall: Option<Recall>,
    },
    /// The licence that began on `released_on` ended; `recall` as on licence.
    LicenceEnded {
        released_on: NaiveDate,
        licence_ended: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recall: Option<Recall>,
    },
    /// In the community with no licence: a High Court order (s.1) on someone never imprisoned,
    /// a release without licence, or a sentence that ended before the order came into force.
    /// `since`: the day of that release, or (never imprisoned) the day the order came into force.
    /// `recall`: when released without licence after a recall (a sentence served in full), that
    /// recall.
    InCommunity {
        since: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recall: Option<Recall>,
    },
}

impl CustodyStatus {
    /// Was (or is) the nominal on licence on `day`? This follows the dates, not the label: the
    /// licence is in force from the day of release to its last day, both inclusive, whether the
    /// file says `on_licence` (with `licence_ends`) or `licence_ended` (with `licence_ended`,
    /// the licence's last day). So a file still labelled "on licence" after its end date says
    /// "no", and a breach dated inside a licence that has since ended says "yes". A nominal in
    /// custody has no licence in force, but the licence a recall ended was in force from that
    /// release to the day of the recall: a breach dated then, reported while recalled or after
    /// the re-release, was on licence too.
    pub fn on_licence_on(&self, day: NaiveDate) -> bool {
        let within = |(from, to): (NaiveDate, NaiveDate)| from <= day && day <= to;
        self.licence_period().is_some_and(within)
            || self
                .recall()
                .is_some_and(|r| within((r.released_on, r.recalled_on)))
    }

    /// The licence's first and last days, when there is (or was) one.
    pub fn licence_period(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Self::OnLicence {
                released_on,
                licence_ends,
                ..
            } => Some((*released_on, *licence_ends)),
            Self::LicenceEnded {
                released_on,
                licence_ended,
                ..
            } => Some((*released_on, *licence_ended)),
            Self::InCustody { .. } | Self::InCommunity { .. } => None,
        }
    }

    /// Why recall cannot be chosen for a breach on `breach_day` when the choice is made on
    /// `choice_day`, in words; `None` when a licence was in force on the breach day and still is
    /// on the choice day (an expired licence cannot be revoked, DOMAIN.md). For a recommendation,
    /// an officer's override, a DS's decision and a referral alike.
    pub fn recall_refusal(&self, breach_day: NaiveDate, choice_day: NaiveDate) -> Option<String> {
        use crate::domain::time::dates::format_date;
        let Some((from, to)) = self.licence_period() else {
            let why = match self {
                Self::InCustody { .. } => "The nominal is in custody with no licence in force",
                _ => "The nominal is in the community with no licence",
            };
            return Some(format!("{why}: recall is not possible"));
        };
        if breach_day < from {
            return Some(format!(
                "The licence began on {}, after the breach on {}: recall is not possible",
                format_date(from),
                format_date(breach_day)
            ));
        }
        if to < breach_day || to < choice_day {
            return Some(format!(
                "The licence ended on {}: recall is not possible",
                format_date(to)
            ));
        }
        None
    }

    /// The probation contact of the licence in force on `day`: never from a label that outlived
    /// its licence.
    pub fn probation_on(&self, day: NaiveDate) -> Option<&ProbationContact> {
        match self {
            Self::OnLicence { probation, .. } if self.on_licence_on(day) => Some(probation),
            _ => None,
        }
    }

    /// The day of release, past or expected.
    pub fn release_date(&self) -> NaiveDate {
        match self {
            Self::InCustody {
                expected_release, ..
            } => *expected_release,
            Self::OnLicence { released_on, .. } | Self::LicenceEnded { released_on, .. } => {
                *released_on
            }
            Self::InCommunity { since, .. } => *since,
        }
    }

    /// Wording for the nominal page, e.g. "On licence until 3 Mar 2027", and after a recall
    /// "On licence until 2 Mar 2028, re-released 3 Mar 2027 after recall".
    pub fn describe(&self, today: NaiveDate) -> String {
        use crate::domain::time::dates::format_date;
        let now = match self {
            Self::InCustody {
                expected_release,
                recall: Some(r),
            } => {
                return format!(
                    "Recalled to custody on {} (released {}), expected release {}",
                    format_date(r.recalled_on),
                    format_date(r.released_on),
                    format_date(*expected_release)
                )
            }
            Self::InCustody {
                expected_release, ..
            } => {
                return format!(
                    "In custody, expected release {}",
                    format_date(*expected_release)
                )
            }
            Self::OnLicence { licence_ends, .. } if *licence_ends < today => {
                format!("Licence ended {}", format_date(*licence_ends))
            }
            Self::OnLicence { licence_ends, .. } => {
                format!("On licence until {}", format_date(*licence_ends))
            }
            Self::LicenceEnded { licence_ended, .. } => {
                format!("Licence ended {}", format_date(*licence_ended))
            }
            Self::InCommunity { since, .. } => {
                format!(
                    "In the community, no licence, since {}",
                    format_date(*since)
                )
            }
        };
        match (self, self.recall()) {
            (_, None) => now,
            (Self::InCommunity { .. }, Some(_)) => format!("{now}, released after recall"),
            (_, Some(_)) => format!(
                "{now}, re-released {} after recall",
                format_date(self.release_date())
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nominal {
    /// Opaque identifier, e.g. "N-0001". Never a name or a police national computer number.
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub date_of_birth: NaiveDate,
    pub risk: RiskRating,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub risk_reviewed_on: NaiveDate,
    pub offender_manager: OfficerRef,
    pub custody: CustodyStatus,
    /// Home address as held; optional because it may be unknown before release.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl Nominal {
    /// "FAMILY, Given": the way police lists show a name.
    pub fn display_name(&self) -> String {
        format!("{}, {}", self.family_name.to_uppercase(), self.given_name)
    }

    /// Does `query` match a name or an alias? Case-insensitive, ignores surrounding spaces.
    pub fn matches_name(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return true;
        }
        let full = format!("{} {}", self.given_name, self.family_name).to_lowercase();
        let reversed = format!("{} {}", self.family_name, self.given_name).to_lowercase();
        full.contains(&q)
            || reversed.contains(&q)
            || self.aliases.iter().any(|a| a.to_lowercase().contains(&q))
    }

    /// Age in whole years on `day`.
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        day.years_since(self.date_of_birth).unwrap_or(0)
    }
}

#[cfg(test)]
#[path = "nominal_tests.rs"]
mod tests;
