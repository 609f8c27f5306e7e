//! "Released today?" on the phone after a recall: asked again as the re-release comes near,
//! accepted by the push's judgement, and applied keeping the recall, so the order that came
//! into force on the first release stays in force (before, the release lost the first release
//! and the judgement refused it: "comes into force on release").

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::field::release::Release;
use crate::domain::people::nominal::Recall;
use crate::domain::time::dates::ymd;

fn first_release() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn recall() -> Recall {
    Recall {
        released_on: first_release(),
        recalled_on: ymd(2027, 1, 10),
        first_released_on: None,
    }
}

/// The demo's N-0001 (released on licence on 24 Nov 2026, the order in force from then),
/// recalled on 10 Jan 2027 and expected out on 3 Mar 2027; the phone holding the release of
/// 24 Nov 2026 it recorded before.
fn recalled() -> Cohort {
    let mut c = demo_cohort(first_release());
    let n = c.nominals.iter_mut().find(|n| n.id == "N-0001").unwrap();
    n.custody = CustodyStatus::InCustody {
        expected_release: ymd(2027, 3, 3),
        recall: Some(recall()),
    };
    c.releases.push(release("REL-1", first_release()));
    c
}

fn release(id: &str, on: NaiveDate) -> Release {
    Release {
        id: id.into(),
        nominal_id: "N-0001".into(),
        released_on: on,
        licence_ends: ymd(2028, 3, 2),
        probation_name: "PP Second".into(),
        officer_id: "DO-1".into(),
        officer_name: "PC Demo Officer".into(),
        recorded_at: on.and_hms_opt(9, 30, 0).unwrap(),
    }
}

#[test]
fn released_today_is_asked_again_after_a_recall_until_the_re_release_is_recorded() {
    let mut c = recalled();
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    // The release recorded before the recall does not count; the order stays in force.
    assert!(c.asks_released_today("N-0001", ymd(2027, 3, 1)));
    assert!(!c.asks_released_today("N-0001", ymd(2027, 1, 20)));
    c.releases.push(release("REL-2", ymd(2027, 3, 3)));
    assert!(!c.asks_released_today("N-0001", ymd(2027, 3, 3)));
}

#[test]
fn a_release_after_a_recall_is_accepted_and_applied_keeping_the_first_release() {
    let mut c = recalled();
    let again = release("REL-2", ymd(2027, 3, 3));
    c.releases.push(again.clone());
    assert_eq!(c.release_judgement("REL-2"), Ok(()));
    let (n, orders) = c.released(&again).unwrap();
    assert_eq!(n.custody.release_date(), ymd(2027, 3, 3));
    assert_eq!(n.custody.recall(), Some(&recall()));
    assert_eq!(n.custody.first_release(), first_release());
    assert!(n.custody.on_licence_on(ymd(2027, 3, 3)));
    // The order is in force from the first release already: nothing of it changes.
    assert!(orders.is_empty(), "{orders:?}");
    // The phone shows it until the server's versions arrive; the cohort stands.
    c.apply_releases();
    let held = c.nominal("N-0001").unwrap();
    assert_eq!(held.custody, n.custody);
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    let order = c.order_for("N-0001", ymd(2027, 3, 3)).unwrap();
    assert!(order.is_live_on(ymd(2027, 3, 3)));
    assert_eq!(order.comes_into_force(), Some(first_release()));
    assert_eq!(
        held.custody.describe(ymd(2027, 3, 3)),
        "On licence until 2 Mar 2028, re-released 3 Mar 2027 after recall"
    );
}
