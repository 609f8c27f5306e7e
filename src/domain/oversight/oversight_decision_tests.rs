//! The breach figures once the DS decides: corrected reports, recall requests, decision levels.

use super::*;

/// The demo's breach of N-0002 corrected a day later (moved a day earlier).
fn with_correction() -> Cohort {
    let mut c = demo_cohort(today());
    let mut fix = c.breach_reports[0].clone();
    fix.id = "BR-0002-2".into();
    fix.reference.clear();
    fix.corrects = Some("BR-0002-1".into());
    fix.recorded_at += chrono::TimeDelta::days(1);
    fix.occurred_at -= chrono::TimeDelta::days(1);
    c.breach_reports.push(fix);
    c
}

#[test]
fn a_corrected_report_is_one_breach_aged_from_its_first_report() {
    let c = with_correction();
    let d = board(&c, &[], &[]);
    let items = d.list(Figure::BreachesAwaitingDecision, Scope::Unit);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].record_id.as_deref(), Some("BR-0002-2"));
    assert_eq!(items[0].on, today() - Days::new(70));
    // A decision on the report as it stands settles it; one on the report it replaced does
    // not (the DS decided on other facts).
    let old = [decision(
        "D-1",
        "BR-0002-1",
        DecisionLevel::InterviewAndCaution,
        false,
        today(),
    )];
    assert_eq!(
        board(&c, &old, &[]).count(Figure::BreachesAwaitingDecision, Scope::Unit),
        1
    );
    let new = [decision(
        "D-2",
        "BR-0002-2",
        DecisionLevel::InterviewAndCaution,
        false,
        today(),
    )];
    assert_eq!(
        board(&c, &new, &[]).count(Figure::BreachesAwaitingDecision, Scope::Unit),
        0
    );
}

#[test]
fn a_recall_request_waits_for_its_outcome_until_a_later_decision_replaces_it() {
    let c = demo_cohort(today());
    let day = today() - Days::new(3);
    let recall = decision("D-1", "BR-0002-1", DecisionLevel::RequestRecall, false, day);
    let d = board(&c, std::slice::from_ref(&recall), &[]);
    assert!(ids(&d, Figure::BreachesAwaitingDecision).is_empty());
    let items = d.list(Figure::RecallsAwaitingOutcome, Scope::Officer("PC-DEMO-01"));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].on, day);
    assert!(
        items[0].detail.contains("3 days ago"),
        "{}",
        items[0].detail
    );
    let later = decision("D-2", "BR-0002-1", DecisionLevel::Charge, false, today());
    let d = board(&c, &[later, recall], &[]);
    assert!(ids(&d, Figure::RecallsAwaitingOutcome).is_empty());
    assert!(ids(&d, Figure::BreachesAwaitingDecision).is_empty());
}

#[test]
fn decision_levels_read_their_record_names() {
    assert_eq!(
        DecisionLevel::from_code("interview_and_caution"),
        Some(DecisionLevel::InterviewAndCaution)
    );
    assert_eq!(
        DecisionLevel::from_code("request_recall"),
        Some(DecisionLevel::RequestRecall)
    );
    assert_eq!(
        DecisionLevel::from_code("proactive_referral"),
        Some(DecisionLevel::ProactiveReferral)
    );
    assert_eq!(
        DecisionLevel::from_code("charge"),
        Some(DecisionLevel::Charge)
    );
    assert_eq!(DecisionLevel::from_code("recall"), None);
}
