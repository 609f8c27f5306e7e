//! A release recorded on the phone during the release-day briefing (kind `release`): the
//! officer at the gate answers "Released today?" and the release becomes a field record like any
//! other. The team server applies it to the nominal's custody (on licence from that day) and puts
//! in force every order that waits for release ("on release"), as new versions with the officer
//! as the one who made them (DOMAIN.md: recording the release is what starts the order). The
//! phone applies its own releases to what it shows until the server's versions arrive.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::cohort::Cohort;
use crate::domain::forms::custody_form::orders_in_force_on_release;
use crate::domain::order::scpo::{Order, OrderStage};
use crate::domain::people::nominal::{CustodyStatus, Nominal, ProbationContact};
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
    /// The nominal's custody after this release: on licence from the release day.
    pub fn custody(&self) -> CustodyStatus {
        CustodyStatus::OnLicence {
            released_on: self.released_on,
            licence_ends: self.licence_ends,
            probation: ProbationContact {
                name: self.probation_name.clone(),
                phone: None,
                email: None,
            },
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

impl Cohort {
    /// Why `release` cannot be applied to its nominal, in words; `None` when it can. A nominal
    /// not held, not in custody, or returned to custody after that release day is refused.
    pub fn release_refusal(&self, release: &Release) -> Option<String> {
        let Some(n) = self.nominal(&release.nominal_id) else {
            return Some("This nominal is not held by the server".into());
        };
        let name = n.display_name();
        match &n.custody {
            CustodyStatus::InCustody { .. } if release.licence_ends < release.released_on => {
                Some(format!(
                    "The licence's last day, {}, is before the release on {}",
                    format_date(release.licence_ends),
                    format_date(release.released_on)
                ))
            }
            CustodyStatus::InCustody {
                recall: Some(r), ..
            } if release.released_on <= r.recalled_on => Some(format!(
                "{name} was recalled to custody on {}, after this release: the release was not recorded",
                format_date(r.recalled_on)
            )),
            CustodyStatus::InCustody { .. } if release.released_on < n.date_of_birth => {
                Some("The release is before the date of birth".into())
            }
            CustodyStatus::InCustody { .. } => None,
            other => Some(format!(
                "{name} is not in custody ({}): the release was not recorded",
                other.describe(release.released_on)
            )),
        }
    }

    /// The nominal and the orders as `release` leaves them: on licence from the release day,
    /// and every order that waits for release in force from it. `None` when it cannot apply.
    pub fn released(&self, release: &Release) -> Option<(Nominal, Vec<Order>)> {
        if self.release_refusal(release).is_some() {
            return None;
        }
        let n = self.nominal(&release.nominal_id)?;
        let nominal = Nominal {
            custody: release.custody(),
            ..n.clone()
        };
        let mut orders = orders_in_force_on_release(&self.orders, &n.id, release.released_on);
        // An order made before release comes into force on release (DOMAIN.md): one dated to
        // the release expected comes into force on the real release day instead, and its last
        // day is at most five years from then (s.16(2)).
        let expected = n.custody.release_date();
        let day = release.released_on;
        for o in self.orders.iter().filter(|o| o.nominal_id == n.id) {
            if let OrderStage::Granted {
                date_granted,
                comes_into_force: Some(cif),
                ends,
            } = o.stage
            {
                if cif == expected && cif != day && date_granted <= day {
                    orders.push(Order {
                        stage: OrderStage::Granted {
                            date_granted,
                            comes_into_force: Some(day),
                            ends: ends.min(Order::latest_lawful_end(day)),
                        },
                        ..o.clone()
                    });
                }
            }
        }
        Some((nominal, orders))
    }

    /// Show every release recorded on this phone that the cohort does not show yet (the
    /// nominal still in custody): the phone's view until the team server's versions arrive.
    pub fn apply_releases(&mut self) {
        let releases = self.releases.clone();
        for r in &releases {
            let Some((nominal, orders)) = self.released(r) else {
                continue;
            };
            if let Some(n) = self.nominals.iter_mut().find(|n| n.id == nominal.id) {
                *n = nominal;
            }
            for o in orders {
                if let Some(held) = self.orders.iter_mut().find(|h| h.id == o.id) {
                    *held = o;
                }
            }
        }
    }

    /// "Released today?" is asked for a nominal in custody whose expected release is no more
    /// than the briefing's window away (or past), with an order made and not ended that waits
    /// for the release, and no release recorded for them yet.
    pub fn asks_released_today(&self, nominal_id: &str, today: NaiveDate) -> bool {
        let Some(n) = self.nominal(nominal_id) else {
            return false;
        };
        let CustodyStatus::InCustody {
            expected_release, ..
        } = n.custody
        else {
            return false;
        };
        let soon = crate::domain::time::dates::days_between(today, expected_release)
            <= crate::domain::field::briefing::BRIEFING_DUE_BEFORE_DAYS;
        let waiting = self.orders.iter().any(|o| {
            o.nominal_id == nominal_id
                && o.date_granted().is_some_and(|g| g <= today)
                && o.ends_on(today).is_some_and(|e| today <= e)
                && o.comes_into_force().is_none_or(|cif| today <= cif)
        });
        let recorded = self.releases.iter().any(|r| r.nominal_id == nominal_id);
        soon && waiting && !recorded
    }
}

impl Cohort {
    /// Import checks for releases: a known nominal, each id once, names in bounds, dates in
    /// range and the licence not ending before the release. (Whether it can still be applied
    /// is [`Cohort::release_refusal`]: a release already applied is history, not a problem.)
    pub(crate) fn check_releases(&self, p: &mut crate::domain::common::validation::Problems) {
        use crate::domain::cohort::checks::{EARLIEST_DATE, LATEST_DATE};
        use crate::domain::common::validation::MAX_SHORT_CHARS;
        let in_range = |d: NaiveDate| (EARLIEST_DATE..=LATEST_DATE).contains(&d);
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.releases.iter().enumerate() {
            let at = |f: &str| format!("releases[{i}].{f}");
            if !seen.insert(r.id.as_str()) {
                p.add(at("id"), format!("\"{}\" is used twice", r.id));
            }
            if self.nominal(&r.nominal_id).is_none() {
                p.add(
                    at("nominal_id"),
                    format!("no nominal has the id \"{}\"", r.nominal_id),
                );
            }
            for (f, v) in [
                ("probation_name", &r.probation_name),
                ("officer_name", &r.officer_name),
            ] {
                if v.chars().count() > MAX_SHORT_CHARS {
                    p.add(
                        at(f),
                        format!("must be {MAX_SHORT_CHARS} characters or fewer"),
                    );
                }
            }
            if r.probation_name.trim().is_empty() {
                p.add(at("probation_name"), "is empty");
            }
            for (f, d) in [
                ("released_on", r.released_on),
                ("licence_ends", r.licence_ends),
                ("recorded_at", r.recorded_at.date()),
            ] {
                if !in_range(d) {
                    p.add(at(f), "is out of range");
                }
            }
            if r.licence_ends < r.released_on {
                p.add(at("licence_ends"), "is before the release date");
            }
        }
    }
}

#[cfg(test)]
#[path = "release_tests.rs"]
mod tests;
