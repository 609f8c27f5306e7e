//! A release recorded on the phone during the release-day briefing (kind `release`): the
//! officer at the gate answers "Released today?" and the release becomes a field record like any
//! other. The team server applies it to the nominal's custody (on licence from that day) and puts
//! in force every order that waits for release ("on release"), as new versions with the officer
//! as the one who made them (DOMAIN.md: recording the release is what starts the order). The
//! phone applies its own releases to what it shows until the server's versions arrive.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::people::nominal::{CustodyStatus, ProbationContact};
use crate::domain::time::dates::format_date;

/// The reason kept with the versions a release recorded on the phone makes.
pub const RELEASE_REASON: &str =
    "Released today, recorded on the phone during the release-day briefing";

/// "Released today", as the officer recorded it. Kind `"release"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub id: String,
    pub nominal_id: String,
    /// The day of release: the day the officer answered "yes".
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub released_on: NaiveDate,
    /// The licence's last day, as the officer was told it.
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub licence_ends: NaiveDate,
    /// The probation practitioner who supervises the licence.
    pub probation_name: String,
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub recorded_at: NaiveDateTime,
}

impl Release {
    /// The nominal's custody after this release: on licence from the release day (a recall
    /// before it is kept by [`CustodyStatus::following`]).
    pub fn custody(&self) -> CustodyStatus {
        CustodyStatus::OnLicence {
            released_on: self.released_on,
            licence_ends: self.licence_ends,
            probation: ProbationContact {
                name: self.probation_name.clone(),
                phone: None,
                email: None,
            },
            recall: None,
        }
    }
}

/// The answers to "Released today?" turned into the release to record: `Ok(None)` for "no",
/// the release (on the day of `at`) for "yes", else every problem in words, by field
/// (`released`, `licence-ends`, `probation-name`).
pub fn make_release(
    released: &str,
    licence_ends: Result<NaiveDate, String>,
    probation_name: &str,
    nominal_id: &str,
    id: String,
    officer: &crate::domain::people::nominal::OfficerRef,
    at: NaiveDateTime,
) -> Result<Option<Release>, Vec<(&'static str, String)>> {
    match released {
        "no" => return Ok(None),
        "yes" => {}
        _ => {
            let m = "Select yes if they were released today";
            return Err(vec![("released", m.to_string())]);
        }
    }
    let today = at.date();
    let mut p = vec![];
    match &licence_ends {
        Err(why) => p.push(("licence-ends", why.clone())),
        Ok(d) if *d < today => p.push((
            "licence-ends",
            format!(
                "The licence's last day must be today or later (today is {})",
                format_date(today)
            ),
        )),
        Ok(_) => {}
    }
    let name = probation_name.trim();
    if name.is_empty() {
        p.push((
            "probation-name",
            "Enter the probation practitioner's name".to_string(),
        ));
    } else if name.chars().count() > crate::domain::common::validation::MAX_SHORT_CHARS {
        p.push((
            "probation-name",
            "The probation practitioner's name must be 200 characters or fewer".to_string(),
        ));
    }
    match licence_ends {
        Ok(licence_ends) if p.is_empty() => Ok(Some(Release {
            id,
            nominal_id: nominal_id.to_string(),
            released_on: today,
            licence_ends,
            probation_name: name.to_string(),
            officer_id: officer.id.clone(),
            officer_name: officer.name.clone(),
            recorded_at: at,
        })),
        _ => Err(p),
    }
}
