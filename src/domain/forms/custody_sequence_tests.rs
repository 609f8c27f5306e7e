//! Property: whatever custody events follow each other at the desk (release dates moved,
//! releases with or without licence, licence ends changed, recalls, licences ended), the first
//! release of the sentence is kept, the order that came into force on it stays in force, and the
//! cohort's checks accept every step. Same case count as `cohort::property_tests`.

use proptest::prelude::*;

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::forms::keep_answers::FormAnswers;
use crate::domain::time::dates::ymd;

fn on(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(chrono::Days::new(days)).unwrap()
}

/// The answers of event `pick` (of those `custody` offers) on `day`; `None` when none is offered.
fn event(
    custody: &CustodyStatus,
    pick: usize,
    with_licence: bool,
    day: NaiveDate,
) -> Option<FormAnswers> {
    let offered = events_for(custody);
    let (code, _) = offered.get(pick % offered.len().max(1))?;
    let mut a = FormAnswers::from_pairs([("event".to_string(), code.to_string())]);
    match *code {
        "release_date" => a.set_date("expected", Some(on(day, 30))),
        "released" => {
            a.set_date("released", Some(day));
            if with_licence {
                a.set("licence", "yes");
                a.set_date("licence_ends", Some(on(day, 365)));
                a.set("probation_name", "PP Sample");
            } else {
                a.set("licence", "no");
            }
        }
        "licence_end" => a.set_date("licence_ends", Some(on(day, 200))),
        "recalled" => {
            a.set_date("recalled", Some(day));
            a.set_date("expected", Some(on(day, 56)));
        }
        _ => a.set_date("ended", Some(day)),
    }
    Some(a)
}

proptest! {
    #[test]
    fn any_sequence_of_custody_events_keeps_the_order_in_force(
        steps in prop::collection::vec((0usize..3, any::<bool>(), 1u64..90), 1..12),
    ) {
        let first = ymd(2026, 11, 24);
        let mut c = demo_cohort(first);
        let mut day = first;
        for (pick, with_licence, gap) in steps {
            day = on(day, gap);
            let n = c.nominals.iter_mut().find(|n| n.id == "N-0001").unwrap();
            let Some(a) = event(&n.custody, pick, with_licence, day) else { break };
            let (custody, reason) = apply_event(&n.custody, &a, day)
                .map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
            n.custody = custody;
            prop_assert_eq!(n.custody.first_release(), first, "{}", reason);
            prop_assert!(c.validate().is_empty(), "{}: {:?}", reason, c.validate());
            let order = c.order_for("N-0001", day).unwrap();
            prop_assert!(order.is_live_on(day), "{}: not in force on {}", reason, day);
        }
    }
}
