//! The recall figure once referrals are recorded.

use super::*;

#[test]
fn a_recall_waits_until_its_referral_has_an_outcome() {
    use crate::domain::forms::referral_form::Making;
    use crate::domain::referral::answers::ReferralAnswers;
    use crate::domain::referral::record::{RecallReferral, ReferralStatusUpdate};
    let mut c = demo_cohort(today());
    let day = today() - Days::new(3);
    let recall = decision("D-1", "BR-0002-1", DecisionLevel::RequestRecall, false, day);
    c.breach_decisions.push(recall.clone());
    let d = board(&c, std::slice::from_ref(&recall), &[]);
    let items = d.list(Figure::RecallsAwaitingOutcome, Scope::Unit);
    assert!(
        items[0]
            .detail
            .contains("no referral to probation made yet"),
        "{}",
        items[0].detail
    );
    let officer = c.officer.clone();
    let at = (today() - Days::new(1)).and_hms_opt(9, 0, 0).expect("time");
    let a = ReferralAnswers {
        custody_now: "no".into(),
        arrest_issues: "None known".into(),
        contact_name: "PC".into(),
        contact_email: "pc@example.org".into(),
        contact_phone: "07700 900001".into(),
        last_address: "1 Example Street".into(),
        contraband_risk: "None known".into(),
        charged: "no".into(),
        circumstances: "A phone.".into(),
        earlier_breaches: "None".into(),
        ..ReferralAnswers::default()
    };
    let by = |id: &str| Making {
        id: id.into(),
        officer: &officer,
        at,
    };
    let r = RecallReferral::make(&c, "BR-0002-1", &a, by("RR-1")).expect("referral");
    c.add(r);
    let d = board(&c, std::slice::from_ref(&recall), &[]);
    let items = d.list(Figure::RecallsAwaitingOutcome, Scope::Unit);
    assert_eq!(items.len(), 1);
    assert!(
        items[0]
            .detail
            .starts_with("Referral made 23 Nov 2026; not sent to probation yet ("),
        "{}",
        items[0].detail
    );
    assert_eq!(items[0].on, at.date());
    // Sent: still awaiting an outcome, and it says so.
    let s = ReferralStatusUpdate::make(&c, "RR-1", "sent_to_probation", Ok(at.date()), by("RS-0"))
        .expect("status");
    c.add(s);
    let d = board(&c, std::slice::from_ref(&recall), &[]);
    let items = d.list(Figure::RecallsAwaitingOutcome, Scope::Unit);
    assert_eq!(items.len(), 1);
    assert!(
        items[0]
            .detail
            .starts_with("Referral made 23 Nov 2026; sent to probation, no outcome yet ("),
        "{}",
        items[0].detail
    );
    let s = ReferralStatusUpdate::make(&c, "RR-1", "not_recalled", Ok(at.date()), by("RS-1"))
        .expect("status");
    c.add(s);
    let d = board(&c, &[recall], &[]);
    assert!(ids(&d, Figure::RecallsAwaitingOutcome).is_empty());
}
