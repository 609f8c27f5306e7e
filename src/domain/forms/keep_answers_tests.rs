use super::*;
use crate::domain::time::dates::ymd;

fn answers(pairs: &[(&str, &str)]) -> FormAnswers {
    FormAnswers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

#[test]
fn a_date_is_read_from_its_three_boxes_and_its_problem_is_at_the_first() {
    let a = answers(&[("dob-day", "5"), ("dob-month", "1"), ("dob-year", "1990")]);
    let mut p = Vec::new();
    assert_eq!(
        date_answer(&a, "dob", "Enter it", "Date of birth", &mut p),
        Some(ymd(1990, 1, 5))
    );
    assert!(p.is_empty());
    let a = answers(&[("dob-day", "31"), ("dob-month", "2"), ("dob-year", "1990")]);
    assert_eq!(
        date_answer(&a, "dob", "Enter it", "Date of birth", &mut p),
        None
    );
    assert_eq!(
        p,
        vec![KeepProblem::new(
            "dob-day",
            "Date of birth must be a real date"
        )]
    );
}

#[test]
fn setting_a_date_fills_the_boxes_it_is_read_from() {
    let mut a = FormAnswers::default();
    a.set_date("agreed", Some(ymd(2026, 11, 24)));
    assert_eq!(a.date_parts("agreed"), ["24", "11", "2026"]);
    a.set_date("agreed", None);
    assert_eq!(a.date_parts("agreed"), ["", "", ""]);
}

#[test]
fn the_nominal_must_be_18_on_the_day_and_born_before_it() {
    let day = ymd(2026, 11, 24);
    assert_eq!(adult_problem(ymd(2008, 11, 24), day), None);
    let young = adult_problem(ymd(2008, 11, 25), day).unwrap();
    assert!(young.contains("18 or over on 24 Nov 2026"), "{young}");
    assert!(young.contains("makes them 17"), "{young}");
    assert_eq!(
        adult_problem(ymd(2026, 11, 25), day).as_deref(),
        Some("Date of birth must be in the past")
    );
}

#[test]
fn aliases_are_one_a_line_blank_lines_left_out() {
    let a = answers(&[("aliases", " Tex \n\n  T-Bone\r\n")]);
    assert_eq!(aliases_answer(&a), vec!["Tex", "T-Bone"]);
    assert!(aliases_answer(&FormAnswers::default()).is_empty());
}

#[test]
fn a_risk_rating_must_be_chosen_from_the_four() {
    let mut p = Vec::new();
    let a = answers(&[("risk", "very_high")]);
    assert_eq!(risk_answer(&a, &mut p), Some(RiskRating::VeryHigh));
    assert!(risk_answer(&answers(&[("risk", "extreme")]), &mut p).is_none());
    assert_eq!(p, vec![KeepProblem::new("risk", "Select the risk rating")]);
}

#[test]
fn a_cohort_problem_goes_to_the_field_that_asks_it() {
    let problems = [
        (
            "nominals[0].custody.released_on",
            "is before the date of birth",
        ),
        ("nominals[0].aliases[3]", "is too long"),
        ("nominals[0].custody.probation.name", "is too long"),
        (
            "orders[0].stage.ends",
            "an order may be in force for at most five years",
        ),
    ]
    .map(|(path, reason)| CohortProblem {
        path: path.into(),
        reason: reason.into(),
    });
    let p = at_fields(&problems, "reason");
    let fields: Vec<&str> = p.iter().map(|x| x.field).collect();
    assert_eq!(
        fields,
        ["released-day", "aliases", "probation_name", "reason"]
    );
    assert_eq!(p[0].message, "Is before the date of birth");
}

#[test]
fn a_reason_is_required_and_short() {
    let mut p = Vec::new();
    assert_eq!(
        reason_answer(&answers(&[("reason", " Moved ")]), &mut p),
        "Moved"
    );
    assert!(p.is_empty());
    reason_answer(&answers(&[("reason", "  ")]), &mut p);
    let long = "x".repeat(201);
    reason_answer(&answers(&[("reason", long.as_str())]), &mut p);
    let messages: Vec<&str> = p.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Enter the reason for the change",
            "The reason must be 200 characters or fewer"
        ]
    );
}
