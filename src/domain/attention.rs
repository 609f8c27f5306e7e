//! What needs the officer's attention: the badges on the cohort list and the order it is
//! sorted in.

use chrono::NaiveDate;

use super::cohort::Cohort;
use super::contact::ContactStatus;
use super::nominal::RiskRating;

/// Days ahead within which an order ending is flagged.
pub const ORDER_ENDING_WITHIN_DAYS: i64 = 90;
/// Days ahead within which a release is flagged as "this week".
pub const RELEASE_WITHIN_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Badge {
    ContactOverdue { days: i64 },
    ContactDueToday,
    ReleaseToday,
    ReleaseSoon { on: NaiveDate },
    OrderEndsSoon { on: NaiveDate },
    NotificationOutstanding { count: usize },
    BreachAwaitingDecision,
}

impl Badge {
    pub fn label(&self) -> String {
        use super::dates::format_date;
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
        }
    }

    /// Urgent badges are shown in red.
    pub fn is_urgent(&self) -> bool {
        matches!(
            self,
            Self::ContactOverdue { .. } | Self::ReleaseToday | Self::BreachAwaitingDecision
        )
    }

    /// Lower is more urgent.
    fn weight(&self) -> u8 {
        match self {
            Self::ReleaseToday => 0,
            Self::BreachAwaitingDecision => 1,
            Self::ContactOverdue { .. } => 2,
            Self::NotificationOutstanding { .. } => 3,
            Self::ContactDueToday => 4,
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
}

impl NominalSummary {
    /// Does the search text match a name, alias or order reference?
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        q.is_empty()
            || self.display_name.to_lowercase().contains(&q)
            || self.aliases.iter().any(|a| a.to_lowercase().contains(&q))
            || self
                .court_reference
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains(&q))
    }
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
        let order = self.order_for(nominal_id, today);
        let contact = self.contact_status(nominal_id, today);
        let mut badges = Vec::new();
        if breach_pending {
            badges.push(Badge::BreachAwaitingDecision);
        }
        let release = n.custody.release_date();
        let to_release = super::dates::days_between(today, release);
        if to_release == 0 {
            badges.push(Badge::ReleaseToday);
        } else if (1..=RELEASE_WITHIN_DAYS).contains(&to_release) {
            badges.push(Badge::ReleaseSoon { on: release });
        }
        match contact {
            Some(ContactStatus::Overdue { days, .. }) => {
                badges.push(Badge::ContactOverdue { days })
            }
            Some(ContactStatus::DueToday) if to_release != 0 => badges.push(Badge::ContactDueToday),
            _ => {}
        }
        if let Some(o) = order {
            if let (Some(left), Some(on)) = (o.days_left(today), o.ends_on(today)) {
                if left <= ORDER_ENDING_WITHIN_DAYS {
                    badges.push(Badge::OrderEndsSoon { on });
                }
            }
        }
        let outstanding = self
            .notifications_of(nominal_id)
            .into_iter()
            .filter(|x| self.timeliness(x, today).is_outstanding())
            .count();
        if outstanding > 0 {
            badges.push(Badge::NotificationOutstanding { count: outstanding });
        }
        badges.sort_by_key(Badge::weight);
        Some(NominalSummary {
            id: n.id.clone(),
            display_name: n.display_name(),
            aliases: n.aliases.clone(),
            court_reference: order.map(|o| o.court_reference.clone()),
            risk: n.risk,
            contact,
            next_contact_due: contact.map(|c| c.due_on(today)),
            badges,
        })
    }

    /// Every nominal, what needs attention first: the most urgent badge, then risk, then the
    /// next contact due, then name.
    pub fn attention_list(
        &self,
        today: NaiveDate,
        breach_pending: &dyn Fn(&str) -> bool,
    ) -> Vec<NominalSummary> {
        let mut list: Vec<NominalSummary> = self
            .nominals
            .iter()
            .filter_map(|n| self.summary(&n.id, today, breach_pending(&n.id)))
            .collect();
        list.sort_by(|a, b| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::ymd;
    use crate::domain::demo::demo_cohort;

    fn today() -> NaiveDate {
        ymd(2026, 11, 24)
    }

    #[test]
    fn demo_badges_say_what_needs_doing() {
        let c = demo_cohort(today());
        let none = |_: &str| false;
        let list = c.attention_list(today(), &none);
        let badges = |id: &str| list.iter().find(|s| s.id == id).unwrap().badges.clone();
        assert_eq!(badges("N-0001"), vec![Badge::ReleaseToday]);
        assert!(matches!(
            badges("N-0004")[0],
            Badge::ContactOverdue { days: 6 }
        ));
        assert!(badges("N-0003")
            .iter()
            .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
        assert!(badges("N-0005").contains(&Badge::NotificationOutstanding { count: 1 }));
        assert_eq!(
            badges("N-0006"),
            vec![Badge::ReleaseSoon {
                on: ymd(2026, 11, 28)
            }]
        );
        assert_eq!(badges("N-0010"), vec![Badge::ContactDueToday]);
        assert!(badges("N-0012").is_empty());
    }

    #[test]
    fn release_today_comes_first_and_quiet_cases_last() {
        let c = demo_cohort(today());
        let list = c.attention_list(today(), &|_| false);
        assert_eq!(list[0].id, "N-0001");
        assert!(list.last().unwrap().badges.is_empty());
        let pending = |id: &str| id == "N-0012";
        let list = c.attention_list(today(), &pending);
        assert_eq!(list[1].id, "N-0012");
        assert_eq!(list[1].badges, vec![Badge::BreachAwaitingDecision]);
    }

    #[test]
    fn search_by_name_alias_or_order_reference() {
        let c = demo_cohort(today());
        let s = c.summary("N-0002", today(), false).unwrap();
        assert!(s.matches("marrowby"));
        assert!(s.matches("Dee"));
        assert!(s.matches(&s.court_reference.clone().unwrap()[..5].to_lowercase()));
        assert!(!s.matches("ashdale"));
    }

    #[test]
    fn order_ending_badge_starts_ninety_days_out() {
        let c = demo_cohort(today());
        let end = c
            .order_for("N-0003", today())
            .unwrap()
            .ends_on(today())
            .unwrap();
        let day_91_before = end - chrono::Days::new(90);
        let s = c.summary("N-0003", day_91_before, false).unwrap();
        assert!(!s
            .badges
            .iter()
            .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
        let s = c
            .summary("N-0003", day_91_before + chrono::Days::new(1), false)
            .unwrap();
        assert!(s
            .badges
            .iter()
            .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
    }
}
