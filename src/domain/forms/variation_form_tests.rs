use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::domain::cohort::demo::demo_cohort;
use crate::domain::forms::keep_answers::{FormAnswers, KeepProblem};
use crate::domain::forms::provision_form::answers_of;
use crate::domain::forms::variation_form::*;
use crate::domain::order::condition::{Condition, ProvisionFamily};
use crate::domain::order::scpo::{Order, OrderStage, OrderStatus};
use crate::domain::time::dates::ymd;
use crate::domain::Cohort;

const N: &str = "N-0001";

fn order() -> Order {
    Order {
        id: "O-T1".into(),
        nominal_id: N.into(),
        court_reference: "T1".into(),
        court: "Crown Court at Testville".into(),
        stage: OrderStage::Granted {
            date_granted: ymd(2026, 1, 1),
            comes_into_force: Some(ymd(2026, 11, 24)),
            ends: ymd(2031, 11, 23),
        },
        variations: vec![],
        bound: None,
    }
}

fn provision(id: &str, wording: &str) -> Condition {
    Condition {
        id: id.into(),
        order_id: "O-T1".into(),
        family: ProvisionFamily::Other,
        verbatim: wording.into(),
        summary: format!("Summary of {wording}"),
        starts: None,
        ends: None,
        mirrored_in_licence: false,
        notification: None,
        replaces: None,
    }
}

/// The demo cohort with nominal N-0001's orders replaced by `order` and `conditions`.
fn cohort(order: &Order, conditions: &[Condition]) -> Cohort {
    let mut c = demo_cohort(ymd(2026, 11, 24));
    let theirs: Vec<String> = c
        .orders
        .iter()
        .filter(|o| o.nominal_id == N)
        .map(|o| o.id.clone())
        .collect();
    c.orders.retain(|o| o.nominal_id != N);
    c.conditions.retain(|k| !theirs.contains(&k.order_id));
    c.orders.push(order.clone());
    c.conditions.extend(conditions.iter().cloned());
    c
}

fn date(a: &mut FormAnswers, id: &str, d: NaiveDate) {
    a.set(format!("{id}-day"), d.day().to_string());
    a.set(format!("{id}-month"), d.month().to_string());
    a.set(format!("{id}-year"), d.year().to_string());
}

fn base(kind: &str, effect: NaiveDate) -> FormAnswers {
    let mut a = FormAnswers::default();
    a.set(KIND, kind);
    a.set(COURT, "Crown Court at Testville");
    a.set(SUMMARY, "Varied on application");
    date(&mut a, MADE, effect);
    date(&mut a, EFFECT, effect);
    a
}

fn reword(a: &mut FormAnswers, old: &Condition, wording: &str) {
    a.set(reworded_field(&old.id), "yes");
    answers_of(old, &reword_prefix(&old.id), a);
    a.set(format!("{}wording", reword_prefix(&old.id)), wording);
}

fn ids(n: usize) -> String {
    format!("C-NEW-{n}")
}

fn wordings(cs: &[&Condition]) -> Vec<String> {
    let mut w: Vec<String> = cs.iter().map(|c| c.verbatim.clone()).collect();
    w.sort();
    w
}

#[test]
fn a_rewording_ends_the_old_wording_and_the_new_one_replaces_it_from_the_day() {
    let (o, old) = (order(), provision("C-1", "Not to enter Testville."));
    let mut a = base("variation", ymd(2027, 3, 1));
    reword(&mut a, &old, "Not to enter Testville or Exampleton.");
    let change = variation_from(&a, &o, &[&old], "V-1", &ids).unwrap();
    assert_eq!(change.added.len(), 1);
    assert_eq!(change.added[0].replaces.as_deref(), Some("C-1"));
    assert_eq!(
        change.added[0].summary, old.summary,
        "the other answers start from the old provision"
    );
    let v = &change.order.variations[0];
    assert_eq!(
        (v.conditions_ended.clone(), v.conditions_added.clone()),
        (vec!["C-1".to_string()], vec!["C-NEW-0".to_string()])
    );
    let mut all = vec![old.clone()];
    all.extend(change.added.clone());
    let c = cohort(&change.order, &all);
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    let (before, after) = in_force_around(&c, N, ymd(2027, 3, 1));
    assert_eq!(wordings(&before), ["Not to enter Testville."]);
    assert_eq!(wordings(&after), ["Not to enter Testville or Exampleton."]);
}

#[test]
fn a_variation_past_five_years_is_refused_and_an_extension_may_go_further() {
    let (o, old) = (order(), provision("C-1", "Not to enter Testville."));
    // Five years from 24 Nov 2026 ends on 23 Nov 2031.
    let mut a = base("variation", ymd(2027, 3, 1));
    date(&mut a, NEW_END, ymd(2031, 11, 24));
    let e = variation_from(&a, &o, &[&old], "V-1", &ids).unwrap_err();
    assert_eq!(e[0].field, "new-end-day");
    assert!(e[0].message.contains("it must end by 23 Nov 2031"), "{e:?}");
    let mut a = base("extension", ymd(2031, 11, 1));
    date(&mut a, NEW_END, ymd(2032, 6, 30));
    let change = variation_from(&a, &o, &[&old], "V-1", &ids).unwrap();
    assert_eq!(
        change.order.ends_on(ymd(2032, 1, 1)),
        Some(ymd(2032, 6, 30))
    );
    // An extension must extend.
    let mut a = base("extension", ymd(2031, 11, 1));
    date(&mut a, NEW_END, ymd(2031, 11, 2));
    assert_eq!(
        variation_from(&a, &o, &[&old], "V-1", &ids).unwrap_err()[0].field,
        "new-end-day"
    );
}

#[test]
fn every_missing_answer_is_at_its_field_and_a_variation_must_change_something() {
    let (o, old) = (order(), provision("C-1", "Not to enter Testville."));
    let e = variation_from(&FormAnswers::default(), &o, &[&old], "V-1", &ids).unwrap_err();
    let fields: Vec<&str> = e.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(
        fields,
        ["kind", "court", "made-day", "effect-day", "summary"]
    );
    let e = variation_from(
        &base("variation", ymd(2027, 3, 1)),
        &o,
        &[&old],
        "V-1",
        &ids,
    )
    .unwrap_err();
    assert_eq!(e[0].field, "changes");
    // Takes effect before it was made.
    let mut a = base("variation", ymd(2027, 3, 1));
    date(&mut a, MADE, ymd(2027, 3, 2));
    a.set(ended_field("C-1"), "yes");
    let e = variation_from(&a, &o, &[&old], "V-1", &ids).unwrap_err();
    assert_eq!(
        e,
        [KeepProblem::new(
            "effect-day".to_string(),
            "The date is before the variation was made"
        )]
    );
    // A reworded provision's new wording is checked at its own fields.
    let mut a = base("variation", ymd(2027, 3, 1));
    reword(&mut a, &old, "  ");
    let e = variation_from(&a, &o, &[&old], "V-1", &ids).unwrap_err();
    assert_eq!(e[0].field, "r-C-1-wording");
}

#[test]
fn a_discharge_ends_the_order_from_the_day_it_takes_effect() {
    let (o, old) = (order(), provision("C-1", "Not to enter Testville."));
    let change = variation_from(
        &base("discharge", ymd(2028, 5, 1)),
        &o,
        &[&old],
        "V-1",
        &ids,
    )
    .unwrap();
    assert_eq!(change.order.status_on(ymd(2028, 4, 30)), OrderStatus::Live);
    assert_eq!(
        change.order.status_on(ymd(2028, 5, 1)),
        OrderStatus::Discharged
    );
    assert_eq!(
        change.order.variations.len(),
        1,
        "the court's decision is kept with the order"
    );
    let c = cohort(&change.order, &[old]);
    let (before, after) = in_force_around(&c, N, ymd(2028, 5, 1));
    assert_eq!((before.len(), after.len()), (1, 0));
    // Not after the order's last day.
    let e = variation_from(&base("discharge", ymd(2032, 5, 1)), &o, &[], "V-1", &ids).unwrap_err();
    assert_eq!(e[0].field, "effect-day");
}

/// One court's change in the property below: days after the last change, and for each
/// provision standing then 0 keep, 1 end, 2 reword; and whether it adds one.
#[derive(Debug, Clone)]
struct Step {
    gap: u16,
    actions: Vec<u8>,
    adds: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (1u16..300, prop::collection::vec(0u8..3, 6), any::<bool>())
        .prop_map(|(gap, actions, adds)| Step { gap, actions, adds })
}

proptest! {
    /// Variations recorded through the form one after another, then, for any day, the wording
    /// in force by the domain's query over the cohort is the wording a plain replay of the
    /// versions gives: the granted wording, less what each change by then ended, plus what it
    /// added.
    #[test]
    fn the_wording_in_force_on_any_day_is_the_replay_of_the_versions(steps in prop::collection::vec(step(), 1..5), probe in 0u16..2400) {
        let mut o = order();
        let mut all: Vec<Condition> = (0..3).map(|k| provision(&format!("C-{k}"), &format!("Granted {k}"))).collect();
        let mut standing: BTreeMap<String, String> = all.iter().map(|c| (c.id.clone(), c.verbatim.clone())).collect();
        let mut replay: Vec<(NaiveDate, BTreeMap<String, String>)> = vec![];
        let mut day = ymd(2026, 11, 24);
        for (s, st) in steps.iter().enumerate() {
            day = day + chrono::Days::new(st.gap.into());
            if day > ymd(2031, 11, 23) { break; }
            let mut a = base("variation", day);
            let mut next = standing.clone();
            for (k, id) in standing.keys().enumerate() {
                let old = all.iter().find(|c| &c.id == id).cloned().unwrap();
                match st.actions.get(k).copied().unwrap_or(0) {
                    1 => { a.set(ended_field(id), "yes"); next.remove(id); }
                    2 => { reword(&mut a, &old, &format!("Reworded {id} at {s}")); next.remove(id); }
                    _ => {}
                }
            }
            if st.adds {
                a.set(ADDED, "1");
                answers_of(&provision("x", &format!("Added at {s}")), &added_prefix(0), &mut a);
            }
            let new_id = |n: usize| format!("C-{s}-{n}");
            let Ok(change) = variation_from(&a, &o, &all.iter().collect::<Vec<_>>(), &format!("V-{s}"), &new_id) else {
                continue; // nothing to change this time
            };
            for c in &change.added { next.insert(c.id.clone(), c.verbatim.clone()); }
            all.extend(change.added.clone());
            o = change.order;
            standing = next.clone();
            replay.push((day, next));
        }
        let c = cohort(&o, &all);
        prop_assert!(c.validate().is_empty(), "{:?}", c.validate());
        let probe = ymd(2026, 1, 1) + chrono::Days::new(probe.into());
        let expected: Vec<String> = if o.is_live_on(probe) {
            let mut w = (0..3).map(|k| (format!("C-{k}"), format!("Granted {k}"))).collect::<BTreeMap<_, _>>();
            for (from, set) in &replay { if *from <= probe { w = set.clone(); } }
            let mut v: Vec<String> = w.into_values().collect();
            v.sort();
            v
        } else {
            vec![]
        };
        prop_assert_eq!(wordings(&c.live_conditions(N, probe)), expected);
    }
}
