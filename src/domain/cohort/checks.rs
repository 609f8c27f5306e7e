//! The rules a cohort must meet beyond its shape: unique ids, and bounds on every value (so
//! nothing imported can make a later calculation fail, nor a page too wide to read); the
//! grammar of ids is checked in `cohort_ids`, the cross-checks between records in
//! `cohort_cross_checks`. Each problem names the exact field, e.g.
//! `orders[2].variations[0].new_end`.

use crate::domain::common::validation::{MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};
use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::validation::{Problem, Problems};
use crate::domain::order::condition::MAX_DEADLINE_DAYS;
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::time::dates::format_date;

pub use crate::domain::time::dates::{EARLIEST_DATE, LATEST_DATE};

/// Checks that only need one value.
struct Check<'a>(&'a mut Problems);

impl Check<'_> {
    fn text(&mut self, path: String, text: &str, max: usize) {
        if text.chars().count() > max {
            self.0
                .add(path, format!("must be {max} characters or fewer"));
        }
    }

    fn required(&mut self, path: String, text: &str, max: usize) {
        if text.trim().is_empty() {
            self.0.add(path, "is empty");
        } else {
            self.text(path, text, max);
        }
    }

    fn date(&mut self, path: String, d: NaiveDate) {
        if d < EARLIEST_DATE || d > LATEST_DATE {
            self.0.add(
                path,
                format!(
                    "{} is out of range: dates must be between {} and {}",
                    d,
                    format_date(EARLIEST_DATE),
                    format_date(LATEST_DATE)
                ),
            );
        }
    }

    fn time(&mut self, path: String, t: NaiveDateTime) {
        self.date(path, t.date());
    }

    fn items(&mut self, path: String, n: usize) -> bool {
        if n > MAX_ITEMS {
            self.0
                .add(path, format!("has {n} items: at most {MAX_ITEMS}"));
            return false;
        }
        true
    }
}

impl Cohort {
    /// Every rule a well-formed cohort must meet, beyond its shape. An empty list means the
    /// cohort can be used: every date is in range, every id it names exists and belongs to the
    /// same nominal and order, and no value can make a later calculation fail.
    pub fn validate(&self) -> Vec<Problem> {
        let mut ids = Problems(vec![]);
        self.check_id_fields(&mut ids);
        self.check_schedule_ids(&mut ids);
        let mut p = Problems(vec![]);
        self.check_ids(&mut p);
        self.check_values(&mut p);
        self.check_nominals(&mut p);
        self.check_orders(&mut p);
        self.check_bound(&mut p);
        self.check_conditions(&mut p);
        self.check_history(&mut p);
        self.check_decisions(&mut p);
        self.check_exhibits(&mut p);
        self.check_referrals(&mut p);
        self.check_references(&mut p);
        self.check_schedules(&mut p);
        self.check_releases(&mut p);
        // A field whose id breaks the grammar gets that one problem, not also "no nominal has
        // the id ..." or "is used twice".
        let bad: HashSet<&str> = ids.0.iter().map(|x| x.path.as_str()).collect();
        p.0.retain(|x| !bad.contains(x.path.as_str()));
        ids.0.extend(p.0);
        ids.0
    }

    fn check_ids(&self, p: &mut Problems) {
        let mut ids = |key: &str, ids: Vec<&str>| {
            let mut seen = HashSet::new();
            for (i, id) in ids.into_iter().enumerate() {
                if !seen.insert(id) {
                    p.add(format!("{key}[{i}].id"), format!("\"{id}\" is used twice"));
                }
            }
        };
        ids(
            "nominals",
            self.nominals.iter().map(|n| n.id.as_str()).collect(),
        );
        ids(
            "orders",
            self.orders.iter().map(|o| o.id.as_str()).collect(),
        );
        ids(
            "conditions",
            self.conditions.iter().map(|c| c.id.as_str()).collect(),
        );
        ids(
            "contacts",
            self.contacts.iter().map(|c| c.id.as_str()).collect(),
        );
        ids(
            "notifications",
            self.notifications.iter().map(|n| n.id.as_str()).collect(),
        );
        ids(
            "briefings",
            self.briefings.iter().map(|b| b.id.as_str()).collect(),
        );
        ids(
            "breach_reports",
            self.breach_reports.iter().map(|b| b.id.as_str()).collect(),
        );
    }

    /// Lengths, list sizes and date ranges of every value.
    fn check_values(&self, p: &mut Problems) {
        let mut c = Check(p);
        let (short, long) = (MAX_SHORT_CHARS, MAX_LONG_CHARS);
        c.text("officer.name".into(), &self.officer.name, short);
        for (i, n) in self.nominals.iter().enumerate() {
            let at = |f: &str| format!("nominals[{i}].{f}");
            c.required(at("given_name"), &n.given_name, short);
            c.required(at("family_name"), &n.family_name, short);
            if c.items(at("aliases"), n.aliases.len()) {
                for (j, a) in n.aliases.iter().enumerate() {
                    c.text(at(&format!("aliases[{j}]")), a, short);
                }
            }
            c.date(at("date_of_birth"), n.date_of_birth);
            c.date(at("risk_reviewed_on"), n.risk_reviewed_on);
            c.text(at("offender_manager.name"), &n.offender_manager.name, short);
            c.text(at("address"), n.address.as_deref().unwrap_or(""), short);
            c.text(at("phone"), n.phone.as_deref().unwrap_or(""), short);
            match &n.custody {
                CustodyStatus::InCustody {
                    expected_release, ..
                } => {
                    c.date(at("custody.expected_release"), *expected_release);
                }
                CustodyStatus::OnLicence {
                    released_on,
                    licence_ends,
                    probation,
                    ..
                } => {
                    c.date(at("custody.released_on"), *released_on);
                    c.date(at("custody.licence_ends"), *licence_ends);
                    c.text(at("custody.probation.name"), &probation.name, short);
                    let phone = probation.phone.as_deref().unwrap_or("");
                    c.text(at("custody.probation.phone"), phone, short);
                    let email = probation.email.as_deref().unwrap_or("");
                    c.text(at("custody.probation.email"), email, short);
                }
                CustodyStatus::LicenceEnded {
                    released_on,
                    licence_ended,
                    ..
                } => {
                    c.date(at("custody.released_on"), *released_on);
                    c.date(at("custody.licence_ended"), *licence_ended);
                }
                CustodyStatus::InCommunity { since, .. } => {
                    c.date(at("custody.since"), *since);
                }
            }
            if let Some(r) = n.custody.recall() {
                c.date(at("custody.recall.released_on"), r.released_on);
                c.date(at("custody.recall.recalled_on"), r.recalled_on);
                if let Some(first) = r.first_released_on {
                    c.date(at("custody.recall.first_released_on"), first);
                }
            }
        }
        for (i, o) in self.orders.iter().enumerate() {
            let at = |f: &str| format!("orders[{i}].{f}");
            c.required(at("court_reference"), &o.court_reference, short);
            c.text(at("court"), &o.court, short);
            if let Some(d) = o.date_granted() {
                c.date(at("stage.date_granted"), d);
            }
            if let Some(d) = o.comes_into_force() {
                c.date(at("stage.comes_into_force"), d);
            }
            if let Some(d) = o.ends_as_granted() {
                c.date(at("stage.ends"), d);
            }
            if let crate::domain::order::scpo::OrderStage::Discharged { discharged_on, .. } =
                &o.stage
            {
                c.date(at("stage.discharged_on"), *discharged_on);
            }
            if !c.items(at("variations"), o.variations.len()) {
                continue;
            }
            for (j, v) in o.variations.iter().enumerate() {
                let at = |f: &str| format!("orders[{i}].variations[{j}].{f}");
                c.date(at("made_on"), v.made_on);
                c.date(at("takes_effect"), v.takes_effect);
                if let Some(e) = v.new_end {
                    c.date(at("new_end"), e);
                }
                c.text(at("court"), &v.court, short);
                c.text(at("summary"), &v.summary, long);
                c.items(at("conditions_ended"), v.conditions_ended.len());
                c.items(at("conditions_added"), v.conditions_added.len());
            }
        }
        for (i, k) in self.conditions.iter().enumerate() {
            let at = |f: &str| format!("conditions[{i}].{f}");
            if k.verbatim.trim().is_empty() {
                c.0.add(at("verbatim"), "is empty: give the wording as granted");
            }
            c.text(at("verbatim"), &k.verbatim, long);
            c.text(at("summary"), &k.summary, long);
            if let Some(d) = k.starts {
                c.date(at("starts"), d);
            }
            if let Some(d) = k.ends {
                c.date(at("ends"), d);
            }
            if let Some(duty) = &k.notification {
                let days = duty.deadline.days();
                if !(1..=MAX_DEADLINE_DAYS).contains(&days) {
                    c.0.add(
                        at("notification.deadline.days"),
                        format!("must be between 1 and {MAX_DEADLINE_DAYS} days (it is {days})"),
                    );
                }
            }
        }
        for (i, plan) in self.contact_plans.iter().enumerate() {
            let at = |f: &str| format!("contact_plans[{i}].{f}");
            if !(1..=365).contains(&plan.every_days) {
                c.0.add(at("every_days"), "must be between 1 and 365 days");
            }
            c.text(at("agreed_by"), &plan.agreed_by, short);
            c.date(at("agreed_on"), plan.agreed_on);
        }
        for (i, k) in self.contacts.iter().enumerate() {
            let at = |f: &str| format!("contacts[{i}].{f}");
            c.time(at("at"), k.at);
            c.text(at("notes"), &k.notes, long);
        }
        for (i, n) in self.notifications.iter().enumerate() {
            let at = |f: &str| format!("notifications[{i}].{f}");
            c.text(at("details"), &n.details, long);
            c.date(at("event_on"), n.event_on);
            if let Some(d) = n.notified_on {
                c.date(at("notified_on"), d);
            }
            c.time(at("recorded_at"), n.recorded_at);
        }
        for (i, b) in self.briefings.iter().enumerate() {
            let at = |f: &str| format!("briefings[{i}].{f}");
            c.time(at("started_at"), b.started_at);
            c.text(
                at("body_worn_video_reference"),
                &b.body_worn_video_reference,
                short,
            );
            if c.items(at("conditions"), b.conditions.len()) {
                for (j, k) in b.conditions.iter().enumerate() {
                    c.text(at(&format!("conditions[{j}].question")), &k.question, long);
                }
            }
            if let crate::domain::field::briefing::CopyOfOrder::NotHandedOver { reason } =
                &b.copy_of_order
            {
                c.text(at("copy_of_order.reason"), reason, long);
            }
            if let Some(s) = &b.signed_off {
                c.text(at("signed_off.officer_name"), &s.officer_name, short);
                c.time(at("signed_off.at"), s.at);
            }
        }
        for (i, b) in self.breach_reports.iter().enumerate() {
            let at = |f: &str| format!("breach_reports[{i}].{f}");
            c.time(at("occurred_at"), b.occurred_at);
            c.time(at("recorded_at"), b.recorded_at);
            c.text(at("location"), &b.location, long);
            c.text(at("what_was_seen"), &b.what_was_seen, long);
            c.text(
                at("explanation"),
                b.explanation.as_deref().unwrap_or(""),
                long,
            );
            c.items(at("condition_ids"), b.condition_ids.len());
            if c.items(at("evidence"), b.evidence.len()) {
                for (j, e) in b.evidence.iter().enumerate() {
                    c.text(
                        at(&format!("evidence[{j}].description")),
                        &e.description,
                        long,
                    );
                    c.text(at(&format!("evidence[{j}].reference")), &e.reference, short);
                }
            }
            c.text(at("officer_name"), &b.officer_name, short);
            let reasons = &b.decision.recommended.reasons;
            if c.items(at("decision.recommended.reasons"), reasons.len()) {
                for (j, r) in reasons.iter().enumerate() {
                    let path = at(&format!("decision.recommended.reasons[{j}]"));
                    c.text(path, &r.0, long);
                }
            }
            let reason = b.decision.override_reason.as_deref().unwrap_or("");
            c.text(at("decision.override_reason"), reason, long);
        }
        // An exhibit's description and a withdrawal's reason have the tighter limit of
        // `exhibit_rules`.
        for (i, e) in self.exhibits.iter().enumerate() {
            let at = |f: &str| format!("exhibits[{i}].{f}");
            c.text(at("media_type"), &e.media_type, short);
            c.text(at("officer_name"), &e.officer_name, short);
        }
        for (i, w) in self.exhibit_withdrawals.iter().enumerate() {
            let path = format!("exhibit_withdrawals[{i}].officer_name");
            c.text(path, &w.officer_name, short);
        }
    }
}
