//! Shared helpers for the store's browser tests (`tests/store_*.rs`): unique test databases,
//! the demo cohort and records made from it, and (in `idb`) raw IndexedDB access through web-sys
//! that bypasses the store entirely (to see exactly what is on disk).
#![allow(dead_code)]

mod idb;
// Not every test file uses the raw access, as with `dead_code` above.
#[allow(unused_imports)]
pub use idb::*;

use chrono::{NaiveDate, NaiveDateTime};
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::{Briefing, Cohort, Contact, Notification};
use scpo_field::store::{schema::SCHEMA_VERSION, Store, TestOptions};
use serde_json::Value;

/// PBKDF2 iterations in tests (real use: 600,000; the bench test uses the real count).
pub const TEST_ITERATIONS: u32 = 1_000;
pub const PASS: &str = "correct horse";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub fn now() -> NaiveDateTime {
    today().and_hms_opt(14, 30, 0).unwrap()
}

/// A database name no other test uses.
pub fn unique_name(label: &str) -> String {
    format!("test-{label}-{}", (js_sys::Math::random() * 1e12) as u64)
}

pub async fn open_at(name: &str, schema_version: u32) -> Store {
    Store::open_for_tests(TestOptions {
        name: name.to_owned(),
        kdf_iterations: TEST_ITERATIONS,
        schema_version,
    })
    .await
    .expect("test store opens")
}

pub async fn open(name: &str) -> Store {
    open_at(name, SCHEMA_VERSION).await
}

/// A fresh store, set up with `PASS` and unlocked.
pub async fn fresh(label: &str) -> (String, Store) {
    let name = unique_name(label);
    let store = open(&name).await;
    store.set_passcode(PASS, PASS).await.expect("passcode set");
    (name, store)
}

/// A database made at `schema_version` with the demo cohort imported, then opened by this
/// build (which upgrades it) and unlocked: its name, the store, and the object stores it has
/// now. The upgrade is to the current version.
pub async fn upgraded_from(label: &str, schema_version: u32) -> (String, Store, Vec<String>) {
    let name = unique_name(label);
    let old = open_at(&name, schema_version).await;
    old.set_passcode(PASS, PASS).await.unwrap();
    old.import_cohort(&demo()).await.unwrap();
    old.close();
    let store = open(&name).await;
    let db = raw_open(&name).await;
    assert_eq!(db.version(), f64::from(SCHEMA_VERSION));
    let stores: Vec<String> = (0..db.object_store_names().length())
        .filter_map(|i| db.object_store_names().get(i))
        .collect();
    db.close();
    store.unlock(PASS).await.unwrap();
    (name, store, stores)
}

pub fn demo() -> Cohort {
    demo_cohort(today())
}

/// A contact the officer records today.
pub fn new_contact(id: &str, nominal_id: &str) -> Contact {
    let mut c = demo().contacts[0].clone();
    c.id = id.into();
    c.nominal_id = nominal_id.into();
    c.at = now();
    c.notes = "Seen at home with Tamsin Greave's brother; phone 07700 900999 noted".into();
    c
}

pub fn new_notification(id: &str, nominal_id: &str) -> Notification {
    let mut n = demo().notifications[0].clone();
    n.id = id.into();
    n.nominal_id = nominal_id.into();
    n.recorded_at = now();
    n
}

pub fn new_briefing(id: &str, nominal_id: &str) -> Briefing {
    Briefing::start(
        id.into(),
        nominal_id.into(),
        "O-0001".into(),
        ["C-0001-01".to_string(), "C-0001-02".to_string()],
        now(),
    )
}

pub fn new_breach(id: &str, nominal_id: &str) -> scpo_field::domain::BreachReport {
    let mut b = demo().breach_reports[0].clone();
    b.id = id.into();
    // Each test breach is a new report: no reference copied from the demo one.
    b.reference = String::new();
    b.nominal_id = nominal_id.into();
    b.occurred_at = now();
    b
}

/// Every name, alias, address and phone number (and other free text about people) in a
/// cohort: none of these may appear in clear on disk.
pub fn sensitive_strings(c: &Cohort) -> Vec<String> {
    let mut out = vec![c.officer.name.clone()];
    for n in &c.nominals {
        out.push(n.given_name.clone());
        out.push(n.family_name.clone());
        out.push(n.display_name());
        out.extend(n.aliases.iter().cloned());
        out.extend(n.address.iter().cloned());
        out.extend(n.phone.iter().cloned());
        // The probation practitioner's name and phone number, if any.
        let custody = serde_json::to_value(&n.custody).unwrap();
        collect_strings(&custody, &mut out);
    }
    for n in &c.notifications {
        out.push(n.details.clone());
    }
    for b in &c.breach_reports {
        out.push(b.what_was_seen.clone());
        out.push(b.location.clone());
    }
    out.push("07700 900999".into());
    out.retain(|s| s.len() >= 3);
    out.sort();
    out.dedup();
    out
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.len() > 10 && s.contains(' ') => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

pub async fn delete(name: &str) {
    let _ = scpo_field::store::schema::delete_database(name).await;
}

/// The demo cohort scaled to `n` nominals: copies of the twelve demo nominals, every id of
/// copy `r` prefixed with `R<r>-` so references stay consistent.
pub fn big_cohort(n: usize) -> Cohort {
    let base = serde_json::to_value(demo()).unwrap();
    let mut out: Cohort = serde_json::from_value(base.clone()).unwrap();
    out.nominals.clear();
    out.orders.clear();
    out.conditions.clear();
    out.contact_plans.clear();
    out.contacts.clear();
    out.notifications.clear();
    out.briefings.clear();
    out.breach_reports.clear();
    out.schedules.clear();
    let mut r = 0;
    while out.nominals.len() < n {
        let mut copy = base.clone();
        prefix_ids(&mut copy, &format!("R{r}-"), None);
        let c: Cohort = serde_json::from_value(copy).unwrap();
        out.nominals.extend(c.nominals);
        out.orders.extend(c.orders);
        out.conditions.extend(c.conditions);
        out.contact_plans.extend(c.contact_plans);
        out.contacts.extend(c.contacts);
        out.notifications.extend(c.notifications);
        out.briefings.extend(c.briefings);
        out.schedules.extend(c.schedules);
        // Each copy's reports are new reports: each gets a reference of its own.
        for mut b in c.breach_reports {
            b.reference = format!("DO/BR/2026/{}", out.breach_reports.len() + 1);
            out.breach_reports.push(b);
        }
        r += 1;
    }
    out.nominals.truncate(n);
    let kept: std::collections::HashSet<String> =
        out.nominals.iter().map(|x| x.id.clone()).collect();
    out.orders.retain(|o| kept.contains(&o.nominal_id));
    let orders: std::collections::HashSet<String> =
        out.orders.iter().map(|o| o.id.clone()).collect();
    out.conditions.retain(|c| orders.contains(&c.order_id));
    out.schedules.retain(|s| orders.contains(&s.order_id));
    out.contact_plans.retain(|p| kept.contains(&p.nominal_id));
    out.contacts.retain(|x| kept.contains(&x.nominal_id));
    out.notifications.retain(|x| kept.contains(&x.nominal_id));
    out.briefings.retain(|x| kept.contains(&x.nominal_id));
    out.breach_reports.retain(|x| kept.contains(&x.nominal_id));
    out
}

const ID_KEYS: [&str; 6] = [
    "id",
    "nominal_id",
    "order_id",
    "condition_id",
    "replaces",
    "corrects",
];
const ID_LIST_KEYS: [&str; 3] = ["condition_ids", "conditions_ended", "conditions_added"];
const OFFICER_KEYS: [&str; 4] = ["officer", "offender_manager", "probation", "signed_off"];

fn prefix_ids(v: &mut Value, prefix: &str, key: Option<&str>) {
    match v {
        Value::Object(o) => {
            if key.is_some_and(|k| OFFICER_KEYS.contains(&k)) {
                return;
            }
            for (k, x) in o.iter_mut() {
                match x {
                    Value::String(s) if ID_KEYS.contains(&k.as_str()) => {
                        *s = format!("{prefix}{s}")
                    }
                    Value::Array(a) if ID_LIST_KEYS.contains(&k.as_str()) => {
                        for s in a.iter_mut() {
                            if let Value::String(t) = s {
                                *t = format!("{prefix}{t}");
                            }
                        }
                    }
                    _ => prefix_ids(x, prefix, Some(k)),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| prefix_ids(x, prefix, key)),
        _ => {}
    }
}

/// Sort a cohort's lists by id so two cohorts compare regardless of storage order.
pub fn normalised(mut c: Cohort) -> Cohort {
    c.nominals.sort_by(|a, b| a.id.cmp(&b.id));
    c.orders.sort_by(|a, b| a.id.cmp(&b.id));
    c.conditions.sort_by(|a, b| a.id.cmp(&b.id));
    c.contact_plans
        .sort_by(|a, b| a.nominal_id.cmp(&b.nominal_id));
    c.contacts.sort_by(|a, b| a.id.cmp(&b.id));
    c.notifications.sort_by(|a, b| a.id.cmp(&b.id));
    c.briefings.sort_by(|a, b| a.id.cmp(&b.id));
    c.breach_reports.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

/// Milliseconds from `performance.now()`.
pub fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The p-th percentile (0..=100) of samples, nearest-rank.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize;
    s[rank.min(s.len()) - 1]
}
