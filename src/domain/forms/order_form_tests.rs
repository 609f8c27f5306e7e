use crate::domain::forms::keep_answers::FormAnswers;
use crate::domain::forms::order_form::*;
use crate::domain::order::bound::{Bound, ServiceMethod};
use crate::domain::order::scpo::OrderStage;
use crate::domain::time::dates::ymd;

fn answers(pairs: &[(&str, &str)]) -> FormAnswers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn date(a: &mut FormAnswers, id: &str, d: &str, m: &str, y: &str) {
    a.set(format!("{id}-day"), d);
    a.set(format!("{id}-month"), m);
    a.set(format!("{id}-year"), y);
}

fn sealed() -> FormAnswers {
    let mut a = answers(&[
        ("court", "Crown Court at Testville"),
        ("reference", "T20267001"),
        ("in-force", "date"),
        ("bound", "represented"),
    ]);
    date(&mut a, "granted", "2", "11", "2026");
    date(&mut a, "force", "24", "11", "2026");
    date(&mut a, "ends", "23", "11", "2031");
    a
}

const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 24) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

fn fields(a: &FormAnswers) -> Vec<String> {
    order_from(a, "O-1", "N-1", TODAY)
        .unwrap_err()
        .into_iter()
        .map(|x| x.field.clone())
        .collect()
}

#[test]
fn a_sealed_order_becomes_the_domain_order() {
    let o = order_from(&sealed(), "O-1", "N-1", TODAY).unwrap();
    assert_eq!(o.court, "Crown Court at Testville");
    assert_eq!(o.court_reference, "T20267001");
    assert_eq!(
        o.stage,
        OrderStage::Granted {
            date_granted: ymd(2026, 11, 2),
            comes_into_force: Some(ymd(2026, 11, 24)),
            ends: ymd(2031, 11, 23)
        }
    );
    assert_eq!(o.bound, Some(Bound::Represented));
    assert_eq!((o.id.as_str(), o.nominal_id.as_str()), ("O-1", "N-1"));
}

#[test]
fn the_last_day_is_refused_a_day_past_five_years_and_the_hint_says_the_latest() {
    let mut a = sealed();
    assert!(
        last_day_hint(&a).contains("no later than 23 Nov 2031"),
        "{}",
        last_day_hint(&a)
    );
    date(&mut a, "ends", "24", "11", "2031");
    let e = order_from(&a, "O-1", "N-1", TODAY).unwrap_err();
    assert_eq!(e[0].field, "ends-day");
    assert!(e[0].message.contains("it must end by 23 Nov 2031"), "{e:?}");
    assert!(e[0].message.contains("s.22E"), "{e:?}");
}

#[test]
fn on_release_takes_no_date_and_the_limit_waits_for_release() {
    let mut a = sealed();
    a.set("in-force", "on-release");
    date(&mut a, "ends", "1", "11", "2034");
    let o = order_from(&a, "O-1", "N-1", TODAY).unwrap();
    assert_eq!(o.comes_into_force(), None);
    assert!(last_day_hint(&a).contains("on release"));
}

#[test]
fn every_missing_or_wrong_answer_is_at_its_field() {
    assert_eq!(
        fields(&FormAnswers::default()),
        [
            "court",
            "reference",
            "granted-day",
            "in-force",
            "ends-day",
            "bound"
        ]
    );
    let mut a = sealed();
    date(&mut a, "granted", "25", "11", "2026");
    date(&mut a, "force", "31", "2", "2027");
    assert_eq!(fields(&a), ["granted-day", "force-day"]);
    let mut a = sealed();
    date(&mut a, "force", "1", "11", "2026");
    assert_eq!(fields(&a), ["force-day"]);
}

#[test]
fn served_needs_a_date_from_the_grant_a_method_and_who() {
    let mut a = sealed();
    a.set("bound", "served");
    assert_eq!(fields(&a), ["served-day", "served-method", "served-by"]);
    date(&mut a, "served", "1", "11", "2026");
    a.set("served-method", "in_person");
    a.set("served-by", "PC Example Officer");
    assert_eq!(fields(&a), ["served-day"]);
    date(&mut a, "served", "3", "11", "2026");
    let o = order_from(&a, "O-1", "N-1", TODAY).unwrap();
    assert_eq!(
        o.bound,
        Some(Bound::Served {
            served_on: ymd(2026, 11, 3),
            method: ServiceMethod::InPerson,
            served_by: "PC Example Officer".into()
        })
    );
}
