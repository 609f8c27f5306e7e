//! What every field record (a contact, a notification, a briefing, a breach report, a photo
//! exhibit and its withdrawal, a recall referral and its status updates) has in common: an id, the nominal it is about, when it happened, the record it corrects, its kind
//! and who made it. The store writes any of them one way, and the cohort takes any of them one
//! way ([`Cohort::add`]).

use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::breach::report::BreachReport;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::field::briefing::Briefing;
use crate::domain::field::contact::Contact;
use crate::domain::field::notification::Notification;
use crate::domain::referral::record::{RecallReferral, ReferralStatusUpdate};

/// A record the officer makes in the field. Once submitted it never changes: a correction is
/// a new record whose [`corrects`](FieldRecord::corrects) names the one it corrects.
pub trait FieldRecord: Clone + Serialize + DeserializeOwned + 'static {
    /// The kind, as the outbox and the team server name it (`"breach_report"`).
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn nominal_id(&self) -> &str;
    /// When it happened (orders the timeline).
    fn at(&self) -> NaiveDateTime;
    /// The record this one corrects, if it is a correction.
    fn corrects(&self) -> Option<&str>;
    /// The officer who made it (`None`: a briefing not yet signed off).
    fn officer_id(&self) -> Option<&str>;
    /// The cohort's list of records of this kind.
    fn list_of(cohort: &mut Cohort) -> &mut Vec<Self>;
}

impl Cohort {
    /// Put a new field record into the cohort (after the store has kept it).
    pub fn add<R: FieldRecord>(&mut self, record: R) {
        R::list_of(self).push(record);
    }
}

/// Oldest first, then by id, so the order is stable.
pub fn sort_records<R: FieldRecord>(records: &mut [R]) {
    crate::domain::common::sort::sort_by(records, |a, b| {
        a.at().cmp(&b.at()).then_with(|| a.id().cmp(b.id()))
    });
}

/// A record made and signed by one officer, which may correct an earlier one (`corrects`) or
/// never does (`never`: a later one is a new record, not a change to this one).
macro_rules! officer_record {
    ($type:ty, $kind:literal, $at:ident, $list:ident) => {
        officer_record!(@impl $type, $kind, $at, $list, self, { self.corrects.as_deref() });
    };
    ($type:ty, $kind:literal, $at:ident, $list:ident, never) => {
        officer_record!(@impl $type, $kind, $at, $list, self, { None });
    };
    (@impl $type:ty, $kind:literal, $at:ident, $list:ident, $self:ident, $corrects:block) => {
        impl FieldRecord for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn nominal_id(&self) -> &str {
                &self.nominal_id
            }
            fn at(&self) -> NaiveDateTime {
                self.$at
            }
            fn corrects(&$self) -> Option<&str> {
                $corrects
            }
            fn officer_id(&self) -> Option<&str> {
                Some(&self.officer_id)
            }
            fn list_of(cohort: &mut Cohort) -> &mut Vec<Self> {
                &mut cohort.$list
            }
        }
    };
}

officer_record!(Contact, "contact", at, contacts);
officer_record!(Notification, "notification", recorded_at, notifications);
officer_record!(BreachReport, "breach_report", occurred_at, breach_reports);
officer_record!(Exhibit, "exhibit", captured_at, exhibits, never);
officer_record!(
    ExhibitWithdrawal,
    "exhibit_withdrawal",
    withdrawn_at,
    exhibit_withdrawals,
    never
);
officer_record!(
    RecallReferral,
    "recall_referral",
    made_at,
    recall_referrals,
    never
);
officer_record!(
    ReferralStatusUpdate,
    "referral_status",
    recorded_at,
    referral_statuses,
    never
);

officer_record!(
    crate::domain::field::release::Release,
    "release",
    recorded_at,
    releases,
    never
);

/// A briefing is signed by the officer only at the end, and is never a correction.
impl FieldRecord for Briefing {
    const KIND: &'static str = "briefing";
    fn id(&self) -> &str {
        &self.id
    }
    fn nominal_id(&self) -> &str {
        &self.nominal_id
    }
    fn at(&self) -> NaiveDateTime {
        self.started_at
    }
    fn corrects(&self) -> Option<&str> {
        None
    }
    fn officer_id(&self) -> Option<&str> {
        self.signed_off.as_ref().map(|s| s.officer_id.as_str())
    }
    fn list_of(cohort: &mut Cohort) -> &mut Vec<Self> {
        &mut cohort.briefings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::demo::demo_cohort;

    #[test]
    fn add_puts_each_kind_in_its_own_list() {
        let mut cohort = demo_cohort(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let contact = cohort.contacts[0].clone();
        let (contacts, briefings) = (cohort.contacts.len(), cohort.briefings.len());
        cohort.add(Contact {
            id: "K-new".into(),
            ..contact
        });
        assert_eq!(cohort.contacts.len(), contacts + 1);
        assert_eq!(cohort.briefings.len(), briefings);
        assert_eq!(cohort.contacts.last().map(|c| c.id.as_str()), Some("K-new"));
    }

    #[test]
    fn records_sort_oldest_first_then_by_id() {
        let cohort = demo_cohort(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        let mut contacts = cohort.contacts.clone();
        contacts.reverse();
        sort_records(&mut contacts);
        assert!(contacts
            .windows(2)
            .all(|w| (w[0].at, &w[0].id) <= (w[1].at, &w[1].id)));
    }
}
