use serde_json::{json, Value};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

fn demo_value() -> Value {
    serde_json::to_value(demo_cohort(ymd(2026, 11, 24))).unwrap()
}

fn paths(text: &str) -> Vec<String> {
    Cohort::from_json(text)
        .unwrap_err()
        .problems
        .into_iter()
        .map(|p| p.path)
        .collect()
}

#[test]
fn not_json_is_one_clear_problem() {
    let err = Cohort::from_json("{ nominals: ").unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert!(err.problems[0]
        .reason
        .starts_with("this is not a JSON file"));
}

#[test]
fn wrong_format_and_future_version_are_named() {
    let mut v = demo_value();
    v["format"] = json!("something-else");
    v["version"] = json!(2);
    let err = Cohort::from_json(&v.to_string()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("format: must be \"scpo-field-cohort\""),
        "{text}"
    );
    assert!(text.contains("version 2 is not supported"), "{text}");
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let mut v = demo_value();
    v["nominals"][1]["risk"] = json!("extreme");
    v["nominals"][4]
        .as_object_mut()
        .unwrap()
        .remove("date_of_birth");
    v["orders"][2]["nominal_id"] = json!("N-9999");
    v["conditions"][0]["verbatim"] = json!("  ");
    v["contact_plans"][3]["every_days"] = json!(0);
    let p = paths(&v.to_string());
    for expected in [
        "nominals[1].risk",
        "nominals[4].date_of_birth",
        "orders[2].nominal_id",
        "conditions[0].verbatim",
        "contact_plans[3].every_days",
    ] {
        assert!(
            p.iter().any(|x| x == expected),
            "missing {expected} in {p:?}"
        );
    }
}

#[test]
fn an_order_longer_than_five_years_is_rejected_with_the_latest_lawful_end() {
    let mut v = demo_value();
    let cif = v["orders"][0]["stage"]["comes_into_force"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(cif, "2026-11-24");
    v["orders"][0]["stage"]["ends"] = json!("2031-11-24");
    let err = Cohort::from_json(&v.to_string()).unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].path, "orders[0].stage.ends");
    assert!(err.problems[0].reason.contains("23 Nov 2031"));
    v["orders"][0]["stage"]["ends"] = json!("2031-11-23");
    assert!(Cohort::from_json(&v.to_string()).is_ok());
}

#[test]
fn duplicate_ids_and_dangling_references_are_caught() {
    let mut v = demo_value();
    let dup = v["conditions"][0]["id"].clone();
    v["conditions"][1]["id"] = dup;
    v["notifications"][0]["condition_id"] = json!("C-NOPE");
    v["breach_reports"][0]["condition_ids"] = json!([]);
    let p = paths(&v.to_string());
    assert!(p.contains(&"conditions[1].id".to_string()), "{p:?}");
    assert!(
        p.contains(&"notifications[0].condition_id".to_string()),
        "{p:?}"
    );
    assert!(
        p.contains(&"breach_reports[0].condition_ids".to_string()),
        "{p:?}"
    );
}

#[test]
fn the_subject_must_be_an_adult_when_the_order_is_made() {
    let mut v = demo_value();
    v["nominals"][0]["date_of_birth"] = json!("2010-01-01");
    let p = paths(&v.to_string());
    assert!(
        p.contains(&"orders[0].stage.date_granted".to_string()),
        "{p:?}"
    );
}

#[test]
fn required_lists_must_be_present_and_optional_history_may_be_left_out() {
    let mut v = demo_value();
    let obj = v.as_object_mut().unwrap();
    obj.remove("contacts");
    obj.remove("breach_reports");
    obj.remove("notifications");
    let c = Cohort::from_json(&v.to_string()).unwrap();
    assert!(c.contacts.is_empty());
    let mut v = demo_value();
    v.as_object_mut().unwrap().remove("conditions");
    let p = paths(&v.to_string());
    assert_eq!(p[0], "conditions");
    // Records that pointed at the missing conditions are reported too.
    assert!(
        p.contains(&"notifications[0].condition_id".to_string()),
        "{p:?}"
    );
}
