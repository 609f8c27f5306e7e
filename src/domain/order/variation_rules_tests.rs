//! The rules of provisions and variations (issue 19): a provision that could never be in force
//! is refused; a rewording needs the variation that makes it; variations are replayed in the
//! order they take effect; an s.22E extension cannot bring an expired order back.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::order::condition::{Condition, ProvisionFamily};
use crate::domain::order::scpo::{Order, OrderStage, OrderStatus, Variation, VariationKind};
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

/// Every reason given at exactly `path`.
fn reasons_at(v: &Value, path: &str) -> Vec<String> {
    problems(v)
        .into_iter()
        .filter(|(p, _)| p == path)
        .map(|(_, r)| r)
        .collect()
}

/// The index of the condition with this id in the file.
fn condition_at(v: &Value, id: &str) -> usize {
    v["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["id"] == id)
        .unwrap()
}

fn order_at(v: &Value, id: &str) -> usize {
    v["orders"]
        .as_array()
        .unwrap()
        .iter()
        .position(|o| o["id"] == id)
        .unwrap()
}

fn a_variation(id: &str, kind: &str, takes_effect: &str) -> Value {
    json!({
        "id": id, "kind": kind, "made_on": takes_effect, "takes_effect": takes_effect,
        "court": "Crown Court at Testford", "summary": "Varied",
        "conditions_ended": [], "conditions_added": []
    })
}

#[test]
fn a_provision_that_ends_before_its_order_comes_into_force_is_refused_at_its_ends() {
    let mut v = demo_value();
    let o = order_at(&v, "O-0001");
    assert_eq!(v["orders"][o]["stage"]["comes_into_force"], "2026-11-24");
    let i = condition_at(&v, "C-0001-02");
    v["conditions"][i]["ends"] = json!("2026-11-23");
    assert_eq!(
        reasons_at(&v, &format!("conditions[{i}].ends")),
        vec![
            "ends on 23 Nov 2026, before its order comes into force on 24 Nov 2026: it could never be in force"
        ]
    );
    // In force for the order's first day only: accepted.
    v["conditions"][i]["ends"] = json!("2026-11-24");
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn a_provision_that_starts_after_its_orders_last_day_is_refused_at_its_starts() {
    let mut v = demo_value();
    let o = order_at(&v, "O-0001");
    v["orders"][o]["stage"]["ends"] = json!("2031-06-30");
    let i = condition_at(&v, "C-0001-02");
    v["conditions"][i]["starts"] = json!("2031-07-01");
    assert_eq!(
        reasons_at(&v, &format!("conditions[{i}].starts")),
        vec!["starts on 1 Jul 2031, after its order's last day, 30 Jun 2031: it could never be in force"]
    );
    v["conditions"][i]["starts"] = json!("2031-06-30");
    assert_eq!(problems(&v), vec![]);
    // An extension pending proceedings (s.22E) moves the last day: the provision can be in force.
    v["conditions"][i]["starts"] = json!("2031-07-01");
    let mut ext = a_variation("V-X", "extension_pending_proceedings", "2031-06-01");
    ext["new_end"] = json!("2031-12-31");
    v["orders"][o]["variations"] = json!([ext]);
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn while_release_is_not_fixed_only_a_provision_ending_before_the_grant_is_refused() {
    // N-0006 is in custody; with no date fixed the order comes into force "on release".
    let mut v = demo_value();
    let o = order_at(&v, "O-0006");
    v["orders"][o]["stage"]["comes_into_force"] = Value::Null;
    assert_eq!(v["orders"][o]["stage"]["date_granted"], "2025-10-20");
    let i = condition_at(&v, "C-0006-01");
    // Nothing to compare yet: the order may come into force on any day from its grant.
    v["conditions"][i]["ends"] = json!("2026-01-01");
    assert_eq!(problems(&v), vec![]);
    // But it cannot come into force before the court granted it.
    v["conditions"][i]["ends"] = json!("2025-10-19");
    assert_eq!(
        reasons_at(&v, &format!("conditions[{i}].ends")),
        vec!["ends on 19 Oct 2025, before its order was granted on 20 Oct 2025: it could never be in force"]
    );
}

#[test]
fn a_rewording_needs_a_variation_that_ends_the_old_provision_and_adds_the_new_from_the_same_day() {
    // The demo's V-0007-1 ends C-0007-01 and adds C-0007-11, which replaces it.
    let v = demo_value();
    assert_eq!(problems(&v), vec![]);
    let o = order_at(&v, "O-0007");
    let i = condition_at(&v, "C-0007-11");
    let path = format!("conditions[{i}].replaces");
    let refused = vec![
        "no variation of this order ends \"C-0007-01\" and adds \"C-0007-11\" from the same day: without one, both wordings would be in force at once".to_string(),
    ];

    // The new wording is not added by the variation: it would be in force from the start.
    let mut w = v.clone();
    w["orders"][o]["variations"][0]["conditions_added"] = json!([]);
    assert_eq!(reasons_at(&w, &path), refused);

    // The old wording is not ended: both would be in force after the variation.
    let mut w = v.clone();
    w["orders"][o]["variations"][0]["conditions_ended"] = json!([]);
    assert_eq!(reasons_at(&w, &path), refused);

    // Ended by one variation and added by another from a later day: a gap, not a rewording.
    let from = v["orders"][o]["variations"][0]["takes_effect"]
        .as_str()
        .unwrap()
        .to_string();
    let later: NaiveDate = from.parse::<NaiveDate>().unwrap().succ_opt().unwrap();
    let mut w = v.clone();
    w["orders"][o]["variations"][0]["conditions_added"] = json!([]);
    let mut adds = a_variation("V-0007-2", "variation", &later.to_string());
    adds["conditions_added"] = json!(["C-0007-11"]);
    w["orders"][o]["variations"]
        .as_array_mut()
        .unwrap()
        .push(adds.clone());
    assert_eq!(reasons_at(&w, &path), refused);

    // Two variations with effect from the same day do reword it.
    adds["takes_effect"] = json!(from);
    adds["made_on"] = json!(from);
    w["orders"][o]["variations"][1] = adds;
    assert_eq!(problems(&w), vec![]);

    // A provision cannot replace itself.
    let mut w = v.clone();
    w["conditions"][i]["replaces"] = json!("C-0007-11");
    assert_eq!(
        reasons_at(&w, &path),
        vec!["a provision cannot replace itself"]
    );
}

fn order(cif: Option<NaiveDate>, ends: NaiveDate) -> Order {
    Order {
        id: "O-R1".into(),
        nominal_id: "N-R1".into(),
        court_reference: "T20260101".into(),
        court: "Crown Court at Testville".into(),
        stage: OrderStage::Granted {
            date_granted: ymd(2026, 1, 10),
            comes_into_force: cif,
            ends,
        },
        variations: vec![],
        bound: None,
    }
}

fn condition(id: &str) -> Condition {
    Condition {
        id: id.into(),
        order_id: "O-R1".into(),
        family: ProvisionFamily::Premises,
        verbatim: "Not to enter the premises in Schedule 2.".into(),
        summary: "Keep out of the premises in Schedule 2.".into(),
        starts: None,
        ends: None,
        mirrored_in_licence: false,
        notification: None,
        replaces: None,
    }
}

fn variation(id: &str, takes_effect: NaiveDate, ended: &[&str], added: &[&str]) -> Variation {
    Variation {
        id: id.into(),
        kind: VariationKind::Variation,
        made_on: takes_effect,
        takes_effect,
        court: format!("Crown Court at Testville ({id})"),
        summary: "Varied on application".into(),
        new_end: None,
        conditions_ended: ended.iter().map(|s| s.to_string()).collect(),
        conditions_added: added.iter().map(|s| s.to_string()).collect(),
    }
}

fn extension(takes_effect: NaiveDate, new_end: NaiveDate) -> Variation {
    Variation {
        kind: VariationKind::ExtensionPendingProceedings,
        new_end: Some(new_end),
        summary: "Extended while a breach charge is pending (s.22E)".into(),
        ..variation("V-E", takes_effect, &[], &[])
    }
}

/// The days among `days` on which `c` is in force.
fn in_force(c: &Condition, o: &Order, days: &[NaiveDate]) -> Vec<bool> {
    days.iter().map(|d| c.in_force_on(o, *d)).collect()
}

#[test]
fn a_provision_granted_with_the_order_ended_and_added_back_is_in_force_before_the_first_and_after_the_second(
) {
    // Live from 1 Feb 2026; C-1 granted with it, ended from 1 Jun 2027, added back from 1 Jan 2028.
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2031, 1, 31));
    o.variations = vec![
        variation("V-1", ymd(2027, 6, 1), &["C-1"], &[]),
        variation("V-2", ymd(2028, 1, 1), &[], &["C-1"]),
    ];
    let c = condition("C-1");
    let days = [
        ymd(2026, 2, 1),
        ymd(2027, 5, 31),
        ymd(2027, 6, 1),
        ymd(2027, 12, 31),
        ymd(2028, 1, 1),
        ymd(2031, 1, 31),
    ];
    let expected = vec![true, true, false, false, true, true];
    assert_eq!(in_force(&c, &o, &days), expected);
    assert_eq!(
        c.why_not_in_force(&o, ymd(2027, 12, 31), None)
            .unwrap()
            .to_string(),
        "this provision was ended by a variation (Crown Court at Testville (V-1)) from 1 Jun 2027"
    );
    // The file may list them in any order: they are replayed in order of taking effect.
    o.variations.reverse();
    assert_eq!(in_force(&c, &o, &days), expected);
}

#[test]
fn a_provision_added_ended_and_added_again_follows_each_variation_in_turn() {
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2031, 1, 31));
    o.variations = vec![
        variation("V-3", ymd(2029, 1, 1), &[], &["C-2"]),
        variation("V-1", ymd(2027, 1, 1), &[], &["C-2"]),
        variation("V-2", ymd(2028, 1, 1), &["C-2"], &[]),
    ];
    let c = condition("C-2");
    let days = [
        ymd(2026, 12, 31),
        ymd(2027, 1, 1),
        ymd(2027, 12, 31),
        ymd(2028, 1, 1),
        ymd(2028, 12, 31),
        ymd(2029, 1, 1),
    ];
    assert_eq!(
        in_force(&c, &o, &days),
        vec![false, true, true, false, false, true]
    );
    assert_eq!(
        c.why_not_in_force(&o, ymd(2026, 12, 31), None)
            .unwrap()
            .to_string(),
        "this provision was added by a variation (Crown Court at Testville (V-1)) from 1 Jan 2027"
    );
}

#[test]
fn an_extension_pending_proceedings_cannot_bring_an_expired_order_back() {
    // Live from 1 Feb 2026 to 31 Jan 2027; "extended" from 1 Mar 2027, after it had ended.
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2027, 1, 31));
    let late = extension(ymd(2027, 3, 1), ymd(2027, 9, 30));
    let err = o.check_variation(&late).unwrap_err();
    assert_eq!(err.field(), "takes_effect");
    assert_eq!(
        err.to_string(),
        "is after the order's last day, 31 Jan 2027: an extension while proceedings are pending (s.22E) must take effect while the order is still in force, and cannot bring back an order that has ended"
    );
    // The in-force calculation ignores it the same way.
    o.variations.push(late);
    let c = condition("C-1");
    assert_eq!(o.ends_on(ymd(2027, 4, 1)), Some(ymd(2027, 1, 31)));
    assert_eq!(o.status_on(ymd(2027, 4, 1)), OrderStatus::Expired);
    assert!(!c.in_force_on(&o, ymd(2027, 4, 1)));
    assert_eq!(
        c.why_not_in_force(&o, ymd(2027, 4, 1), None)
            .unwrap()
            .to_string(),
        "the order ended on 31 Jan 2027"
    );
    // On its last day the order is still in force: an extension from then stands.
    let in_time = extension(ymd(2027, 1, 31), ymd(2027, 9, 30));
    assert_eq!(o.check_variation(&in_time), Ok(()));
    o.variations = vec![in_time];
    assert_eq!(o.status_on(ymd(2027, 4, 1)), OrderStatus::Live);
    assert!(c.in_force_on(&o, ymd(2027, 9, 30)));
    assert!(!c.in_force_on(&o, ymd(2027, 10, 1)));
}

#[test]
fn an_extension_pending_proceedings_must_take_effect_once_the_order_is_in_force() {
    let mut o = order(Some(ymd(2026, 6, 1)), ymd(2027, 1, 31));
    let early = extension(ymd(2026, 3, 1), ymd(2027, 9, 30));
    let err = o.check_variation(&early).unwrap_err();
    assert_eq!(err.field(), "takes_effect");
    assert_eq!(
        err.to_string(),
        "is before the order comes into force on 1 Jun 2026: an extension while proceedings are pending (s.22E) must take effect while the order is in force"
    );
    o.variations.push(early);
    assert_eq!(o.status_on(ymd(2027, 2, 1)), OrderStatus::Expired);
    // While release is not fixed the order has never been in force.
    let unfixed = order(None, ymd(2027, 1, 31));
    let err = unfixed
        .check_variation(&extension(ymd(2026, 3, 1), ymd(2027, 9, 30)))
        .unwrap_err();
    assert_eq!(err.field(), "takes_effect");
    assert!(err.to_string().contains("the release date is not fixed"));
}

#[test]
fn a_variation_on_application_cannot_bring_an_expired_order_back_either() {
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2027, 1, 31));
    let mut late = variation("V-L", ymd(2027, 3, 1), &[], &[]);
    late.new_end = Some(ymd(2028, 1, 31));
    let err = o.check_variation(&late).unwrap_err();
    assert_eq!(err.field(), "takes_effect");
    assert_eq!(
        err.to_string(),
        "is after the order's last day, 31 Jan 2027: a variation cannot bring back an order that has ended"
    );
    o.variations.push(late);
    assert_eq!(o.status_on(ymd(2027, 6, 1)), OrderStatus::Expired);
}

#[test]
fn import_refuses_an_extension_taking_effect_after_the_order_ended_at_its_takes_effect() {
    // O-0003's order ends within 60 days of 24 Nov 2026.
    let mut v = demo_value();
    let o = order_at(&v, "O-0003");
    let ends = v["orders"][o]["stage"]["ends"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(ends, "2027-01-23");
    let mut ext = a_variation("V-0003-1", "extension_pending_proceedings", "2027-02-01");
    ext["made_on"] = json!("2027-01-20");
    ext["new_end"] = json!("2027-06-30");
    v["orders"][o]["variations"] = json!([ext]);
    assert_eq!(
        reasons_at(&v, &format!("orders[{o}].variations[0].takes_effect")),
        vec!["is after the order's last day, 23 Jan 2027: an extension while proceedings are pending (s.22E) must take effect while the order is still in force, and cannot bring back an order that has ended"]
    );
    // Taking effect on the last day, it stands.
    v["orders"][o]["variations"][0]["takes_effect"] = json!("2027-01-23");
    assert_eq!(problems(&v), vec![]);
}
