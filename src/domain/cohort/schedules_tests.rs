//! An order's schedules: read from the file, checked at their paths, versioned as on a day, and
//! searched by name, alias, street or registration.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::order::schedule::{normalise_registration, schedules_for};
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn demo() -> Cohort {
    demo_cohort(today())
}

/// The reasons at exactly `path` after `change`.
fn reasons_at(change: impl FnOnce(&mut Cohort), path: &str) -> Vec<String> {
    let mut c = demo();
    change(&mut c);
    let all = c.validate();
    let at: Vec<String> = all
        .iter()
        .filter(|p| p.path == path)
        .map(|p| p.reason.clone())
        .collect();
    assert!(!at.is_empty(), "no problem at {path}: {all:?}");
    at
}

fn first(c: &mut Cohort) -> &mut Schedule {
    &mut c.schedules[0]
}

#[test]
fn the_demo_has_a_schedule_of_two_people_and_a_vehicle_under_its_no_contact_provision() {
    let c = demo();
    assert_eq!(c.validate(), vec![]);
    let under = c.schedules_for("C-0008-04", today());
    assert_eq!(under.len(), 1);
    assert_eq!(under[0].number, "Schedule 1");
    assert_eq!((under[0].people.len(), under[0].vehicles.len()), (2, 1));
    assert_eq!(c.schedules_for("C-0008-06", today())[0].premises.len(), 1);
    assert!(c.schedules_for("C-0008-01", today()).is_empty());
    let back = Cohort::from_json(&c.to_json()).expect("reads back");
    assert_eq!(back.schedules, c.schedules);
}

#[test]
fn a_file_without_schedules_reads_as_before() {
    let mut v = serde_json::to_value(demo()).unwrap();
    v.as_object_mut().unwrap().remove("schedules");
    let c = Cohort::from_json(&v.to_string()).expect("an old file reads");
    assert!(c.schedules.is_empty());
}

#[test]
fn a_badly_shaped_schedule_is_a_problem_at_its_path_in_the_file() {
    let mut v = serde_json::to_value(demo()).unwrap();
    v["schedules"][0]["people"][1] = json!({"aliases": []});
    v["schedules"][1]["starts"] = json!("24/11/2026");
    let e = Cohort::from_json(&v.to_string()).unwrap_err();
    let paths: Vec<&str> = e.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"schedules[0].people[1].name"), "{paths:?}");
    assert!(
        paths.iter().any(|p| p.starts_with("schedules[1]")),
        "{paths:?}"
    );
}

#[test]
fn ids_are_checked_for_grammar_and_uniqueness() {
    let r = reasons_at(|c| first(c).id = "S/1".into(), "schedules[0].id");
    assert_eq!(r.len(), 1, "only the grammar: {r:?}");
    assert!(r[0].contains("may only use"), "{r:?}");
    let r = reasons_at(|c| c.schedules[1].id = "S-0008-1".into(), "schedules[1].id");
    assert_eq!(r, ["\"S-0008-1\" is used twice"]);
    let r = reasons_at(
        |c| first(c).condition_ids.push("C 1".into()),
        "schedules[0].condition_ids[1]",
    );
    assert!(r[0].contains("may only use"), "{r:?}");
}

#[test]
fn the_order_and_provisions_named_must_exist_and_belong_together() {
    let r = reasons_at(
        |c| first(c).order_id = "O-9999".into(),
        "schedules[0].order_id",
    );
    assert_eq!(r, ["no order has the id \"O-9999\""]);
    let r = reasons_at(
        |c| first(c).condition_ids = vec!["C-9999-01".into()],
        "schedules[0].condition_ids[0]",
    );
    assert_eq!(r, ["no condition has the id \"C-9999-01\""]);
    let r = reasons_at(
        |c| first(c).condition_ids = vec!["C-0002-04".into()],
        "schedules[0].condition_ids[0]",
    );
    assert_eq!(
        r,
        ["\"C-0002-04\" is a condition of another order (O-0002), not this schedule's"]
    );
    let r = reasons_at(
        |c| first(c).condition_ids.clear(),
        "schedules[0].condition_ids",
    );
    assert_eq!(
        r,
        ["name at least one provision that refers to this schedule"]
    );
}

#[test]
fn lengths_dates_lists_and_emptiness_are_bounded() {
    let long = "x".repeat(MAX_SHORT_CHARS + 1);
    let r = reasons_at(
        |c| first(c).people[0].name = long.clone(),
        "schedules[0].people[0].name",
    );
    assert_eq!(r, ["must be 200 characters or fewer"]);
    let r = reasons_at(|c| first(c).number = "  ".into(), "schedules[0].number");
    assert_eq!(r, ["is empty"]);
    let r = reasons_at(
        |c| first(c).people[0].aliases.push(String::new()),
        "schedules[0].people[0].aliases[1]",
    );
    assert_eq!(r, ["is empty"]);
    let r = reasons_at(
        |c| first(c).vehicles[0].make = long.clone(),
        "schedules[0].vehicles[0].make",
    );
    assert_eq!(r, ["must be 200 characters or fewer"]);
    let r = reasons_at(
        |c| first(c).people[0].description = "y".repeat(MAX_LONG_CHARS + 1),
        "schedules[0].people[0].description",
    );
    assert_eq!(r, ["must be 10000 characters or fewer"]);
    let r = reasons_at(
        |c| first(c).people[0].date_of_birth = Some(ymd(1850, 1, 1)),
        "schedules[0].people[0].date_of_birth",
    );
    assert!(r[0].contains("out of range"), "{r:?}");
    let r = reasons_at(
        |c| {
            let v = first(c).vehicles[0].clone();
            first(c).vehicles = vec![v; MAX_ITEMS + 1];
        },
        "schedules[0].vehicles",
    );
    assert_eq!(r, ["has 201 items: at most 200"]);
    let r = reasons_at(
        |c| {
            let s = first(c);
            s.people.clear();
            s.vehicles.clear();
        },
        "schedules[0].people",
    );
    assert!(r[0].contains("lists no one and nothing"), "{r:?}");
    let r = reasons_at(
        |c| {
            first(c).starts = Some(ymd(2027, 1, 2));
            first(c).ends = Some(ymd(2027, 1, 1));
        },
        "schedules[0].ends",
    );
    assert_eq!(r, ["is before the schedule starts"]);
}

#[test]
fn a_registration_must_look_like_one() {
    let r = reasons_at(
        |c| first(c).vehicles[0].registration = "QX71 ZT!".into(),
        "schedules[0].vehicles[0].registration",
    );
    assert_eq!(
        r,
        ["may only use letters, digits, spaces and hyphens (it has \"!\")"]
    );
    let r = reasons_at(
        |c| first(c).vehicles[0].registration = " Q ".into(),
        "schedules[0].vehicles[0].registration",
    );
    assert_eq!(r, ["must have 2 to 10 letters or digits (it has 1)"]);
    assert_eq!(normalise_registration("qx71 ztv"), "QX71ZTV");
    assert_eq!(normalise_registration("QX71-ZTV"), "QX71ZTV");
}

/// The demo's Schedule 1 with a second version from `from`: Merewen Thornbury taken off.
fn with_new_version(from: Option<NaiveDate>) -> Cohort {
    let mut c = demo();
    let mut v2 = c.schedules[0].clone();
    v2.id = "S-0008-1b".into();
    v2.people.remove(1);
    v2.starts = from;
    v2.replaces = Some("S-0008-1".into());
    c.schedules.push(v2);
    c
}

#[test]
fn a_new_version_stands_from_its_first_day_and_the_old_one_up_to_the_day_before() {
    let from = ymd(2026, 12, 1);
    let c = with_new_version(Some(from));
    assert_eq!(c.validate(), vec![]);
    let on = |d| -> Vec<&str> {
        schedules_for(&c.schedules, "C-0008-04", d)
            .iter()
            .map(|s| s.id.as_str())
            .collect()
    };
    assert_eq!(on(ymd(2026, 11, 30)), ["S-0008-1"]);
    assert_eq!(on(from), ["S-0008-1b"]);
    // Searched as on the day: the person taken off is found only before.
    assert_eq!(c.search_schedules("thornbury", ymd(2026, 11, 30)).len(), 1);
    assert!(c.search_schedules("thornbury", from).is_empty());
}

#[test]
fn a_replacement_names_an_earlier_version_of_the_same_order_and_its_day() {
    let mut c = with_new_version(None);
    let at = |c: &Cohort, f: &str| -> Vec<String> {
        c.validate()
            .into_iter()
            .filter(|p| p.path == format!("schedules[2].{f}"))
            .map(|p| p.reason)
            .collect()
    };
    assert!(at(&c, "starts")[0].starts_with("give the day this version replaces"));
    c.schedules[0].starts = Some(ymd(2026, 12, 1));
    c.schedules[2].starts = Some(ymd(2026, 12, 1));
    assert!(at(&c, "starts")[0].contains("is not after the day the version it replaces starts"));
    c.schedules[2].replaces = Some("S-0008-9".into());
    assert_eq!(at(&c, "replaces"), ["no schedule has the id \"S-0008-9\""]);
    c.schedules[2].replaces = Some("S-0008-1b".into());
    assert_eq!(at(&c, "replaces"), ["a schedule cannot replace itself"]);
    let mut other = c.schedules[2].clone();
    other.id = "S-0002-1".into();
    other.order_id = "O-0002".into();
    other.condition_ids = vec!["C-0002-04".into()];
    other.replaces = None;
    c.schedules.push(other);
    c.schedules[2].replaces = Some("S-0002-1".into());
    assert_eq!(
        at(&c, "replaces"),
        ["\"S-0002-1\" is a schedule of another order"]
    );
}

fn found(c: &Cohort, q: &str) -> Vec<(String, String, MatchedOn)> {
    c.search_schedules(q, today())
        .into_iter()
        .map(|m| (m.nominal.id.clone(), m.entry.describe(), m.on))
        .collect()
}

#[test]
fn search_finds_people_by_part_of_a_name_or_alias_in_any_case() {
    let c = demo();
    let alder = "Alder VANCE (also known as Ally V), born 14 Mar 1986".to_string();
    assert_eq!(
        found(&c, "vance"),
        [("N-0008".to_string(), alder.clone(), MatchedOn::Name)]
    );
    assert_eq!(found(&c, "VANCE alder")[0].2, MatchedOn::Name);
    assert_eq!(
        found(&c, "ally")[0],
        ("N-0008".into(), alder, MatchedOn::Alias)
    );
    let m = &c.search_schedules("thornb", today())[0];
    assert_eq!(
        (m.order.id.as_str(), m.schedule.number.as_str()),
        ("O-0008", "Schedule 1")
    );
    assert_eq!(
        m.entry.detail(),
        "Runs the cash side of the former business."
    );
    assert!(found(&c, "nobody-like-this").is_empty());
}

#[test]
fn search_finds_premises_by_street_words_and_vehicles_by_registration_however_typed() {
    let c = demo();
    let street = found(&c, "cobble yard");
    assert_eq!(street.len(), 1);
    assert_eq!(street[0].2, MatchedOn::Address);
    for typed in ["qx71 ztv", "QX71ZTV", "qx71-ztv", "71 zt"] {
        let v = found(&c, typed);
        assert_eq!(
            v,
            [(
                "N-0008".to_string(),
                "QX71 ZTV, Grey Ford Transit".to_string(),
                MatchedOn::Registration
            )],
            "{typed}"
        );
    }
    assert!(found(&c, "q").is_empty(), "one letter matches nothing");
}

#[test]
fn search_leaves_out_schedules_of_orders_not_live() {
    let mut c = demo();
    // N-0006 is in custody: their order is not in force yet.
    let mut s = c.schedules[0].clone();
    s.id = "S-0006-1".into();
    s.order_id = "O-0006".into();
    s.condition_ids = vec!["C-0006-04".into()];
    s.people.truncate(1);
    s.people[0].name = "Quillon HARTE".into();
    c.schedules.push(s);
    assert_eq!(c.validate(), vec![]);
    assert!(found(&c, "harte").is_empty());
    // From release day the order is in force and the schedule is searched.
    let released = c.nominal("N-0006").unwrap().custody.release_date();
    assert_eq!(c.search_schedules("harte", released).len(), 1);
}

#[test]
fn schedule_10_comes_after_schedule_2_under_a_provision_and_in_the_search() {
    use crate::domain::order::schedule::number_order;
    use std::cmp::Ordering;
    let mut c = demo();
    // Schedule 2 of N-0008's order, renumbered to 10, named by the no-contact provision too.
    c.schedules[1].number = "Schedule 10".into();
    c.schedules[1].condition_ids.push("C-0008-04".into());
    c.schedules[1].premises[0].address = "QX71 Cobble Yard".into();
    c.schedules[0].number = "Schedule 2".into();
    let numbers: Vec<&str> = c
        .schedules_for("C-0008-04", today())
        .iter()
        .map(|s| s.number.as_str())
        .collect();
    assert_eq!(numbers, ["Schedule 2", "Schedule 10"]);
    // The other way round in the file, the same order.
    c.schedules.reverse();
    let numbers: Vec<&str> = c
        .schedules_for("C-0008-04", today())
        .iter()
        .map(|s| s.number.as_str())
        .collect();
    assert_eq!(numbers, ["Schedule 2", "Schedule 10"]);
    let found: Vec<&str> = c
        .search_schedules("qx71", today())
        .iter()
        .map(|m| m.schedule.number.as_str())
        .collect();
    assert_eq!(found, ["Schedule 2", "Schedule 10"]);
    for (a, b) in [
        ("Schedule 9", "Schedule 10"),
        ("Schedule 1", "Schedule 1A"),
        ("schedule 1a", "Schedule 1B"),
        ("Schedule 2", "schedule 3"),
        ("Schedule 007", "Schedule 8"),
        ("A", "B"),
    ] {
        assert_eq!(number_order(a, b), Ordering::Less, "{a} before {b}");
        assert_eq!(number_order(b, a), Ordering::Greater, "{b} after {a}");
    }
    assert_eq!(number_order("Schedule 02", "Schedule 2"), Ordering::Less);
    assert_eq!(number_order("Schedule 2", "Schedule 2"), Ordering::Equal);
}
