//! The desk's schedule form: a new schedule with its first entry, entries added, corrected and
//! removed, and every bad answer a problem at its field in words, with nothing changed.

use super::schedule_form::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::forms::keep_answers::{FormAnswers, KeepProblem};
use crate::domain::order::condition::Condition;
use crate::domain::order::schedule::Schedule;
use crate::domain::time::dates::ymd;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn answers(list: &[(&str, &str)]) -> FormAnswers {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The demo's order O-0008: its provisions and its two schedules.
fn order() -> (Vec<Condition>, Vec<Schedule>) {
    let c = demo_cohort(today());
    let conditions = c.conditions_of("O-0008").into_iter().cloned().collect();
    (conditions, c.schedules.clone())
}

fn change(
    a: &FormAnswers,
    held: Option<&Schedule>,
) -> Result<ScheduleChange, Vec<KeepProblem<String>>> {
    let (conditions, schedules) = order();
    let conditions: Vec<&Condition> = conditions.iter().collect();
    let others: Vec<&Schedule> = schedules
        .iter()
        .filter(|s| held.is_none_or(|h| h.id != s.id))
        .collect();
    schedule_change(a, held, "S-new", "O-0008", &conditions, &others, today())
}

fn fields(p: &[KeepProblem<String>]) -> Vec<&str> {
    p.iter().map(|x| x.field.as_str()).collect()
}

#[test]
fn a_new_schedule_has_its_number_provisions_and_first_entry() {
    let a = answers(&[
        (NUMBER, "Schedule 3"),
        ("names-C-0008-04", "yes"),
        ("names-C-0008-06", "yes"),
        (KIND, "vehicle"),
        (REGISTRATION, "  ab12   cde "),
        (MAKE, "Vauxhall Corsa"),
        (COLOUR, "Blue"),
    ]);
    let c = change(&a, None).unwrap();
    assert_eq!(c.reason, FROM_THE_ORDER);
    let s = c.schedule;
    assert_eq!((s.id.as_str(), s.order_id.as_str()), ("S-new", "O-0008"));
    assert_eq!(s.number, "Schedule 3");
    assert_eq!(s.condition_ids, ["C-0008-04", "C-0008-06"]);
    assert_eq!(s.vehicles.len(), 1);
    assert_eq!(
        s.vehicles[0].registration, "AB12 CDE",
        "upper case, single spaces"
    );
    assert_eq!(s.vehicles[0].make, "Vauxhall Corsa");
    // And the domain accepts it in the cohort.
    let mut cohort = demo_cohort(today());
    cohort.schedules.push(s);
    assert_eq!(cohort.validate(), vec![]);
}

#[test]
fn a_new_schedule_without_number_provisions_or_entry_says_so_at_each_field() {
    let p = change(&answers(&[]), None).unwrap_err();
    assert_eq!(fields(&p), [NUMBER, "names-C-0008-01", KIND]);
    assert!(p[0].message.starts_with("Enter the schedule's number"));
    assert_eq!(
        p[1].message,
        "Select the provisions that refer to this schedule"
    );
    assert_eq!(p[2].message, "Select what the schedule's first entry is");
    // A number the order already uses (any case or spacing).
    let a = answers(&[
        (NUMBER, "schedule  1"),
        ("names-C-0008-04", "yes"),
        (KIND, "premises"),
        (ADDRESS, "1 Test Row"),
    ]);
    let p = change(&a, None).unwrap_err();
    assert_eq!(
        p,
        [KeepProblem::new(
            NUMBER.to_string(),
            "The order already has a schedule called “schedule  1”: change that one instead"
        )]
    );
    // An order with no provisions yet.
    let p = schedule_change(&a, None, "S-new", "O-0008", &[], &[], today()).unwrap_err();
    assert!(
        p.iter()
            .any(|x| x.field == NUMBER
                && x.message.starts_with("Record the order's provisions first"))
    );
}

#[test]
fn a_person_has_a_name_aliases_a_date_of_birth_in_the_past_and_a_description() {
    let (_, schedules) = order();
    let held = &schedules[0];
    let a = answers(&[
        (NUMBER, "Schedule 1"),
        ("names-C-0008-04", "yes"),
        (KIND, "person"),
        (NAME, " Corin ASHDOWN "),
        (ALIASES, "Cor\n\n  Ash  \n"),
        ("dob-day", "2"),
        ("dob-month", "7"),
        ("dob-year", "1991"),
        (DESCRIPTION, "Brother-in-law."),
    ]);
    let c = change(&a, Some(held)).unwrap();
    assert_eq!(
        c.reason, FROM_THE_ORDER,
        "an added entry is recorded from the order"
    );
    let p = &c.schedule.people[2];
    assert_eq!(p.name, "Corin ASHDOWN");
    assert_eq!(p.aliases, ["Cor", "Ash"]);
    assert_eq!(p.date_of_birth, Some(ymd(1991, 7, 2)));
    assert_eq!(c.schedule.people[..2], held.people[..]);
    // No name, a date of birth not real, today, or in the future.
    for (d, m, y, says) in [
        ("31", "2", "1991", "Date of birth must be a real date"),
        ("24", "11", "2026", "Date of birth must be in the past"),
        ("", "11", "1990", "Date of birth must include a day"),
    ] {
        let mut bad = a.clone();
        bad.set(NAME, " ");
        bad.set("dob-day", d);
        bad.set("dob-month", m);
        bad.set("dob-year", y);
        let p = change(&bad, Some(held)).unwrap_err();
        assert_eq!(fields(&p), [NAME, "dob-day"]);
        assert_eq!(
            p[0].message,
            "Enter the person's name as the order gives it"
        );
        assert_eq!(p[1].message, says);
    }
}

#[test]
fn premises_have_an_address_and_what_they_are_and_a_vehicle_a_registration() {
    let (_, schedules) = order();
    let held = &schedules[1];
    let base = answers(&[(NUMBER, "Schedule 2"), ("names-C-0008-06", "yes")]);
    let mut a = base.clone();
    a.extend(answers(&[
        (KIND, "premises"),
        (ADDRESS, "Unit 5\n Cobble Yard\nTestford"),
        (DESCRIPTION, "Lock-up."),
    ]));
    let c = change(&a, Some(held)).unwrap();
    assert_eq!(
        c.schedule.premises[1].address,
        "Unit 5, Cobble Yard, Testford"
    );
    assert_eq!(c.schedule.premises[1].description, "Lock-up.");
    a.set(ADDRESS, "\n");
    assert_eq!(
        change(&a, Some(held)).unwrap_err(),
        [KeepProblem::new(
            ADDRESS.to_string(),
            "Enter the address as the order gives it"
        )]
    );
    let mut v = base.clone();
    v.extend(answers(&[(KIND, "vehicle"), (REGISTRATION, "AB12 C*E")]));
    let p = change(&v, Some(held)).unwrap_err();
    assert_eq!(fields(&p), [REGISTRATION]);
    assert!(
        p[0].message
            .starts_with("The registration may only use letters, digits, spaces and hyphens"),
        "{p:?}"
    );
    v.set(REGISTRATION, "");
    assert_eq!(
        change(&v, Some(held)).unwrap_err()[0].message,
        "Enter the vehicle's registration"
    );
    v.set(REGISTRATION, "x");
    assert_eq!(
        change(&v, Some(held)).unwrap_err()[0].message,
        "The registration must have 2 to 10 letters or digits (it has 1)"
    );
    v.set(REGISTRATION, "ab12cde");
    v.set(COLOUR, "x".repeat(201));
    assert_eq!(
        change(&v, Some(held)).unwrap_err(),
        [KeepProblem::new(
            COLOUR.to_string(),
            "The colour must be 200 characters or fewer"
        )]
    );
}

#[test]
fn an_entry_is_corrected_or_removed_in_its_place_with_a_reason() {
    let (_, schedules) = order();
    let held = &schedules[0];
    let mut a = answers(&[
        (NUMBER, "Schedule 1"),
        ("names-C-0008-04", "yes"),
        (KIND, "person"),
        (AT, "0"),
    ]);
    entry_answers(held, EntryKind::Person, 0, &mut a);
    assert_eq!(a.get(ALIASES), "Ally V");
    assert_eq!(
        (a.get("dob-day"), a.get("dob-month"), a.get("dob-year")),
        ("14", "3", "1986")
    );
    a.set(NAME, "Alder VANCE-REID");
    // A correction asks why.
    let p = change(&a, Some(held)).unwrap_err();
    assert_eq!(
        p,
        [KeepProblem::new(
            REASON.to_string(),
            "Enter the reason for the change"
        )]
    );
    a.set(REASON, "Name misspelt");
    let c = change(&a, Some(held)).unwrap();
    assert_eq!(c.reason, "Name misspelt");
    assert_eq!(c.schedule.people.len(), 2);
    assert_eq!(c.schedule.people[0].name, "Alder VANCE-REID");
    assert_eq!(c.schedule.people[0].aliases, held.people[0].aliases);
    assert_eq!(c.schedule.people[1], held.people[1]);
    // Removing the vehicle leaves the people.
    let mut r = answers(&[
        (NUMBER, "Schedule 1"),
        ("names-C-0008-04", "yes"),
        (KIND, "vehicle"),
        (AT, "0"),
        (REMOVE, "yes"),
        (REASON, "Vehicle sold"),
    ]);
    let c = change(&r, Some(held)).unwrap();
    assert!(c.schedule.vehicles.is_empty());
    assert_eq!(c.schedule.people, held.people);
    // An entry no longer there: said, nothing changed.
    r.set(AT, "3");
    assert_eq!(fields(&change(&r, Some(held)).unwrap_err()), [KIND]);
    // The only entry of Schedule 2 cannot be removed.
    let only = &schedules[1];
    let r = answers(&[
        (NUMBER, "Schedule 2"),
        ("names-C-0008-06", "yes"),
        (KIND, "premises"),
        (AT, "0"),
        (REMOVE, "yes"),
        (REASON, "Gone"),
    ]);
    let p = change(&r, Some(only)).unwrap_err();
    assert_eq!(fields(&p), [REMOVE]);
    assert!(p[0]
        .message
        .starts_with("This is the schedule's only entry"));
}

#[test]
fn the_number_and_provisions_of_a_recorded_schedule_change_with_a_reason() {
    let (_, schedules) = order();
    let held = &schedules[0];
    let mut a = FormAnswers::default();
    head_answers(held, &mut a);
    assert_eq!(a.get("names-C-0008-04"), "yes");
    a.set(NUMBER, "Schedule 1A");
    a.set("names-C-0008-06", "yes");
    a.set(REASON, "Provision 6 names it too");
    let c = change(&a, Some(held)).unwrap();
    assert_eq!(c.schedule.number, "Schedule 1A");
    assert_eq!(c.schedule.condition_ids, ["C-0008-04", "C-0008-06"]);
    assert_eq!(c.schedule.entries(), held.entries());
    // Its own number is not a clash; another schedule's is.
    a.set(NUMBER, "Schedule 1");
    assert!(change(&a, Some(held)).is_ok());
    a.set(NUMBER, "Schedule 2");
    assert_eq!(fields(&change(&a, Some(held)).unwrap_err()), [NUMBER]);
}
