//! Property tests of import: any text, any JSON and any mutation of the demo file is read as a
//! cohort or its problems, never a panic, and nothing the app shows of what it accepts panics.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::any_date;
use crate::domain::breach::report::{gather_facts, recommend, History, Said};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::order::condition::{Condition, Deadline};
use crate::domain::time::dates::ymd;
use crate::domain::IntelligenceAssessment;

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
        interesting_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Strings a cohort file's reader must survive: dates at and past chrono's ends, enum names,
/// ids of the demo.
fn interesting_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+262143-12-31".to_string()),
        Just("-262144-01-01".to_string()),
        Just("9999-12-31".to_string()),
        Just("0000-01-01".to_string()),
        Just("2026-02-29".to_string()),
        Just("2028-02-29".to_string()),
        Just("2026-11-24T25:00:00".to_string()),
        Just("+262143-12-31T23:59:59".to_string()),
        Just("granted".to_string()),
        Just("discharged".to_string()),
        Just("on_licence".to_string()),
        Just("licence_ended".to_string()),
        Just("days_before".to_string()),
        Just("extension_pending_proceedings".to_string()),
        Just("N-0001".to_string()),
        Just("O-0002".to_string()),
        Just("C-0002-05".to_string()),
        (1900i32..2200, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("format".to_string()),
        Just("version".to_string()),
        Just("nominals".to_string()),
        Just("orders".to_string()),
        Just("conditions".to_string()),
        Just("stage".to_string()),
        Just("ends".to_string()),
        Just("days".to_string()),
        "[a-z_]{1,10}",
    ]
}

/// One change to a file: a path of indices into it, and what to put there (or remove it).
#[derive(Debug, Clone)]
struct Mutation {
    path: Vec<usize>,
    new: Option<Value>,
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    (
        prop::collection::vec(any::<usize>(), 1..7),
        prop::option::weighted(0.85, any_json()),
    )
        .prop_map(|(path, new)| Mutation { path, new })
}

/// Apply a mutation: walk the path (each index picks a child modulo the number of children),
/// then replace or remove what it reaches.
fn apply(root: &mut Value, m: &Mutation) {
    walk(root, &m.path, m.new.as_ref());
}

fn walk(at: &mut Value, path: &[usize], new: Option<&Value>) {
    let Some((step, rest)) = path.split_first() else {
        return;
    };
    let last = rest.is_empty();
    match at {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(step % map.len())
                .cloned()
                .unwrap_or_default();
            match (last, new) {
                (true, Some(v)) => {
                    map.insert(key, v.clone());
                }
                (true, None) => {
                    map.remove(&key);
                }
                (false, _) => {
                    if let Some(child) = map.get_mut(&key) {
                        walk(child, rest, new);
                    }
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            match (last, new) {
                (true, Some(v)) => items[i] = v.clone(),
                (true, None) => {
                    items.remove(i);
                }
                (false, _) => walk(&mut items[i], rest, new),
            }
        }
        _ => {
            if let Some(v) = new {
                *at = v.clone();
            }
        }
    }
}

/// What the app computes from a cohort to show its screens: none of it may panic.
fn use_every_screen(c: &Cohort, today: NaiveDate) {
    let list = c.attention_list(today, &|_| false);
    for s in &list {
        for b in &s.badges {
            let _ = b.label();
        }
    }
    for n in &c.nominals {
        let _ = c.timeline(&n.id, today);
        let _ = c.live_conditions(&n.id, today);
        let _ = c.briefing_due(&n.id, today);
        let _ = n.custody.describe(today);
        let _ = n.age_on(today);
        if let Some(o) = c.order_for(&n.id, today) {
            let _ = o.days_left(today);
            let _ = o.why_not_live(today, Some(n.custody.release_date()));
            for k in c.conditions_of(&o.id) {
                let _ = k.why_not_in_force(o, today, Some(n.custody.release_date()));
            }
            let breached: Vec<&Condition> = c.conditions_of(&o.id).into_iter().take(2).collect();
            let f = gather_facts(
                &n.custody,
                &o.id,
                &breached,
                History {
                    reports: &c.breaches_of(&n.id),
                    ..History::default()
                },
                today,
                today,
                Said::intelligence(IntelligenceAssessment::None),
            );
            let _ = recommend(&f);
        }
    }
    for n in &c.notifications {
        let t = c.timeliness(n, today);
        let _ = crate::domain::forms::notification_form::describe_timeliness(t, n.notified_on);
    }
}

fn demo_file() -> Value {
    serde_json::to_value(demo_cohort(ymd(2026, 11, 24))).unwrap_or(Value::Null)
}

proptest! {
    #[test]
    fn import_of_any_text_returns_ok_or_problems_and_never_panics(text in ".{0,200}") {
        let _ = Cohort::from_json(&text);
    }

    #[test]
    fn import_of_any_json_returns_ok_or_problems_and_never_panics(v in any_json()) {
        if let Ok(c) = Cohort::from_json(&v.to_string()) {
            use_every_screen(&c, ymd(2026, 11, 24));
        }
    }

    #[test]
    fn import_of_any_mutation_of_the_demo_file_never_panics_nor_does_any_screen_of_what_it_accepts(
        mutations in prop::collection::vec(any_mutation(), 1..5),
        today in any_date(),
    ) {
        let mut v = demo_file();
        for m in &mutations {
            apply(&mut v, m);
        }
        match Cohort::from_json(&v.to_string()) {
            Ok(c) => use_every_screen(&c, today),
            Err(e) => prop_assert!(!e.problems.is_empty()),
        }
    }
}

#[test]
fn a_cohort_file_whose_phone_deadline_is_four_billion_days_does_not_import() {
    // The file that once killed the app at every unlock.
    let mut v = demo_file();
    let i = v["conditions"]
        .as_array()
        .and_then(|cs| {
            cs.iter()
                .position(|c| c["notification"]["kind"] == "new_phone")
        })
        .unwrap_or(0);
    v["conditions"][i]["notification"]["deadline"]["days"] = json!(4_294_967_295u32);
    assert!(Cohort::from_json(&v.to_string()).is_err());
    // And had it been imported, the screens would not panic.
    let mut c = demo_cohort(ymd(2026, 11, 24));
    for k in &mut c.conditions {
        if let Some(duty) = &mut k.notification {
            duty.deadline = Deadline::WithinDaysAfter { days: u32::MAX };
        }
    }
    use_every_screen(&c, ymd(2026, 11, 24));
}
