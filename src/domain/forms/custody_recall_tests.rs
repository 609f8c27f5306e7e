//! A recall to custody recorded at the desk: the release the licence began with is kept, so the
//! order that came into force on it stays in force (a recall does not end the order), the
//! cohort's checks accept it, and a cohort file without a recall reads as before.

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::cohort::Cohort;
use crate::domain::forms::keep_answers::FormAnswers;
use crate::domain::people::nominal::Recall;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

/// The demo cohort with N-0001 (on licence, released today, the order in force from today)
/// recalled to custody on `recalled`.
fn recalled_on(recalled: NaiveDate) -> Result<(Cohort, String), Vec<KeepProblem>> {
    let mut c = demo_cohort(today());
    let mut a = FormAnswers::from_pairs([("event".to_string(), "recalled".to_string())]);
    a.set_date("recalled", Some(recalled));
    a.set_date("expected", Some(ymd(2027, 5, 1)));
    let n = c.nominals.iter_mut().find(|n| n.id == "N-0001").unwrap();
    let (custody, reason) = apply_event(&n.custody, &a, ymd(2027, 1, 10))?;
    n.custody = custody;
    Ok((c, reason))
}

#[test]
fn a_recall_keeps_the_release_and_the_order_in_force() {
    let (c, reason) = recalled_on(ymd(2027, 1, 10)).unwrap();
    assert_eq!(reason, "Recalled to custody on 10 Jan 2027");
    let n = c.nominal("N-0001").unwrap();
    assert_eq!(
        n.custody,
        CustodyStatus::InCustody {
            expected_release: ymd(2027, 5, 1),
            recall: Some(Recall {
                released_on: today(),
                recalled_on: ymd(2027, 1, 10),
                first_released_on: None,
            }),
        }
    );
    // Before, the cross-check refused this: the order came into force before the "release".
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    let order = c.order_for("N-0001", ymd(2027, 1, 11)).unwrap();
    assert!(order.is_live_on(ymd(2027, 1, 11)));
    assert_eq!(
        n.custody.describe(ymd(2027, 1, 11)),
        "Recalled to custody on 10 Jan 2027 (released 24 Nov 2026), expected release 1 May 2027"
    );
    // No licence in force while recalled: recall cannot be chosen again.
    assert!(!n.custody.on_licence_on(ymd(2027, 1, 11)));
    // The cohort file keeps the recall, and reads it back.
    let back = Cohort::from_json(&c.to_json()).unwrap();
    assert_eq!(back.nominal("N-0001").unwrap().custody, n.custody);
}

#[test]
fn a_recall_before_the_release_is_refused_in_words() {
    let p = recalled_on(ymd(2026, 11, 1)).unwrap_err();
    assert_eq!(p[0].field, "recalled-day");
    assert_eq!(
        p[0].message,
        "The date of recall must be on or after the release on 24 Nov 2026"
    );
}

#[test]
fn a_file_without_a_recall_reads_as_before_and_writes_no_recall() {
    let c = demo_cohort(today());
    let json = c.to_json();
    assert!(!json.contains("\"recall\""));
    let inside = c
        .nominals
        .iter()
        .find(|n| matches!(n.custody, CustodyStatus::InCustody { .. }))
        .unwrap();
    let back = Cohort::from_json(&json).unwrap();
    assert_eq!(
        back.nominal(&inside.id).unwrap().custody,
        inside.custody.clone()
    );
    // A recall whose day is before its release is a problem to correct.
    let mut bad = c.clone();
    let n = bad.nominals.iter_mut().find(|n| n.id == inside.id).unwrap();
    n.custody = CustodyStatus::InCustody {
        expected_release: ymd(2027, 5, 1),
        recall: Some(Recall {
            released_on: ymd(2026, 6, 1),
            recalled_on: ymd(2026, 5, 1),
            first_released_on: None,
        }),
    };
    let problems = bad.validate();
    assert!(problems
        .iter()
        .any(|p| p.path.ends_with("custody.recall.recalled_on")));
}
