//! The figures of the DS's dashboard: what each is called and what puts a nominal on it, the
//! items behind each, and the dashboard that holds them (built by
//! [`dashboard`](crate::domain::oversight::unit::dashboard)).

use chrono::NaiveDate;

/// The figures of the dashboard, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    ContactsOverdue,
    RiskReviewsDue,
    NotificationsLate,
    BriefingsDue,
    NoBriefingOnRecord,
    BreachesAwaitingDecision,
    RecallsAwaitingOutcome,
    EndingWithin4Weeks,
    EndingIn5To8Weeks,
    EndingIn9To12Weeks,
    ReleasesWithin4Weeks,
}

impl Figure {
    pub const ALL: [Figure; 11] = [
        Self::ContactsOverdue,
        Self::RiskReviewsDue,
        Self::NotificationsLate,
        Self::BriefingsDue,
        Self::NoBriefingOnRecord,
        Self::BreachesAwaitingDecision,
        Self::RecallsAwaitingOutcome,
        Self::EndingWithin4Weeks,
        Self::EndingIn5To8Weeks,
        Self::EndingIn9To12Weeks,
        Self::ReleasesWithin4Weeks,
    ];

    /// Its name in addresses (`/supervise/lists/contacts-overdue`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::ContactsOverdue => "contacts-overdue",
            Self::RiskReviewsDue => "risk-reviews-due",
            Self::NotificationsLate => "notifications-late",
            Self::BriefingsDue => "briefings-due",
            Self::NoBriefingOnRecord => "no-briefing-on-record",
            Self::BreachesAwaitingDecision => "breaches-awaiting-decision",
            Self::RecallsAwaitingOutcome => "recalls-awaiting-outcome",
            Self::EndingWithin4Weeks => "ending-within-4-weeks",
            Self::EndingIn5To8Weeks => "ending-in-5-to-8-weeks",
            Self::EndingIn9To12Weeks => "ending-in-9-to-12-weeks",
            Self::ReleasesWithin4Weeks => "releases-within-4-weeks",
        }
    }

    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ContactsOverdue => "Contacts overdue",
            Self::RiskReviewsDue => "Risk reviews due or overdue",
            Self::NotificationsLate => "Notifications late",
            Self::BriefingsDue => "Release-day briefings due",
            Self::NoBriefingOnRecord => "No release-day briefing on record",
            Self::BreachesAwaitingDecision => "Breach reports awaiting a decision",
            Self::RecallsAwaitingOutcome => "Recall referrals awaiting an outcome",
            Self::EndingWithin4Weeks => "Orders and provisions ending within 4 weeks",
            Self::EndingIn5To8Weeks => "Orders and provisions ending in 5 to 8 weeks",
            Self::EndingIn9To12Weeks => "Orders and provisions ending in 9 to 12 weeks",
            Self::ReleasesWithin4Weeks => "Releases in the next 4 weeks",
        }
    }

    /// What puts a nominal on the list, in a sentence.
    pub fn hint(self) -> &'static str {
        match self {
            Self::ContactsOverdue => "The next contact the plan asks for is past its date.",
            Self::RiskReviewsDue => "The risk rating's review is past its date or due within 14 days (very high risk every 3 months, high 4, medium 6, low 12).",
            Self::NotificationsLate => "A notification not given by its last day, or given late in the last 4 weeks.",
            Self::BriefingsDue => "Release expected in the next 14 days or released in the last 28, the order in force, and no release-day briefing signed off.",
            Self::NoBriefingOnRecord => "Released more than 28 days ago, the order in force, and no release-day briefing signed off: a gap in the record, no longer a briefing to do.",
            Self::BreachesAwaitingDecision => "A breach report (as last corrected) with no decision on it yet, with how long it has waited.",
            Self::RecallsAwaitingOutcome => "Breaches decided as a request to HMPPS to recall whose referral to probation has no outcome recorded yet (recall decided, not recalled or returned to custody), or on which no referral has been made yet.",
            Self::EndingWithin4Weeks => "An order in force, or a provision with an earlier end of its own, whose last day is within 28 days.",
            Self::EndingIn5To8Weeks => "Last day in 29 to 56 days.",
            Self::EndingIn9To12Weeks => "Last day in 57 to 84 days.",
            Self::ReleasesWithin4Weeks => "In custody with release expected today or in the next 28 days.",
        }
    }

    /// The figure is about breach reports (each item links to its report).
    pub fn is_breach(self) -> bool {
        matches!(
            self,
            Self::BreachesAwaitingDecision | Self::RecallsAwaitingOutcome
        )
    }
}

/// One line behind a figure: the nominal, who holds them, and the date that puts them there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub nominal_id: String,
    pub officer_id: Option<String>,
    /// The date that puts the item on the list: the contact or review due, the last day of a
    /// notification or an order, the release, when a breach was first reported or decided.
    pub on: NaiveDate,
    /// That date in words, with its age or distance, e.g. "Overdue by 6 days (due 18 Nov 2026)".
    pub detail: String,
    /// The record the item is about, when it is not the nominal: a report, order, provision or
    /// notification id.
    pub record_id: Option<String>,
}

/// Whose items: the whole unit, one officer's, or those of nominals nobody holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Unit,
    Officer(&'a str),
    Unassigned,
}

impl Scope<'_> {
    fn covers(self, officer: Option<&str>) -> bool {
        match self {
            Self::Unit => true,
            Self::Officer(id) => officer == Some(id),
            Self::Unassigned => officer.is_none(),
        }
    }
}

/// The dashboard on one day: every figure's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    pub(crate) lists: Vec<(Figure, Vec<Item>)>,
    /// The unit's nominals and who holds each.
    pub(crate) held: Vec<(String, Option<String>)>,
}

impl Dashboard {
    /// The items behind a figure for a scope, earliest date first.
    pub fn list(&self, figure: Figure, scope: Scope) -> Vec<&Item> {
        self.lists
            .iter()
            .filter(|(f, _)| *f == figure)
            .flat_map(|(_, items)| items)
            .filter(|i| scope.covers(i.officer_id.as_deref()))
            .collect()
    }

    pub fn count(&self, figure: Figure, scope: Scope) -> usize {
        self.list(figure, scope).len()
    }

    /// One dashboard of parts each about different nominals (e.g. one a nominal, worked out
    /// apart so a change to one nominal's records works out only theirs again): the lists
    /// joined and each put in the dashboard's order, the held nominals in the parts' order. Each
    /// nominal's figures come from their own records alone, so parts given in the order of the
    /// cohort's nominals make the dashboard of the whole cohort at once.
    pub fn merged<'a>(parts: impl IntoIterator<Item = &'a Dashboard>) -> Dashboard {
        let mut lists: Vec<(Figure, Vec<Item>)> =
            Figure::ALL.iter().map(|f| (*f, vec![])).collect();
        let mut held = Vec::new();
        for part in parts {
            for (figure, items) in &part.lists {
                if let Some((_, into)) = lists.iter_mut().find(|(f, _)| f == figure) {
                    into.extend(items.iter().cloned());
                }
            }
            held.extend(part.held.iter().cloned());
        }
        sort_lists(&mut lists);
        Dashboard { lists, held }
    }

    /// How many nominals of the unit the scope holds.
    pub fn held(&self, scope: Scope) -> usize {
        self.held
            .iter()
            .filter(|(_, o)| scope.covers(o.as_deref()))
            .count()
    }
}

/// Each list in the dashboard's order: earliest date first, then by nominal and record (stable,
/// so items of one nominal alike in those keep the order they were found in).
pub(crate) fn sort_lists(lists: &mut [(Figure, Vec<Item>)]) {
    for (_, items) in lists {
        crate::domain::common::sort::sort_by(items, |a, b| {
            (a.on, &a.nominal_id, &a.record_id).cmp(&(b.on, &b.nominal_id, &b.record_id))
        });
    }
}
