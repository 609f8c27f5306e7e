//! The cross-checks between a cohort's records: custody dates that agree, orders and
//! variations that can stand, conditions of an order of the same nominal, and history (contacts,
//! notifications, briefings, breach reports) that names records which exist and belong
//! together. Part of [`Cohort::validate`]; the bounds on single values are in `cohort_checks`.

use std::collections::{HashMap, HashSet};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::validation::Problems;
use crate::domain::common::validation::MAX_ITEMS;
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::Order;
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::time::dates::format_date;

impl Cohort {
    pub(crate) fn check_nominals(&self, p: &mut Problems) {
        for (i, n) in self.nominals.iter().enumerate() {
            let at = |f: &str| format!("nominals[{i}].{f}");
            match &n.custody {
                CustodyStatus::OnLicence {
                    released_on,
                    licence_ends: end,
                    ..
                }
                | CustodyStatus::LicenceEnded {
                    released_on,
                    licence_ended: end,
                    ..
                } => {
                    let field = match &n.custody {
                        CustodyStatus::OnLicence { .. } => "custody.licence_ends",
                        _ => "custody.licence_ended",
                    };
                    if end < released_on {
                        p.add(at(field), "is before the release date");
                    }
                    if *released_on < n.date_of_birth {
                        p.add(at("custody.released_on"), "is before the date of birth");
                    }
                }
                CustodyStatus::InCommunity { since, .. } => {
                    if *since < n.date_of_birth {
                        p.add(at("custody.since"), "is before the date of birth");
                    }
                }
                CustodyStatus::InCustody { .. } => {}
            }
            if let Some(r) = n.custody.recall() {
                check_recall(r, &n.custody, n.date_of_birth, &at, p);
            }
            if n.risk_reviewed_on < n.date_of_birth {
                p.add(at("risk_reviewed_on"), "is before the date of birth");
            }
        }
    }

    pub(crate) fn check_orders(&self, p: &mut Problems) {
        let conditions: HashMap<&str, &str> = self
            .conditions
            .iter()
            .map(|c| (c.id.as_str(), c.order_id.as_str()))
            .collect();
        for (i, o) in self.orders.iter().enumerate() {
            let at = |f: &str| format!("orders[{i}].{f}");
            let nominal = self.nominal(&o.nominal_id);
            if nominal.is_none() {
                p.add(
                    at("nominal_id"),
                    format!("no nominal has the id \"{}\"", o.nominal_id),
                );
            }
            if let Err(e) = o.check_dates() {
                p.add(at(&format!("stage.{}", e.field())), e.to_string());
            }
            if let (Some(granted), Some(n)) = (o.date_granted(), nominal) {
                if granted.years_since(n.date_of_birth).unwrap_or(0) < 18 {
                    p.add(
                        at("stage.date_granted"),
                        "the subject of an order must be 18 or over when it is made",
                    );
                }
                check_against_release(o, &n.custody, &at("stage.comes_into_force"), p);
            }
            let mut variation_ids = HashSet::new();
            for (j, v) in o.variations.iter().enumerate() {
                let at = |f: &str| format!("orders[{i}].variations[{j}].{f}");
                if !variation_ids.insert(v.id.as_str()) {
                    p.add(
                        at("id"),
                        format!("\"{}\" is used twice in this order", v.id),
                    );
                }
                if let Err(e) = o.check_variation(v) {
                    p.add(at(e.field()), e.to_string());
                }
                for (list, ids) in [
                    ("conditions_ended", &v.conditions_ended),
                    ("conditions_added", &v.conditions_added),
                ] {
                    for (k, id) in ids.iter().enumerate().take(MAX_ITEMS) {
                        let path = at(&format!("{list}[{k}]"));
                        match conditions.get(id.as_str()) {
                            None => p.add(path, format!("no condition has the id \"{id}\"")),
                            Some(order) if *order != o.id => p.add(
                                path,
                                format!("\"{id}\" is a condition of another order ({order}), not this one"),
                            ),
                            Some(_) => {}
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn check_conditions(&self, p: &mut Problems) {
        for (i, c) in self.conditions.iter().enumerate() {
            let at = |f: &str| format!("conditions[{i}].{f}");
            let Some(order) = self.orders.iter().find(|o| o.id == c.order_id) else {
                p.add(
                    at("order_id"),
                    format!("no order has the id \"{}\"", c.order_id),
                );
                continue;
            };
            check_own_dates(c, order, &at, p);
            if let Some(r) = &c.replaces {
                match self.condition(r) {
                    None => p.add(at("replaces"), format!("no condition has the id \"{r}\"")),
                    Some(old) if old.order_id != c.order_id => p.add(
                        at("replaces"),
                        format!("\"{r}\" is a condition of another order"),
                    ),
                    Some(_) if *r == c.id => p.add(at("replaces"), "a provision cannot replace itself"),
                    // A rewording: without the variation both wordings would stand together.
                    Some(_) if !order.rewords(r, &c.id) => p.add(
                        at("replaces"),
                        format!(
                            "no variation of this order ends \"{r}\" and adds \"{}\" from the same day: without one, both wordings would be in force at once",
                            c.id
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    pub(crate) fn check_history(&self, p: &mut Problems) {
        let known_nominal = |path: String, id: &str, p: &mut Problems| -> bool {
            let known = self.nominal(id).is_some();
            if !known {
                p.add(path, format!("no nominal has the id \"{id}\""));
            }
            known
        };
        // The order a record names must be the nominal's own.
        let own_order =
            |path: String, order_id: &str, nominal_id: &str, p: &mut Problems| match self
                .orders
                .iter()
                .find(|o| o.id == order_id)
            {
                None => p.add(path, format!("no order has the id \"{order_id}\"")),
                Some(o) if o.nominal_id != nominal_id => p.add(
                    path,
                    format!("\"{order_id}\" is the order of another nominal, not {nominal_id}"),
                ),
                Some(_) => {}
            };
        let mut planned = HashSet::new();
        for (i, plan) in self.contact_plans.iter().enumerate() {
            let path = format!("contact_plans[{i}].nominal_id");
            known_nominal(path.clone(), &plan.nominal_id, p);
            if !planned.insert(plan.nominal_id.as_str()) {
                p.add(path, "this nominal already has a contact plan");
            }
        }
        for (i, c) in self.contacts.iter().enumerate() {
            known_nominal(format!("contacts[{i}].nominal_id"), &c.nominal_id, p);
        }
        for (i, n) in self.notifications.iter().enumerate() {
            let known = known_nominal(format!("notifications[{i}].nominal_id"), &n.nominal_id, p);
            if let Some(cid) = &n.condition_id {
                let path = format!("notifications[{i}].condition_id");
                match self.condition(cid) {
                    None => p.add(path, format!("no condition has the id \"{cid}\"")),
                    Some(c) if known => {
                        own_order(path, &c.order_id, &n.nominal_id, p);
                    }
                    Some(_) => {}
                }
            }
        }
        for (i, b) in self.briefings.iter().enumerate() {
            known_nominal(format!("briefings[{i}].nominal_id"), &b.nominal_id, p);
            own_order(
                format!("briefings[{i}].order_id"),
                &b.order_id,
                &b.nominal_id,
                p,
            );
            for (j, c) in b.conditions.iter().enumerate().take(MAX_ITEMS) {
                let path = format!("briefings[{i}].conditions[{j}].condition_id");
                match self.condition(&c.condition_id) {
                    None => p.add(
                        path,
                        format!("no condition has the id \"{}\"", c.condition_id),
                    ),
                    Some(k) if k.order_id != b.order_id => p.add(
                        path,
                        format!("\"{}\" is not a condition of the briefing's order", k.id),
                    ),
                    Some(_) => {}
                }
            }
        }
        for (i, b) in self.breach_reports.iter().enumerate() {
            let at = |f: &str| format!("breach_reports[{i}].{f}");
            known_nominal(at("nominal_id"), &b.nominal_id, p);
            own_order(at("order_id"), &b.order_id, &b.nominal_id, p);
            if b.condition_ids.is_empty() {
                p.add(at("condition_ids"), "name at least one condition breached");
            }
            for (j, cid) in b.condition_ids.iter().enumerate().take(MAX_ITEMS) {
                let path = at(&format!("condition_ids[{j}]"));
                match self.condition(cid) {
                    None => p.add(path, format!("no condition has the id \"{cid}\"")),
                    Some(c) if c.order_id != b.order_id => p.add(
                        path,
                        format!(
                            "\"{cid}\" is not a condition of the report's order ({})",
                            b.order_id
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

/// A recall kept with custody: the first release, the release the licence began with, the
/// recall, and (released again) the re-release, in that order, none before the date of birth.
fn check_recall(
    r: &crate::domain::people::nominal::Recall,
    custody: &CustodyStatus,
    date_of_birth: chrono::NaiveDate,
    at: &dyn Fn(&str) -> String,
    p: &mut Problems,
) {
    if r.recalled_on < r.released_on {
        p.add(
            at("custody.recall.recalled_on"),
            "is before the release date",
        );
    }
    if r.first_release() < date_of_birth {
        let field = match r.first_released_on {
            Some(_) => "custody.recall.first_released_on",
            None => "custody.recall.released_on",
        };
        p.add(at(field), "is before the date of birth");
    }
    if r.first_released_on.is_some_and(|f| r.released_on < f) {
        p.add(
            at("custody.recall.released_on"),
            "is before the first release",
        );
    }
    let field = match custody {
        CustodyStatus::InCustody { .. } => None,
        CustodyStatus::InCommunity { .. } => Some("custody.since"),
        CustodyStatus::OnLicence { .. } | CustodyStatus::LicenceEnded { .. } => {
            Some("custody.released_on")
        }
    };
    if let Some(field) = field.filter(|_| custody.release_date() < r.recalled_on) {
        p.add(
            at(field),
            format!("is before the recall on {}", format_date(r.recalled_on)),
        );
    }
}

/// A provision's own dates against its order's: `starts` not before the order comes into
/// force, `ends` not after its last day (with variations), and no provision that could never be
/// in force: one that ends before its order comes into force, or starts after its last day.
/// While release is not fixed the order may come into force on any day from its grant, so
/// there is nothing to compare but the grant: only a provision ending before it is refused.
fn check_own_dates(c: &Condition, o: &Order, at: &dyn Fn(&str) -> String, p: &mut Problems) {
    const NEVER: &str = "it could never be in force";
    let first = o.comes_into_force().or(o.date_granted());
    let last = o.ends_as_granted().map(|_| o.latest_end());
    if let (Some(e), Some(first)) = (c.ends, first) {
        if e < first {
            let start = match o.comes_into_force() {
                Some(_) => "comes into force",
                None => "was granted",
            };
            p.add(
                at("ends"),
                format!(
                    "ends on {}, before its order {start} on {}: {NEVER}",
                    format_date(e),
                    format_date(first)
                ),
            );
        } else if c.starts.is_some_and(|s| e < s) {
            p.add(at("ends"), "is before the condition starts");
        }
    }
    if let (Some(e), Some(last)) = (c.ends, last) {
        if e > last {
            p.add(
                at("ends"),
                format!(
                    "{} is after the order's last day ({})",
                    format_date(e),
                    format_date(last)
                ),
            );
        }
    }
    if let (Some(s), Some(last)) = (c.starts, last) {
        if s > last {
            p.add(
                at("starts"),
                format!(
                    "starts on {}, after its order's last day, {}: {NEVER}",
                    format_date(s),
                    format_date(last)
                ),
            );
        }
    }
    if let (Some(s), Some(first)) = (c.starts, first) {
        if s < first {
            p.add(
                at("starts"),
                format!(
                    "{} is before the order comes into force ({})",
                    format_date(s),
                    format_date(first)
                ),
            );
        }
    }
}

/// An order granted during the sentence the nominal is released from (granted on or before
/// release, not ended by then) comes into force on release in practice (DOMAIN.md): a day
/// before release would let the five years run in prison, so it is a problem to correct.
fn check_against_release(o: &Order, custody: &CustodyStatus, path: &str, p: &mut Problems) {
    let (Some(granted), Some(ends)) = (o.date_granted(), o.ends_as_granted()) else {
        return;
    };
    // A recall keeps the release it ended: the order came into force on that one.
    let release = custody.first_release();
    if granted > release || ends < release {
        return;
    }
    if let Some(cif) = o.comes_into_force().filter(|cif| *cif < release) {
        p.add(
            path.to_string(),
            format!(
                "{} is before the release on {}: an order made before release comes into force on release",
                format_date(cif),
                format_date(release)
            ),
        );
    }
}
