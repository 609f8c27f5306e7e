use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

#[test]
fn demo_badges_say_what_needs_doing() {
    let c = demo_cohort(today());
    let none = |_: &str| false;
    let list = c.attention_list(today(), &none);
    let badges = |id: &str| list.iter().find(|s| s.id == id).unwrap().badges.clone();
    assert_eq!(badges("N-0001"), vec![Badge::ReleaseToday]);
    assert!(matches!(
        badges("N-0004")[0],
        Badge::ContactOverdue { days: 6 }
    ));
    assert!(badges("N-0003")
        .iter()
        .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
    assert!(badges("N-0005").contains(&Badge::NotificationOutstanding { count: 1 }));
    assert_eq!(
        badges("N-0006"),
        vec![Badge::ReleaseSoon {
            on: ymd(2026, 11, 28)
        }]
    );
    assert_eq!(badges("N-0010"), vec![Badge::ContactDueToday]);
    assert!(badges("N-0012").is_empty());
}

#[test]
fn release_today_comes_first_and_quiet_cases_last() {
    let c = demo_cohort(today());
    let list = c.attention_list(today(), &|_| false);
    assert_eq!(list[0].id, "N-0001");
    assert!(list.last().unwrap().badges.is_empty());
    let pending = |id: &str| id == "N-0012";
    let list = c.attention_list(today(), &pending);
    assert_eq!(list[1].id, "N-0012");
    assert_eq!(list[1].badges, vec![Badge::BreachAwaitingDecision]);
}

#[test]
fn the_list_says_of_each_nominal_what_their_own_summary_says() {
    // The list looks records up through one index; the single summary by scanning. They
    // must agree on every day, badge and order (variations, releases and ends included).
    let c = demo_cohort(today());
    let pending = |id: &str| id == "N-0004";
    for offset in (-30..400).step_by(7) {
        let day = today() + chrono::TimeDelta::days(offset);
        let list = c.attention_list(day, &pending);
        assert_eq!(list.len(), c.nominals.len());
        for s in &list {
            assert_eq!(
                Some(s),
                c.summary(&s.id, day, pending(&s.id)).as_ref(),
                "{day}"
            );
        }
    }
}

#[test]
fn a_search_matches_within_one_field_not_across_two() {
    let c = demo_cohort(today());
    let s = c.summary("N-0002", today(), false).unwrap();
    assert!(s.matches("  MARROWBY, del "));
    assert!(!s.matches("delphine\ndel"));
}

#[test]
fn search_by_name_alias_or_order_reference() {
    let c = demo_cohort(today());
    let s = c.summary("N-0002", today(), false).unwrap();
    assert!(s.matches("marrowby"));
    assert!(s.matches("Dee"));
    assert!(s.matches(&s.court_reference.clone().unwrap()[..5].to_lowercase()));
    assert!(!s.matches("ashdale"));
}

#[test]
fn order_ending_badge_starts_ninety_days_out() {
    let c = demo_cohort(today());
    let end = c
        .order_for("N-0003", today())
        .unwrap()
        .ends_on(today())
        .unwrap();
    let day_91_before = end - chrono::Days::new(90);
    let s = c.summary("N-0003", day_91_before, false).unwrap();
    assert!(!s
        .badges
        .iter()
        .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
    let s = c
        .summary("N-0003", day_91_before + chrono::Days::new(1), false)
        .unwrap();
    assert!(s
        .badges
        .iter()
        .any(|b| matches!(b, Badge::OrderEndsSoon { .. })));
}
