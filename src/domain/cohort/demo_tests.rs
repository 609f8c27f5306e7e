use super::*;
use crate::domain::field::contact::ContactStatus;
use crate::domain::order::scpo::OrderStatus;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

#[test]
fn demo_cohort_is_valid_and_survives_its_own_file_format() {
    let c = demo_cohort(today());
    assert_eq!(c.validate(), vec![]);
    assert_eq!(c.nominals.len(), 12);
    let back = Cohort::from_json(&c.to_json()).expect("demo cohort reads back");
    assert_eq!(back, c);
}

#[test]
fn demo_cohort_is_valid_on_awkward_days() {
    for day in [
        ymd(2028, 2, 29),
        ymd(2027, 3, 1),
        ymd(2026, 12, 31),
        ymd(2030, 1, 1),
    ] {
        assert_eq!(demo_cohort(day).validate(), vec![], "on {day}");
    }
}

#[test]
fn demo_covers_the_interesting_cases() {
    let t = today();
    let c = demo_cohort(t);
    let released_today = c
        .nominals
        .iter()
        .filter(|n| n.custody.release_date() == t)
        .count();
    assert_eq!(released_today, 1);
    let overdue = c
        .nominals
        .iter()
        .filter(|n| c.contact_status(&n.id, t).is_some_and(|s| s.is_overdue()))
        .count();
    assert!(overdue >= 1);
    assert_eq!(c.contact_status("N-0010", t), Some(ContactStatus::DueToday));
    let ending = c
        .orders
        .iter()
        .filter(|o| o.days_left(t).is_some_and(|d| d <= 90))
        .count();
    assert!(ending >= 1);
    assert!(c
        .notifications
        .iter()
        .any(|n| c.timeliness(n, t).is_outstanding()));
    assert!(c
        .notifications
        .iter()
        .any(|n| matches!(c.timeliness(n, t), crate::domain::Timeliness::Late { .. })));
    assert!(c.nominals.iter().any(|n| n.custody.on_licence_on(t)));
    assert!(c.conditions.iter().any(|c| c.mirrored_in_licence));
    assert_eq!(c.breaches_of("N-0002").len(), 1);
    assert_eq!(
        c.order_for("N-0001", t).unwrap().status_on(t),
        OrderStatus::Live
    );
    assert_eq!(
        c.order_for("N-0006", t).unwrap().status_on(t),
        OrderStatus::GrantedNotLive
    );
}

#[test]
fn demo_phone_numbers_are_from_the_drama_range() {
    let c = demo_cohort(today());
    for n in &c.nominals {
        let phone = n.phone.as_deref().unwrap();
        assert!(phone.starts_with("07700 900"), "{phone}");
    }
}

#[test]
fn demo_has_a_variation_that_rewords_a_provision() {
    let t = today();
    let c = demo_cohort(t);
    let live: Vec<&str> = c
        .live_conditions("N-0007", t)
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    assert!(live.contains(&"C-0007-11") && !live.contains(&"C-0007-01"));
    // Before the variation the old wording was the one in force.
    let before = t - chrono::Days::new(201);
    let then: Vec<&str> = c
        .live_conditions("N-0007", before)
        .iter()
        .map(|k| k.id.as_str())
        .collect();
    assert!(then.contains(&"C-0007-01") && !then.contains(&"C-0007-11"));
}
