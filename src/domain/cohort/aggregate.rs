//! The cohort: everything the device holds about an officer's nominals, and the versioned
//! JSON file format it is imported from (documented in `src/domain/cohort-format.md`).

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::breach::decision::BreachDecision;
use crate::domain::breach::report::BreachReport;
use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::field::briefing::Briefing;
use crate::domain::field::contact::{contact_status, Contact, ContactPlan, ContactStatus};
use crate::domain::field::notification::{Notification, Timeliness};
use crate::domain::order::condition::Condition;
use crate::domain::order::schedule::Schedule;
use crate::domain::order::scpo::Order;
use crate::domain::people::nominal::{Nominal, OfficerRef};
use crate::domain::referral::record::{RecallReferral, ReferralStatusUpdate};

pub use crate::domain::common::validation::{CohortError, Problem};
pub use crate::domain::common::validation::{MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};

/// The `format` field every cohort file carries.
pub const FORMAT: &str = "scpo-field-cohort";
/// The format version this app reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub format: String,
    pub version: u32,
    /// The officer the cohort belongs to.
    pub officer: OfficerRef,
    pub nominals: Vec<Nominal>,
    pub orders: Vec<Order>,
    pub conditions: Vec<Condition>,
    pub contact_plans: Vec<ContactPlan>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub notifications: Vec<Notification>,
    #[serde(default)]
    pub briefings: Vec<Briefing>,
    #[serde(default)]
    pub breach_reports: Vec<BreachReport>,
    /// The DS's decisions on breach reports (written by the team server).
    #[serde(default)]
    pub breach_decisions: Vec<BreachDecision>,
    /// Photo exhibits captured for breach reports and contacts, and their withdrawals.
    #[serde(default)]
    pub exhibits: Vec<Exhibit>,
    #[serde(default)]
    pub exhibit_withdrawals: Vec<ExhibitWithdrawal>,
    /// Recall referrals to probation, and later updates of where each stands.
    #[serde(default)]
    pub recall_referrals: Vec<RecallReferral>,
    #[serde(default)]
    pub referral_statuses: Vec<ReferralStatusUpdate>,
    /// The orders' schedules: the people, premises and vehicles provisions name.
    #[serde(default)]
    pub schedules: Vec<Schedule>,
    /// Releases recorded on the phone ("Released today?" at the release-day briefing).
    #[serde(default)]
    pub releases: Vec<crate::domain::field::release::Release>,
}

impl Cohort {
    pub fn empty(officer: OfficerRef) -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            officer,
            nominals: vec![],
            orders: vec![],
            conditions: vec![],
            contact_plans: vec![],
            contacts: vec![],
            notifications: vec![],
            briefings: vec![],
            breach_reports: vec![],
            breach_decisions: vec![],
            exhibits: vec![],
            exhibit_withdrawals: vec![],
            recall_referrals: vec![],
            referral_statuses: vec![],
            schedules: vec![],
            releases: vec![],
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising fails only for maps with non-string keys, which a cohort has none of.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn nominal(&self, id: &str) -> Option<&Nominal> {
        self.nominals.iter().find(|n| n.id == id)
    }

    /// The nominal's order: the one in force (or next to be) rather than an old one.
    pub fn order_for(&self, nominal_id: &str, today: NaiveDate) -> Option<&Order> {
        best_order(
            self.orders.iter().filter(|o| o.nominal_id == nominal_id),
            today,
        )
    }

    pub fn conditions_of(&self, order_id: &str) -> Vec<&Condition> {
        self.conditions
            .iter()
            .filter(|c| c.order_id == order_id)
            .collect()
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    /// Conditions in force on `day` for the nominal's order.
    pub fn live_conditions(&self, nominal_id: &str, day: NaiveDate) -> Vec<&Condition> {
        let Some(order) = self.order_for(nominal_id, day) else {
            return vec![];
        };
        self.conditions_of(&order.id)
            .into_iter()
            .filter(|c| c.in_force_on(order, day))
            .collect()
    }

    pub fn plan_for(&self, nominal_id: &str) -> Option<&ContactPlan> {
        self.contact_plans
            .iter()
            .find(|p| p.nominal_id == nominal_id)
    }

    pub fn contacts_of(&self, nominal_id: &str) -> Vec<Contact> {
        self.contacts
            .iter()
            .filter(|c| c.nominal_id == nominal_id)
            .cloned()
            .collect()
    }

    pub fn notifications_of(&self, nominal_id: &str) -> Vec<&Notification> {
        self.notifications
            .iter()
            .filter(|n| n.nominal_id == nominal_id)
            .collect()
    }

    pub fn breaches_of(&self, nominal_id: &str) -> Vec<BreachReport> {
        self.breach_reports
            .iter()
            .filter(|b| b.nominal_id == nominal_id)
            .cloned()
            .collect()
    }

    pub fn briefings_of(&self, nominal_id: &str) -> Vec<&Briefing> {
        self.briefings
            .iter()
            .filter(|b| b.nominal_id == nominal_id)
            .collect()
    }

    /// Where the nominal stands against the contact plan, if there is one. A signed-off
    /// release-day briefing counts as a contact in which they were seen.
    pub fn contact_status(&self, nominal_id: &str, today: NaiveDate) -> Option<ContactStatus> {
        let nominal = self.nominal(nominal_id)?;
        let plan = self.plan_for(nominal_id)?;
        let mut contacts = self.contacts_of(nominal_id);
        contacts.extend(self.briefings_as_contacts(nominal_id));
        Some(contact_status(
            plan,
            &contacts,
            nominal.custody.release_date(),
            today,
        ))
    }

    /// The provision a notification is judged against: the one in force on the day of the
    /// event, with its deadline and wording. That is its own condition when in force that day;
    /// else (a provision reworded since, or before, the record was made) the condition of the
    /// nominal's order in force that day carrying a duty of the same kind; else its own. `None`
    /// when no condition is named.
    pub fn duty_for(&self, n: &Notification) -> Option<&Condition> {
        let own = self.condition(n.condition_id.as_deref()?)?;
        let in_force = |c: &Condition| {
            self.orders
                .iter()
                .any(|o| o.id == c.order_id && c.in_force_on(o, n.event_on))
        };
        if in_force(own) {
            return Some(own);
        }
        let that_day = duty_condition(self, &n.nominal_id, n.kind, n.event_on);
        Some(that_day.unwrap_or(own))
    }

    /// How a notification stands on `today`, against the deadline of the provision in force on
    /// the day of the event ([`Cohort::duty_for`]).
    pub fn timeliness(&self, n: &Notification, today: NaiveDate) -> Timeliness {
        let deadline = self
            .duty_for(n)
            .and_then(|c| c.notification.as_ref())
            .map(|d| d.deadline);
        n.timeliness(deadline, today)
    }
}

/// Of one nominal's orders, the one in force (or next to be) rather than an old one; the first
/// of equals.
pub(crate) fn best_order<'a>(
    orders: impl Iterator<Item = &'a Order>,
    today: NaiveDate,
) -> Option<&'a Order> {
    use crate::domain::order::scpo::OrderStatus::*;
    let rank = |o: &Order| match o.status_on(today) {
        Live => 0,
        GrantedNotLive => 1,
        AwaitingCourt | Drafted => 2,
        Expired | Discharged => 3,
    };
    orders.min_by_key(|o| rank(o))
}

/// What importing a new cohort file would change, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Display names of nominals new to this phone.
    pub added: Vec<String>,
    /// Display names of nominals no longer in the cohort.
    pub removed: Vec<String>,
    /// Nominals in both (their records are replaced by the file's).
    pub kept: usize,
    pub orders: usize,
    pub conditions: usize,
    pub history_records: usize,
}

impl Cohort {
    /// Compare this (incoming) cohort with the one on the phone.
    pub fn import_summary<'a>(&'a self, current: Option<&'a Cohort>) -> ImportSummary {
        let ids = |c: &'a Cohort| -> HashSet<&'a str> {
            c.nominals.iter().map(|n| n.id.as_str()).collect()
        };
        let here = current.map(ids).unwrap_or_default();
        let incoming = ids(self);
        let mut added = Vec::new();
        let mut kept: usize = 0;
        for n in &self.nominals {
            if here.contains(n.id.as_str()) {
                kept = kept.saturating_add(1_usize);
            } else {
                added.push(n.display_name());
            }
        }
        let removed = current
            .map(|c| {
                c.nominals
                    .iter()
                    .filter(|n| !incoming.contains(n.id.as_str()))
                    .map(|n| n.display_name())
                    .collect()
            })
            .unwrap_or_default();
        ImportSummary {
            added,
            removed,
            kept,
            orders: self.orders.len(),
            conditions: self.conditions.len(),
            history_records: [
                self.contacts.len(),
                self.notifications.len(),
                self.briefings.len(),
                self.breach_reports.len(),
                self.breach_decisions.len(),
                self.exhibits.len(),
                self.exhibit_withdrawals.len(),
                self.recall_referrals.len(),
                self.referral_statuses.len(),
                self.releases.len(),
            ]
            .into_iter()
            .fold(0, usize::saturating_add),
        }
    }
}

/// The condition of the nominal's order, in force on `day`, that obliges them to notify
/// police of this kind of thing.
pub fn duty_condition<'a>(
    cohort: &'a Cohort,
    nominal_id: &str,
    kind: crate::domain::NotificationKind,
    day: NaiveDate,
) -> Option<&'a Condition> {
    cohort
        .live_conditions(nominal_id, day)
        .into_iter()
        .find(|c| c.notification.as_ref().is_some_and(|d| d.kind == kind))
}

#[cfg(test)]
mod tests {
    use crate::domain::cohort::demo::demo_cohort;
    use crate::domain::time::dates::ymd;

    #[test]
    fn import_summary_names_who_is_added_and_removed() {
        let current = demo_cohort(ymd(2026, 11, 24));
        let mut incoming = current.clone();
        let gone = incoming.nominals.remove(0);
        let mut newcomer = incoming.nominals[0].clone();
        newcomer.id = "N-0100".into();
        newcomer.family_name = "Newby".into();
        incoming.nominals.push(newcomer);
        let s = incoming.import_summary(Some(&current));
        assert_eq!(s.added, vec!["NEWBY, Delphine".to_string()]);
        assert_eq!(s.removed, vec![gone.display_name()]);
        assert_eq!(s.kept, 11);
        let first = incoming.import_summary(None);
        assert_eq!(first.added.len(), 12);
        assert!(first.removed.is_empty());
    }
}
