use super::*;
use crate::domain::breach::decision::{figures_decision, DecisionLevel};
use crate::domain::breach::report::EnforcementLevel;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::field::briefing::{CopyOfOrder, SignOff};
use crate::domain::order::scpo::ServiceMethod;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn days_ago(n: u64) -> NaiveDate {
    today() - chrono::Days::new(n)
}

fn demo() -> Cohort {
    demo_cohort(today())
}

fn pack(c: &Cohort, id: &str) -> EvidencePack {
    evidence_pack(c, id, today()).expect("the report is held")
}

fn has(p: &EvidencePack, gap: &Gap) -> bool {
    p.gaps.contains(gap)
}

/// A breach report of `nominal` on the given conditions, `days` ago at noon, copied from the
/// demo's own report so every other field is sound.
fn report(c: &Cohort, id: &str, nominal: &str, conditions: &[&str], days: u64) -> BreachReport {
    let mut r = c.breach_reports[0].clone();
    let n = &nominal[2..];
    r.id = id.into();
    r.reference.clear();
    r.nominal_id = nominal.into();
    r.order_id = format!("O-{n}");
    r.condition_ids = conditions.iter().map(|s| s.to_string()).collect();
    r.occurred_at = days_ago(days).and_hms_opt(12, 0, 0).unwrap();
    r.recorded_at = days_ago(days).and_hms_opt(13, 0, 0).unwrap();
    r.evidence = vec![];
    r
}

fn briefing(nominal: &str, conditions: &[&str], signed_days_ago: u64) -> Briefing {
    let n = &nominal[2..];
    let at = days_ago(signed_days_ago).and_hms_opt(9, 0, 0).unwrap();
    let mut b = Briefing::start(
        format!("B-{n}"),
        nominal.into(),
        format!("O-{n}"),
        conditions.iter().map(|s| s.to_string()),
        at,
    );
    for id in conditions {
        let c = b.condition_mut(id);
        c.explained = true;
        c.understood = true;
    }
    b.body_worn_video_on = true;
    b.body_worn_video_reference = "BWV-0002-1".into();
    b.copy_of_order = CopyOfOrder::HandedOver;
    b.probation_is_not_police_confirmed = true;
    b.signed_off = Some(SignOff {
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
        at,
    });
    b
}

fn exhibit(id: &str, record_id: &str, reference: &str, captured_days_ago: u64) -> Exhibit {
    let at = days_ago(captured_days_ago).and_hms_opt(12, 30, 0).unwrap();
    Exhibit {
        id: id.into(),
        nominal_id: "N-0002".into(),
        record_kind: "breach_report".into(),
        record_id: record_id.into(),
        reference: reference.into(),
        description: "Photo of the handset in the drawer".into(),
        sha256: "ab".repeat(32),
        media_type: "image/jpeg".into(),
        size_bytes: 1234,
        captured_at: at,
        app_started_at: at,
        elapsed_ms: 0,
        place: None,
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
    }
}

#[test]
fn the_demo_breach_gives_every_section_and_says_what_is_missing() {
    let c = demo();
    let p = pack(&c, "BR-0002-1");
    assert_eq!(p.report.id, "BR-0002-1");
    assert_eq!(p.corrected_from, None);
    assert_eq!(p.nominal.id, "N-0002");
    assert_eq!(p.day, days_ago(70));
    assert_eq!(p.prepared_on, today());
    // 1. The order, with no variations.
    let order = p.order.as_ref().unwrap();
    assert_eq!(order.court, "Crown Court at Testford");
    assert!(p.variations_in_force.is_empty() && p.later_variations.is_empty());
    // 2. Served in person on release day; no briefing.
    assert!(matches!(
        order.bound,
        Some(Bound::Served {
            method: ServiceMethod::InPerson,
            ..
        })
    ));
    assert!(!has(&p, &Gap::NotBound));
    assert!(p.briefing.is_none() && p.briefed.is_empty());
    // 3. The provision word for word, in force from the order's start.
    let prov = &p.provisions[0];
    let cond = prov.condition.as_ref().unwrap();
    assert!(cond
        .verbatim
        .starts_with("The defendant shall not possess or use more than one"));
    assert_eq!(prov.in_force_from, order.comes_into_force());
    assert_eq!(prov.not_in_force, None);
    // 5. The typed evidence is listed, without a capture record.
    assert_eq!(p.exhibits.len(), 1);
    assert_eq!(p.exhibits[0].reference, "EXH-DEMO-001");
    assert_eq!(p.exhibits[0].description, "Phone: Black handset, no SIM");
    assert_eq!(p.exhibits[0].sha256, None);
    // 6. No earlier breach; no DS decision yet.
    assert!(p.earlier.is_empty());
    assert_eq!(
        p.gaps,
        vec![
            Gap::NoBriefing,
            Gap::NoExplanation,
            Gap::NoCaptureRecord {
                exhibit: "EXH-DEMO-001 (Phone: Black handset, no SIM)".into()
            },
            Gap::NoDecision,
        ]
    );
}

#[test]
fn an_unknown_report_has_no_pack() {
    assert_eq!(evidence_pack(&demo(), "BR-none", today()), None);
}

#[test]
fn how_the_person_is_bound_represented_served_in_time_late_or_not_recorded() {
    let mut c = demo();
    fn o(c: &mut Cohort) -> &mut Order {
        c.orders.iter_mut().find(|o| o.id == "O-0002").unwrap()
    }
    o(&mut c).bound = None;
    assert!(has(&pack(&c, "BR-0002-1"), &Gap::NotBound));
    o(&mut c).bound = Some(Bound::Represented);
    let p = pack(&c, "BR-0002-1");
    assert!(!p
        .gaps
        .iter()
        .any(|g| matches!(g, Gap::NotBound | Gap::ServedAfterBreach { .. })));
    let late = days_ago(60);
    o(&mut c).bound = Some(Bound::Served {
        served_on: late,
        method: ServiceMethod::Post,
        served_by: "PC Late".into(),
    });
    let p = pack(&c, "BR-0002-1");
    assert!(has(&p, &Gap::ServedAfterBreach { served_on: late }));
    // Served on the day of the breach: bound that day.
    o(&mut c).bound = Some(Bound::Served {
        served_on: days_ago(70),
        method: ServiceMethod::Post,
        served_by: "PC Same Day".into(),
    });
    assert!(!pack(&c, "BR-0002-1")
        .gaps
        .iter()
        .any(|g| matches!(g, Gap::ServedAfterBreach { .. })));
}

#[test]
fn the_briefing_before_the_breach_is_used_and_its_gaps_are_listed() {
    let mut c = demo();
    c.briefings
        .push(briefing("N-0002", &["C-0002-05", "C-0002-01"], 190));
    let p = pack(&c, "BR-0002-1");
    assert_eq!(p.briefing.as_ref().unwrap().id, "B-0002");
    assert!(!p.gaps.iter().any(|g| matches!(
        g,
        Gap::NoBriefing
            | Gap::NoBodyWornVideo
            | Gap::CopyNotRecorded
            | Gap::ProvisionNotBriefed { .. }
    )));
    assert_eq!(p.briefed.len(), 2);
    assert!(p.briefed[0].breached && p.briefed[0].explained && p.briefed[0].understood);
    assert!(!p.briefed[1].breached);
    assert!(p.briefed[1].summary.starts_with("No more than £1,000"));

    // No body-worn video reference; no copy handed over; the breached provision not covered.
    let b = &mut c.briefings[0];
    b.body_worn_video_reference = " ".into();
    b.copy_of_order = CopyOfOrder::NotHandedOver {
        reason: "Nominal refused to take it".into(),
    };
    b.condition_mut("C-0002-05").understood = false;
    let p = pack(&c, "BR-0002-1");
    assert!(has(&p, &Gap::NoBodyWornVideo));
    assert!(has(
        &p,
        &Gap::CopyNotHandedOver {
            reason: "Nominal refused to take it".into()
        }
    ));
    assert!(p.gaps.iter().any(|g| matches!(g, Gap::ProvisionNotBriefed { summary } if summary.starts_with("One phone only"))));
    c.briefings[0].copy_of_order = CopyOfOrder::NotRecorded;
    assert!(has(&pack(&c, "BR-0002-1"), &Gap::CopyNotRecorded));
}

#[test]
fn a_briefing_signed_after_the_breach_is_shown_with_a_gap() {
    let mut c = demo();
    c.briefings.push(briefing("N-0002", &["C-0002-05"], 10));
    let p = pack(&c, "BR-0002-1");
    assert_eq!(p.briefing.as_ref().unwrap().id, "B-0002");
    assert!(has(
        &p,
        &Gap::BriefingAfterBreach {
            signed_on: days_ago(10)
        }
    ));
    // An unsigned briefing is not a record of one.
    c.briefings[0].signed_off = None;
    assert!(has(&pack(&c, "BR-0002-1"), &Gap::NoBriefing));
}

#[test]
fn the_variations_in_force_on_the_breach_day_and_the_wording_of_that_day() {
    // N-0007's order was varied 200 days ago: the cash limit C-0007-01 became C-0007-11.
    let mut c = demo();
    c.breach_reports
        .push(report(&c, "BR-NEW", "N-0007", &["C-0007-11"], 5));
    c.breach_reports
        .push(report(&c, "BR-OLD", "N-0007", &["C-0007-01"], 300));
    let new = pack(&c, "BR-NEW");
    assert_eq!(new.variations_in_force.len(), 1);
    assert!(new.later_variations.is_empty());
    let prov = &new.provisions[0];
    assert_eq!(prov.added_by.as_ref().unwrap().id, "V-0007-1");
    assert_eq!(prov.in_force_from, Some(days_ago(200)));
    assert!(prov.condition.as_ref().unwrap().verbatim.contains("£500"));
    assert!(prov.replaces.as_ref().unwrap().verbatim.contains("£1,000"));
    assert_eq!(prov.not_in_force, None);
    // Represented at the hearing.
    assert!(!has(&new, &Gap::NotBound));

    // Before the variation: the old wording was in force, and the variation came later.
    let old = pack(&c, "BR-OLD");
    assert!(old.variations_in_force.is_empty());
    assert_eq!(old.later_variations[0].id, "V-0007-1");
    let prov = &old.provisions[0];
    assert_eq!(prov.not_in_force, None);
    assert_eq!(prov.ended_by.as_ref().unwrap().id, "V-0007-1");
    assert!(prov.condition.as_ref().unwrap().verbatim.contains("£1,000"));
}

#[test]
fn a_provision_not_in_force_or_not_held_is_a_gap() {
    let mut c = demo();
    // The old cash limit, after the variation ended it: should not happen, but say so.
    c.breach_reports.push(report(
        &c,
        "BR-ENDED",
        "N-0007",
        &["C-0007-01", "C-gone"],
        5,
    ));
    let p = pack(&c, "BR-ENDED");
    assert!(p.gaps.iter().any(|g| matches!(
        g,
        Gap::ProvisionNotInForce { why, .. } if why.contains("ended by a variation")
    )));
    assert!(has(
        &p,
        &Gap::ProvisionNotHeld {
            condition_id: "C-gone".into()
        }
    ));
    assert!(p.provisions[1].condition.is_none());
    // An order not on the phone.
    let mut r = report(&c, "BR-NOORDER", "N-0007", &["C-0007-11"], 5);
    r.order_id = "O-gone".into();
    c.breach_reports.push(r);
    let p = pack(&c, "BR-NOORDER");
    assert!(has(&p, &Gap::OrderNotHeld));
    assert!(p.order.is_none());
}

// Corrections, exhibits, earlier breaches and the wording of the gaps.
#[path = "evidence_pack_more_tests.rs"]
mod more;
