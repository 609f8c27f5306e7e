//! Every id in a cohort, and every field that names one, meets the one grammar of ids
//! ([`check_id`](crate::domain::common::id::check_id)): part of [`Cohort::validate`], each problem at its
//! field's exact path (`breach_reports[0].id`, `orders[1].variations[0].conditions_added[2]`).

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::id::check_id;
use crate::domain::common::validation::Problems;
use crate::domain::common::validation::MAX_ITEMS;

fn id(p: &mut Problems, path: String, v: &str) {
    if let Err(e) = check_id(v) {
        p.add(path, e.to_string());
    }
}

fn opt(p: &mut Problems, path: String, v: Option<&String>) {
    if let Some(v) = v {
        id(p, path, v);
    }
}

/// Each id of a list (its length is checked with the record's other lists).
fn ids(p: &mut Problems, path: &str, list: &[String]) {
    for (k, v) in list.iter().enumerate().take(MAX_ITEMS) {
        id(p, format!("{path}[{k}]"), v);
    }
}

impl Cohort {
    pub(crate) fn check_id_fields(&self, p: &mut Problems) {
        id(p, "officer.id".into(), &self.officer.id);
        for (i, n) in self.nominals.iter().enumerate() {
            id(p, format!("nominals[{i}].id"), &n.id);
            let om = format!("nominals[{i}].offender_manager.id");
            id(p, om, &n.offender_manager.id);
        }
        for (i, o) in self.orders.iter().enumerate() {
            let at = |f: &str| format!("orders[{i}].{f}");
            id(p, at("id"), &o.id);
            id(p, at("nominal_id"), &o.nominal_id);
            for (j, v) in o.variations.iter().enumerate().take(MAX_ITEMS) {
                let at = |f: &str| format!("orders[{i}].variations[{j}].{f}");
                id(p, at("id"), &v.id);
                ids(p, &at("conditions_ended"), &v.conditions_ended);
                ids(p, &at("conditions_added"), &v.conditions_added);
            }
        }
        for (i, c) in self.conditions.iter().enumerate() {
            let at = |f: &str| format!("conditions[{i}].{f}");
            id(p, at("id"), &c.id);
            id(p, at("order_id"), &c.order_id);
            opt(p, at("replaces"), c.replaces.as_ref());
        }
        for (i, plan) in self.contact_plans.iter().enumerate() {
            id(
                p,
                format!("contact_plans[{i}].nominal_id"),
                &plan.nominal_id,
            );
        }
        for (i, c) in self.contacts.iter().enumerate() {
            let at = |f: &str| format!("contacts[{i}].{f}");
            id(p, at("id"), &c.id);
            id(p, at("nominal_id"), &c.nominal_id);
            id(p, at("officer_id"), &c.officer_id);
            opt(p, at("corrects"), c.corrects.as_ref());
        }
        for (i, n) in self.notifications.iter().enumerate() {
            let at = |f: &str| format!("notifications[{i}].{f}");
            id(p, at("id"), &n.id);
            id(p, at("nominal_id"), &n.nominal_id);
            opt(p, at("condition_id"), n.condition_id.as_ref());
            id(p, at("officer_id"), &n.officer_id);
            opt(p, at("corrects"), n.corrects.as_ref());
        }
        for (i, b) in self.briefings.iter().enumerate() {
            let at = |f: &str| format!("briefings[{i}].{f}");
            id(p, at("id"), &b.id);
            id(p, at("nominal_id"), &b.nominal_id);
            id(p, at("order_id"), &b.order_id);
            for (j, c) in b.conditions.iter().enumerate().take(MAX_ITEMS) {
                id(
                    p,
                    at(&format!("conditions[{j}].condition_id")),
                    &c.condition_id,
                );
            }
            let signed = b.signed_off.as_ref().map(|s| &s.officer_id);
            opt(p, at("signed_off.officer_id"), signed);
        }
        for (i, b) in self.breach_reports.iter().enumerate() {
            let at = |f: &str| format!("breach_reports[{i}].{f}");
            id(p, at("id"), &b.id);
            id(p, at("nominal_id"), &b.nominal_id);
            id(p, at("order_id"), &b.order_id);
            ids(p, &at("condition_ids"), &b.condition_ids);
            id(p, at("officer_id"), &b.officer_id);
            opt(p, at("corrects"), b.corrects.as_ref());
        }
        for (i, d) in self.breach_decisions.iter().enumerate() {
            let at = |f: &str| format!("breach_decisions[{i}].{f}");
            id(p, at("id"), &d.id);
            id(p, at("nominal_id"), &d.nominal_id);
            id(p, at("report_id"), &d.report_id);
            id(p, at("decided_by"), &d.decided_by);
            opt(p, at("replaces"), d.replaces.as_ref());
        }
        for (i, e) in self.exhibits.iter().enumerate() {
            let at = |f: &str| format!("exhibits[{i}].{f}");
            id(p, at("id"), &e.id);
            id(p, at("nominal_id"), &e.nominal_id);
            id(p, at("record_id"), &e.record_id);
            id(p, at("officer_id"), &e.officer_id);
        }
        for (i, w) in self.exhibit_withdrawals.iter().enumerate() {
            let at = |f: &str| format!("exhibit_withdrawals[{i}].{f}");
            id(p, at("id"), &w.id);
            id(p, at("nominal_id"), &w.nominal_id);
            id(p, at("exhibit_id"), &w.exhibit_id);
            id(p, at("officer_id"), &w.officer_id);
        }
        for (i, r) in self.recall_referrals.iter().enumerate() {
            let at = |f: &str| format!("recall_referrals[{i}].{f}");
            id(p, at("id"), &r.id);
            id(p, at("nominal_id"), &r.nominal_id);
            id(p, at("breach_report_id"), &r.breach_report_id);
            for (j, pr) in r.provisions.iter().enumerate().take(MAX_ITEMS) {
                id(
                    p,
                    at(&format!("provisions[{j}].condition_id")),
                    &pr.condition_id,
                );
            }
            id(p, at("officer_id"), &r.officer_id);
        }
        for (i, s) in self.referral_statuses.iter().enumerate() {
            let at = |f: &str| format!("referral_statuses[{i}].{f}");
            id(p, at("id"), &s.id);
            id(p, at("nominal_id"), &s.nominal_id);
            id(p, at("referral_id"), &s.referral_id);
            id(p, at("officer_id"), &s.officer_id);
        }
        for (i, r) in self.releases.iter().enumerate() {
            let at = |f: &str| format!("releases[{i}].{f}");
            id(p, at("id"), &r.id);
            id(p, at("nominal_id"), &r.nominal_id);
            id(p, at("officer_id"), &r.officer_id);
        }
    }
}

#[cfg(test)]
#[path = "cohort_ids_tests.rs"]
mod tests;
