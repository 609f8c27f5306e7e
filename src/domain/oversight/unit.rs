//! The DS's view of the team: what needs doing, per officer and for the unit, each figure as the
//! list of nominals behind it (a count is the length of its list, so the two never disagree).
//!
//! Built from the domain's own rules: the contact plan ([`Cohort::contact_status`]), the
//! deadline of a notification ([`Cohort::timeliness`]), the release-day briefing
//! ([`Cohort::briefing_due`]), the order in force and its provisions
//! ([`Cohort::order_for`], [`Cohort::live_conditions`]), the breach reports that stand
//! ([`standing_reports`]). Decisions on breaches and transfers out are records the supervisor
//! makes on the server; they come in as [`Decision`]s and transferred nominal ids.

use chrono::{Days, Months, NaiveDate, NaiveDateTime};

use crate::domain::breach::report::{standing_reports, BreachReport};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::contact::ContactStatus;
use crate::domain::field::notification::Timeliness;
use crate::domain::people::nominal::{CustodyStatus, Nominal, RiskRating};
use crate::domain::time::dates::{days_between, format_date};

pub use crate::domain::oversight::figures::{Dashboard, Figure, Item, Scope};

/// A risk review shows as due this many days before its date.
pub const RISK_REVIEW_NOTICE_DAYS: i64 = 14;
/// A notification given late stays on the list for this many days after its last day (one not
/// given at all stays until it is).
pub const LATE_NOTIFICATION_WINDOW_DAYS: i64 = 28;
/// Releases this many days ahead (today included) are listed.
pub const RELEASES_WITHIN_DAYS: i64 = 28;

/// How often the unit reviews a nominal's risk rating, by rating (the unit's policy; the Act
/// sets none): very high every 3 months, high every 4, medium every 6, low every 12.
pub fn risk_review_every_months(r: RiskRating) -> u32 {
    match r {
        RiskRating::VeryHigh => 3,
        RiskRating::High => 4,
        RiskRating::Medium => 6,
        RiskRating::Low => 12,
    }
}

/// The day the nominal's next risk review is due.
pub fn risk_review_due_on(n: &Nominal) -> NaiveDate {
    n.risk_reviewed_on
        .checked_add_months(Months::new(risk_review_every_months(n.risk)))
        .unwrap_or(NaiveDate::MAX)
}

pub use crate::domain::breach::decision::DecisionLevel;
use crate::domain::breach::decision::{decision_for, BreachDecision};

/// Everything the unit holds, as the figures read it.
pub struct Unit<'a> {
    /// Every nominal of the unit and their records.
    pub cohort: &'a Cohort,
    /// `(nominal_id, officer_id)`: who holds each nominal now.
    pub assignments: &'a [(String, String)],
    /// The DS's decisions on breach reports.
    pub decisions: &'a [BreachDecision],
    /// Nominals transferred out of the unit: in no figure.
    pub transferred: &'a [String],
}

impl<'a> Unit<'a> {
    /// Still the unit's (not transferred out).
    pub fn holds(&self, nominal_id: &str) -> bool {
        !self.transferred.iter().any(|t| t == nominal_id)
    }

    pub fn officer_of(&self, nominal_id: &str) -> Option<&'a str> {
        self.assignments
            .iter()
            .find(|(n, _)| n == nominal_id)
            .map(|(_, o)| o.as_str())
    }

    /// The breach reports that stand (each as last corrected, so a corrected report counts
    /// once), of nominals still in the unit, each with the decision on it: the latest decision
    /// that names that report. A report corrected after a decision needs a decision again.
    pub fn breaches(&self) -> Vec<(&'a BreachReport, Option<&'a BreachDecision>)> {
        standing_reports(&self.cohort.breach_reports)
            .into_iter()
            .filter(|r| self.holds(&r.nominal_id))
            .map(|r| (r, decision_for(&r.id, self.decisions)))
            .collect()
    }
}

/// When the breach was first reported: the earliest report of its chain of corrections.
pub fn first_reported(reports: &[BreachReport], r: &BreachReport) -> NaiveDateTime {
    let mut first = r.recorded_at;
    let mut current = r;
    for _ in 0..reports.len() {
        let Some(prev) = current
            .corrects
            .as_deref()
            .and_then(|id| reports.iter().find(|x| x.id == id))
        else {
            break;
        };
        first = first.min(prev.recorded_at);
        current = prev;
    }
    first
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// "in 3 days", "today", "3 days ago".
fn distance(today: NaiveDate, on: NaiveDate) -> String {
    match days_between(today, on) {
        0 => "today".into(),
        n if n > 0 => format!("in {}", plural(n, "day")),
        n => format!("{} ago", plural(n.saturating_neg(), "day")),
    }
}

/// The briefing figure a nominal is on (due, or none on record), and the release in words:
/// "Release expected 28 Nov 2026 (in 4 days)", "Released 24 Nov 2026 (today)",
/// "Released 7 May 2026 (200 days ago); no release-day briefing on record".
fn briefing_item(today: NaiveDate, release: NaiveDate, due: bool) -> (Figure, String) {
    let when = format!("{} ({})", format_date(release), distance(today, release));
    match (due, release > today) {
        (true, true) => (Figure::BriefingsDue, format!("Release expected {when}")),
        (true, false) => (Figure::BriefingsDue, format!("Released {when}")),
        (false, _) => (
            Figure::NoBriefingOnRecord,
            format!("Released {when}; no release-day briefing on record"),
        ),
    }
}

/// Which "ending" figure a last day falls in, if any.
fn ending_band(today: NaiveDate, last_day: NaiveDate) -> Option<Figure> {
    match days_between(today, last_day) {
        0..=28 => Some(Figure::EndingWithin4Weeks),
        29..=56 => Some(Figure::EndingIn5To8Weeks),
        57..=84 => Some(Figure::EndingIn9To12Weeks),
        _ => None,
    }
}

/// The dashboard of the unit on `today`.
pub fn dashboard(unit: &Unit, today: NaiveDate) -> Dashboard {
    let c = unit.cohort;
    let mut lists: Vec<(Figure, Vec<Item>)> = Figure::ALL.iter().map(|f| (*f, vec![])).collect();
    let mut held = Vec::new();
    let mut push = |figure: Figure, item: Item| {
        if let Some((_, items)) = lists.iter_mut().find(|(f, _)| *f == figure) {
            items.push(item);
        }
    };
    let corrected: Vec<&str> = c
        .notifications
        .iter()
        .filter_map(|n| n.corrects.as_deref())
        .collect();
    for n in c.nominals.iter().filter(|n| unit.holds(&n.id)) {
        let officer = unit.officer_of(&n.id).map(str::to_string);
        held.push((n.id.clone(), officer.clone()));
        let item = |on: NaiveDate, detail: String, record_id: Option<&str>| Item {
            nominal_id: n.id.clone(),
            officer_id: officer.clone(),
            on,
            detail,
            record_id: record_id.map(str::to_string),
        };
        if let Some(ContactStatus::Overdue { since, days }) = c.contact_status(&n.id, today) {
            let detail = format!(
                "Overdue by {} (due {})",
                plural(days, "day"),
                format_date(since)
            );
            push(Figure::ContactsOverdue, item(since, detail, None));
        }
        let review = risk_review_due_on(n);
        if days_between(today, review) <= RISK_REVIEW_NOTICE_DAYS {
            let when = if review < today {
                format!("Overdue by {}", plural(days_between(review, today), "day"))
            } else {
                format!("Due {}", distance(today, review))
            };
            let detail = format!(
                "{when} ({} risk, reviewed {})",
                n.risk.label(),
                format_date(n.risk_reviewed_on)
            );
            push(Figure::RiskReviewsDue, item(review, detail, None));
        }
        for x in c.notifications_of(&n.id) {
            if corrected.contains(&x.id.as_str()) {
                continue;
            }
            let detail = match c.timeliness(x, today) {
                Timeliness::Overdue {
                    last_day,
                    days_late,
                } => Some((
                    last_day,
                    format!(
                        "{}: not given, {} past its last day ({})",
                        x.kind.label(),
                        plural(days_late, "day"),
                        format_date(last_day)
                    ),
                )),
                Timeliness::Late {
                    last_day,
                    days_late,
                } if days_between(last_day, today) <= LATE_NOTIFICATION_WINDOW_DAYS => Some((
                    last_day,
                    format!(
                        "{}: given {} late (last day {})",
                        x.kind.label(),
                        plural(days_late, "day"),
                        format_date(last_day)
                    ),
                )),
                _ => None,
            };
            if let Some((on, detail)) = detail {
                push(Figure::NotificationsLate, item(on, detail, Some(&x.id)));
            }
        }
        let release = n.custody.release_date();
        if c.briefing_due(&n.id, today) || c.no_briefing_on_record(&n.id, today) {
            let (figure, detail) = briefing_item(today, release, c.briefing_due(&n.id, today));
            push(figure, item(release, detail, None));
        }
        if let CustodyStatus::InCustody {
            expected_release, ..
        } = n.custody
        {
            if (0..=RELEASES_WITHIN_DAYS).contains(&days_between(today, expected_release)) {
                let detail = format!(
                    "Release expected {} ({})",
                    format_date(expected_release),
                    distance(today, expected_release)
                );
                push(
                    Figure::ReleasesWithin4Weeks,
                    item(expected_release, detail, None),
                );
            }
        }
        let Some(order) = c.order_for(&n.id, today).filter(|o| o.is_live_on(today)) else {
            continue;
        };
        let Some(order_end) = order.ends_on(today) else {
            continue;
        };
        if let Some(band) = ending_band(today, order_end) {
            let detail = format!(
                "Order {} ends {} ({})",
                order.court_reference,
                format_date(order_end),
                distance(today, order_end)
            );
            push(band, item(order_end, detail, Some(&order.id)));
        }
        for k in c.live_conditions(&n.id, today) {
            // Its own last day, or the day before a later variation ends it.
            let by_variation = order
                .variations
                .iter()
                .filter(|v| v.takes_effect > today && v.conditions_ended.contains(&k.id))
                .filter_map(|v| v.takes_effect.checked_sub_days(Days::new(1)))
                .min();
            let Some(last) = k.ends.into_iter().chain(by_variation).min() else {
                continue;
            };
            if last >= order_end {
                continue;
            }
            if let Some(band) = ending_band(today, last) {
                let detail = format!(
                    "Provision \u{201c}{}\u{201d} ends {} ({})",
                    k.summary,
                    format_date(last),
                    distance(today, last)
                );
                push(band, item(last, detail, Some(&k.id)));
            }
        }
    }
    for (r, decision) in unit.breaches() {
        let officer = unit.officer_of(&r.nominal_id).map(str::to_string);
        let (figure, on, detail) = match decision {
            None => {
                let first = first_reported(&c.breach_reports, r).date();
                let detail = format!(
                    "Waiting {} (reported {}; breach on {})",
                    plural(days_between(first, today).max(0), "day"),
                    format_date(first),
                    format_date(r.occurred_at.date())
                );
                (Figure::BreachesAwaitingDecision, first, detail)
            }
            Some(d) if d.level == DecisionLevel::RequestRecall => {
                use crate::domain::cohort::referrals::current_status;
                // The latest referral on the breach; none yet, or one with no outcome, waits.
                let referral = c
                    .recall_referrals
                    .iter()
                    .filter(|x| x.breach_report_id == r.id)
                    .max_by(|a, b| (a.made_at, &a.id).cmp(&(b.made_at, &b.id)));
                let (on, what) = match referral {
                    Some(x) if current_status(c, &x.id).is_outcome() => continue,
                    Some(x) => (
                        x.made_at.date(),
                        format!(
                            "Referral made {}; {}",
                            format_date(x.made_at.date()),
                            match current_status(c, &x.id) {
                                crate::domain::referral::record::ReferralStatus::Made =>
                                    "not sent to probation yet",
                                _ => "sent to probation, no outcome yet",
                            }
                        ),
                    ),
                    None => (
                        d.decided_at.date(),
                        format!(
                            "Recall requested {}; no referral to probation made yet",
                            format_date(d.decided_at.date())
                        ),
                    ),
                };
                let detail = format!(
                    "{what} ({}; breach on {})",
                    distance(today, on),
                    format_date(r.occurred_at.date())
                );
                (Figure::RecallsAwaitingOutcome, on, detail)
            }
            Some(_) => continue,
        };
        push(
            figure,
            Item {
                nominal_id: r.nominal_id.clone(),
                officer_id: officer,
                on,
                detail,
                record_id: Some(r.id.clone()),
            },
        );
    }
    crate::domain::oversight::figures::sort_lists(&mut lists);
    Dashboard { lists, held }
}

#[cfg(test)]
#[path = "oversight_tests.rs"]
mod tests;
