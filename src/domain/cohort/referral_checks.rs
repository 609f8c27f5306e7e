//! Import checks for recall referrals and their status updates: ids, a known nominal, the
//! breach report (or referral) named is the same nominal's, texts in bounds, dates in range, a
//! status dated no earlier than the day its referral was made. The enforcement level is not
//! checked here: a DS may decide otherwise after a referral was made, and the referral stays.

use std::collections::HashSet;

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::checks::{EARLIEST_DATE, LATEST_DATE};
use crate::domain::common::validation::Problems;
use crate::domain::common::validation::{MAX_ITEMS, MAX_LONG_CHARS, MAX_SHORT_CHARS};
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::referral::answers::email_shape_ok;

impl Cohort {
    pub(crate) fn check_referrals(&self, p: &mut Problems) {
        let mut seen = HashSet::new();
        // The grammar of every id here is checked in `cohort_ids`.
        let mut id_ok = |at: String, id: &str, p: &mut Problems| {
            if !seen.insert(id.to_string()) {
                p.add(at, format!("\"{id}\" is used twice"));
            }
        };
        let len = |at: String, v: &str, max: usize, p: &mut Problems| {
            if v.chars().count() > max {
                p.add(at, format!("must be {max} characters or fewer"));
            }
        };
        let in_range = |d: chrono::NaiveDate| (EARLIEST_DATE..=LATEST_DATE).contains(&d);
        // The probation contact a referral copies: an email, when given, must look like one.
        for (i, n) in self.nominals.iter().enumerate() {
            if let CustodyStatus::OnLicence { probation, .. } = &n.custody {
                let email = probation.email.as_deref().unwrap_or("");
                if !email.is_empty() && !email_shape_ok(email) {
                    p.add(
                        format!("nominals[{i}].custody.probation.email"),
                        "is not an email address (like name@example.org)",
                    );
                }
            }
        }
        for (i, r) in self.recall_referrals.iter().enumerate() {
            let at = |f: &str| format!("recall_referrals[{i}].{f}");
            id_ok(at("id"), &r.id, p);
            if self.nominal(&r.nominal_id).is_none() {
                p.add(
                    at("nominal_id"),
                    format!("no nominal has the id \"{}\"", r.nominal_id),
                );
            }
            match self
                .breach_reports
                .iter()
                .find(|b| b.id == r.breach_report_id)
            {
                None => p.add(
                    at("breach_report_id"),
                    format!("no breach report has the id \"{}\"", r.breach_report_id),
                ),
                Some(b) if b.nominal_id != r.nominal_id => p.add(
                    at("breach_report_id"),
                    format!("\"{}\" is a breach report on another nominal", b.id),
                ),
                Some(_) => {}
            }
            let short = [
                ("officer_name", &r.officer_name),
                ("police_contact.name", &r.police_contact.name),
                ("police_contact.email", &r.police_contact.email),
                ("police_contact.phone", &r.police_contact.phone),
            ];
            for (f, v) in short {
                len(at(f), v, MAX_SHORT_CHARS, p);
            }
            let long = [
                ("arrest_issues", &r.arrest_issues),
                ("last_address", &r.last_address),
                ("other_addresses", &r.other_addresses),
                ("contraband_risk", &r.contraband_risk),
                ("charge_details", &r.charge_details),
                ("circumstances", &r.circumstances),
                ("earlier_breaches", &r.earlier_breaches),
                ("not_for_disclosure", &r.not_for_disclosure),
            ];
            for (f, v) in long {
                len(at(f), v, MAX_LONG_CHARS, p);
            }
            if r.provisions.len() > MAX_ITEMS {
                p.add(
                    at("provisions"),
                    format!("has {} items: at most {MAX_ITEMS}", r.provisions.len()),
                );
            }
            for (j, pr) in r.provisions.iter().enumerate().take(MAX_ITEMS) {
                len(
                    at(&format!("provisions[{j}].verbatim")),
                    &pr.verbatim,
                    MAX_LONG_CHARS,
                    p,
                );
            }
            if let Some(pc) = &r.probation_contact {
                len(at("probation_contact.name"), &pc.name, MAX_SHORT_CHARS, p);
                len(
                    at("probation_contact.phone"),
                    pc.phone.as_deref().unwrap_or(""),
                    MAX_SHORT_CHARS,
                    p,
                );
                len(
                    at("probation_contact.email"),
                    pc.email.as_deref().unwrap_or(""),
                    MAX_SHORT_CHARS,
                    p,
                );
            }
            if !in_range(r.made_at.date()) {
                p.add(at("made_at"), "is out of range");
            }
        }
        for (i, s) in self.referral_statuses.iter().enumerate() {
            let at = |f: &str| format!("referral_statuses[{i}].{f}");
            id_ok(at("id"), &s.id, p);
            len(at("officer_name"), &s.officer_name, MAX_SHORT_CHARS, p);
            match self.recall_referrals.iter().find(|r| r.id == s.referral_id) {
                None => p.add(
                    at("referral_id"),
                    format!("no recall referral has the id \"{}\"", s.referral_id),
                ),
                Some(r) if r.nominal_id != s.nominal_id => p.add(
                    at("referral_id"),
                    format!("\"{}\" is a referral on another nominal", r.id),
                ),
                Some(r) if s.on < r.made_at.date() => {
                    p.add(at("on"), "is before the day the referral was made")
                }
                Some(_) => {}
            }
            if !in_range(s.on) {
                p.add(at("on"), "is out of range");
            }
            if !in_range(s.recorded_at.date()) {
                p.add(at("recorded_at"), "is out of range");
            }
        }
    }
}
