//! A nominal's history, newest first: briefings, contacts, notifications, breach reports and
//! the DS's decisions on them, each with the facts an officer reads before a visit, worded and
//! dated the en-GB way.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::decision::BreachDecision;
use crate::domain::breach::report::BreachReport;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::briefing::{Briefing, CopyOfOrder};
use crate::domain::field::contact::{Contact, ContactOutcome};
use crate::domain::field::notification::{Notification, NotificationKind, Timeliness};
use crate::domain::time::dates::{format_date, format_date_time};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Briefing,
    Contact,
    Notification,
    Breach,
    Decision,
    Referral,
}

impl EntryKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Briefing => "Release-day briefing",
            Self::Contact => "Contact",
            Self::Notification => "Notification",
            Self::Breach => "Breach report",
            Self::Decision => "Breach decision",
            Self::Referral => "Recall referral",
        }
    }
}

/// How a tag reads: red for what may be a breach, yellow for what is unfinished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Urgent,
    Warning,
    Good,
    Neutral,
}

/// The record an entry opens, when that record has a page of its own on the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opens {
    /// A breach report (its own entry, and the DS's decision on it).
    BreachReport(String),
    /// A recall referral (its own entry, and each update of its status).
    Referral(String),
}

/// One event in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub id: String,
    pub kind: EntryKind,
    /// When it happened; orders the timeline.
    pub at: NaiveDateTime,
    /// E.g. "Home visit" or "Vehicle used".
    pub title: String,
    pub tag: Option<(String, Tone)>,
    /// Key and value lines, in reading order.
    pub facts: Vec<(&'static str, String)>,
    /// A later record corrects this one.
    pub corrected: bool,
    /// This record corrects an earlier one.
    pub is_correction: bool,
    /// Where the entry leads.
    pub opens: Option<Opens>,
    /// It happened on a day, at no time in particular (a failure to notify): no time shown.
    pub date_only: bool,
}

impl TimelineEntry {
    pub(crate) fn new(
        kind: EntryKind,
        id: &str,
        at: NaiveDateTime,
        title: impl Into<String>,
    ) -> Self {
        Self {
            id: id.to_string(),
            kind,
            at,
            title: title.into(),
            tag: None,
            facts: vec![],
            corrected: false,
            is_correction: false,
            opens: None,
            date_only: false,
        }
    }

    pub(crate) fn opens(mut self, opens: Opens) -> Self {
        self.opens = Some(opens);
        self
    }

    pub(crate) fn fact(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.facts.push((key, value.into()));
        self
    }

    pub(crate) fn tag(mut self, text: impl Into<String>, tone: Tone) -> Self {
        self.tag = Some((text.into(), tone));
        self
    }

    /// "24 Nov 2026, 14:05", or "24 Nov 2026" for an entry with no time.
    pub fn when(&self) -> String {
        if self.date_only {
            format_date(self.at.date())
        } else {
            format_date_time(self.at)
        }
    }
}

fn contact_entry(c: &Contact) -> TimelineEntry {
    let (tag, tone) = match c.outcome {
        ContactOutcome::NoConcerns => ("Seen, no concerns", Tone::Good),
        ContactOutcome::ConcernsRecorded => ("Seen, concerns recorded", Tone::Warning),
        ContactOutcome::NotSeen => ("Not seen", Tone::Urgent),
    };
    // The tag says both whether they were seen and the outcome.
    let mut e = TimelineEntry::new(EntryKind::Contact, &c.id, c.at, c.kind.label()).tag(tag, tone);
    if !c.notes.trim().is_empty() {
        e = e.fact("Notes", c.notes.trim());
    }
    e.is_correction = c.corrects.is_some();
    e
}

/// The timeliness of a notification as a tag.
pub fn timeliness_tag(t: Timeliness) -> Option<(String, Tone)> {
    let days = |n: i64| {
        if n == 1 {
            "1 day".into()
        } else {
            format!("{n} days")
        }
    };
    match t {
        Timeliness::NoDeadline => None,
        Timeliness::InTime { .. } => Some(("In time".into(), Tone::Good)),
        Timeliness::Late { days_late, .. } => {
            Some((format!("Late by {}", days(days_late)), Tone::Urgent))
        }
        Timeliness::Outstanding { last_day } => Some((
            format!("Not yet notified: due by {}", format_date(last_day)),
            Tone::Warning,
        )),
        Timeliness::Overdue { days_late, .. } => Some((
            format!("Not notified: overdue by {}", days(days_late)),
            Tone::Urgent,
        )),
    }
}

fn notification_entry(c: &Cohort, n: &Notification, today: NaiveDate) -> TimelineEntry {
    let timeliness = c.timeliness(n, today);
    let happened = match n.kind {
        NotificationKind::TravelRequest => "Travel starts",
        _ => "Happened",
    };
    let mut e = TimelineEntry::new(
        EntryKind::Notification,
        &n.id,
        n.recorded_at,
        n.kind.label(),
    )
    .fact("What was notified", n.details.clone())
    .fact(happened, format_date(n.event_on))
    .fact(
        "Police told",
        n.notified_on
            .map_or_else(|| "Not yet".to_string(), format_date),
    );
    match timeliness {
        Timeliness::InTime { last_day }
        | Timeliness::Late { last_day, .. }
        | Timeliness::Outstanding { last_day }
        | Timeliness::Overdue { last_day, .. } => {
            e = e.fact("Last day to tell police", format_date(last_day));
        }
        Timeliness::NoDeadline => {}
    }
    if let Some(cond) = n.condition_id.as_deref().and_then(|id| c.condition(id)) {
        e = e.fact("Condition", cond.summary.clone());
    }
    e.tag = timeliness_tag(timeliness);
    e.is_correction = n.corrects.is_some();
    e
}

fn briefing_entry(b: &Briefing) -> TimelineEntry {
    let done = b
        .conditions
        .iter()
        .filter(|c| c.explained && c.understood)
        .count();
    let e = TimelineEntry::new(
        EntryKind::Briefing,
        &b.id,
        b.started_at,
        "Release-day briefing",
    );
    let e = match &b.signed_off {
        Some(s) => e.tag("Signed off", Tone::Good).fact(
            "Signed off",
            format!("{} by {}", format_date_time(s.at), s.officer_name),
        ),
        None => e.tag("In progress", Tone::Warning),
    };
    let bwv = b.body_worn_video_reference.trim();
    e.fact(
        "Conditions explained and understood",
        format!("{done} of {}", b.conditions.len()),
    )
    .fact(
        "Body-worn video reference",
        if bwv.is_empty() { "Not recorded" } else { bwv },
    )
    .fact(
        "Copy of order",
        match &b.copy_of_order {
            CopyOfOrder::NotRecorded => "Not recorded".to_string(),
            CopyOfOrder::HandedOver => "Handed over".to_string(),
            CopyOfOrder::NotHandedOver { reason } => format!("Not handed over: {reason}"),
        },
    )
}

fn breach_entry(c: &Cohort, r: &BreachReport) -> TimelineEntry {
    let conditions: Vec<String> = r
        .condition_ids
        .iter()
        .map(|id| c.condition(id).map_or(id.clone(), |x| x.summary.clone()))
        .collect();
    let d = &r.decision;
    let mut e = TimelineEntry::new(EntryKind::Breach, &r.id, r.occurred_at, "Breach report")
        .opens(Opens::BreachReport(r.id.clone()))
        .tag(d.chosen.label(), Tone::Urgent)
        .fact("Conditions breached", conditions.join("; "))
        .fact("Where", r.location.clone())
        .fact("What was seen", r.what_was_seen.clone())
        .fact("Recommended", d.recommended.level.label())
        .fact("Chosen", d.chosen.label())
        .fact("Reference", r.shown_reference());
    e.date_only = r.date_only;
    if let Some(why) = &d.override_reason {
        e = e.fact("Why a different level", why.clone());
    }
    e = e.fact(
        "Reported",
        format!("{} by {}", format_date_time(r.recorded_at), r.officer_name),
    );
    e.is_correction = r.corrects.is_some();
    e
}

/// "Breach decision by DS Demo Supervisor: Interview and caution (agreed)", with the rationale.
fn decision_entry(c: &Cohort, d: &BreachDecision) -> TimelineEntry {
    let chose = c
        .breach_reports
        .iter()
        .find(|r| r.id == d.report_id)
        .map(|r| r.decision.chosen);
    let title = format!(
        "Breach decision by {}: {}",
        d.decided_by_name,
        d.summary(chose)
    );
    let mut e = TimelineEntry::new(EntryKind::Decision, &d.id, d.decided_at, title)
        .opens(Opens::BreachReport(d.report_id.clone()))
        .fact("Decision and rationale", d.action.clone());
    if d.disruption {
        e = e.fact("Disruption of organised crime", "Recorded");
    }
    e.is_correction = d.replaces.is_some();
    e
}

impl Cohort {
    /// The nominal's history on `today`, newest first.
    pub fn timeline(&self, nominal_id: &str, today: NaiveDate) -> Vec<TimelineEntry> {
        let mut corrected: Vec<&str> = vec![];
        let mut entries: Vec<TimelineEntry> = vec![];
        for x in self.briefings_of(nominal_id) {
            entries.push(briefing_entry(x));
        }
        for x in self.contacts.iter().filter(|x| x.nominal_id == nominal_id) {
            corrected.extend(x.corrects.as_deref());
            entries.push(contact_entry(x));
        }
        for x in self.notifications_of(nominal_id) {
            corrected.extend(x.corrects.as_deref());
            entries.push(notification_entry(self, x, today));
        }
        for x in self
            .breach_reports
            .iter()
            .filter(|x| x.nominal_id == nominal_id)
        {
            corrected.extend(x.corrects.as_deref());
            entries.push(breach_entry(self, x));
        }
        for x in self
            .breach_decisions
            .iter()
            .filter(|x| x.nominal_id == nominal_id)
        {
            corrected.extend(x.replaces.as_deref());
            entries.push(decision_entry(self, x));
        }
        for x in self
            .recall_referrals
            .iter()
            .filter(|x| x.nominal_id == nominal_id)
        {
            entries.push(crate::domain::timeline::referral::timeline_entry(x));
        }
        for x in self
            .referral_statuses
            .iter()
            .filter(|x| x.nominal_id == nominal_id)
        {
            entries.push(crate::domain::timeline::referral::status_entry(x));
        }
        for e in &mut entries {
            e.corrected = corrected.contains(&e.id.as_str());
        }
        crate::domain::common::sort::sort_by(&mut entries, |a, b| {
            b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id))
        });
        entries
    }
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
