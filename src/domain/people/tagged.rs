//! How a nominal's `custody` is read from the cohort file: through a plain struct with every field of every
//! variant, so a bad field keeps its exact path (see `common::tagged`).

use chrono::NaiveDate;
use serde::Deserialize;

use super::nominal::{CustodyStatus, ProbationContact, Recall};
use crate::domain::common::tagged::{need, MissingField};
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CustodyTag {
    InCustody,
    OnLicence,
    LicenceEnded,
    InCommunity,
}

#[derive(Deserialize)]
pub struct CustodyRaw {
    status: CustodyTag,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    expected_release: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    released_on: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    licence_ends: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    licence_ended: Option<NaiveDate>,
    #[serde(default)]
    probation: Option<ProbationContact>,
    #[serde(default)]
    recall: Option<Recall>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    since: Option<NaiveDate>,
}

impl TryFrom<CustodyRaw> for CustodyStatus {
    type Error = MissingField;
    fn try_from(r: CustodyRaw) -> Result<Self, MissingField> {
        Ok(match r.status {
            CustodyTag::InCustody => Self::InCustody {
                expected_release: need(r.expected_release, "expected_release")?,
                recall: r.recall,
            },
            CustodyTag::OnLicence => Self::OnLicence {
                released_on: need(r.released_on, "released_on")?,
                licence_ends: need(r.licence_ends, "licence_ends")?,
                probation: need(r.probation, "probation")?,
                recall: r.recall,
            },
            CustodyTag::LicenceEnded => Self::LicenceEnded {
                released_on: need(r.released_on, "released_on")?,
                licence_ended: need(r.licence_ended, "licence_ended")?,
                recall: r.recall,
            },
            CustodyTag::InCommunity => Self::InCommunity {
                since: need(r.since, "since")?,
                recall: r.recall,
            },
        })
    }
}
