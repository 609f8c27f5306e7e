//! Import refuses what would give wrong answers or fail later, and says where, to the field.

use serde_json::{json, Value};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

/// The demo cohort built on 24 Nov 2026, as a file.
fn demo_value() -> Value {
    serde_json::to_value(demo_cohort(ymd(2026, 11, 24))).unwrap()
}

fn problems(v: &Value) -> Vec<(String, String)> {
    match Cohort::from_json(&v.to_string()) {
        Ok(_) => vec![],
        Err(e) => e.problems.into_iter().map(|p| (p.path, p.reason)).collect(),
    }
}

/// The reason given at exactly `path`, failing with every problem when there is none.
fn reason_at(v: &Value, path: &str) -> String {
    let all = problems(v);
    all.iter()
        .find(|(p, _)| p == path)
        .map(|(_, r)| r.clone())
        .unwrap_or_else(|| panic!("no problem at {path}: {all:?}"))
}

/// The index of the first condition with a notification duty.
fn duty_condition(v: &Value) -> usize {
    v["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| !c["notification"].is_null())
        .unwrap()
}

fn a_variation() -> Value {
    json!({
        "id": "V-1", "kind": "variation", "made_on": "2027-03-01", "takes_effect": "2027-03-01",
        "court": "Crown Court at Testford", "summary": "Phone provision reworded",
        "conditions_ended": ["C-0001-01"], "conditions_added": []
    })
}

#[test]
fn the_demo_cohort_imports_without_a_problem() {
    assert_eq!(problems(&demo_value()), vec![]);
}

#[test]
fn a_deadline_of_four_billion_days_is_refused_at_its_field() {
    let mut v = demo_value();
    let i = duty_condition(&v);
    v["conditions"][i]["notification"]["deadline"]["days"] = json!(4_294_967_295u32);
    let reason = reason_at(&v, &format!("conditions[{i}].notification.deadline.days"));
    assert_eq!(reason, "must be between 1 and 365 days (it is 4294967295)");
    v["conditions"][i]["notification"]["deadline"]["days"] = json!(365);
    assert_eq!(problems(&v), vec![]);
    v["conditions"][i]["notification"]["deadline"]["days"] = json!(0);
    reason_at(&v, &format!("conditions[{i}].notification.deadline.days"));
}

#[test]
fn a_bad_value_inside_a_tagged_object_is_reported_at_the_exact_field() {
    let mut v = demo_value();
    v["orders"][2]["stage"]["ends"] = json!("not a date");
    reason_at(&v, "orders[2].stage.ends");
    let mut v = demo_value();
    v["orders"][2]["stage"]
        .as_object_mut()
        .unwrap()
        .remove("ends");
    assert_eq!(reason_at(&v, "orders[2].stage.ends"), "is missing");
    let mut v = demo_value();
    v["nominals"][1]["custody"]["licence_ends"] = json!(17);
    reason_at(&v, "nominals[1].custody.licence_ends");
}

#[test]
fn a_version_given_as_a_string_must_be_the_number_1() {
    let mut v = demo_value();
    v["version"] = json!("1");
    assert_eq!(reason_at(&v, "version"), "must be the number 1");
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(
        reason_at(&v, "version"),
        "is missing: it must be the number 1"
    );
}

#[test]
fn dates_outside_1900_to_2199_are_refused() {
    let mut v = demo_value();
    v["nominals"][0]["date_of_birth"] = json!("1899-12-31");
    assert!(reason_at(&v, "nominals[0].date_of_birth").contains("out of range"));
    let mut v = demo_value();
    v["contacts"][0]["at"] = json!("+20000-01-01T10:00:00");
    reason_at(&v, "contacts[0].at");
    let mut v = demo_value();
    v["nominals"][0]["date_of_birth"] = json!("1900-01-01");
    assert!(!problems(&v)
        .iter()
        .any(|(p, _)| p == "nominals[0].date_of_birth"));
}

#[test]
fn long_text_and_long_lists_are_refused_with_the_limit() {
    let mut v = demo_value();
    v["nominals"][0]["given_name"] = json!("x".repeat(201));
    assert_eq!(
        reason_at(&v, "nominals[0].given_name"),
        "must be 200 characters or fewer"
    );
    let mut v = demo_value();
    v["nominals"][0]["aliases"] = json!(vec!["A"; 201]);
    reason_at(&v, "nominals[0].aliases");
    let mut v = demo_value();
    v["conditions"][0]["id"] = json!("C".repeat(65));
    reason_at(&v, "conditions[0].id");
}

#[test]
fn a_variation_must_say_which_kind_it_is() {
    let mut v = demo_value();
    let mut var = a_variation();
    var.as_object_mut().unwrap().remove("kind");
    v["orders"][0]["variations"] = json!([var]);
    assert_eq!(reason_at(&v, "orders[0].variations[0].kind"), "is missing");
    v["orders"][0]["variations"][0]["kind"] = json!("variation");
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn a_variation_may_name_only_conditions_of_its_own_order() {
    let mut v = demo_value();
    let mut var = a_variation();
    var["conditions_ended"] = json!(["C-0002-01", "C-NOPE"]);
    v["orders"][0]["variations"] = json!([var]);
    assert!(reason_at(&v, "orders[0].variations[0].conditions_ended[0]")
        .contains("a condition of another order (O-0002)"));
    assert_eq!(
        reason_at(&v, "orders[0].variations[0].conditions_ended[1]"),
        "no condition has the id \"C-NOPE\""
    );
}

#[test]
fn a_variation_past_five_years_is_refused_but_an_extension_pending_proceedings_is_not() {
    // O-0001 comes into force on 24 Nov 2026, so five years end on 23 Nov 2031.
    let mut v = demo_value();
    let mut var = a_variation();
    var["new_end"] = json!("2031-11-24");
    v["orders"][0]["variations"] = json!([var]);
    assert!(reason_at(&v, "orders[0].variations[0].new_end").contains("23 Nov 2031"));
    v["orders"][0]["variations"][0]["kind"] = json!("extension_pending_proceedings");
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn an_order_whose_release_is_not_fixed_is_accepted_with_its_end_provisional() {
    let mut v = demo_value();
    // N-0009 is in custody, release in 40 days. Its order's start is not known yet: an end
    // more than five years after the grant must not be judged from the grant date.
    let granted = v["orders"][8]["stage"]["date_granted"].clone();
    v["orders"][8]["stage"]["comes_into_force"] = Value::Null;
    v["orders"][8]["stage"]["ends"] = json!("2032-06-30");
    let c = Cohort::from_json(&v.to_string()).expect("accepted");
    assert!(c.orders[8].end_is_provisional());
    assert!(granted.as_str().unwrap() < "2026-11-24");
}

#[test]
fn the_licence_must_end_after_release_whichever_custody_variant() {
    let mut v = demo_value();
    // N-0003 is "licence_ended".
    let released = v["nominals"][2]["custody"]["released_on"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(v["nominals"][2]["custody"]["status"], "licence_ended");
    let before = ymd(2000, 1, 1).to_string();
    assert!(before < released);
    v["nominals"][2]["custody"]["licence_ended"] = json!(before);
    assert_eq!(
        reason_at(&v, "nominals[2].custody.licence_ended"),
        "is before the release date"
    );
}

#[test]
fn a_discharge_must_fall_within_the_order() {
    let mut v = demo_value();
    let stage = v["orders"][0]["stage"].clone();
    let mut discharged = stage.clone();
    discharged["stage"] = json!("discharged");
    discharged["discharged_on"] = json!("2040-01-01");
    v["orders"][0]["stage"] = discharged.clone();
    reason_at(&v, "orders[0].stage.discharged_on");
    discharged["discharged_on"] = json!("2027-01-01");
    v["orders"][0]["stage"] = discharged;
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn an_order_made_before_release_may_not_come_into_force_before_it() {
    let mut v = demo_value();
    // N-0002 was released 200 days before 24 Nov 2026, on 8 May 2026.
    v["orders"][1]["stage"]["comes_into_force"] = json!("2026-05-07");
    assert!(reason_at(&v, "orders[1].stage.comes_into_force")
        .contains("is before the release on 8 May 2026"));
}

#[test]
fn a_provision_s_own_dates_must_lie_inside_its_order_s() {
    let mut v = demo_value();
    v["conditions"][0]["starts"] = json!("2026-11-23");
    assert!(reason_at(&v, "conditions[0].starts")
        .contains("before the order comes into force (24 Nov 2026)"));
    let mut v = demo_value();
    v["conditions"][0]["ends"] = json!("2040-01-01");
    assert!(reason_at(&v, "conditions[0].ends").contains("after the order's last day"));
}

#[test]
fn a_breach_report_must_be_about_the_nominal_s_own_order_and_its_conditions() {
    let v = demo_value();
    let i = v["breach_reports"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["nominal_id"] == "N-0002")
        .unwrap();
    let mut other_order = v.clone();
    other_order["breach_reports"][i]["order_id"] = json!("O-0001");
    assert!(
        reason_at(&other_order, &format!("breach_reports[{i}].order_id"))
            .contains("the order of another nominal")
    );
    let mut other_condition = v.clone();
    other_condition["breach_reports"][i]["condition_ids"] = json!(["C-0001-01"]);
    assert!(reason_at(
        &other_condition,
        &format!("breach_reports[{i}].condition_ids[0]")
    )
    .contains("not a condition of the report's order (O-0002)"));
}

#[test]
fn a_notification_must_name_a_condition_of_the_nominal_s_own_order() {
    let mut v = demo_value();
    let n = v["notifications"][0].clone();
    assert!(!n["condition_id"].is_null());
    let other = if n["nominal_id"] == "N-0001" {
        "C-0002-01"
    } else {
        "C-0001-01"
    };
    v["notifications"][0]["condition_id"] = json!(other);
    assert!(reason_at(&v, "notifications[0].condition_id").contains("the order of another nominal"));
}

#[test]
fn a_nominal_in_the_community_with_no_licence_imports_and_has_its_own_checks() {
    let mut v = demo_value();
    // N-0003, as if released without a licence on the same day.
    let released = v["nominals"][2]["custody"]["released_on"].clone();
    v["nominals"][2]["custody"] = json!({"status": "in_community", "since": released});
    let c = Cohort::from_json(&v.to_string()).expect("accepted");
    let n = &c.nominals[2];
    let since = chrono::NaiveDate::parse_from_str(released.as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert_eq!(
        n.custody.describe(ymd(2026, 11, 24)),
        format!(
            "In the community, no licence, since {}",
            crate::domain::time::dates::format_date(since)
        )
    );
    assert!(!n.custody.on_licence_on(ymd(2026, 11, 24)));
    // `since` is required, and not before the date of birth.
    v["nominals"][2]["custody"] = json!({"status": "in_community"});
    assert_eq!(reason_at(&v, "nominals[2].custody.since"), "is missing");
    v["nominals"][2]["custody"] = json!({"status": "in_community", "since": "1901-01-01"});
    assert_eq!(
        reason_at(&v, "nominals[2].custody.since"),
        "is before the date of birth"
    );
}

#[test]
fn a_short_reference_must_have_its_shape_and_be_used_once() {
    let mut v = demo_value();
    let mut second = v["breach_reports"][0].clone();
    second["id"] = json!("BR-0002-9");
    v["breach_reports"].as_array_mut().unwrap().push(second);
    assert_eq!(
        reason_at(&v, "breach_reports[1].reference"),
        format!("{} is used twice", v["breach_reports"][0]["reference"])
    );
    v["breach_reports"][1]["reference"] = json!("DO/RR/2026/3");
    assert_eq!(
        reason_at(&v, "breach_reports[1].reference"),
        "must be initials, BR, the year and a number, like DO/BR/2026/7"
    );
    // A report made before references existed has none, and is shown by its id.
    v["breach_reports"][1]
        .as_object_mut()
        .unwrap()
        .remove("reference");
    assert_eq!(problems(&v), vec![]);
}
