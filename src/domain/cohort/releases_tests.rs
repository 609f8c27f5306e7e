use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::field::release::*;
use crate::domain::order::scpo::OrderStage;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

/// The demo cohort with N-0006 (in custody, release expected in 4 days) holding an order made
/// to come into force "on release".
fn waiting() -> Cohort {
    let mut c = demo_cohort(today());
    for o in c.orders.iter_mut().filter(|o| o.nominal_id == "N-0006") {
        if let OrderStage::Granted {
            comes_into_force,
            ends,
            ..
        } = &mut o.stage
        {
            *comes_into_force = None;
            *ends = (*ends).min(crate::domain::order::scpo::Order::latest_lawful_end(today()));
        }
    }
    c
}

fn release(nominal: &str) -> Release {
    Release {
        id: "REL-1".into(),
        nominal_id: nominal.into(),
        released_on: today(),
        licence_ends: ymd(2027, 11, 23),
        probation_name: "PP Sample".into(),
        officer_id: "DO-1".into(),
        officer_name: "PC Demo Officer".into(),
        recorded_at: today().and_hms_opt(9, 30, 0).unwrap(),
    }
}

#[test]
fn a_release_puts_the_nominal_on_licence_and_the_order_in_force_that_day() {
    let c = waiting();
    let order = c.order_for("N-0006", today()).unwrap().clone();
    assert!(!order.is_live_on(today()));
    let (n, orders) = c.released(&release("N-0006")).unwrap();
    assert_eq!(n.custody.release_date(), today());
    assert!(n.custody.on_licence_on(today()));
    assert_eq!(
        n.custody.probation_on(today()).map(|p| p.name.as_str()),
        Some("PP Sample")
    );
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].id, order.id);
    assert_eq!(orders[0].comes_into_force(), Some(today()));
    assert!(orders[0].is_live_on(today()));
    // Everything else about them is kept.
    let before = c.nominal("N-0006").unwrap();
    assert_eq!(n.address, before.address);
    assert_eq!(n.offender_manager, before.offender_manager);
}

#[test]
fn an_order_dated_to_the_release_expected_comes_into_force_on_the_real_release_day() {
    // The demo's N-0006: release expected in 4 days, the order dated to come into force then.
    let c = demo_cohort(today());
    let order = c.order_for("N-0006", today()).unwrap().clone();
    assert_eq!(order.comes_into_force(), Some(ymd(2026, 11, 28)));
    let (_, orders) = c.released(&release("N-0006")).unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].comes_into_force(), Some(today()));
    assert!(orders[0].is_live_on(today()));
    // Its last day at most five years from the real release day.
    assert_eq!(orders[0].ends_as_granted(), Some(ymd(2031, 11, 23)));
    let mut c = c;
    c.releases.push(release("N-0006"));
    c.apply_releases();
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    assert!(c.briefing_opens("N-0006", today()));
}

#[test]
fn a_release_for_a_nominal_not_in_custody_is_refused_in_words() {
    let c = waiting();
    // N-0001 is on licence already.
    let why = c.release_refusal(&release("N-0001")).unwrap();
    assert!(why.contains("is not in custody"), "{why}");
    assert!(why.contains("the release was not recorded"), "{why}");
    assert!(c.released(&release("N-0001")).is_none());
    let none = c.release_refusal(&release("N-9999")).unwrap();
    assert_eq!(none, "This nominal is not held by the server");
    let mut early = release("N-0006");
    early.licence_ends = ymd(2026, 11, 1);
    assert!(c
        .release_refusal(&early)
        .unwrap()
        .contains("is before the release"));
}

#[test]
fn the_phone_shows_its_own_release_until_the_server_versions_arrive() {
    let mut c = waiting();
    assert!(!c.briefing_opens("N-0006", today()));
    c.releases.push(release("N-0006"));
    c.apply_releases();
    assert!(c.nominal("N-0006").unwrap().custody.on_licence_on(today()));
    assert!(c.briefing_opens("N-0006", today()));
    // Applying again changes nothing (the nominal is no longer in custody).
    let once = c.clone();
    c.apply_releases();
    assert_eq!(c, once);
    assert!(c.validate().is_empty(), "{:?}", c.validate());
}

#[test]
fn released_today_is_asked_only_of_a_nominal_waiting_for_release() {
    let mut c = waiting();
    assert!(c.asks_released_today("N-0006", today()));
    // On licence already: not asked.
    assert!(!c.asks_released_today("N-0001", today()));
    // Too far off: N-0009 is expected in 40 days.
    assert!(!c.asks_released_today("N-0009", today()));
    // Once recorded on this phone, not asked again.
    c.releases.push(release("N-0006"));
    assert!(!c.asks_released_today("N-0006", today()));
}

#[test]
fn the_answers_are_checked_in_words() {
    let officer = crate::domain::people::nominal::OfficerRef {
        id: "DO-1".into(),
        name: "PC Demo Officer".into(),
    };
    let at = today().and_hms_opt(9, 30, 0).unwrap();
    let make = |released: &str, ends: Result<NaiveDate, String>, name: &str| {
        make_release(released, ends, name, "N-0006", "REL-1".into(), &officer, at)
    };
    let none = make("", Ok(ymd(2027, 1, 1)), "PP").unwrap_err();
    assert_eq!(
        none,
        [(
            "released",
            "Select yes if they were released today".to_string()
        )]
    );
    assert_eq!(make("no", Err("x".into()), ""), Ok(None));
    let p = make("yes", Err("Enter the licence's last day".into()), " ").unwrap_err();
    assert_eq!(p.len(), 2);
    assert_eq!(
        p[0],
        ("licence-ends", "Enter the licence's last day".to_string())
    );
    assert_eq!(p[1].1, "Enter the probation practitioner's name");
    let past = make("yes", Ok(ymd(2026, 11, 1)), "PP Sample").unwrap_err();
    assert!(past[0].1.contains("today or later"));
    let r = make("yes", Ok(ymd(2027, 11, 23)), " PP Sample ")
        .unwrap()
        .unwrap();
    assert_eq!(r, release("N-0006"));
}

#[test]
fn a_cohort_file_keeps_its_releases_and_one_without_any_still_reads() {
    let mut c = waiting();
    let without = Cohort::from_json(&c.to_json()).unwrap();
    assert!(without.releases.is_empty());
    let mut v: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
    v.as_object_mut().unwrap().remove("releases");
    let old = Cohort::from_json(&v.to_string()).unwrap();
    assert!(old.releases.is_empty());
    c.releases.push(release("N-0006"));
    let back = Cohort::from_json(&c.to_json()).unwrap();
    assert_eq!(back.releases, c.releases);
    c.releases.push(release("N-0404"));
    let bad = Cohort::from_json(&c.to_json()).unwrap_err();
    assert!(format!("{bad:?}").contains("releases[1]"), "{bad:?}");
}

#[test]
fn a_release_older_than_a_recall_is_refused_and_never_reapplied() {
    use crate::domain::people::nominal::Recall;
    let mut c = waiting();
    let n = c.nominals.iter_mut().find(|n| n.id == "N-0006").unwrap();
    n.custody = CustodyStatus::InCustody {
        expected_release: ymd(2027, 5, 1),
        recall: Some(Recall {
            released_on: today(),
            recalled_on: today(),
            first_released_on: None,
        }),
    };
    let why = c.release_refusal(&release("N-0006")).unwrap();
    assert!(
        why.contains("was recalled to custody on 24 Nov 2026"),
        "{why}"
    );
    // The phone holding that release does not put them back on licence.
    c.releases.push(release("N-0006"));
    let before = c.clone();
    c.apply_releases();
    assert_eq!(c, before);
}
