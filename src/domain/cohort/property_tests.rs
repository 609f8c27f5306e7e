//! Property tests: no input can crash the app, and the recommendation does not depend on the
//! order reports arrive in. The rules' properties are here; the import of arbitrary and
//! mutated files is in `property_tests_import.rs`.
//!
//! They run in `cargo test` with proptest's default of 256 cases each. For a long run (the
//! project's fuzzing), raise the count:
//! `PROPTEST_CASES=200000 cargo test --release --lib domain::property_tests`.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use crate::domain::breach::report::{
    gather_facts, recommend, Admission, BreachReport, EnforcementDecision, History, Said,
};
use crate::domain::field::notification::{Notification, NotificationKind};
use crate::domain::order::condition::{Condition, Deadline, ProvisionFamily};
use crate::domain::order::scpo::{Order, OrderStage, Variation, VariationKind};
use crate::domain::people::nominal::{CustodyStatus, ProbationContact};
use crate::domain::time::dates::ymd;
use crate::domain::IntelligenceAssessment;

#[path = "property_import_tests.rs"]
mod import;
#[path = "property_variations_tests.rs"]
mod variations;

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

proptest! {
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
        let _ = crate::domain::forms::notification_form::describe_timeliness(t, told);
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
            bound: None,
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
            probation: ProbationContact { name: "P".into(), phone: None, email: None }, recall: None,
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
            probation: ProbationContact { name: "P".into(), phone: None, email: None }, recall: None,
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
            gather_facts(&custody, "O-1", &[&k], History { reports: rs, ..History::default() }, day, ymd(2026, 11, 24), Said::intelligence(intel))
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
                        recall: None,
                    },
                    "O-1",
                    &[],
                    History::default(),
                    occurred,
                    occurred,
                    Said::intelligence(IntelligenceAssessment::None),
                );
                BreachReport {
                    id: String::new(),
                    reference: String::new(),
                    date_only: false,
                    nominal_id: "N-1".into(),
                    order_id: if this_order { "O-1" } else { "O-OLD" }.into(),
                    condition_ids: vec!["C-1".into()],
                    occurred_at: occurred.and_hms_opt(12, 0, 0).unwrap_or_default(),
                    location: "x".into(),
                    what_was_seen: "x".into(),
                    explanation: None,
                    evidence: vec![],
                    admission: Admission::NotAskedYet,
                    caution_bar_stated: false,
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
