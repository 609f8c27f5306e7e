use chrono::NaiveDate;

use super::*;
use crate::domain::breach::decision::figures_decision;
use crate::domain::breach::report::EnforcementLevel;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::common::form::FieldProblem;
use crate::domain::forms::referral_form::*;
use crate::domain::people::nominal::{CustodyStatus, OfficerRef};
use crate::domain::referral::*;
use crate::domain::time::dates::ymd;

const TODAY: (i32, u32, u32) = (2026, 11, 24);

pub(super) fn today() -> NaiveDate {
    ymd(TODAY.0, TODAY.1, TODAY.2)
}

fn officer() -> OfficerRef {
    OfficerRef {
        id: "PC-1".into(),
        name: "PC Referral".into(),
    }
}

/// The demo cohort with a second breach by N-0002 (of a mirrored condition) whose chosen level
/// is request to recall.
pub(super) fn cohort() -> Cohort {
    let mut c = demo_cohort(today());
    let mut second = c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-1")
        .cloned()
        .expect("demo breach");
    second.id = "BR-0002-2".into();
    second.reference.clear();
    second.occurred_at = today().and_hms_opt(10, 0, 0).expect("time");
    second.recorded_at = second.occurred_at;
    second.what_was_seen = "Second undeclared phone in the car.".into();
    second.decision.chosen = EnforcementLevel::RequestRecall;
    c.breach_reports.push(second);
    c
}

pub(super) fn answers() -> ReferralAnswers {
    ReferralAnswers {
        custody_now: "no".into(),
        arrest_issues: "Dog at the address".into(),
        contact_name: "PC Referral".into(),
        contact_email: "pc.referral@example.org".into(),
        contact_phone: "07700 900123".into(),
        last_address: "1 Example Street".into(),
        other_addresses: String::new(),
        contraband_risk: "Phones".into(),
        charged: "no".into(),
        charge_details: String::new(),
        circumstances: "On 24 Nov 2026 a phone was found.".into(),
        earlier_breaches: "One".into(),
        not_for_disclosure: "Source says he plans to abscond.".into(),
    }
}

pub(super) fn making(id: &str) -> Making<'static> {
    static OFFICER: std::sync::OnceLock<OfficerRef> = std::sync::OnceLock::new();
    Making {
        id: id.into(),
        officer: OFFICER.get_or_init(officer),
        at: today().and_hms_opt(12, 0, 0).expect("time"),
    }
}

fn fields(p: &[FieldProblem<ReferralField>]) -> Vec<ReferralField> {
    p.iter().map(|f| f.field).collect()
}

#[test]
fn a_referral_is_made_only_when_the_level_is_request_recall() {
    let c = cohort();
    // The first demo breach: the officer chose another level.
    let err = RecallReferral::make(&c, "BR-0002-1", &answers(), making("R1")).unwrap_err();
    assert_eq!(fields(&err), vec![ReferralField::CustodyNow]);
    assert!(err[0]
        .message
        .contains("only when the enforcement level is"));
    assert!(err[0].message.contains("Request to HMPPS to recall"));
    let r = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).expect("referral");
    assert_eq!(r.nominal_id, "N-0002");
    assert_eq!(r.breach_report_id, "BR-0002-2");
    assert!(may_refer(&c, "nope", today()).is_err());
}

#[test]
fn one_breach_report_gets_one_referral() {
    let mut c = cohort();
    let first = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).expect("referral");
    let made_on = crate::domain::time::dates::format_date(first.made_at.date());
    c.add(first);
    let err = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R2")).unwrap_err();
    assert_eq!(fields(&err), vec![ReferralField::CustodyNow]);
    assert_eq!(
        err[0].message,
        format!("A recall referral was already made for this breach report on {made_on} (R1). Update where it stands on the referral's page.")
    );
    // The report still stands at request to recall: its status is updated, not referred again.
    assert!(may_refer(&c, "BR-0002-2", today()).is_ok());
    assert!(may_make_referral(&c, "BR-0002-2", today()).is_err());
}

#[test]
fn the_ds_decision_stands_over_the_officers_level() {
    let mut c = cohort();
    let at = today().and_hms_opt(11, 0, 0).expect("time");
    c.breach_decisions.push(figures_decision(
        "D1",
        "BR-0002-2",
        DecisionLevel::Charge,
        false,
        at,
    ));
    let err = may_refer(&c, "BR-0002-2", today()).unwrap_err();
    assert!(err.contains("Investigate and charge (s.25)"));
    // And a DS may decide on recall where the officer chose otherwise.
    c.breach_decisions.push(figures_decision(
        "D2",
        "BR-0002-1",
        DecisionLevel::RequestRecall,
        false,
        at,
    ));
    assert!(may_refer(&c, "BR-0002-1", today()).is_ok());
}

#[test]
fn every_problem_is_listed_in_page_order() {
    let c = cohort();
    let blank = ReferralAnswers::default();
    let err = RecallReferral::make(&c, "BR-0002-2", &blank, making("R1")).unwrap_err();
    use ReferralField as F;
    assert_eq!(
        fields(&err),
        vec![
            F::CustodyNow,
            F::ArrestIssues,
            F::ContactName,
            F::ContactEmail,
            F::ContactPhone,
            F::LastAddress,
            F::ContrabandRisk,
            F::Charged,
            F::Circumstances,
            F::EarlierBreaches,
        ]
    );
    let mut a = answers();
    a.charged = "yes".into();
    a.contact_email = "not an email".into();
    a.not_for_disclosure = "x".repeat(5_001);
    let err = RecallReferral::make(&c, "BR-0002-2", &a, making("R1")).unwrap_err();
    assert_eq!(
        fields(&err),
        vec![F::ContactEmail, F::ChargeDetails, F::NotForDisclosure]
    );
    assert!(err[0].message.contains("correct format"));
}

#[test]
fn email_shape() {
    for ok in ["a@example.org", " a.b@x.example.org "] {
        assert!(email_shape_ok(ok), "{ok}");
    }
    for bad in [
        "",
        "a",
        "a@",
        "@x.org",
        "a@x",
        "a@@x.org",
        "a b@x.org",
        "a@x..org",
    ] {
        assert!(!email_shape_ok(bad), "{bad}");
    }
}

#[test]
fn the_referral_copies_provisions_word_for_word_with_mirrored_flags_and_the_probation_contact() {
    let c = cohort();
    let mut a = answers();
    a.charged = "yes".into();
    a.charge_details = "  Possession with intent, charged 20 Nov 2026 ".into();
    let r = RecallReferral::make(&c, "BR-0002-2", &a, making("R1")).expect("referral");
    let cond = c.condition("C-0002-05").expect("condition");
    assert_eq!(r.provisions.len(), 1);
    assert_eq!(r.provisions[0].verbatim, cond.verbatim);
    assert_eq!(
        r.provisions[0].mirrored_in_licence,
        cond.mirrored_in_licence
    );
    assert!(r.provisions[0].mirrored_in_licence);
    assert_eq!(
        r.charge_details,
        "Possession with intent, charged 20 Nov 2026"
    );
    assert!(r.fixed_term_note().is_some());
    let nominal = c.nominal("N-0002").expect("nominal");
    match &nominal.custody {
        CustodyStatus::OnLicence { probation, .. } => {
            assert_eq!(r.probation_contact.as_ref(), Some(probation))
        }
        other => panic!("demo N-0002 is on licence, not {other:?}"),
    }
    assert_eq!(r.not_for_disclosure, "Source says he plans to abscond.");
    // Not charged: details are not kept.
    a.charged = "no".into();
    let r = RecallReferral::make(&c, "BR-0002-2", &a, making("R1")).expect("referral");
    assert_eq!(r.charge_details, "");
    assert!(r.fixed_term_note().is_none());
}

#[test]
fn prefill_takes_what_the_cohort_knows() {
    let c = cohort();
    let report = c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-2")
        .expect("report");
    let a = prefill(&c, report, &officer());
    assert_eq!(a.contact_name, "PC Referral");
    assert_eq!(
        Some(a.last_address.clone()),
        c.nominal("N-0002")
            .and_then(|n| n.address.clone())
            .or(Some(String::new()))
    );
    assert!(a
        .circumstances
        .starts_with("On 24 Nov 2026 at Home address"));
    assert!(a
        .earlier_breaches
        .contains("Undeclared second mobile phone"));
    assert!(a
        .earlier_breaches
        .contains("officer chose: Interview and caution"));
    // The first breach has none before it.
    let first = c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-1")
        .expect("report");
    assert_eq!(earlier_breaches(&c, first), "No earlier breaches recorded.");
}

#[test]
fn a_nominal_with_no_probation_contact_on_record_gives_a_referral_without_one() {
    let mut c = cohort();
    let n = c
        .nominals
        .iter_mut()
        .find(|n| n.id == "N-0002")
        .expect("nominal");
    let CustodyStatus::OnLicence { released_on, .. } = n.custody.clone() else {
        panic!("demo N-0002 is on licence");
    };
    n.custody = CustodyStatus::LicenceEnded {
        released_on,
        licence_ended: today(),
        recall: None,
    };
    let r = RecallReferral::make(&c, "BR-0002-2", &answers(), making("R1")).expect("referral");
    assert_eq!(r.probation_contact, None);
    // Written and read back without it (the field is optional in the file too).
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["probation_contact"], serde_json::Value::Null);
    let back: RecallReferral =
        crate::domain::common::json::read(&json).expect("the referral reads back");
    assert_eq!(back, r);
}
