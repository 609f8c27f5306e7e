use super::*;
use IntelligenceAssessment as Intel;

fn facts(on_licence: bool, mirrored: bool, earlier: u32, intel: Intel) -> BreachFacts {
    BreachFacts {
        on_licence,
        condition_mirrored: mirrored,
        earlier_breaches: earlier,
        intelligence: intel,
    }
}

#[test]
fn simple_first_breach_is_interview_and_caution() {
    let r = recommend(facts(false, false, 0, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    let text: Vec<String> = r.reasons.iter().map(|r| r.0.clone()).collect();
    assert!(text.iter().any(|t| t.contains("No intelligence")));
    assert!(text.iter().any(|t| t.contains("not on licence")));
    assert!(text.iter().any(|t| t.contains("admission")));
}

#[test]
fn second_breach_of_mirrored_condition_on_licence_is_recall() {
    let r = recommend(facts(true, true, 1, Intel::None));
    assert_eq!(r.level, EnforcementLevel::RequestRecall);
    assert!(r.reasons.iter().any(|r| r.0.contains("2 occasions")));
    assert!(r.reasons.iter().any(|r| r.0.contains("mirrored")));
}

#[test]
fn first_breach_on_licence_of_mirrored_condition_is_not_yet_recall() {
    let r = recommend(facts(true, true, 0, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("first breach")));
}

#[test]
fn repeated_breach_of_unmirrored_condition_on_licence_is_not_recall() {
    let r = recommend(facts(true, false, 3, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("not mirrored")));
}

#[test]
fn repeated_breach_off_licence_is_not_recall() {
    let r = recommend(facts(false, true, 2, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
}

#[test]
fn supporting_intelligence_means_proactive_referral_over_recall() {
    let r = recommend(facts(true, true, 2, Intel::Supports));
    assert_eq!(r.level, EnforcementLevel::ProactiveReferral);
    assert!(r.reasons.iter().any(|r| r.0.contains("precedence")));
    let r = recommend(facts(false, false, 0, Intel::Supports));
    assert_eq!(r.level, EnforcementLevel::ProactiveReferral);
    assert!(!r.reasons.iter().any(|r| r.0.contains("precedence")));
}

#[test]
fn intelligence_that_only_suggests_does_not_trigger_referral() {
    let r = recommend(facts(false, false, 0, Intel::Suggests));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("researcher")));
    let r = recommend(facts(true, true, 1, Intel::Suggests));
    assert_eq!(r.level, EnforcementLevel::RequestRecall);
}

#[test]
fn override_needs_a_reason_and_keeps_both() {
    let rec = recommend(facts(false, false, 0, Intel::None));
    assert_eq!(
        EnforcementDecision::choose(rec.clone(), EnforcementLevel::ProactiveReferral, "  "),
        Err(OverrideReasonMissing)
    );
    let d = EnforcementDecision::choose(
        rec.clone(),
        EnforcementLevel::ProactiveReferral,
        " Fresh intelligence from the researcher today ",
    )
    .unwrap();
    assert!(d.is_override());
    assert_eq!(d.recommended.level, EnforcementLevel::InterviewAndCaution);
    assert_eq!(d.chosen, EnforcementLevel::ProactiveReferral);
    assert_eq!(
        d.override_reason.as_deref(),
        Some("Fresh intelligence from the researcher today")
    );
    let same = EnforcementDecision::choose(rec, EnforcementLevel::InterviewAndCaution, "").unwrap();
    assert!(!same.is_override() && same.override_reason.is_none());
}

mod gathering {
    use super::super::*;
    use crate::domain::condition::ProvisionFamily;
    use crate::domain::dates::ymd;
    use crate::domain::nominal::ProbationContact;

    fn on_licence() -> CustodyStatus {
        CustodyStatus::OnLicence {
            released_on: ymd(2026, 1, 1),
            licence_ends: ymd(2026, 12, 31),
            probation: ProbationContact {
                name: "PP".into(),
                phone: None,
                email: None,
            },
        }
    }

    fn cond(mirrored: bool) -> Condition {
        Condition {
            id: "C-1".into(),
            order_id: "O-1".into(),
            family: ProvisionFamily::AssociationsCommunications,
            verbatim: "x".into(),
            summary: "x".into(),
            starts: None,
            ends: None,
            mirrored_in_licence: mirrored,
            notification: None,
            replaces: None,
        }
    }

    fn earlier(day: NaiveDate, corrects: Option<&str>) -> BreachReport {
        let rec = recommend(BreachFacts {
            on_licence: true,
            condition_mirrored: true,
            earlier_breaches: 0,
            intelligence: IntelligenceAssessment::None,
        });
        BreachReport {
            id: format!("BR-{day}"),
            nominal_id: "N-1".into(),
            order_id: "O-1".into(),
            condition_ids: vec!["C-1".into()],
            occurred_at: day.and_hms_opt(12, 0, 0).unwrap(),
            location: "x".into(),
            what_was_seen: "x".into(),
            evidence: vec![],
            intelligence: IntelligenceAssessment::None,
            decision: EnforcementDecision::accept(rec),
            officer_id: "PC".into(),
            officer_name: "PC".into(),
            recorded_at: day.and_hms_opt(13, 0, 0).unwrap(),
            corrects: corrects.map(str::to_string),
        }
    }

    #[test]
    fn counts_earlier_occasions_not_corrections_or_the_same_day() {
        let c = cond(true);
        let history = [
            earlier(ymd(2026, 3, 1), None),
            earlier(ymd(2026, 3, 1), None),
            earlier(ymd(2026, 3, 1), Some("BR-2026-03-01")),
            earlier(ymd(2026, 6, 1), None),
            earlier(ymd(2026, 11, 24), None),
        ];
        let f = gather_facts(
            &on_licence(),
            &[&c],
            &history,
            ymd(2026, 11, 24),
            IntelligenceAssessment::None,
        );
        assert_eq!(f.earlier_breaches, 2);
        assert!(f.on_licence && f.condition_mirrored);
        assert_eq!(recommend(f).level, EnforcementLevel::RequestRecall);
    }

    #[test]
    fn licence_status_is_judged_on_the_day_of_the_breach() {
        let c = cond(true);
        let history = [earlier(ymd(2026, 6, 1), None)];
        let f = gather_facts(
            &on_licence(),
            &[&c],
            &history,
            ymd(2027, 1, 1),
            IntelligenceAssessment::None,
        );
        assert!(!f.on_licence);
        assert_eq!(recommend(f).level, EnforcementLevel::InterviewAndCaution);
    }

    #[test]
    fn any_mirrored_condition_among_those_breached_counts() {
        let a = cond(false);
        let b = cond(true);
        let f = gather_facts(
            &on_licence(),
            &[&a, &b],
            &[],
            ymd(2026, 6, 1),
            IntelligenceAssessment::None,
        );
        assert!(f.condition_mirrored);
        let f = gather_facts(
            &on_licence(),
            &[&a],
            &[],
            ymd(2026, 6, 1),
            IntelligenceAssessment::None,
        );
        assert!(!f.condition_mirrored);
    }
}
