//! What needs the officer's attention: the badges on the cohort list and the order it is
//! sorted in.

use chrono::NaiveDate;

use std::collections::HashMap;

use crate::domain::cohort::aggregate::{best_order, Cohort};
use crate::domain::field::contact::{contact_status, Contact, ContactPlan, ContactStatus};
use crate::domain::field::notification::Notification;
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::Order;
use crate::domain::people::nominal::{Nominal, RiskRating};

/// Days ahead within which an order ending is flagged.
pub const ORDER_ENDING_WITHIN_DAYS: i64 = 90;
/// Days ahead within which a release is flagged as "this week".
pub const RELEASE_WITHIN_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Badge {
    ContactOverdue {
        days: i64,
    },
    ContactDueToday,
    ReleaseToday,
    ReleaseSoon {
        on: NaiveDate,
    },
    OrderEndsSoon {
        on: NaiveDate,
    },
    NotificationOutstanding {
        count: usize,
    },
    BreachAwaitingDecision,
    /// What a DS's decision or a referral awaits: see [`crate::domain::oversight::awaiting_action`].
    ReferralToMake,
    ReferralNotSent,
    ReferralAwaitingOutcome,
}

impl Badge {
    pub fn label(&self) -> String {
        use crate::domain::time::dates::format_date;
        match self {
            Self::ContactOverdue { days: 1 } => "Contact overdue by 1 day".into(),
            Self::ContactOverdue { days } => format!("Contact overdue by {days} days"),
            Self::ContactDueToday => "Contact due today".into(),
            Self::ReleaseToday => "Released today".into(),
            Self::ReleaseSoon { on } => format!("Release {}", format_date(*on)),
            Self::OrderEndsSoon { on } => format!("Order ends {}", format_date(*on)),
            Self::NotificationOutstanding { count: 1 } => "1 notification outstanding".into(),
            Self::NotificationOutstanding { count } => format!("{count} notifications outstanding"),
            Self::BreachAwaitingDecision => "Breach awaiting decision".into(),
            Self::ReferralToMake => "Recall decided: make the referral".into(),
            Self::ReferralNotSent => "Recall referral not sent".into(),
            Self::ReferralAwaitingOutcome => "Recall referral awaiting outcome".into(),
        }
    }

    /// Urgent badges are shown in red.
    pub fn is_urgent(&self) -> bool {
        matches!(
            self,
            Self::ContactOverdue { .. }
                | Self::ReleaseToday
                | Self::BreachAwaitingDecision
                | Self::ReferralToMake
                | Self::ReferralNotSent
        )
    }

    /// Lower is more urgent.
    fn weight(&self) -> u8 {
        match self {
            Self::ReleaseToday => 0,
            Self::BreachAwaitingDecision | Self::ReferralToMake | Self::ReferralNotSent => 1,
            Self::ContactOverdue { .. } => 2,
            Self::NotificationOutstanding { .. } => 3,
            Self::ContactDueToday | Self::ReferralAwaitingOutcome => 4,
            Self::ReleaseSoon { .. } => 5,
            Self::OrderEndsSoon { .. } => 6,
        }
    }
}

/// One line of the cohort list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NominalSummary {
    pub id: String,
    pub display_name: String,
    pub aliases: Vec<String>,
    pub court_reference: Option<String>,
    pub risk: RiskRating,
    pub contact: Option<ContactStatus>,
    pub next_contact_due: Option<NaiveDate>,
    pub badges: Vec<Badge>,
    /// Name, aliases and order reference, lower-cased once, one to a line, for the search.
    pub search_text: String,
}

impl NominalSummary {
    /// Does the search text match a name, alias or order reference?
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        self.matches_lowercase(&q)
    }

    /// [`Self::matches`] for a query already trimmed and lower-cased (once per keystroke, not
    /// once per nominal). A query never spans two of the fields: it holds no line break.
    pub fn matches_lowercase(&self, q: &str) -> bool {
        q.is_empty() || (!q.contains('\n') && self.search_text.contains(q))
    }
}

/// A cohort's records grouped by nominal, built once in O(n) so that the whole list costs
/// O(n log n) (the sort) rather than one scan of every list per nominal.
struct ByNominal<'a> {
    orders: HashMap<&'a str, Vec<&'a Order>>,
    plans: HashMap<&'a str, &'a ContactPlan>,
    contacts: HashMap<&'a str, Vec<Contact>>,
    notifications: HashMap<&'a str, Vec<&'a Notification>>,
    conditions: HashMap<&'a str, &'a Condition>,
}

impl<'a> ByNominal<'a> {
    fn new(c: &'a Cohort) -> Self {
        let mut orders: HashMap<&str, Vec<&Order>> = HashMap::new();
        for o in &c.orders {
            orders.entry(o.nominal_id.as_str()).or_default().push(o);
        }
        let mut plans = HashMap::new();
        for p in &c.contact_plans {
            // The first plan wins, as `Cohort::plan_for` finds it.
            plans.entry(p.nominal_id.as_str()).or_insert(p);
        }
        let mut contacts: HashMap<&str, Vec<Contact>> = HashMap::new();
        for x in &c.contacts {
            contacts
                .entry(x.nominal_id.as_str())
                .or_default()
                .push(x.clone());
        }
        // A signed-off release-day briefing counts as a contact (as `Cohort::contact_status`).
        for b in &c.briefings {
            if let Some(x) = crate::domain::field::briefing::briefing_as_contact(b) {
                contacts.entry(b.nominal_id.as_str()).or_default().push(x);
            }
        }
        let mut notifications: HashMap<&str, Vec<&Notification>> = HashMap::new();
        for n in &c.notifications {
            notifications
                .entry(n.nominal_id.as_str())
                .or_default()
                .push(n);
        }
        let mut conditions = HashMap::new();
        for x in &c.conditions {
            conditions.entry(x.id.as_str()).or_insert(x);
        }
        Self {
            orders,
            plans,
            contacts,
            notifications,
            conditions,
        }
    }
}

/// What a summary is made of, however it was looked up.
struct Facts<'a> {
    order: Option<&'a Order>,
    contact: Option<ContactStatus>,
    outstanding: usize,
    /// What a DS's decision or a referral awaits.
    actions: Vec<Badge>,
}

impl Cohort {
    /// The summary of one nominal on `today`. `breach_pending` says whether a breach report for
    /// them is waiting for a decision (a draft held on the device).
    pub fn summary(
        &self,
        nominal_id: &str,
        today: NaiveDate,
        breach_pending: bool,
    ) -> Option<NominalSummary> {
        let n = self.nominal(nominal_id)?;
        let outstanding = self
            .notifications_of(nominal_id)
            .into_iter()
            .filter(|x| self.timeliness(x, today).is_outstanding())
            .count();
        let facts = Facts {
            order: self.order_for(nominal_id, today),
            contact: self.contact_status(nominal_id, today),
            outstanding,
            actions: crate::domain::oversight::awaiting_action::action_badges(
                self,
                Some(nominal_id),
            )
            .into_iter()
            .map(|(_, b)| b)
            .collect(),
        };
        Some(summarise(n, &facts, today, breach_pending))
    }

    /// Every nominal, what needs attention first: the most urgent badge, then risk, then the
    /// next contact due, then name.
    pub fn attention_list(
        &self,
        today: NaiveDate,
        breach_pending: &dyn Fn(&str) -> bool,
    ) -> Vec<NominalSummary> {
        let by = ByNominal::new(self);
        let actions = crate::domain::oversight::awaiting_action::action_badges(self, None);
        let mut list: Vec<NominalSummary> = self
            .nominals
            .iter()
            .map(|n| {
                let id = n.id.as_str();
                let order = by
                    .orders
                    .get(id)
                    .and_then(|os| best_order(os.iter().copied(), today));
                let contact = by.plans.get(id).map(|plan| {
                    let contacts = by.contacts.get(id).map_or(&[][..], Vec::as_slice);
                    contact_status(plan, contacts, n.custody.release_date(), today)
                });
                let outstanding = by.notifications.get(id).map_or(0, |ns| {
                    ns.iter()
                        .filter(|x| {
                            let deadline = x
                                .condition_id
                                .as_deref()
                                .and_then(|c| by.conditions.get(c))
                                .and_then(|c| c.notification.as_ref())
                                .map(|d| d.deadline);
                            x.timeliness(deadline, today).is_outstanding()
                        })
                        .count()
                });
                let facts = Facts {
                    order,
                    contact,
                    outstanding,
                    actions: actions
                        .iter()
                        .filter(|(n, _)| *n == id)
                        .map(|(_, b)| b.clone())
                        .collect(),
                };
                summarise(n, &facts, today, breach_pending(id))
            })
            .collect();
        crate::domain::common::sort::sort_by(&mut list, |a, b| {
            let top = |s: &NominalSummary| s.badges.first().map_or(u8::MAX, Badge::weight);
            top(a)
                .cmp(&top(b))
                .then(a.risk.cmp(&b.risk))
                .then(a.next_contact_due.cmp(&b.next_contact_due))
                .then(a.display_name.cmp(&b.display_name))
        });
        list
    }
}

fn summarise(n: &Nominal, facts: &Facts, today: NaiveDate, breach_pending: bool) -> NominalSummary {
    let mut badges = Vec::new();
    if breach_pending {
        badges.push(Badge::BreachAwaitingDecision);
    }
    let release = n.custody.release_date();
    let to_release = crate::domain::time::dates::days_between(today, release);
    if to_release == 0 {
        badges.push(Badge::ReleaseToday);
    } else if (1..=RELEASE_WITHIN_DAYS).contains(&to_release) {
        badges.push(Badge::ReleaseSoon { on: release });
    }
    match facts.contact {
        Some(ContactStatus::Overdue { days, .. }) => badges.push(Badge::ContactOverdue { days }),
        Some(ContactStatus::DueToday) if to_release != 0 => badges.push(Badge::ContactDueToday),
        _ => {}
    }
    if let Some(o) = facts.order {
        if let (Some(left), Some(on)) = (o.days_left(today), o.ends_on(today)) {
            if left <= ORDER_ENDING_WITHIN_DAYS {
                badges.push(Badge::OrderEndsSoon { on });
            }
        }
    }
    badges.extend(facts.actions.iter().cloned());
    if facts.outstanding > 0 {
        badges.push(Badge::NotificationOutstanding {
            count: facts.outstanding,
        });
    }
    crate::domain::common::sort::sort_by_key(&mut badges, Badge::weight);
    let display_name = n.display_name();
    let search_text = std::iter::once(display_name.clone())
        .chain(n.aliases.iter().cloned())
        .chain(facts.order.map(|o| o.court_reference.clone()))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    NominalSummary {
        id: n.id.clone(),
        display_name,
        aliases: n.aliases.clone(),
        court_reference: facts.order.map(|o| o.court_reference.clone()),
        risk: n.risk,
        contact: facts.contact,
        next_contact_due: facts.contact.map(|c| c.due_on(today)),
        badges,
        search_text,
    }
}

#[cfg(test)]
#[path = "attention_tests.rs"]
mod tests;
