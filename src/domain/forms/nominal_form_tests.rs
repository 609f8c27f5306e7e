use super::*;
use crate::domain::common::id::is_id;
use crate::domain::people::nominal::RiskRating;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn om() -> OfficerRef {
    OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo".into(),
    }
}

/// A whole set of answers for someone on licence.
fn full() -> FormAnswers {
    let pairs = [
        ("given_name", " Testy "),
        ("family_name", "Example"),
        ("aliases", "Tex\nT"),
        ("dob-day", "29"),
        ("dob-month", "2"),
        ("dob-year", "1988"),
        ("risk", "high"),
        ("reviewed-day", "1"),
        ("reviewed-month", "10"),
        ("reviewed-year", "2026"),
        ("address", "1 Example Street"),
        ("phone", ""),
        ("custody", "on_licence"),
        ("released-day", "24"),
        ("released-month", "11"),
        ("released-year", "2026"),
        ("licence_ends-day", "23"),
        ("licence_ends-month", "11"),
        ("licence_ends-year", "2027"),
        ("probation_name", "PP Sample"),
        ("probation_phone", ""),
        ("probation_email", "pp@example.org"),
    ];
    FormAnswers::from_pairs(pairs.map(|(k, v)| (k.to_string(), v.to_string())))
}

#[test]
fn the_answers_make_the_nominal_with_its_custody() {
    let n = new_nominal(&full(), "N-1A2B3C4D", om(), today()).unwrap();
    assert_eq!(n.given_name, "Testy");
    assert_eq!(n.aliases, vec!["Tex", "T"]);
    assert_eq!(n.date_of_birth, ymd(1988, 2, 29));
    assert_eq!(n.risk, RiskRating::High);
    assert_eq!(n.address.as_deref(), Some("1 Example Street"));
    assert_eq!(n.phone, None);
    assert_eq!(n.offender_manager, om());
    assert_eq!(
        n.custody,
        CustodyStatus::OnLicence {
            released_on: ymd(2026, 11, 24),
            licence_ends: ymd(2027, 11, 23),
            probation: ProbationContact {
                name: "PP Sample".into(),
                phone: None,
                email: Some("pp@example.org".into()),
            },
            recall: None,
        }
    );
}

#[test]
fn each_custody_asks_its_own_dates() {
    let mut a = full();
    a.set("custody", "in_custody");
    let p = new_nominal(&a, "N-1", om(), today()).unwrap_err();
    assert_eq!(p[0].field, "expected-day");
    a.set_date("expected", Some(ymd(2027, 3, 1)));
    let n = new_nominal(&a, "N-1", om(), today()).unwrap();
    assert_eq!(
        n.custody,
        CustodyStatus::InCustody {
            expected_release: ymd(2027, 3, 1),
            recall: None,
        }
    );
    a.set("custody", "licence_ended");
    a.set_date("ended", Some(ymd(2026, 11, 30)));
    let n = new_nominal(&a, "N-1", om(), today()).unwrap();
    assert!(matches!(n.custody, CustodyStatus::LicenceEnded { .. }));
    a.set("custody", "in_community");
    assert_eq!(
        check_step("custody-dates", &a, today())[0].field,
        "since-day"
    );
    a.set("custody", "somewhere");
    assert_eq!(check_step("custody", &a, today())[0].field, "custody");
}

#[test]
fn under_18_today_is_refused_at_the_date_of_birth() {
    let mut a = full();
    a.set_date("dob", Some(ymd(2008, 11, 25)));
    let p = check_step("dob", &a, today());
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field, "dob-day");
    assert!(p[0].message.contains("18 or over"));
    assert!(new_nominal(&a, "N-1", om(), today()).is_err());
    a.set_date("dob", Some(ymd(2008, 11, 24)));
    assert!(check_step("dob", &a, today()).is_empty());
}

#[test]
fn missing_answers_are_each_named_at_their_field() {
    let p = new_nominal(&FormAnswers::default(), "N-1", om(), today()).unwrap_err();
    let fields: Vec<&str> = p.iter().map(|x| x.field).collect();
    assert_eq!(
        fields,
        [
            "given_name",
            "family_name",
            "dob-day",
            "risk",
            "reviewed-day",
            "custody",
            "custody"
        ]
    );
}

#[test]
fn the_cohort_checks_judge_the_whole_nominal_at_its_fields() {
    let mut a = full();
    // A licence that ends before the release, and a release before birth.
    a.set_date("licence_ends", Some(ymd(2026, 1, 1)));
    let p = new_nominal(&a, "N-1", om(), today()).unwrap_err();
    assert_eq!(p[0].field, "licence_ends-day");
    assert_eq!(p[0].message, "Is before the release date");
    let mut a = full();
    a.set("given_name", "x".repeat(201));
    let p = new_nominal(&a, "N-1", om(), today()).unwrap_err();
    assert_eq!(p[0].field, "given_name");
}

#[test]
fn the_pages_go_in_order_and_the_manager_is_asked_only_of_the_whole_unit() {
    assert_eq!(next_step("name", true), "dob");
    assert_eq!(next_step("custody-dates", true), "manager");
    assert_eq!(next_step("custody-dates", false), "check");
    assert_eq!(next_step("manager", true), "check");
    assert_eq!(step_of("licence_ends-day"), "custody-dates");
    assert_eq!(step_of("dob-day"), "dob");
    let a = full();
    assert_eq!(
        fields_of("custody-dates", &a).len(),
        9,
        "release, licence end, probation contact"
    );
    assert_eq!(fields_of("risk", &a)[0], "risk");
}

#[test]
fn a_new_id_is_in_the_id_grammar_and_names_no_one() {
    let id = new_nominal_id([0x1a, 0x2b, 0x00, 0xff]);
    assert_eq!(id, "N-1A2B00FF");
    assert!(is_id(&id));
}
