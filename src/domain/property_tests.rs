//! Property tests: no input can crash the app, and the recommendation does not depend on the
//! order reports arrive in.
//!
//! They run in `cargo test` with proptest's default of 256 cases each. For a long run (the
//! project's fuzzing), raise the count:
//! `PROPTEST_CASES=200000 cargo test --release --lib domain::property_tests`.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::breach::{gather_facts, recommend, BreachReport, EnforcementDecision};
use super::cohort::Cohort;
use super::condition::{Condition, Deadline, ProvisionFamily};
use super::dates::ymd;
use super::demo::demo_cohort;
use super::nominal::{CustodyStatus, ProbationContact};
use super::notification::{Notification, NotificationKind};
use super::order::{Order, OrderStage, Variation, VariationKind};
use super::IntelligenceAssessment;

/// Any date chrono can hold.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or(NaiveDate::MIN)),
        // Mostly near today, where the boundaries are.
        (-4000i64..4000).prop_map(|d| offset(ymd(2026, 11, 24), d)),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn offset(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(d)
}

fn any_deadline() -> impl Strategy<Value = Deadline> {
    prop_oneof![
        any::<u32>().prop_map(|days| Deadline::WithinDaysAfter { days }),
        any::<u32>().prop_map(|days| Deadline::DaysBefore { days }),
    ]
}

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
                &c.breaches_of(&n.id),
                today,
                today,
                IntelligenceAssessment::None,
            );
            let _ = recommend(&f);
        }
    }
    for n in &c.notifications {
        let t = c.timeliness(n, today);
        let _ = super::notification_form::describe_timeliness(t, n.notified_on);
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

    #[test]
    fn deadlines_never_panic_for_any_date_and_any_number_of_days(
        deadline in any_deadline(),
        event_on in any_date(),
        told in prop::option::of(any_date()),
        today in any_date(),
    ) {
        let last = deadline.last_day(event_on);
        match deadline {
            Deadline::WithinDaysAfter { .. } => prop_assert!(last >= event_on),
            Deadline::DaysBefore { .. } => prop_assert!(last < event_on || event_on == NaiveDate::MIN),
        }
        let n = Notification {
            id: "NT-P".into(),
            nominal_id: "N-P".into(),
            condition_id: None,
            kind: NotificationKind::NewPhone,
            details: String::new(),
            event_on,
            notified_on: told,
            recorded_at: today.and_hms_opt(0, 0, 0).unwrap_or_default(),
            officer_id: "PC".into(),
            corrects: None,
        };
        let t = n.timeliness(Some(deadline), today);
        let _ = super::notification_form::describe_timeliness(t, told);
        let _ = deadline.describe();
    }

    #[test]
    fn order_and_provision_dates_never_panic_for_any_dates(
        granted in any_date(),
        cif in prop::option::of(any_date()),
        ends in any_date(),
        starts in prop::option::of(any_date()),
        own_end in prop::option::of(any_date()),
        effect in any_date(),
        new_end in prop::option::of(any_date()),
        day in any_date(),
    ) {
        let mut o = Order {
            id: "O-P".into(),
            nominal_id: "N-P".into(),
            court_reference: "R".into(),
            court: "C".into(),
            stage: OrderStage::Granted { date_granted: granted, comes_into_force: cif, ends },
            variations: vec![],
        };
        let v = Variation {
            id: "V-P".into(),
            kind: VariationKind::ExtensionPendingProceedings,
            made_on: effect,
            takes_effect: effect,
            court: "C".into(),
            summary: String::new(),
            new_end,
            conditions_ended: vec!["C-P".into()],
            conditions_added: vec![],
        };
        let _ = o.check_variation(&v);
        o.variations.push(v);
        let _ = o.check_dates();
        let _ = o.status_on(day);
        let _ = o.days_left(day);
        let _ = o.why_not_live(day, cif);
        let _ = o.latest_end();
        if let Some(c) = cif {
            let _ = Order::latest_lawful_end(c);
        }
        let k = Condition {
            id: "C-P".into(),
            order_id: "O-P".into(),
            family: ProvisionFamily::Premises,
            verbatim: "x".into(),
            summary: "x".into(),
            starts,
            ends: own_end,
            mirrored_in_licence: true,
            notification: None,
            replaces: None,
        };
        prop_assert_eq!(k.in_force_on(&o, day), k.why_not_in_force(&o, day, None).is_none());
        let custody = CustodyStatus::OnLicence {
            released_on: granted,
            licence_ends: ends,
            probation: ProbationContact { name: "P".into(), phone: None, email: None },
        };
        let _ = custody.on_licence_on(day);
        let _ = custody.describe(day);
    }

    #[test]
    fn the_recommendation_is_the_same_whatever_order_the_reports_are_given_in(
        reports in prop::collection::vec(any_report(), 0..8),
        seed in any::<u64>(),
        on in -400i64..400,
        intel in prop_oneof![
            Just(IntelligenceAssessment::None),
            Just(IntelligenceAssessment::Suggests),
            Just(IntelligenceAssessment::Supports),
        ],
    ) {
        let reports = with_unique_ids(reports);
        let mut shuffled = reports.clone();
        shuffle(&mut shuffled, seed);
        let mut reversed = reports.clone();
        reversed.reverse();
        let custody = CustodyStatus::OnLicence {
            released_on: ymd(2026, 1, 1),
            licence_ends: ymd(2027, 6, 30),
            probation: ProbationContact { name: "P".into(), phone: None, email: None },
        };
        let k = Condition {
            id: "C-1".into(),
            order_id: "O-1".into(),
            family: ProvisionFamily::UseOfItems,
            verbatim: "x".into(),
            summary: "x".into(),
            starts: None,
            ends: None,
            mirrored_in_licence: true,
            notification: None,
            replaces: None,
        };
        let day = offset(ymd(2026, 11, 24), on);
        let facts = |rs: &[BreachReport]| {
            gather_facts(&custody, "O-1", &[&k], rs, day, ymd(2026, 11, 24), intel)
        };
        let a = facts(&reports);
        prop_assert_eq!(&a, &facts(&shuffled));
        prop_assert_eq!(&a, &facts(&reversed));
        prop_assert_eq!(recommend(&a), recommend(&facts(&shuffled)));
    }
}

/// A breach report on one of two orders, within a year and a half of today, perhaps correcting
/// another (ids are made unique by [`with_unique_ids`]).
fn any_report() -> impl Strategy<Value = BreachReport> {
    (
        -500i64..200,
        0i64..30,
        prop::bool::weighted(0.8),
        prop::option::weighted(0.3, 0usize..8),
        0u32..3,
    )
        .prop_map(
            |(day, recorded_after, this_order, corrects, recorded_same)| {
                let occurred = offset(ymd(2026, 11, 24), day);
                let recorded = offset(occurred, recorded_after);
                let facts = gather_facts(
                    &CustodyStatus::InCustody {
                        expected_release: occurred,
                    },
                    "O-1",
                    &[],
                    &[],
                    occurred,
                    occurred,
                    IntelligenceAssessment::None,
                );
                BreachReport {
                    id: String::new(),
                    nominal_id: "N-1".into(),
                    order_id: if this_order { "O-1" } else { "O-OLD" }.into(),
                    condition_ids: vec!["C-1".into()],
                    occurred_at: occurred.and_hms_opt(12, 0, 0).unwrap_or_default(),
                    location: "x".into(),
                    what_was_seen: "x".into(),
                    evidence: vec![],
                    intelligence: IntelligenceAssessment::None,
                    decision: EnforcementDecision::accept(recommend(&facts)),
                    officer_id: "PC".into(),
                    officer_name: "PC".into(),
                    // Some share a recorded time, so ties must be broken the same way every time.
                    recorded_at: recorded
                        .and_hms_opt(9 + recorded_same, 0, 0)
                        .unwrap_or_default(),
                    corrects: corrects.map(|i| format!("BR-{i}")),
                }
            },
        )
}

fn with_unique_ids(mut reports: Vec<BreachReport>) -> Vec<BreachReport> {
    for (i, r) in reports.iter_mut().enumerate() {
        r.id = format!("BR-{i}");
        if r.corrects.as_deref() == Some(r.id.as_str()) {
            r.corrects = None;
        }
    }
    reports
}

/// A deterministic shuffle from a seed (Fisher–Yates with a small LCG).
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from(seed >> 33).unwrap_or(0) % (i + 1);
        items.swap(i, j);
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
