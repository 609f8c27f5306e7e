//! What an import would change, field by field: for each record the unit holds already that
//! the import alters, every field whose value changes, as it is now and as it would be, and
//! every field the import would empty (a re-import without an address erases it). The same for
//! a cohort file and for the CSV files.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use scpo_field::domain::time::dates::format_date;
use serde_json::Value;

use crate::backend::canonical;
use crate::storage::StoredRecord;

/// One field an import changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field in words ("Address", "Custody › probation › name").
    pub field: String,
    pub now: String,
    pub after: String,
}

impl FieldChange {
    /// Held with a value now, and without one after.
    pub fn emptied(&self) -> bool {
        !self.now.is_empty() && self.after.is_empty()
    }
}

/// One record held already that an import alters.
#[derive(Debug, Clone)]
pub struct RecordChange {
    /// The record's kind as stored (`nominal`, `schedule`...).
    pub kind: String,
    /// The record in words ("Nominal EXAMPLE, Alex (N-0001)").
    pub what: String,
    pub fields: Vec<FieldChange>,
}

/// How an import's records stand against those held.
#[derive(Debug, Default)]
pub struct Changes {
    pub created: usize,
    /// The kinds of the records to add, one a record (so each kind can be counted).
    pub created_kinds: Vec<String>,
    pub unchanged: usize,
    pub altered: Vec<RecordChange>,
    /// The nominals with a record added or altered.
    pub touched: Vec<String>,
}

pub fn changes(held: &[StoredRecord], incoming: &[StoredRecord]) -> Changes {
    let held: HashMap<(&str, &str), &StoredRecord> = held
        .iter()
        .map(|r| ((r.kind.as_str(), r.id.as_str()), r))
        .collect();
    let mut out = Changes::default();
    for r in incoming {
        match held.get(&(r.kind.as_str(), r.id.as_str())) {
            Some(old) if canonical(&old.record) == canonical(&r.record) => out.unchanged += 1,
            Some(old) => {
                out.altered.push(RecordChange {
                    kind: r.kind.clone(),
                    what: describe(r),
                    fields: fields(&old.record, &r.record),
                });
                out.touched.push(r.nominal_id.clone());
            }
            None => {
                out.created += 1;
                out.created_kinds.push(r.kind.clone());
                out.touched.push(r.nominal_id.clone());
            }
        }
    }
    out
}

/// The records of `kinds` counted by kind, in words: "1 nominal, 2 provisions, 1 schedule"
/// (the cohort's kinds first, in the order a cohort file has them; empty for none).
pub fn by_kind<'a>(kinds: impl IntoIterator<Item = &'a str>) -> String {
    const ORDER: [&str; 5] = ["nominal", "order", "condition", "contact_plan", "schedule"];
    let mut counts: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for k in kinds {
        let rank = ORDER.iter().position(|x| *x == k).unwrap_or(ORDER.len());
        *counts.entry((rank, k)).or_default() += 1;
    }
    let named: Vec<String> = counts
        .into_iter()
        .map(|((_, kind), n)| {
            let one = match kind {
                "condition" => "provision".to_string(),
                other => other.replace('_', " "),
            };
            match n {
                1 => format!("1 {one}"),
                _ if one.ends_with('s') => format!("{n} {one}es"),
                _ => format!("{n} {one}s"),
            }
        })
        .collect();
    named.join(", ")
}

/// Every field that differs between two bodies of a record.
pub fn fields(now: &Value, after: &Value) -> Vec<FieldChange> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten("", now, &mut a);
    flatten("", after, &mut b);
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (
                a.get(k).cloned().unwrap_or_default(),
                b.get(k).cloned().unwrap_or_default(),
            );
            (x != y).then(|| FieldChange {
                field: words(k),
                now: x,
                after: y,
            })
        })
        .collect()
}

/// Each value of `v` by its path (`custody.probation.name`, `variations[1].court`), as shown.
fn flatten(path: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                flatten(&join(k), x, out);
            }
        }
        Value::Array(items) if items.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let shown: Vec<String> = items.iter().map(shown).collect();
            out.insert(path.to_string(), shown.join("; "));
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                flatten(&format!("{path}[{}]", i.saturating_add(1)), x, out);
            }
        }
        other => {
            out.insert(path.to_string(), shown(other));
        }
    }
}

/// A value as the page shows it: a date in words, yes or no, text as it is.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if s.len() == 10 => format_date(d),
            _ => s.clone(),
        },
        other => other.to_string(),
    }
}

/// A field's path in words: `custody.probation.name` as "Custody › probation › name".
fn words(path: &str) -> String {
    let path = path.replace("verbatim", "wording");
    let text = path.replace('_', " ").replace('.', " › ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The record in words, from its new body.
fn describe(r: &StoredRecord) -> String {
    let s = |k: &str| r.record.get(k).and_then(Value::as_str).unwrap_or_default();
    match r.kind.as_str() {
        "nominal" => format!(
            "Nominal {}, {} ({})",
            s("family_name").to_uppercase(),
            s("given_name"),
            r.id
        ),
        "order" => format!("Order {} ({})", s("court_reference"), r.id),
        "condition" => format!("Provision {} of order {}", r.id, s("order_id")),
        "contact_plan" => format!("Contact plan of nominal {}", r.id),
        other => format!("{} {}", words(other), r.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_are_counted_by_kind_schedules_among_them() {
        let kinds = [
            "schedule",
            "nominal",
            "condition",
            "schedule",
            "referral_status",
            "condition",
            "referral_status",
        ];
        assert_eq!(
            by_kind(kinds),
            "1 nominal, 2 provisions, 2 schedules, 2 referral statuses"
        );
        assert_eq!(by_kind([]), "");
    }

    #[test]
    fn an_address_left_out_is_emptied_and_a_changed_date_is_shown_in_words() {
        let now = json!({"id": "N-1", "address": "1 Test Road", "risk_reviewed_on": "2026-10-01", "custody": {"status": "in_custody"}});
        let after = json!({"id": "N-1", "address": null, "risk_reviewed_on": "2026-11-24", "custody": {"status": "in_custody"}});
        let f = fields(&now, &after);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].field, "Address");
        assert!(f[0].emptied());
        assert_eq!(
            (f[1].now.as_str(), f[1].after.as_str()),
            ("1 Oct 2026", "24 Nov 2026")
        );
        assert!(!f[1].emptied());
    }
}
