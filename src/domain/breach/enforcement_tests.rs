//! Charge as a recommendation (issue 19, item 3), recall only on a licence in force (item 1),
//! and what counts as an occasion, a caution on file and a breach under another order.

use super::*;
use crate::domain::breach::decision::{figures_decision, DecisionLevel};
use crate::domain::breach::report::BreachReport;
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::{Order, OrderStage};
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::people::nominal::ProbationContact;
use crate::domain::time::dates::ymd;
use chrono::NaiveDate;

use Admission as A;
use EnforcementLevel as L;
use IntelligenceAssessment as Intel;

fn texts(r: &Recommendation) -> Vec<String> {
    r.reasons.iter().map(|r| r.0.clone()).collect()
}

/// A breach on 1 Jun 2026, judged that day, not mirrored (so recall is not open), with earlier
/// occasions and what the officer said.
fn caution_path(earlier: &[NaiveDate], admission: Admission) -> BreachFacts {
    BreachFacts {
        occurred_on: ymd(2026, 6, 1),
        decided_on: ymd(2026, 6, 1),
        licence_on_breach_day: true,
        licence_on_decision_day: true,
        earlier_occasions: earlier.to_vec(),
        admission,
        ..BreachFacts::default()
    }
}

#[test]
fn earlier_breach_reports_are_counted_as_occasions_not_as_cautions() {
    let f = caution_path(&[ymd(2023, 1, 10), ymd(2025, 3, 4)], A::Admits);
    let r = recommend(&f);
    assert_eq!(r.level, L::InterviewAndCaution);
    let text = texts(&r);
    assert!(
        text.iter().any(|t| t.starts_with(
            "There have been breaches on 3 occasions under this order (earlier: 10 Jan 2023, 4 Mar 2025). Earlier breach reports are not cautions"
        )),
        "{text:?}"
    );
    assert!(!text.iter().any(|t| t.contains("s.17(4)")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("police national computer")));
}

#[test]
fn a_caution_on_file_in_the_two_years_before_bars_a_caution_and_recommends_charge() {
    let f = BreachFacts {
        cautions_on_file: vec![ymd(2025, 3, 10)],
        ..caution_path(&[ymd(2025, 3, 4)], A::Admits)
    };
    let r = recommend(&f);
    assert_eq!(r.level, L::Charge);
    assert_eq!(r.level.label(), "Investigate and charge (s.25)");
    let text = texts(&r);
    assert!(text.contains(&"Cautioned for a breach of this order in the two years before this breach (DS decision of 10 Mar 2025).".to_string()), "{text:?}");
    assert!(text.iter().any(|t| t.contains("s.17(4)–(5)")));
}

#[test]
fn a_caution_or_conviction_said_by_the_officer_bars_a_caution_too() {
    let f = BreachFacts {
        caution_bar_stated: true,
        ..caution_path(&[], A::Admits)
    };
    let r = recommend(&f);
    assert_eq!(r.level, L::Charge);
    assert!(texts(&r)
        .iter()
        .any(|t| t.starts_with("You recorded a caution or conviction")));
}

#[test]
fn no_admission_means_charge_and_not_asked_yet_keeps_caution_with_the_reason() {
    let r = recommend(&caution_path(&[], A::DoesNotAdmit));
    assert_eq!(r.level, L::Charge);
    assert!(texts(&r)
        .iter()
        .any(|t| t.starts_with("The nominal does not admit the breach")));
    let r = recommend(&caution_path(&[], A::NotAskedYet));
    assert_eq!(r.level, L::InterviewAndCaution);
    assert!(texts(&r)
        .iter()
        .any(|t| t.starts_with("Not asked yet whether the nominal admits the breach")));
}

#[test]
fn precedence_is_proactive_referral_then_recall_then_charge_then_caution() {
    let recall = BreachFacts {
        condition_mirrored: true,
        caution_bar_stated: true,
        ..caution_path(&[ymd(2026, 1, 5)], A::DoesNotAdmit)
    };
    assert_eq!(recommend(&recall).level, L::RequestRecall);
    let proactive = BreachFacts {
        intelligence: Intel::Supports,
        ..recall.clone()
    };
    assert_eq!(recommend(&proactive).level, L::ProactiveReferral);
    let charge = BreachFacts {
        condition_mirrored: false,
        ..recall
    };
    assert_eq!(recommend(&charge).level, L::Charge);
}

#[test]
fn the_licence_refusal_is_given_in_words_among_the_reasons() {
    let f = BreachFacts {
        licence_on_decision_day: false,
        licence_refusal: Some("The licence ended on 19 Nov 2026: recall is not possible".into()),
        condition_mirrored: true,
        ..caution_path(&[ymd(2026, 1, 5)], A::Admits)
    };
    let r = recommend(&f);
    assert_eq!(r.level, L::InterviewAndCaution);
    assert!(
        texts(&r).contains(&"Recall is not open: the licence ended on 19 Nov 2026.".to_string())
    );
}

mod gathered {
    use super::*;
    use crate::domain::breach::report::tests::gathering::{cond as condition, on_licence};

    fn cond() -> Condition {
        condition(true)
    }

    fn order(id: &str, from: NaiveDate, ends: NaiveDate) -> Order {
        Order {
            id: id.into(),
            nominal_id: "N-1".into(),
            court_reference: "T20250001".into(),
            court: "Crown Court at Testbury".into(),
            stage: OrderStage::Granted {
                date_granted: from,
                comes_into_force: Some(from),
                ends,
            },
            variations: vec![],
            bound: None,
        }
    }

    fn report(id: &str, order_id: &str, day: NaiveDate) -> BreachReport {
        BreachReport {
            id: id.into(),
            reference: String::new(),
            nominal_id: "N-1".into(),
            order_id: order_id.into(),
            condition_ids: vec!["C-1".into()],
            occurred_at: day.and_hms_opt(12, 0, 0).unwrap(),
            location: "x".into(),
            what_was_seen: "x".into(),
            explanation: None,
            evidence: vec![],
            admission: Admission::Admits,
            caution_bar_stated: false,
            date_only: false,
            intelligence: Intel::None,
            decision: EnforcementDecision::accept(recommend(&BreachFacts::default())),
            officer_id: "PC".into(),
            officer_name: "PC".into(),
            recorded_at: day.and_hms_opt(13, 0, 0).unwrap(),
            corrects: None,
        }
    }

    fn gather(
        custody: &CustodyStatus,
        history: History<'_>,
        on: NaiveDate,
        today: NaiveDate,
    ) -> BreachFacts {
        gather_facts(
            custody,
            "O-1",
            &[&cond()],
            history,
            on,
            today,
            Said::intelligence(Intel::None),
        )
    }

    #[test]
    fn a_second_report_of_the_same_day_is_the_same_occasion_not_the_first_breach() {
        let reports = [report("BR-1", "O-1", ymd(2026, 6, 1))];
        let history = History {
            reports: &reports,
            ..History::default()
        };
        let f = gather(&on_licence(), history, ymd(2026, 6, 1), ymd(2026, 6, 1));
        assert!(f.earlier_occasions.is_empty());
        assert_eq!(f.same_day_reports, 1);
        let text = texts(&recommend(&f));
        assert!(text.contains(&"A report was already made for a breach of this order on 1 Jun 2026: the same occasion, not an earlier one.".to_string()), "{text:?}");
        assert!(!text.iter().any(|t| t.contains("first breach")), "{text:?}");
    }

    #[test]
    fn a_breach_under_another_order_counts_only_if_that_order_ended_before_and_it_came_before() {
        let orders = [
            order("O-OLD", ymd(2019, 1, 1), ymd(2023, 12, 31)),
            order("O-2", ymd(2025, 1, 1), ymd(2029, 12, 31)),
            order("O-1", ymd(2025, 1, 1), ymd(2029, 12, 31)),
        ];
        let reports = [
            report("BR-OLD", "O-OLD", ymd(2020, 5, 1)),
            // Another order still in force: not history of an ended order.
            report("BR-2", "O-2", ymd(2026, 2, 1)),
            // Under the ended order but dated after this breach: not before it.
            report("BR-LATE", "O-OLD", ymd(2026, 7, 1)),
        ];
        let history = History {
            reports: &reports,
            orders: &orders,
            ..History::default()
        };
        let f = gather(&on_licence(), history, ymd(2026, 6, 1), ymd(2026, 8, 1));
        assert_eq!(f.earlier_order_breaches, 1);
        assert!(f.earlier_occasions.is_empty());
        assert!(texts(&recommend(&f))
            .iter()
            .any(|t| t.starts_with("1 breach under an earlier order that has ended is history")));
    }

    #[test]
    fn a_ds_decision_to_caution_counts_within_two_years_before_the_breach_only() {
        let reports = [
            report("BR-A", "O-1", ymd(2024, 5, 20)),
            report("BR-B", "O-1", ymd(2025, 9, 1)),
        ];
        let at = |d: NaiveDate| d.and_hms_opt(10, 0, 0).unwrap();
        let decisions = [
            // Decided a day more than two years before the breach on 1 Jun 2026: out.
            figures_decision(
                "D-A",
                "BR-A",
                DecisionLevel::InterviewAndCaution,
                false,
                at(ymd(2024, 5, 31)),
            ),
            // A charge is not a caution.
            figures_decision(
                "D-B",
                "BR-B",
                DecisionLevel::Charge,
                false,
                at(ymd(2025, 9, 2)),
            ),
        ];
        let history = History {
            reports: &reports,
            decisions: &decisions,
            ..History::default()
        };
        let f = gather(&on_licence(), history, ymd(2026, 6, 1), ymd(2026, 6, 1));
        assert!(f.cautions_on_file.is_empty());
        let decisions = [figures_decision(
            "D-A",
            "BR-A",
            DecisionLevel::InterviewAndCaution,
            false,
            at(ymd(2024, 6, 1)),
        )];
        let history = History {
            reports: &reports,
            decisions: &decisions,
            ..History::default()
        };
        let f = gather(&on_licence(), history, ymd(2026, 6, 1), ymd(2026, 6, 1));
        assert_eq!(f.cautions_on_file, vec![ymd(2024, 6, 1)]);
        assert!(f.caution_barred());
    }

    #[test]
    fn recall_is_refused_in_words_for_every_licence_that_is_not_in_force() {
        let ended = CustodyStatus::LicenceEnded {
            released_on: ymd(2025, 1, 1),
            licence_ended: ymd(2026, 11, 19),
            recall: None,
        };
        // Breach inside the licence, choice after it ended.
        assert_eq!(
            ended.recall_refusal(ymd(2026, 11, 1), ymd(2026, 11, 24)),
            Some("The licence ended on 19 Nov 2026: recall is not possible".into())
        );
        // Breach after it ended.
        assert_eq!(
            ended.recall_refusal(ymd(2026, 11, 20), ymd(2026, 11, 20)),
            Some("The licence ended on 19 Nov 2026: recall is not possible".into())
        );
        // Breach before the licence began.
        assert_eq!(
            on_licence().recall_refusal(ymd(2025, 12, 31), ymd(2026, 1, 2)),
            Some("The licence began on 1 Jan 2026, after the breach on 31 Dec 2025: recall is not possible".into())
        );
        // A stale "on licence" label is read by its dates.
        let stale = CustodyStatus::OnLicence {
            released_on: ymd(2025, 1, 1),
            licence_ends: ymd(2026, 11, 19),
            probation: ProbationContact {
                name: "PP".into(),
                phone: None,
                email: None,
            },
            recall: None,
        };
        assert!(stale
            .recall_refusal(ymd(2026, 11, 1), ymd(2026, 11, 24))
            .is_some());
        assert!(stale.probation_on(ymd(2026, 11, 24)).is_none());
        assert!(stale.probation_on(ymd(2026, 11, 19)).is_some());
        let never = CustodyStatus::InCommunity {
            since: ymd(2024, 3, 1),
            recall: None,
        };
        assert_eq!(
            never.recall_refusal(ymd(2026, 6, 1), ymd(2026, 6, 1)),
            Some("The nominal is in the community with no licence: recall is not possible".into())
        );
        assert!(on_licence()
            .recall_refusal(ymd(2026, 6, 1), ymd(2026, 6, 2))
            .is_none());
        let f = gather(&never, History::default(), ymd(2026, 6, 1), ymd(2026, 6, 1));
        assert!(texts(&recommend(&f)).contains(
            &"Recall is not open: the nominal is in the community with no licence.".to_string()
        ));
    }
}
