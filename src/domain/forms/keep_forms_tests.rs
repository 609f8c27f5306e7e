use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::people::nominal::RiskRating;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn on_licence(c: &Cohort) -> Nominal {
    c.nominals
        .iter()
        .find(|n| matches!(n.custody, CustodyStatus::OnLicence { .. }))
        .cloned()
        .unwrap()
}

#[test]
fn the_details_form_starts_from_the_record_and_changes_only_what_is_typed() {
    let c = demo_cohort(today());
    let n = on_licence(&c);
    let mut a = details_prefill(&n);
    a.set("address", " 2 New Street ");
    a.set("aliases", "One\nTwo");
    a.set("probation_phone", "01632 960000");
    a.set("reason", "Moved house");
    let (after, reason) = apply_details(&n, &a, today()).unwrap();
    assert_eq!(reason, "Moved house");
    assert_eq!(after.address.as_deref(), Some("2 New Street"));
    assert_eq!(after.aliases, vec!["One", "Two"]);
    assert_eq!(
        after
            .custody
            .probation_on(today())
            .unwrap()
            .phone
            .as_deref(),
        Some("01632 960000")
    );
    assert_eq!(after.given_name, n.given_name);
    assert_eq!(after.date_of_birth, n.date_of_birth);
    assert_eq!(after.risk, n.risk);
}

#[test]
fn a_correction_keeps_the_nominal_18_on_the_day_their_order_was_made() {
    let c = demo_cohort(today());
    let n = &c.nominals[0];
    let made = adult_day(&c, &n.id, today());
    assert!(
        made < today(),
        "the demo's first order was made before today"
    );
    let mut a = details_prefill(n);
    a.set("reason", "Typo in the date of birth");
    let too_young = made
        .checked_sub_months(chrono::Months::new(12 * 17))
        .unwrap();
    a.set_date("dob", Some(too_young));
    let p = apply_details(n, &a, made).unwrap_err();
    assert_eq!(p[0].field, "dob-day");
    assert!(p[0].message.contains("18 or over"), "{}", p[0].message);
    assert_eq!(adult_day(&c, "N-NONE", today()), today());
}

#[test]
fn every_details_problem_is_named_and_a_reason_is_needed() {
    let c = demo_cohort(today());
    let n = on_licence(&c);
    let mut a = details_prefill(&n);
    a.set("given_name", " ");
    a.set("probation_name", "");
    a.set_date("dob", None);
    let p = apply_details(&n, &a, today()).unwrap_err();
    let fields: Vec<&str> = p.iter().map(|x| x.field).collect();
    assert_eq!(
        fields,
        ["given_name", "dob-day", "probation_name", "reason"]
    );
}

#[test]
fn a_risk_review_is_dated_between_the_last_one_and_today() {
    let c = demo_cohort(today());
    let n = &c.nominals[0];
    let mut a = risk_prefill(n);
    a.set("risk", "very_high");
    a.set_date("reviewed", Some(today()));
    let after = apply_risk(n, &a, today()).unwrap();
    assert_eq!(after.risk, RiskRating::VeryHigh);
    assert_eq!(after.risk_reviewed_on, today());
    a.set_date("reviewed", today().succ_opt());
    assert_eq!(
        apply_risk(n, &a, today()).unwrap_err()[0].field,
        "reviewed-day"
    );
    a.set_date("reviewed", n.risk_reviewed_on.pred_opt());
    let p = apply_risk(n, &a, today()).unwrap_err();
    assert!(p[0].message.contains("on or after the last review"));
}

#[test]
fn a_contact_plan_is_every_1_to_365_days_agreed_by_a_ds_on_a_day_past() {
    let mut a = plan_prefill(None);
    a.set("every_days", "14");
    a.set("agreed_by", "DS Demo Supervisor");
    a.set_date("agreed", Some(today()));
    let plan = apply_plan("N-0001", &a, today()).unwrap();
    assert_eq!(plan.every_days, 14);
    assert_eq!(plan_prefill(Some(&plan)), a);
    for bad in ["0", "366", "2.5", "x"] {
        a.set("every_days", bad);
        let p = apply_plan("N-0001", &a, today()).unwrap_err();
        assert_eq!(p[0].field, "every_days", "{bad}");
    }
    let p = apply_plan("N-0001", &FormAnswers::default(), today()).unwrap_err();
    let fields: Vec<&str> = p.iter().map(|x| x.field).collect();
    assert_eq!(fields, ["every_days", "agreed_by", "agreed-day"]);
}
