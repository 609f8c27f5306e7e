//! The release-day briefing in the cohort: whether one is due or missing for a nominal, and the
//! signed-off briefing that counts as a contact.

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::briefing::*;
use crate::domain::field::contact::Contact;
use chrono::NaiveDate;

impl Cohort {
    /// The ids of the conditions in force on `day` for the nominal's order.
    pub fn live_condition_ids(&self, nominal_id: &str, day: NaiveDate) -> Vec<String> {
        self.live_conditions(nominal_id, day)
            .into_iter()
            .map(|c| c.id.clone())
            .collect()
    }

    /// The signed release-day briefing for the nominal's current order (the latest signed,
    /// should there be a correction).
    pub fn signed_briefing(&self, nominal_id: &str, today: NaiveDate) -> Option<&Briefing> {
        let order = self.order_for(nominal_id, today)?;
        self.briefings
            .iter()
            .filter(|b| b.nominal_id == nominal_id && b.order_id == order.id)
            .filter_map(|b| b.signed_off.as_ref().map(|s| (s.at, b)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, b)| b)
    }

    /// The release-day briefing is due: from [`BRIEFING_DUE_BEFORE_DAYS`] days before the
    /// (expected) release until [`BRIEFING_DUE_AFTER_DAYS`] days after it, the order in force on
    /// the release day (or today, once released), and no briefing on it signed off. Later than
    /// that it is no longer due but missing: [`Cohort::no_briefing_on_record`].
    pub fn briefing_due(&self, nominal_id: &str, today: NaiveDate) -> bool {
        let Some(release) = self.nominal(nominal_id).map(|n| n.custody.release_date()) else {
            return false;
        };
        let since = crate::domain::time::dates::days_between(release, today);
        (BRIEFING_DUE_BEFORE_DAYS.saturating_neg()..=BRIEFING_DUE_AFTER_DAYS).contains(&since)
            && self.order_in_force(nominal_id, today.max(release))
            && self.signed_briefing(nominal_id, today).is_none()
    }

    /// The release-day briefing can be done on the phone today: it is due and the order (so
    /// each condition to go through) is in force today.
    pub fn briefing_opens(&self, nominal_id: &str, today: NaiveDate) -> bool {
        self.briefing_due(nominal_id, today) && self.order_in_force(nominal_id, today)
    }

    /// In the community more than [`BRIEFING_DUE_AFTER_DAYS`] days after release, the order in
    /// force, and no release-day briefing signed off on it: a gap in the record, not a briefing
    /// still to do.
    pub fn no_briefing_on_record(&self, nominal_id: &str, today: NaiveDate) -> bool {
        let Some(release) = self.nominal(nominal_id).map(|n| n.custody.release_date()) else {
            return false;
        };
        crate::domain::time::dates::days_between(release, today) > BRIEFING_DUE_AFTER_DAYS
            && self.order_in_force(nominal_id, today)
            && self.signed_briefing(nominal_id, today).is_none()
    }

    /// What the nominal's page says of a briefing that cannot be started today, if anything:
    /// due before release, or missing after the window.
    pub fn briefing_note(&self, nominal_id: &str, today: NaiveDate) -> Option<String> {
        let release = self.nominal(nominal_id)?.custody.release_date();
        let on = crate::domain::time::dates::format_date(release);
        if self.briefing_opens(nominal_id, today) {
            None
        } else if self.briefing_due(nominal_id, today) {
            Some(format!(
                "Release-day briefing due: it opens on the day of release, {on}."
            ))
        } else if self.no_briefing_on_record(nominal_id, today) {
            Some(format!(
                "No release-day briefing on record: released {on}, more than {BRIEFING_DUE_AFTER_DAYS} days ago."
            ))
        } else {
            None
        }
    }

    fn order_in_force(&self, nominal_id: &str, day: NaiveDate) -> bool {
        self.order_for(nominal_id, day)
            .is_some_and(|o| o.is_live_on(day))
    }

    /// The nominal's signed-off briefings as contacts in which they were seen face to face, on
    /// the day of the sign-off (for when the next contact is due; never listed as contacts).
    pub(crate) fn briefings_as_contacts(&self, nominal_id: &str) -> Vec<Contact> {
        self.briefings
            .iter()
            .filter(|b| b.nominal_id == nominal_id)
            .filter_map(briefing_as_contact)
            .collect()
    }
}
