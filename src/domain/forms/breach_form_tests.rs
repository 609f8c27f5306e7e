use super::*;
use crate::domain::breach::report::EnforcementLevel as L;
use crate::domain::breach::report::{EvidenceKind, IntelligenceAssessment};
use crate::domain::cohort::demo::{demo_cohort, demo_officer};
use crate::domain::time::dates::ymd;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(14, 5, 0).unwrap()
}

fn fields(problems: &[BreachProblem]) -> Vec<BreachField> {
    problems.iter().map(|p| p.field).collect()
}

/// A simple breach of the nominal's "one phone only" condition, today, now.
fn simple(nominal: &str, intelligence: IntelligenceAssessment) -> BreachDraft {
    let n = &nominal[2..];
    let mut d = BreachDraft::new(nominal, now());
    d.condition_ids = vec![format!("C-{n}-05")];
    d.location = "Home address".into();
    d.what_was_seen = "Second phone on the kitchen table.".into();
    d.intelligence = Some(intelligence);
    d
}

#[test]
fn a_new_draft_is_blank_and_happened_today_now() {
    let d = BreachDraft::new("N-0004", now());
    assert!(d.is_blank());
    assert_eq!(d.occurred_at(now() + chrono::Duration::hours(2)), Ok(now()));
    let mut d2 = d.clone();
    d2.location = "x".into();
    assert!(!d2.is_blank());
}

#[test]
fn steps_run_in_order_and_round_trip_through_their_slugs() {
    let mut s = BreachStep::Conditions;
    let mut seen = vec![s];
    while s != BreachStep::Recommendation {
        s = s.next();
        seen.push(s);
    }
    assert_eq!(seen.len(), 5);
    for s in seen {
        assert_eq!(BreachStep::from_slug(s.slug()), Some(s));
        if let Some(p) = s.previous() {
            assert_eq!(p.next(), s);
        }
    }
    assert_eq!(BreachStep::from_slug("nonsense"), None);
}

#[test]
fn each_question_must_be_answered_before_going_on() {
    let c = demo_cohort(today());
    let d = BreachDraft::new("N-0004", now());
    assert_eq!(d.first_incomplete(&c, now()), Some(BreachStep::Conditions));
    assert_eq!(
        fields(&d.problems(BreachStep::Details, &c, now())),
        vec![BreachField::Location, BreachField::WhatWasSeen]
    );
    assert_eq!(
        fields(&d.problems(BreachStep::Intelligence, &c, now())),
        vec![BreachField::Intelligence]
    );
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    assert_eq!(d.first_incomplete(&c, now()), None);
    d.intelligence = None;
    assert_eq!(
        d.first_incomplete(&c, now()),
        Some(BreachStep::Intelligence)
    );
    d.condition_ids = vec!["C-unknown".into()];
    assert_eq!(d.first_incomplete(&c, now()), Some(BreachStep::Conditions));
}

#[test]
fn another_date_and_time_is_checked_and_never_in_the_future() {
    let c = demo_cohort(today());
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    d.now = false;
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Date, BreachField::Time]);
    d.date = "2026-02-30".into();
    d.time = "25:00".into();
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Date, BreachField::Time]);
    assert!(p[0].message.contains("real date"));
    d.date = "2026-11-24".into();
    d.time = "14:06".into();
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Date]);
    assert!(p[0].message.contains("now or in the past"));
    d.time = "09:30".into();
    assert_eq!(d.problems(BreachStep::Conditions, &c, now()), vec![]);
    assert_eq!(
        d.occurred_at(now()),
        Ok(today().and_hms_opt(9, 30, 0).unwrap())
    );
    // Nothing typed is lost by a problem.
    assert_eq!(d.location, "Home address");
}

#[test]
fn a_condition_must_have_been_in_force_on_the_day() {
    let c = demo_cohort(today());
    // N-0004 was released 90 days ago: the order came into force then.
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    d.now = false;
    d.date = "2026-08-01".into();
    d.time = "10:00".into();
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Conditions]);
    assert!(p[0]
        .message
        .starts_with("On 1 Aug 2026 this condition was not in force"));
    assert!(p[0].message.ends_with(". Untick it, or change the date"));
}

#[test]
fn a_first_breach_without_intelligence_means_interview_and_caution() {
    let c = demo_cohort(today());
    let r = simple("N-0004", IntelligenceAssessment::None)
        .recommendation(&c, now())
        .unwrap();
    assert_eq!(r.level, L::InterviewAndCaution);
    let reasons: Vec<String> = r.reasons.iter().map(|r| r.0.clone()).collect();
    assert!(reasons
        .contains(&"Recall is not open: this is the first breach under this order.".to_string()));
}

#[test]
fn a_second_breach_of_a_mirrored_condition_on_licence_means_recall() {
    let c = demo_cohort(today());
    let d = simple("N-0002", IntelligenceAssessment::None);
    let facts = d.facts(&c, now()).unwrap();
    assert!(facts.licence_on_breach_day && facts.licence_on_decision_day);
    assert!(facts.condition_mirrored);
    assert_eq!(facts.earlier_breaches(), 1);
    assert_eq!(d.recommendation(&c, now()).unwrap().level, L::RequestRecall);
}

#[test]
fn intelligence_that_supports_a_return_means_proactive_referral() {
    let c = demo_cohort(today());
    let d = simple("N-0008", IntelligenceAssessment::Supports);
    assert_eq!(
        d.recommendation(&c, now()).unwrap().level,
        L::ProactiveReferral
    );
}

#[test]
fn another_level_needs_a_reason_and_both_are_kept() {
    let c = demo_cohort(today());
    let officer = demo_officer();
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    d.chosen = Some(L::ProactiveReferral);
    d.override_reason = "   ".into();
    let err = d.to_report(&c, "BR-1".into(), &officer, now()).unwrap_err();
    assert_eq!(fields(&err), vec![BreachField::OverrideReason]);
    assert_eq!(d.chosen, Some(L::ProactiveReferral));
    d.override_reason = "Researcher reports new associates this week.".into();
    let r = d.to_report(&c, "BR-1".into(), &officer, now()).unwrap();
    assert_eq!(r.decision.recommended.level, L::InterviewAndCaution);
    assert_eq!(r.decision.chosen, L::ProactiveReferral);
    assert_eq!(
        r.decision.override_reason.as_deref(),
        Some("Researcher reports new associates this week.")
    );
    // Choosing the recommended level needs no reason.
    d.chosen = Some(L::InterviewAndCaution);
    d.override_reason.clear();
    let r = d.to_report(&c, "BR-1".into(), &officer, now()).unwrap();
    assert!(!r.decision.is_override());
}

#[test]
fn the_report_carries_every_answer() {
    let c = demo_cohort(today());
    let mut d = simple("N-0004", IntelligenceAssessment::Suggests);
    d.new_evidence = EvidenceDraft {
        kind: EvidenceKind::Phone,
        description: "Black handset".into(),
        reference: "EXH-1".into(),
    };
    assert!(d.add_new_evidence());
    assert!(d.new_evidence.is_blank());
    assert_eq!(d.new_evidence.kind, EvidenceKind::Phone);
    assert!(!d.add_new_evidence());
    // Evidence typed but not added is kept too.
    d.new_evidence.description = "Photo of the SIM packet".into();
    let r = d
        .to_report(&c, "BR-9".into(), &demo_officer(), now())
        .unwrap();
    assert_eq!(r.id, "BR-9");
    assert_eq!(r.order_id, "O-0004");
    assert_eq!(r.condition_ids, vec!["C-0004-05".to_string()]);
    assert_eq!(r.occurred_at, now());
    assert_eq!(r.recorded_at, now());
    assert_eq!(r.evidence.len(), 2);
    assert_eq!(r.evidence[0].reference, "EXH-1");
    assert_eq!(r.intelligence, IntelligenceAssessment::Suggests);
    assert_eq!(r.officer_name, "PC Demo Officer");
}

#[test]
fn evidence_needs_a_description() {
    let c = demo_cohort(today());
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    d.new_evidence.reference = "EXH-2".into();
    assert_eq!(
        fields(&d.problems(BreachStep::Details, &c, now())),
        vec![BreachField::EvidenceDescription]
    );
}

#[test]
fn the_draft_survives_its_own_serialisation() {
    let d = simple("N-0002", IntelligenceAssessment::Supports);
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<BreachDraft>(&json).unwrap(), d);
}

#[test]
fn home_address_quick_choice_names_the_address() {
    let q = quick_locations(Some("12 Example Row, Testford"));
    assert_eq!(q[0].1, "Home address, 12 Example Row, Testford");
    assert_eq!(quick_locations(None)[0].1, "Home address");
}

#[test]
fn a_condition_of_another_nominal_s_order_is_refused() {
    let c = demo_cohort(today());
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    d.condition_ids = vec!["C-0002-05".into()];
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Conditions]);
    assert_eq!(
        p[0].message,
        "Select conditions of this nominal's own order"
    );
    assert!(d.recommendation(&c, now()).is_err());
    d.condition_ids = vec!["C-0004-05".into()];
    assert!(d.problems(BreachStep::Conditions, &c, now()).is_empty());
}

#[test]
fn a_provision_ended_by_a_variation_cannot_be_breached_after_it_ended_and_the_message_says_why() {
    // Demo: O-0007's cash provision C-0007-01 was ended by a variation 200 days ago.
    let c = demo_cohort(today());
    let mut d = simple("N-0007", IntelligenceAssessment::None);
    d.condition_ids = vec!["C-0007-01".into()];
    let p = d.problems(BreachStep::Conditions, &c, now());
    let from = crate::domain::time::dates::format_date(today() - chrono::Days::new(200));
    assert_eq!(
        p[0].message,
        format!(
            "On 24 Nov 2026 this condition was not in force: No more than £1,000 in cash outside a declared account. (this provision was ended by a variation (Crown Court at Testford) from {from}). Untick it, or change the date"
        )
    );
    // Dated the day before the variation took effect, it was in force.
    d.now = false;
    d.date = (today() - chrono::Days::new(201))
        .format("%Y-%m-%d")
        .to_string();
    d.time = "10:00".into();
    assert!(d.problems(BreachStep::Conditions, &c, now()).is_empty());
}

#[test]
fn a_breach_dated_before_a_provision_was_added_by_a_variation_is_refused() {
    let c = demo_cohort(today());
    let mut d = simple("N-0007", IntelligenceAssessment::None);
    d.condition_ids = vec!["C-0007-11".into()];
    assert!(d.problems(BreachStep::Conditions, &c, now()).is_empty());
    d.now = false;
    d.date = (today() - chrono::Days::new(201))
        .format("%Y-%m-%d")
        .to_string();
    d.time = "10:00".into();
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Conditions]);
    assert!(
        p[0].message.contains("was added by a variation"),
        "{}",
        p[0].message
    );
}

#[test]
fn a_breach_before_the_order_comes_into_force_says_it_comes_into_force_on_release() {
    // N-0006 is released in 4 days; its order comes into force then.
    let c = demo_cohort(today());
    let mut d = simple("N-0006", IntelligenceAssessment::None);
    d.condition_ids = vec!["C-0006-01".into()];
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert!(
        p[0].message
            .contains("(the order comes into force on release, 28 Nov 2026). Untick it"),
        "{}",
        p[0].message
    );
}

#[test]
fn any_explanation_given_is_optional_kept_trimmed_and_limited() {
    let c = demo_cohort(today());
    let officer = demo_officer();
    let mut d = simple("N-0004", IntelligenceAssessment::None);
    let r = d.to_report(&c, "BR-1".into(), &officer, now()).unwrap();
    assert_eq!(r.explanation, None);
    assert!(!serde_json::to_string(&r).unwrap().contains("explanation"));
    d.explanation = "  Said the phone was his sister's.  ".into();
    let r = d.to_report(&c, "BR-1".into(), &officer, now()).unwrap();
    assert_eq!(
        r.explanation.as_deref(),
        Some("Said the phone was his sister's.")
    );
    d.explanation = "x".repeat(MAX_TEXT_CHARS + 1);
    let p = d.problems(BreachStep::Details, &c, now());
    assert_eq!(fields(&p), vec![BreachField::Explanation]);
    assert_eq!(
        p[0].message,
        "The explanation must be 5,000 characters or fewer"
    );
    assert_eq!(BreachField::Explanation.id(), "explanation");
    assert_eq!(BreachField::Explanation.step(), BreachStep::Details);
    // An imported report's explanation is held to the long-text limit.
    let mut c = c;
    c.breach_reports[0].explanation = Some("x".repeat(10_001));
    let problems: Vec<String> = c.validate().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["breach_reports[0].explanation: must be 10000 characters or fewer"]
    );
}

#[test]
fn the_in_progress_notice_is_not_shown_for_the_report_just_started() {
    let mut d = BreachDraft::new("N-0004", now());
    // Nothing chosen yet: nothing to resume.
    assert_eq!(d.resume_notice(true, false), None);
    d.condition_ids = vec!["C-0004-05".into()];
    // Started a tap ago (from a late notification, conditions filled in): no notice.
    assert_eq!(d.resume_notice(true, true), None);
    // Started on this page and not left: no notice either.
    assert_eq!(d.resume_notice(false, false), None);
    // Opened again from an earlier visit: it says so, with when it was started.
    assert_eq!(
        d.resume_notice(true, false).as_deref(),
        Some(
            "You have a breach report in progress for this nominal, started 24 Nov 2026, 14:05. Your answers are kept."
        )
    );
}

#[test]
fn a_submitted_report_gets_the_officers_next_short_reference() {
    let c = demo_cohort(today());
    // The demo's earlier report is the demo officer's first of its year.
    let first = c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-1")
        .unwrap();
    let year = first.occurred_at.format("%Y").to_string();
    assert_eq!(first.reference, format!("DO/BR/{year}/1"));
    let r = simple("N-0004", IntelligenceAssessment::None)
        .to_report(&c, "BR-800e8657".into(), &demo_officer(), now())
        .unwrap();
    // The UUID stays the id sync uses; the reference is what a person reads.
    assert_eq!(r.id, "BR-800e8657");
    let expected = if year == "2026" {
        "DO/BR/2026/2"
    } else {
        "DO/BR/2026/1"
    };
    assert_eq!(r.reference, expected);
    assert_eq!(r.shown_reference(), expected);
}
