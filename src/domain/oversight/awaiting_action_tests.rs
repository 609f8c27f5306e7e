use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::decision::{figures_decision, DecisionLevel};
use crate::domain::breach::report::EnforcementLevel;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::oversight::attention::Badge;
use crate::domain::referral::record::{
    CustodyNow, PoliceContact, RecallReferral, ReferralStatus, ReferralStatusUpdate,
};
use crate::domain::time::dates::ymd;
use crate::domain::Cohort;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn at(hour: u32) -> NaiveDateTime {
    today().and_hms_opt(hour, 0, 0).unwrap()
}

const N: &str = "N-0002";
const REPORT: &str = "BR-0002-1";

fn badges(c: &Cohort) -> Vec<Badge> {
    let mine: Vec<Badge> = c
        .summary(N, today(), false)
        .unwrap()
        .badges
        .into_iter()
        .filter(|b| {
            matches!(
                b,
                Badge::ReferralToMake | Badge::ReferralNotSent | Badge::ReferralAwaitingOutcome
            )
        })
        .collect();
    // The list says the same as the nominal's own summary.
    let list = c.attention_list(today(), &|_| false);
    let row = list.iter().find(|s| s.id == N).unwrap();
    for b in &mine {
        assert!(row.badges.contains(b), "{b:?} on the summary, not the list");
    }
    mine
}

fn decide(c: &mut Cohort, id: &str, level: DecisionLevel, hour: u32, replaces: Option<&str>) {
    let mut d = figures_decision(id, REPORT, level, false, at(hour));
    d.nominal_id = N.into();
    d.replaces = replaces.map(str::to_string);
    c.breach_decisions.push(d);
}

fn refer(c: &mut Cohort) {
    c.recall_referrals.push(RecallReferral {
        id: "R-1".into(),
        reference: String::new(),
        nominal_id: N.into(),
        breach_report_id: REPORT.into(),
        custody_now: CustodyNow::No,
        arrest_issues: String::new(),
        police_contact: PoliceContact {
            name: "PC Demo Officer".into(),
            email: "demo@example.org".into(),
            phone: "01632 960000".into(),
        },
        last_address: "1 Example Street".into(),
        other_addresses: String::new(),
        contraband_risk: String::new(),
        charged: false,
        charge_details: String::new(),
        provisions: vec![],
        circumstances: String::new(),
        earlier_breaches: String::new(),
        probation_contact: None,
        not_for_disclosure: String::new(),
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
        made_at: at(12),
    });
}

fn status(c: &mut Cohort, id: &str, s: ReferralStatus, day: u32) {
    c.referral_statuses.push(ReferralStatusUpdate {
        id: id.into(),
        nominal_id: N.into(),
        referral_id: "R-1".into(),
        status: s,
        on: ymd(2026, 11, day),
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
        recorded_at: at(13),
    });
}

#[test]
fn a_ds_decision_to_recall_awaits_the_referral_then_the_referral_awaits_sending_and_outcome() {
    let mut c = demo_cohort(today());
    assert_eq!(badges(&c), []);
    // The officer chose caution; the DS decides on a recall: the referral is to make.
    assert_eq!(
        c.breach_reports[0].decision.chosen,
        EnforcementLevel::InterviewAndCaution
    );
    decide(&mut c, "D-1", DecisionLevel::RequestRecall, 10, None);
    assert_eq!(badges(&c), [Badge::ReferralToMake]);
    let row = c.summary(N, today(), false).unwrap();
    assert_eq!(row.badges[0], Badge::ReferralToMake, "urgent, first");
    assert!(Badge::ReferralToMake.is_urgent());
    assert_eq!(
        Badge::ReferralToMake.label(),
        "Recall decided: make the referral"
    );
    // Made, not sent; sent, awaiting the outcome; an outcome: nothing more to do.
    refer(&mut c);
    assert_eq!(badges(&c), [Badge::ReferralNotSent]);
    assert_eq!(Badge::ReferralNotSent.label(), "Recall referral not sent");
    status(&mut c, "S-1", ReferralStatus::SentToProbation, 24);
    assert_eq!(badges(&c), [Badge::ReferralAwaitingOutcome]);
    assert!(!Badge::ReferralAwaitingOutcome.is_urgent());
    status(&mut c, "S-2", ReferralStatus::NotRecalled, 25);
    assert_eq!(badges(&c), []);
}

#[test]
fn only_the_decision_that_stands_counts_and_only_a_recall_asks_for_action() {
    let mut c = demo_cohort(today());
    decide(&mut c, "D-1", DecisionLevel::Charge, 10, None);
    assert_eq!(
        badges(&c),
        [],
        "a charge is shown on the report, not badged"
    );
    decide(&mut c, "D-2", DecisionLevel::RequestRecall, 11, Some("D-1"));
    assert_eq!(badges(&c), [Badge::ReferralToMake]);
    decide(
        &mut c,
        "D-3",
        DecisionLevel::InterviewAndCaution,
        12,
        Some("D-2"),
    );
    assert_eq!(badges(&c), [], "the recall was replaced");
    // Another nominal's decision never badges this one.
    let mut other = figures_decision(
        "D-9",
        "BR-other",
        DecisionLevel::RequestRecall,
        false,
        at(9),
    );
    other.nominal_id = "N-0004".into();
    c.breach_decisions.push(other);
    assert_eq!(badges(&c), []);
}
