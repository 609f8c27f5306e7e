use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::cohort::releases::orders_in_force_on_release;
use crate::domain::order::scpo::{Order, OrderStage};
use crate::domain::people::nominal::ProbationContact;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn answers(pairs: &[(&str, &str)]) -> FormAnswers {
    FormAnswers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn inside() -> CustodyStatus {
    CustodyStatus::InCustody {
        expected_release: ymd(2026, 12, 1),
        recall: None,
    }
}

fn licence() -> CustodyStatus {
    CustodyStatus::OnLicence {
        released_on: ymd(2026, 1, 5),
        licence_ends: ymd(2027, 1, 4),
        probation: ProbationContact {
            name: "PP Sample".into(),
            phone: None,
            email: None,
        },
        recall: None,
    }
}

#[test]
fn the_events_offered_follow_where_the_nominal_is() {
    let codes = |c: &CustodyStatus| {
        events_for(c)
            .into_iter()
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&inside()), ["release_date", "released"]);
    assert_eq!(
        codes(&licence()),
        ["licence_end", "recalled", "licence_ended"]
    );
    assert!(codes(&CustodyStatus::InCommunity {
        since: today(),
        recall: None
    })
    .is_empty());
    let a = answers(&[("event", "recalled")]);
    assert_eq!(check_event(&inside(), &a)[0].field, "event");
    assert!(check_event(&licence(), &a).is_empty());
}

#[test]
fn a_release_date_moved_keeps_them_in_custody() {
    let mut a = answers(&[("event", "release_date")]);
    a.set_date("expected", Some(ymd(2027, 2, 1)));
    let (c, reason) = apply_event(&inside(), &a, today()).unwrap();
    assert_eq!(
        c,
        CustodyStatus::InCustody {
            expected_release: ymd(2027, 2, 1),
            recall: None,
        }
    );
    assert_eq!(reason, "Release date fixed for 1 Feb 2027");
}

#[test]
fn a_release_on_licence_or_without_one() {
    let mut a = answers(&[
        ("event", "released"),
        ("licence", "yes"),
        ("probation_name", "PP New"),
    ]);
    a.set_date("released", Some(today()));
    a.set_date("licence_ends", Some(ymd(2027, 11, 23)));
    let (c, reason) = apply_event(&inside(), &a, today()).unwrap();
    assert_eq!(c.licence_period(), Some((today(), ymd(2027, 11, 23))));
    assert_eq!(reason, "Released on 24 Nov 2026");
    a.set("licence", "no");
    let (c, _) = apply_event(&inside(), &a, today()).unwrap();
    assert_eq!(
        c,
        CustodyStatus::InCommunity {
            since: today(),
            recall: None
        }
    );
    a.set("licence", "");
    assert_eq!(
        apply_event(&inside(), &a, today()).unwrap_err()[0].field,
        "licence"
    );
    a.set("licence", "no");
    a.set_date("released", today().succ_opt());
    let p = apply_event(&inside(), &a, today()).unwrap_err();
    assert_eq!(p[0].field, "released-day");
    assert!(p[0].message.contains("today or in the past"));
}

#[test]
fn a_licence_changed_recalled_or_ended() {
    let mut a = answers(&[("event", "licence_end")]);
    a.set_date("licence_ends", Some(ymd(2027, 6, 1)));
    let (c, _) = apply_event(&licence(), &a, today()).unwrap();
    assert_eq!(c.licence_period(), Some((ymd(2026, 1, 5), ymd(2027, 6, 1))));
    let mut a = answers(&[("event", "recalled")]);
    a.set_date("recalled", Some(today()));
    a.set_date("expected", Some(ymd(2027, 5, 1)));
    let (c, reason) = apply_event(&licence(), &a, today()).unwrap();
    assert_eq!(
        c,
        CustodyStatus::InCustody {
            expected_release: ymd(2027, 5, 1),
            recall: Some(crate::domain::people::nominal::Recall {
                released_on: ymd(2026, 1, 5),
                recalled_on: today(),
                first_released_on: None,
            }),
        }
    );
    assert_eq!(reason, "Recalled to custody on 24 Nov 2026");
    let mut a = answers(&[("event", "licence_ended")]);
    a.set_date("ended", Some(today()));
    let (c, _) = apply_event(&licence(), &a, today()).unwrap();
    assert_eq!(
        c,
        CustodyStatus::LicenceEnded {
            released_on: ymd(2026, 1, 5),
            licence_ended: today(),
            recall: None
        }
    );
    let p = apply_event(&licence(), &answers(&[("event", "recalled")]), today()).unwrap_err();
    let fields: Vec<&str> = p.iter().map(|x| x.field).collect();
    assert_eq!(fields, ["recalled-day", "expected-day"]);
}

#[test]
fn only_an_order_that_waits_for_release_comes_into_force_on_it() {
    let mut c = demo_cohort(today());
    // The first order as granted "on release": its day of coming into force not known.
    if let OrderStage::Granted {
        comes_into_force, ..
    } = &mut c.orders[0].stage
    {
        *comes_into_force = None;
    }
    let waiting = c.orders[0].clone();
    assert!(waiting.end_is_provisional());
    let live: Vec<&Order> = c
        .orders
        .iter()
        .skip(1)
        .filter(|o| o.comes_into_force().is_some())
        .collect();
    let moved = orders_in_force_on_release(&c.orders, &waiting.nominal_id, today());
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].id, waiting.id);
    assert_eq!(moved[0].comes_into_force(), Some(today()));
    assert_eq!(moved[0].ends_as_granted(), waiting.ends_as_granted());
    for o in live {
        assert!(
            orders_in_force_on_release(&c.orders, &o.nominal_id, today())
                .iter()
                .all(|m| m.id != o.id)
        );
    }
}
