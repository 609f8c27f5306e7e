//! A release after a recall, recorded at the desk: recall → re-release → licence ended keeps
//! the first release, so the order that came into force on it stays in force throughout and the
//! cohort's checks accept every step (before, the re-release lost the first release and the
//! cross-check refused the save: "comes into force on release").

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::cohort::Cohort;
use crate::domain::forms::keep_answers::FormAnswers;
use crate::domain::people::nominal::Recall;
use crate::domain::time::dates::ymd;

/// The demo's N-0001: released (on licence) on this day, their order in force from it.
fn first_release() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn answers(pairs: &[(&str, &str)], dates: &[(&str, NaiveDate)]) -> FormAnswers {
    let mut a = FormAnswers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    for (p, d) in dates {
        a.set_date(p, Some(*d));
    }
    a
}

fn recalled(on: NaiveDate, expected: NaiveDate) -> FormAnswers {
    answers(
        &[("event", "recalled")],
        &[("recalled", on), ("expected", expected)],
    )
}

fn released(on: NaiveDate, licence_ends: Option<NaiveDate>) -> FormAnswers {
    let mut a = answers(&[("event", "released")], &[("released", on)]);
    match licence_ends {
        Some(e) => {
            a.set("licence", "yes");
            a.set_date("licence_ends", Some(e));
            a.set("probation_name", "PP Second");
        }
        None => a.set("licence", "no"),
    }
    a
}

/// Apply each event (answers, on the day) to N-0001 in turn, judging the cohort after each by
/// its checks; the reasons kept.
fn steps(events: &[(FormAnswers, NaiveDate)]) -> (Cohort, Vec<String>) {
    let mut c = demo_cohort(first_release());
    let mut reasons = vec![];
    for (a, day) in events {
        let n = c.nominals.iter_mut().find(|n| n.id == "N-0001").unwrap();
        let (custody, reason) = apply_event(&n.custody, a, *day).unwrap();
        n.custody = custody;
        assert!(c.validate().is_empty(), "{reason}: {:?}", c.validate());
        reasons.push(reason);
    }
    (c, reasons)
}

fn order_live(c: &Cohort, day: NaiveDate) -> bool {
    c.order_for("N-0001", day)
        .is_some_and(|o| o.is_live_on(day) && o.comes_into_force() == Some(first_release()))
}

#[test]
fn recall_then_release_then_licence_ended_keeps_the_order_in_force_throughout() {
    let (recall_day, back, ended) = (ymd(2027, 1, 10), ymd(2027, 3, 3), ymd(2028, 3, 2));
    let (c, reasons) = steps(&[
        (recalled(recall_day, ymd(2027, 3, 1)), recall_day),
        (released(back, Some(ended)), back),
    ]);
    assert_eq!(reasons[1], "Re-released on 3 Mar 2027 after recall");
    let n = c.nominal("N-0001").unwrap();
    assert_eq!(n.custody.first_release(), first_release());
    assert_eq!(n.custody.release_date(), back);
    assert_eq!(
        n.custody.recall(),
        Some(&Recall {
            released_on: first_release(),
            recalled_on: recall_day,
            first_released_on: None,
        })
    );
    assert_eq!(
        n.custody.describe(ymd(2027, 3, 4)),
        "On licence until 2 Mar 2028, re-released 3 Mar 2027 after recall"
    );
    // The new licence is the one in force: recall can be asked for on it.
    assert!(n.custody.on_licence_on(back));
    assert_eq!(n.custody.recall_refusal(back, back), None);
    for day in [first_release(), recall_day, ymd(2027, 2, 1), back, ended] {
        assert!(order_live(&c, day), "the order is not in force on {day}");
    }
    // The file keeps the recall with the licence, and reads it back.
    let json = c.to_json();
    assert_eq!(Cohort::from_json(&json).unwrap(), c);

    // The licence ends: still the first release, still in force.
    let end = answers(&[("event", "licence_ended")], &[("ended", ended)]);
    let (c, _) = steps(&[
        (recalled(recall_day, ymd(2027, 3, 1)), recall_day),
        (released(back, Some(ended)), back),
        (end, ended),
    ]);
    let n = c.nominal("N-0001").unwrap();
    assert_eq!(n.custody.first_release(), first_release());
    assert_eq!(
        n.custody.describe(ymd(2028, 3, 3)),
        "Licence ended 2 Mar 2028, re-released 3 Mar 2027 after recall"
    );
    assert!(order_live(&c, ymd(2028, 3, 3)));
}

#[test]
fn a_second_recall_and_release_still_keep_the_first_release() {
    let days = [
        ymd(2027, 1, 10),
        ymd(2027, 3, 3),
        ymd(2027, 6, 1),
        ymd(2027, 9, 1),
    ];
    let (c, _) = steps(&[
        (recalled(days[0], ymd(2027, 3, 1)), days[0]),
        (released(days[1], Some(ymd(2028, 3, 2))), days[1]),
        (recalled(days[2], ymd(2027, 9, 1)), days[2]),
        (released(days[3], None), days[3]),
    ]);
    let n = c.nominal("N-0001").unwrap();
    // Released without licence (the sentence served): in the community, the recall kept.
    assert_eq!(
        n.custody.recall(),
        Some(&Recall {
            released_on: days[1],
            recalled_on: days[2],
            first_released_on: Some(first_release()),
        })
    );
    assert_eq!(n.custody.first_release(), first_release());
    assert_eq!(
        n.custody.describe(days[3]),
        "In the community, no licence, since 1 Sep 2027, released after recall"
    );
    assert!(order_live(&c, days[3]));
}

#[test]
fn a_release_on_or_before_the_recall_day_is_refused_in_words() {
    let (c, _) = steps(&[(
        recalled(ymd(2027, 1, 10), ymd(2027, 3, 1)),
        ymd(2027, 1, 10),
    )]);
    let n = c.nominal("N-0001").unwrap();
    let p = apply_event(
        &n.custody,
        &released(ymd(2027, 1, 10), Some(ymd(2028, 1, 1))),
        ymd(2027, 1, 12),
    )
    .unwrap_err();
    assert_eq!(p[0].field, "released-day");
    assert_eq!(
        p[0].message,
        "The date of release must be after the recall on 10 Jan 2027"
    );
}

#[test]
fn the_date_of_release_says_what_a_recall_asks_of_it() {
    let (c, _) = steps(&[(
        recalled(ymd(2027, 1, 10), ymd(2027, 3, 1)),
        ymd(2027, 1, 10),
    )]);
    assert_eq!(
        released_hint(&c.nominal("N-0001").unwrap().custody),
        "After the recall on 10 Jan 2027. An order in force since the release on 24 Nov 2026 stays in force."
    );
    let first = demo_cohort(first_release());
    let inside = first.nominal("N-0006").unwrap();
    assert_eq!(
        released_hint(&inside.custody),
        "An order made to come into force on release comes into force on this day."
    );
}

#[test]
fn moving_the_release_date_while_recalled_keeps_the_recall() {
    let moved = answers(
        &[("event", "release_date")],
        &[("expected", ymd(2027, 4, 1))],
    );
    let (c, _) = steps(&[
        (
            recalled(ymd(2027, 1, 10), ymd(2027, 3, 1)),
            ymd(2027, 1, 10),
        ),
        (moved, ymd(2027, 1, 20)),
    ]);
    let n = c.nominal("N-0001").unwrap();
    assert_eq!(n.custody.release_date(), ymd(2027, 4, 1));
    assert_eq!(n.custody.first_release(), first_release());
    assert!(order_live(&c, ymd(2027, 1, 20)));
}
