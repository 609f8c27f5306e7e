use crate::domain::forms::keep_answers::FormAnswers;
use crate::domain::forms::provision_form::*;
use crate::domain::order::condition::{Deadline, NotificationDuty, ProvisionFamily};
use crate::domain::order::notification_kind::NotificationKind;
use crate::domain::time::dates::ymd;

fn answers(pairs: &[(&str, &str)]) -> FormAnswers {
    pairs
        .iter()
        .map(|(k, v)| (format!("p0-{k}"), v.to_string()))
        .collect()
}

fn fields(a: &FormAnswers) -> Vec<String> {
    provision_from(a, "p0-", "C-1", "O-1")
        .unwrap_err()
        .into_iter()
        .map(|x| x.field.clone())
        .collect()
}

const TRAVEL: [(&str, &str); 7] = [
    (
        "wording",
        "  The defendant shall not travel outside the United Kingdom\nwithout 7 days' notice.  ",
    ),
    ("family", "travel"),
    ("summary", "Ask police 7 clear days before travel abroad."),
    ("mirrored", "yes"),
    ("duty", "before"),
    ("duty-kind", "travel_request"),
    ("duty-days", "7"),
];

#[test]
fn a_confirmed_provision_becomes_the_domain_condition_with_its_wording_as_typed() {
    let c = provision_from(&answers(&TRAVEL), "p0-", "C-1", "O-1").unwrap();
    assert_eq!(
        c.verbatim,
        "The defendant shall not travel outside the United Kingdom\nwithout 7 days' notice."
    );
    assert_eq!(c.family, ProvisionFamily::Travel);
    assert!(c.mirrored_in_licence);
    assert_eq!(
        c.notification,
        Some(NotificationDuty {
            kind: NotificationKind::TravelRequest,
            deadline: Deadline::DaysBefore { days: 7 }
        })
    );
    assert_eq!(
        (c.starts, c.ends, c.replaces.as_deref()),
        (None, None, None)
    );
    // Its answers read back the same (a rewording starts from them).
    let mut back = FormAnswers::default();
    answers_of(&c, "p0-", &mut back);
    assert_eq!(provision_from(&back, "p0-", "C-1", "O-1").unwrap(), c);
}

#[test]
fn every_missing_or_wrong_answer_is_at_its_field_under_the_prefix() {
    assert_eq!(
        fields(&FormAnswers::default()),
        [
            "p0-wording",
            "p0-family",
            "p0-summary",
            "p0-mirrored",
            "p0-duty"
        ]
    );
    let mut a = answers(&TRAVEL);
    a.set("p0-duty-days", "0");
    a.set("p0-duty-kind", "pigeon");
    assert_eq!(fields(&a), ["p0-duty-kind", "p0-duty-days"]);
    a.set("p0-duty-kind", "travel_request");
    a.set("p0-duty-days", "366");
    let e = provision_from(&a, "p0-", "C-1", "O-1").unwrap_err();
    assert_eq!(
        e[0].message,
        "The number of days must be a whole number from 1 to 365"
    );
    // Its own dates: real, and the end not before the start.
    let mut a = answers(&TRAVEL);
    for (k, v) in [
        ("starts-day", "2"),
        ("starts-month", "1"),
        ("starts-year", "2028"),
        ("ends-day", "1"),
        ("ends-month", "1"),
        ("ends-year", "2028"),
    ] {
        a.set(format!("p0-{k}"), v);
    }
    assert_eq!(fields(&a), ["p0-ends-day"]);
    a.set("p0-ends-year", "2029");
    let c = provision_from(&a, "p0-", "C-1", "O-1").unwrap();
    assert_eq!(
        (c.starts, c.ends),
        (Some(ymd(2028, 1, 2)), Some(ymd(2029, 1, 1)))
    );
    // Within N days after may be 0 (the same day).
    let mut a = answers(&TRAVEL);
    a.set("p0-duty", "after");
    a.set("p0-duty-days", "0");
    assert!(provision_from(&a, "p0-", "C-1", "O-1").is_ok());
}
