//! Releases as the cohort holds them (kind `release`, recorded on the phone during the
//! release-day briefing: [`crate::domain::field::release`]): whether one can still be applied,
//! the nominal and orders after it, the phone showing its own releases until the server's
//! versions arrive, and the import checks.

use chrono::NaiveDate;

use crate::domain::cohort::Cohort;
use crate::domain::field::release::Release;
use crate::domain::order::scpo::{Order, OrderStage};
use crate::domain::people::nominal::{CustodyStatus, Nominal};
use crate::domain::time::dates::format_date;

/// The nominal's orders that wait for release ("on release": granted, not yet in force), in
/// force from `released_on`: the new versions to save with the release.
pub fn orders_in_force_on_release(
    orders: &[Order],
    nominal_id: &str,
    released_on: NaiveDate,
) -> Vec<Order> {
    orders
        .iter()
        .filter(|o| o.nominal_id == nominal_id)
        .filter_map(|o| match &o.stage {
            OrderStage::Granted {
                date_granted,
                comes_into_force: None,
                ends,
            } => Some(Order {
                stage: OrderStage::Granted {
                    date_granted: *date_granted,
                    comes_into_force: Some(released_on),
                    ends: *ends,
                },
                ..o.clone()
            }),
            _ => None,
        })
        .collect()
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
        // A release after a recall keeps the recall, and with it the first release.
        let nominal = Nominal {
            custody: release.custody().following(&n.custody),
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
    /// for the release (or, recalled, an order that stays in force through the recall), and no
    /// release recorded for them yet (recalled: none after the recall).
    pub fn asks_released_today(&self, nominal_id: &str, today: NaiveDate) -> bool {
        let Some(n) = self.nominal(nominal_id) else {
            return false;
        };
        let CustodyStatus::InCustody {
            expected_release,
            recall,
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
                && (recall.is_some() || o.comes_into_force().is_none_or(|cif| today <= cif))
        });
        let recorded = self.releases.iter().any(|r| {
            r.nominal_id == nominal_id && recall.is_none_or(|rc| rc.recalled_on < r.released_on)
        });
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

impl Cohort {
    /// The push's judgement of a release (the new record is `releases[..]` of this cohort, with
    /// the nominal's cohort records as held): it must apply, and the nominal and orders it leaves must
    /// meet every rule of the cohort, else the refusal in words.
    pub fn release_judgement(&self, release_id: &str) -> Result<(), String> {
        let after = self;
        let Some(release) = after.releases.iter().find(|r| r.id == release_id) else {
            return Err("The release could not be read".into());
        };
        if let Some(why) = after.release_refusal(release) {
            return Err(why);
        }
        let Some(applied) = after.released_cohort(release) else {
            return Err("The release could not be applied".into());
        };
        let words: Vec<String> = applied
            .validate()
            .into_iter()
            .filter(|p| p.path.starts_with("nominals[") || p.path.starts_with("orders["))
            .take(3)
            .map(|p| p.to_string())
            .collect();
        if words.is_empty() {
            Ok(())
        } else {
            Err(format!(
            "The release cannot be recorded as it stands: {}. Ask the DS to correct the record at the desk",
            words.join("; ")
        ))
        }
    }

    /// The cohort as `release` leaves it.
    pub fn released_cohort(&self, release: &Release) -> Option<Cohort> {
        let (nominal, orders) = self.released(release)?;
        let mut after = self.clone();
        for n in after.nominals.iter_mut().filter(|n| n.id == nominal.id) {
            *n = nominal.clone();
        }
        for o in orders {
            for held in after.orders.iter_mut().filter(|h| h.id == o.id) {
                *held = o.clone();
            }
        }
        Some(after)
    }
}

#[cfg(test)]
#[path = "releases_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "releases_recall_tests.rs"]
mod recall_tests;
