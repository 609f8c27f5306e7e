//! Where a recall referral stands once made: its status updates, the outcome it awaits, the
//! cohort file it survives in and the history entries it shows as.

use chrono::Duration;

use super::tests::{answers, cohort, making, today};
use super::*;
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::referral::*;
use crate::domain::timeline::referral::timeline_entry;
use crate::domain::timeline::Opens;

fn with_referral() -> Cohort {
    let mut c = cohort();
    let r = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).expect("referral");
    c.add(r);
    c
}

#[test]
fn a_status_is_dated_from_the_referral_to_today() {
    let c = with_referral();
    let mut by = making("S1");
    by.at += Duration::days(3);
    let day = today() + Duration::days(1);
    let s = ReferralStatusUpdate::make(&c, "R1", "recall_decided", Ok(day), by).expect("status");
    assert_eq!(s.status, ReferralStatus::RecallDecided);
    assert_eq!((s.nominal_id.as_str(), s.on), ("N-0002", day));
    let before = ReferralStatusUpdate::make(
        &c,
        "R1",
        "recall_decided",
        Ok(today() - Duration::days(1)),
        making("S2"),
    )
    .unwrap_err();
    assert!(before[0].message.contains("on or after 24 Nov 2026"));
    let future =
        ReferralStatusUpdate::make(&c, "R1", "not_recalled", Ok(day), making("S3")).unwrap_err();
    assert_eq!(future[0].field, "on");
    let both = ReferralStatusUpdate::make(&c, "R1", "", Err("Enter the date".into()), making("S4"))
        .unwrap_err();
    assert_eq!(
        both.iter().map(|p| p.field).collect::<Vec<_>>(),
        vec!["status", "on"]
    );
    assert!(
        ReferralStatusUpdate::make(&c, "nope", "not_recalled", Ok(today()), making("S5")).is_err()
    );
}

#[test]
fn a_referral_awaits_an_outcome_until_a_final_status() {
    let mut c = with_referral();
    assert_eq!(current_status(&c, "R1"), ReferralStatus::Made);
    assert_eq!(awaiting_outcome(&c).len(), 1);
    let s = ReferralStatusUpdate::make(&c, "R1", "sent_to_probation", Ok(today()), making("S1"))
        .expect("status");
    c.add(s);
    assert_eq!(awaiting_outcome(&c).len(), 1);
    let s = ReferralStatusUpdate::make(&c, "R1", "returned_to_custody", Ok(today()), making("S2"))
        .expect("status");
    c.add(s);
    assert_eq!(current_status(&c, "R1"), ReferralStatus::ReturnedToCustody);
    assert!(awaiting_outcome(&c).is_empty());
    assert_eq!(statuses_of(&c, "R1").len(), 2);
}

#[test]
fn referrals_survive_the_cohort_file_and_bad_ones_are_refused() {
    let mut c = with_referral();
    let s = ReferralStatusUpdate::make(&c, "R1", "not_recalled", Ok(today()), making("S1"))
        .expect("status");
    c.add(s);
    let back = Cohort::from_json(&c.to_json()).expect("valid");
    assert_eq!(back.recall_referrals, c.recall_referrals);
    assert_eq!(back.referral_statuses, c.referral_statuses);

    let mut bad = c.clone();
    bad.recall_referrals[0].breach_report_id = "BR-0001-1".into();
    bad.referral_statuses[0].on = today() - Duration::days(2);
    bad.referral_statuses.push(bad.referral_statuses[0].clone());
    bad.recall_referrals[0].arrest_issues = "x".repeat(10_001);
    let err = Cohort::from_json(&bad.to_json()).unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"recall_referrals[0].breach_report_id"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"recall_referrals[0].arrest_issues"),
        "{paths:?}"
    );
    assert!(paths.contains(&"referral_statuses[0].on"), "{paths:?}");
    assert!(paths.contains(&"referral_statuses[1].id"), "{paths:?}");

    let mut bad_email = c.clone();
    if let CustodyStatus::OnLicence { probation, .. } = &mut bad_email.nominals[1].custody {
        probation.email = Some("nobody".into());
    }
    let err = Cohort::from_json(&bad_email.to_json()).unwrap_err();
    assert_eq!(err.problems[0].path, "nominals[1].custody.probation.email");

    let mut unknown = c;
    unknown.referral_statuses[0].referral_id = "R9".into();
    let err = Cohort::from_json(&unknown.to_json()).unwrap_err();
    assert_eq!(err.problems[0].path, "referral_statuses[0].referral_id");
}

#[test]
fn codes_round_trip() {
    for s in ReferralStatus::ALL {
        assert_eq!(ReferralStatus::from_code(s.code()), Some(s));
    }
    for c in CustodyNow::ALL {
        assert_eq!(CustodyNow::from_code(c.code()), Some(c));
    }
    assert_eq!(
        serde_json::to_value(ReferralStatus::ReturnedToCustody).expect("json"),
        serde_json::json!("returned_to_custody")
    );
}

#[test]
fn the_referral_and_its_statuses_show_on_the_history_without_the_sensitive_section() {
    let mut c = with_referral();
    let s = ReferralStatusUpdate::make(&c, "R1", "recall_decided", Ok(today()), making("S1"))
        .expect("status");
    c.add(s);
    let t = c.timeline("N-0002", today());
    let titles: Vec<&str> = t.iter().map(|e| e.title.as_str()).collect();
    assert!(
        titles.contains(&"Recall referral to probation"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Recall referral status: Recall decided"),
        "{titles:?}"
    );
    let referral = t.iter().find(|e| e.id == "R1").expect("entry");
    assert!(referral.facts.iter().all(|(_, v)| !v.contains("abscond")));
    // Both open the referral's page.
    let status = t.iter().find(|e| e.id == "S1").expect("status entry");
    for e in [referral, status] {
        assert_eq!(e.opens, Some(Opens::Referral("R1".into())), "{}", e.title);
    }
}

#[test]
fn a_new_referral_is_made_not_sent_until_the_officer_records_sending_it() {
    let mut c = with_referral();
    // Nothing is sent when the referral is made: it says so, on its page and on the history.
    assert_eq!(current_status(&c, "R1"), ReferralStatus::Made);
    assert_eq!(current_status(&c, "R1").label(), "Made: not sent yet");
    assert!(!current_status(&c, "R1").is_outcome());
    let entry = timeline_entry(&c.recall_referrals[0]);
    assert_eq!(
        entry.tag.as_ref().map(|t| t.0.as_str()),
        Some("Made: not sent yet")
    );
    // "Sent to probation" is an update the officer records (the form offers it), "made" is not.
    assert!(ReferralStatus::ALL.contains(&ReferralStatus::SentToProbation));
    assert!(!ReferralStatus::ALL.contains(&ReferralStatus::Made));
    assert!(ReferralStatusUpdate::make(&c, "R1", "made", Ok(today()), making("S0")).is_err());
    let s = ReferralStatusUpdate::make(&c, "R1", "sent_to_probation", Ok(today()), making("S1"))
        .expect("status");
    c.add(s);
    assert_eq!(current_status(&c, "R1").label(), "Sent to probation");
    assert_eq!(awaiting_outcome(&c).len(), 1);
    // A status update read from a file may not say "made" either.
    assert!(serde_json::from_value::<ReferralStatus>(serde_json::json!("made")).is_err());
}
