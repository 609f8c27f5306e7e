use super::*;
use crate::domain::time::dates::ymd;
use IntelligenceAssessment as Intel;

/// Facts for a breach on 1 Jun 2026 judged the same day; `earlier` occasions a month apart
/// before it.
fn facts(on_licence: bool, mirrored: bool, earlier: u32, intel: Intel) -> BreachFacts {
    let occurred_on = ymd(2026, 6, 1);
    BreachFacts {
        occurred_on,
        decided_on: occurred_on,
        licence_on_breach_day: on_licence,
        licence_on_decision_day: on_licence,
        condition_mirrored: mirrored,
        earlier_occasions: (1..=earlier)
            .map(|i| ymd(2026, 5, 1) - chrono::Days::new(u64::from(i) * 30))
            .rev()
            .collect(),
        earlier_order_breaches: 0,
        intelligence: intel,
        ..BreachFacts::default()
    }
}

fn texts(r: &Recommendation) -> Vec<String> {
    r.reasons.iter().map(|r| r.0.clone()).collect()
}

#[test]
fn simple_first_breach_is_interview_and_caution() {
    let r = recommend(&facts(false, false, 0, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    let text = texts(&r);
    assert!(text.iter().any(|t| t.contains("No intelligence")));
    assert!(text.iter().any(|t| t.contains("not on licence")));
    assert!(text.iter().any(|t| t.contains("admission")));
}

#[test]
fn second_breach_of_mirrored_condition_on_licence_is_recall() {
    let r = recommend(&facts(true, true, 1, Intel::None));
    assert_eq!(r.level, EnforcementLevel::RequestRecall);
    assert!(r.reasons.iter().any(|r| r.0.contains("2 occasions")));
    assert!(r.reasons.iter().any(|r| r.0.contains("mirrored")));
}

#[test]
fn first_breach_on_licence_of_mirrored_condition_is_not_yet_recall() {
    let r = recommend(&facts(true, true, 0, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("first breach")));
}

#[test]
fn repeated_breach_of_unmirrored_condition_on_licence_is_not_recall() {
    let r = recommend(&facts(true, false, 3, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("not mirrored")));
}

#[test]
fn repeated_breach_off_licence_is_not_recall() {
    let r = recommend(&facts(false, true, 2, Intel::None));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
}

#[test]
fn supporting_intelligence_means_proactive_referral_over_recall() {
    let r = recommend(&facts(true, true, 2, Intel::Supports));
    assert_eq!(r.level, EnforcementLevel::ProactiveReferral);
    assert!(r.reasons.iter().any(|r| r.0.contains("precedence")));
    let r = recommend(&facts(false, false, 0, Intel::Supports));
    assert_eq!(r.level, EnforcementLevel::ProactiveReferral);
    assert!(!r.reasons.iter().any(|r| r.0.contains("precedence")));
}

#[test]
fn intelligence_that_only_suggests_does_not_trigger_referral() {
    let r = recommend(&facts(false, false, 0, Intel::Suggests));
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    assert!(r.reasons.iter().any(|r| r.0.contains("researcher")));
}

#[test]
fn recall_with_intelligence_that_suggests_keeps_the_advice_to_tell_the_researcher() {
    let r = recommend(&facts(true, true, 1, Intel::Suggests));
    assert_eq!(r.level, EnforcementLevel::RequestRecall);
    assert!(r.reasons.iter().any(|r| r.0.contains("researcher")));
    let r = recommend(&facts(true, true, 1, Intel::None));
    assert!(!r.reasons.iter().any(|r| r.0.contains("researcher")));
}

#[test]
fn recall_needs_the_licence_in_force_on_the_breach_day_and_on_the_decision_day() {
    let both = facts(true, true, 1, Intel::None);
    assert_eq!(recommend(&both).level, EnforcementLevel::RequestRecall);

    // On licence at the time, but the licence has since expired: it cannot be revoked.
    let expired = BreachFacts {
        licence_on_decision_day: false,
        decided_on: ymd(2026, 9, 1),
        ..both.clone()
    };
    let r = recommend(&expired);
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    let text = texts(&r);
    assert!(
        text.contains(&"Recall is not open: the licence is not in force today, 1 Sep 2026 (an expired licence cannot be revoked).".to_string()),
        "{text:?}"
    );
    assert!(!text.iter().any(|t| t.contains("day of the breach")));

    // On licence now, but not on the day of the breach.
    let before = BreachFacts {
        licence_on_breach_day: false,
        ..both
    };
    let r = recommend(&before);
    assert_eq!(r.level, EnforcementLevel::InterviewAndCaution);
    let text = texts(&r);
    assert!(
        text.contains(&"Recall is not open: the nominal was not on licence on the day of the breach, 1 Jun 2026.".to_string()),
        "{text:?}"
    );
    assert!(!text.iter().any(|t| t.contains("not in force today")));
}

#[test]
fn a_first_breach_on_the_caution_path_says_nothing_of_charge_for_repeats() {
    let r = recommend(&facts(false, false, 0, Intel::None));
    assert!(!texts(&r).iter().any(|t| t.contains("s.17(4)")));
}

#[test]
fn override_needs_a_reason_and_keeps_both() {
    let rec = recommend(&facts(false, false, 0, Intel::None));
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

pub(crate) mod gathering {
    use super::super::*;
    use crate::domain::order::condition::Condition;
    use crate::domain::order::condition::ProvisionFamily;
    use crate::domain::people::nominal::CustodyStatus;
    use crate::domain::people::nominal::ProbationContact;
    use crate::domain::time::dates::ymd;
    use chrono::NaiveDate;

    /// On licence for 2026.
    pub(crate) fn on_licence() -> CustodyStatus {
        CustodyStatus::OnLicence {
            released_on: ymd(2026, 1, 1),
            licence_ends: ymd(2026, 12, 31),
            probation: ProbationContact {
                name: "PP".into(),
                phone: None,
                email: None,
            },
            recall: None,
        }
    }

    /// A provision of order O-1.
    pub(crate) fn cond(mirrored: bool) -> Condition {
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

    fn report(id: &str, day: NaiveDate, corrects: Option<&str>) -> BreachReport {
        let rec = recommend(&BreachFacts {
            occurred_on: day,
            decided_on: day,
            licence_on_breach_day: true,
            licence_on_decision_day: true,
            condition_mirrored: true,
            earlier_occasions: vec![],
            earlier_order_breaches: 0,
            intelligence: IntelligenceAssessment::None,
            ..BreachFacts::default()
        });
        BreachReport {
            id: id.into(),
            reference: String::new(),
            date_only: false,
            nominal_id: "N-1".into(),
            order_id: "O-1".into(),
            condition_ids: vec!["C-1".into()],
            occurred_at: day.and_hms_opt(12, 0, 0).unwrap(),
            location: "x".into(),
            what_was_seen: "x".into(),
            explanation: None,
            evidence: vec![],
            admission: Admission::NotAskedYet,
            caution_bar_stated: false,
            intelligence: IntelligenceAssessment::None,
            decision: EnforcementDecision::accept(rec),
            officer_id: "PC".into(),
            officer_name: "PC".into(),
            recorded_at: day.and_hms_opt(13, 0, 0).unwrap(),
            corrects: corrects.map(str::to_string),
        }
    }

    fn earlier(day: NaiveDate, corrects: Option<&str>) -> BreachReport {
        report(&format!("BR-{day}"), day, corrects)
    }

    fn gather(history: &[BreachReport], on: NaiveDate, today: NaiveDate) -> BreachFacts {
        gather_facts(
            &on_licence(),
            "O-1",
            &[&cond(true)],
            History {
                reports: history,
                ..History::default()
            },
            on,
            today,
            Said::intelligence(IntelligenceAssessment::None),
        )
    }

    #[test]
    fn one_occasion_is_one_calendar_day_and_a_correction_is_not_another() {
        let history = [
            earlier(ymd(2026, 3, 1), None),
            report("BR-other-same-day", ymd(2026, 3, 1), None),
            report("BR-fix", ymd(2026, 3, 1), Some("BR-2026-03-01")),
            earlier(ymd(2026, 6, 1), None),
            earlier(ymd(2026, 11, 24), None),
        ];
        let f = gather(&history, ymd(2026, 11, 24), ymd(2026, 11, 24));
        assert_eq!(f.earlier_occasions, vec![ymd(2026, 3, 1), ymd(2026, 6, 1)]);
        assert!(f.licence_on_breach_day && f.condition_mirrored);
        assert_eq!(recommend(&f).level, EnforcementLevel::RequestRecall);
    }

    #[test]
    fn a_correction_that_moves_the_date_counts_at_the_corrected_date() {
        let original = earlier(ymd(2026, 3, 1), None);
        // Corrected to a day after the breach being judged: no longer an earlier occasion.
        let mut moved = report("BR-fix", ymd(2026, 8, 1), Some("BR-2026-03-01"));
        moved.recorded_at = ymd(2026, 8, 2).and_hms_opt(9, 0, 0).unwrap();
        let f = gather(&[original.clone(), moved], ymd(2026, 7, 1), ymd(2026, 7, 1));
        assert!(f.earlier_occasions.is_empty());
        // Corrected to an earlier day: counts there, once.
        let mut back = report("BR-fix", ymd(2026, 2, 1), Some("BR-2026-03-01"));
        back.recorded_at = ymd(2026, 3, 2).and_hms_opt(9, 0, 0).unwrap();
        let f = gather(&[back, original], ymd(2026, 7, 1), ymd(2026, 7, 1));
        assert_eq!(f.earlier_occasions, vec![ymd(2026, 2, 1)]);
    }

    #[test]
    fn the_latest_correction_in_a_chain_stands() {
        let first = earlier(ymd(2026, 3, 1), None);
        let mut second = report("BR-2", ymd(2026, 3, 5), Some("BR-2026-03-01"));
        second.recorded_at = ymd(2026, 3, 6).and_hms_opt(9, 0, 0).unwrap();
        let mut third = report("BR-3", ymd(2026, 3, 9), Some("BR-2"));
        third.recorded_at = ymd(2026, 3, 10).and_hms_opt(9, 0, 0).unwrap();
        let all = [third, first, second];
        let standing = standing_reports(&all);
        assert_eq!(standing.len(), 1);
        assert_eq!(standing[0].id, "BR-3");
    }

    #[test]
    fn licence_status_is_judged_on_the_day_of_the_breach_and_today() {
        let history = [earlier(ymd(2026, 6, 1), None)];
        let f = gather(&history, ymd(2027, 1, 1), ymd(2027, 1, 1));
        assert!(!f.licence_on_breach_day && !f.licence_on_decision_day);
        assert_eq!(recommend(&f).level, EnforcementLevel::InterviewAndCaution);
        // A breach while on licence, judged after the licence ended.
        let f = gather(&history, ymd(2026, 12, 31), ymd(2027, 1, 1));
        assert!(f.licence_on_breach_day && !f.licence_on_decision_day);
        assert_eq!(recommend(&f).level, EnforcementLevel::InterviewAndCaution);
        // The last day of the licence is still in force.
        let f = gather(&history, ymd(2026, 12, 31), ymd(2026, 12, 31));
        assert_eq!(recommend(&f).level, EnforcementLevel::RequestRecall);
    }

    #[test]
    fn licence_follows_the_dates_whichever_custody_variant_the_file_uses() {
        let ended = CustodyStatus::LicenceEnded {
            released_on: ymd(2026, 1, 1),
            licence_ended: ymd(2026, 12, 31),
            recall: None,
        };
        let history = [earlier(ymd(2026, 6, 1), None)];
        let f = gather_facts(
            &ended,
            "O-1",
            &[&cond(true)],
            History {
                reports: &history,
                ..History::default()
            },
            ymd(2026, 9, 1),
            ymd(2026, 9, 2),
            Said::intelligence(IntelligenceAssessment::None),
        );
        assert!(f.licence_on_breach_day && f.licence_on_decision_day);
        assert_eq!(recommend(&f).level, EnforcementLevel::RequestRecall);
    }

    #[test]
    fn any_mirrored_condition_among_those_breached_counts() {
        let a = cond(false);
        let b = cond(true);
        let day = ymd(2026, 6, 1);
        let f = gather_facts(
            &on_licence(),
            "O-1",
            &[&a, &b],
            History::default(),
            day,
            day,
            Said::intelligence(IntelligenceAssessment::None),
        );
        assert!(f.condition_mirrored);
        let f = gather_facts(
            &on_licence(),
            "O-1",
            &[&a],
            History::default(),
            day,
            day,
            Said::intelligence(IntelligenceAssessment::None),
        );
        assert!(!f.condition_mirrored);
    }
}
