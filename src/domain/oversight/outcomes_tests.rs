use super::*;
use crate::domain::breach::decision::{figures_decision, BreachDecision as Decision};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn figures(c: &Cohort, decisions: &[Decision], transferred: &[String]) -> Vec<QuarterFigures> {
    let unit = Unit {
        cohort: c,
        assignments: &[],
        decisions,
        transferred,
    };
    outcomes(&unit, today(), 8)
}

fn decision(report: &str, level: DecisionLevel, disruption: bool, day: NaiveDate) -> Decision {
    figures_decision(
        &format!("D-{report}-{day}"),
        report,
        level,
        disruption,
        day.and_hms_opt(9, 0, 0).unwrap(),
    )
}

fn quarter(fs: &[QuarterFigures], label: &str) -> QuarterFigures {
    fs.iter()
        .find(|f| f.quarter.label() == label)
        .unwrap()
        .clone()
}

#[test]
fn calendar_quarters() {
    let q = Quarter::of(today());
    assert_eq!(
        q,
        Quarter {
            year: 2026,
            number: 4
        }
    );
    assert_eq!(q.label(), "Oct–Dec 2026");
    assert_eq!(q.first_day(), ymd(2026, 10, 1));
    assert_eq!(q.last_day(), ymd(2026, 12, 31));
    assert_eq!(
        q.next(),
        Quarter {
            year: 2027,
            number: 1
        }
    );
    let first = Quarter::of(ymd(2028, 2, 29));
    assert_eq!(first.label(), "Jan–Mar 2028");
    assert_eq!(first.previous().label(), "Oct–Dec 2027");
    assert_eq!(first.last_day(), ymd(2028, 3, 31));
    assert!(Quarter::of(ymd(2026, 6, 30)).contains(ymd(2026, 4, 1)));
    assert!(!Quarter::of(ymd(2026, 6, 30)).contains(ymd(2026, 7, 1)));
}

#[test]
fn eight_quarters_oldest_first_with_people_on_orders() {
    let c = demo_cohort(today());
    let fs = figures(&c, &[], &[]);
    assert_eq!(fs.len(), 8);
    assert_eq!(fs[0].quarter.label(), "Jan–Mar 2025");
    assert_eq!(fs[7].quarter.label(), "Oct–Dec 2026");
    // Everyone released by today; not the two still inside (their orders start on release).
    assert_eq!(fs[7].on_orders, 10);
    // Early 2025: only those released by then (N-0003, N-0007, N-0012).
    assert_eq!(fs[0].on_orders, 3);
    // The demo's breach 70 days ago (15 Sep 2026), not yet decided.
    let q3 = quarter(&fs, "Jul–Sep 2026");
    assert_eq!((q3.breaches(), q3.awaiting_decision), (1, 1));
    assert_eq!(fs.iter().map(QuarterFigures::breaches).sum::<usize>(), 1);
}

#[test]
fn breaches_by_the_outcome_decided_and_disruptions_when_recorded() {
    let c = demo_cohort(today());
    let ds = [decision(
        "BR-0002-1",
        DecisionLevel::RequestRecall,
        true,
        today(),
    )];
    let fs = figures(&c, &ds, &[]);
    let q3 = quarter(&fs, "Jul–Sep 2026");
    assert_eq!(q3.awaiting_decision, 0);
    assert_eq!(q3.outcome(DecisionLevel::RequestRecall), 1);
    assert_eq!(q3.disruptions, 0);
    // The disruption counts in the quarter it was recorded.
    assert_eq!(quarter(&fs, "Oct–Dec 2026").disruptions, 1);
    // A later decision replaces the first: one breach, one outcome.
    let ds = [
        decision(
            "BR-0002-1",
            DecisionLevel::RequestRecall,
            true,
            today() - chrono::Days::new(5),
        ),
        decision("BR-0002-1", DecisionLevel::Charge, false, today()),
    ];
    let fs = figures(&c, &ds, &[]);
    let q3 = quarter(&fs, "Jul–Sep 2026");
    assert_eq!(q3.outcome(DecisionLevel::Charge), 1);
    assert_eq!(q3.outcome(DecisionLevel::RequestRecall), 0);
    assert_eq!(q3.breaches(), 1);
    assert_eq!(fs.iter().map(|f| f.disruptions).sum::<usize>(), 0);
    // No further action is an outcome of its own, counted like the others.
    let ds = [decision(
        "BR-0002-1",
        DecisionLevel::NoFurtherAction,
        false,
        today(),
    )];
    let q3 = quarter(&figures(&c, &ds, &[]), "Jul–Sep 2026");
    assert_eq!(q3.outcome(DecisionLevel::NoFurtherAction), 1);
    assert_eq!(q3.awaiting_decision, 0);
    assert_eq!(q3.breaches(), 1);
}

#[test]
fn a_corrected_report_counts_once_on_its_corrected_date() {
    let mut c = demo_cohort(today());
    let mut fix = c.breach_reports[0].clone();
    fix.id = "BR-0002-2".into();
    fix.reference.clear();
    fix.corrects = Some("BR-0002-1".into());
    fix.recorded_at += chrono::TimeDelta::days(1);
    fix.occurred_at = ymd(2026, 10, 2).and_hms_opt(14, 0, 0).unwrap();
    c.breach_reports.push(fix);
    let fs = figures(&c, &[], &[]);
    assert_eq!(fs.iter().map(QuarterFigures::breaches).sum::<usize>(), 1);
    assert_eq!(quarter(&fs, "Oct–Dec 2026").awaiting_decision, 1);
}

#[test]
fn a_transferred_nominal_is_not_counted() {
    let c = demo_cohort(today());
    let gone = vec!["N-0002".to_string(), "N-0003".to_string()];
    let fs = figures(&c, &[], &gone);
    assert_eq!(fs[7].on_orders, 8);
    assert_eq!(fs[0].on_orders, 2);
    assert_eq!(fs.iter().map(QuarterFigures::breaches).sum::<usize>(), 0);
}
