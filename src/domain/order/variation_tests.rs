//! Variations: the provisions in force on a day follow from the order as granted plus every
//! variation that had taken effect by that day; the five-year limit and its s.22E exception.

use chrono::NaiveDate;

use crate::domain::order::condition::{Condition, NotInForce, ProvisionFamily};
use crate::domain::order::scpo::{Order, OrderStage, Variation, VariationError, VariationKind};
use crate::domain::time::dates::ymd;

fn order(cif: Option<NaiveDate>, ends: NaiveDate) -> Order {
    Order {
        id: "O-V1".into(),
        nominal_id: "N-V1".into(),
        court_reference: "T20260099".into(),
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

fn condition(id: &str, wording: &str) -> Condition {
    Condition {
        id: id.into(),
        order_id: "O-V1".into(),
        family: ProvisionFamily::AssociationsCommunications,
        verbatim: wording.into(),
        summary: wording.into(),
        starts: None,
        ends: None,
        mirrored_in_licence: true,
        notification: None,
        replaces: None,
    }
}

fn variation(kind: VariationKind, takes_effect: NaiveDate) -> Variation {
    Variation {
        id: "V-1".into(),
        kind,
        made_on: takes_effect,
        takes_effect,
        court: "Crown Court at Testville".into(),
        summary: "Varied on application".into(),
        new_end: None,
        conditions_ended: vec![],
        conditions_added: vec![],
    }
}

/// An order live from 1 Feb 2026 to 31 Jan 2031, reworded on 1 Jun 2027: C-OLD ended, C-NEW
/// (which replaces it) added.
fn reworded() -> (Order, Condition, Condition) {
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2031, 1, 31));
    let mut v = variation(VariationKind::Variation, ymd(2027, 6, 1));
    v.conditions_ended = vec!["C-OLD".into()];
    v.conditions_added = vec!["C-NEW".into()];
    o.variations.push(v);
    let old = condition("C-OLD", "Not to possess more than one mobile phone.");
    let mut new = condition("C-NEW", "Not to possess more than two mobile phones.");
    new.replaces = Some("C-OLD".into());
    (o, old, new)
}

#[test]
fn a_provision_ended_by_a_variation_is_in_force_the_day_before_and_not_from_the_day_it_takes_effect(
) {
    let (o, old, _) = reworded();
    assert!(old.in_force_on(&o, ymd(2027, 5, 31)));
    assert!(!old.in_force_on(&o, ymd(2027, 6, 1)));
    assert_eq!(
        old.why_not_in_force(&o, ymd(2027, 6, 1), None)
            .unwrap()
            .to_string(),
        "this provision was ended by a variation (Crown Court at Testville) from 1 Jun 2027"
    );
}

#[test]
fn a_provision_added_by_a_variation_is_not_in_force_before_the_day_it_takes_effect() {
    let (o, _, new) = reworded();
    assert!(!new.in_force_on(&o, ymd(2027, 5, 31)));
    assert!(new.in_force_on(&o, ymd(2027, 6, 1)));
    assert!(matches!(
        new.why_not_in_force(&o, ymd(2027, 5, 31), None),
        Some(NotInForce::AddedByVariation { from, .. }) if from == ymd(2027, 6, 1)
    ));
}

#[test]
fn the_wording_in_force_on_a_day_is_the_one_the_variations_by_then_leave() {
    let (o, old, new) = reworded();
    let conditions = [old, new];
    let wording_on = |day| -> Vec<&str> {
        conditions
            .iter()
            .filter(|c| c.in_force_on(&o, day))
            .map(|c| c.verbatim.as_str())
            .collect()
    };
    assert_eq!(
        wording_on(ymd(2027, 1, 1)),
        vec!["Not to possess more than one mobile phone."]
    );
    assert_eq!(
        wording_on(ymd(2027, 7, 1)),
        vec!["Not to possess more than two mobile phones."]
    );
}

#[test]
fn a_variation_not_yet_in_effect_changes_nothing_today() {
    let (mut o, old, new) = reworded();
    o.variations[0].takes_effect = ymd(2030, 1, 1);
    assert!(old.in_force_on(&o, ymd(2027, 7, 1)));
    assert!(!new.in_force_on(&o, ymd(2027, 7, 1)));
}

#[test]
fn a_variation_may_not_take_the_order_past_five_years() {
    let o = order(Some(ymd(2026, 2, 1)), ymd(2030, 1, 31));
    let mut v = variation(VariationKind::Variation, ymd(2027, 6, 1));
    v.new_end = Some(ymd(2031, 1, 31));
    assert_eq!(o.check_variation(&v), Ok(()));
    v.new_end = Some(ymd(2031, 2, 1));
    let err = o.check_variation(&v).unwrap_err();
    assert_eq!(
        err,
        VariationError::NewEndPastFiveYears {
            latest_end: ymd(2031, 1, 31)
        }
    );
    assert_eq!(err.field(), "new_end");
    assert!(err.to_string().contains("it must end by 31 Jan 2031"));
}

#[test]
fn an_extension_while_proceedings_are_pending_may_go_past_five_years() {
    let mut o = order(Some(ymd(2026, 2, 1)), ymd(2031, 1, 31));
    let mut v = variation(VariationKind::ExtensionPendingProceedings, ymd(2031, 1, 20));
    v.new_end = Some(ymd(2031, 9, 30));
    assert_eq!(o.check_variation(&v), Ok(()));
    o.variations.push(v.clone());
    assert!(o.is_live_on(ymd(2031, 9, 30)));
    assert!(!o.is_live_on(ymd(2031, 10, 1)));
    // An "extension" that does not extend is refused.
    v.new_end = Some(ymd(2031, 1, 31));
    o.variations.clear();
    assert_eq!(
        o.check_variation(&v),
        Err(VariationError::ExtensionWithoutLaterEnd {
            ends: ymd(2031, 1, 31)
        })
    );
    v.new_end = None;
    assert!(o.check_variation(&v).is_err());
}

#[test]
fn a_variation_cannot_take_effect_before_it_was_made_or_end_before_it_takes_effect() {
    let o = order(Some(ymd(2026, 2, 1)), ymd(2031, 1, 31));
    let mut v = variation(VariationKind::Variation, ymd(2027, 6, 1));
    v.made_on = ymd(2027, 6, 2);
    assert_eq!(
        o.check_variation(&v),
        Err(VariationError::TakesEffectBeforeMade)
    );
    v.made_on = ymd(2027, 6, 1);
    v.new_end = Some(ymd(2027, 5, 31));
    assert_eq!(
        o.check_variation(&v),
        Err(VariationError::NewEndBeforeItTakesEffect)
    );
}

#[test]
fn while_release_is_not_fixed_the_five_years_are_not_judged_from_the_grant_date() {
    // Granted 10 Jan 2026 on conviction; release not fixed; the end given is provisional.
    let o = order(None, ymd(2033, 6, 30));
    assert_eq!(o.check_dates(), Ok(()));
    assert!(o.end_is_provisional());
    let mut v = variation(VariationKind::Variation, ymd(2027, 6, 1));
    v.new_end = Some(ymd(2034, 1, 1));
    assert_eq!(o.check_variation(&v), Ok(()));
    // Once release is fixed the limit applies.
    let fixed = order(Some(ymd(2028, 7, 1)), ymd(2033, 6, 30));
    assert!(!fixed.end_is_provisional());
    assert_eq!(fixed.check_dates(), Ok(()));
    let too_long = order(Some(ymd(2028, 7, 1)), ymd(2033, 7, 1));
    assert!(too_long.check_dates().is_err());
}

#[test]
fn the_not_in_force_message_says_why() {
    let o = order(Some(ymd(2026, 11, 28)), ymd(2031, 11, 27));
    let c = condition("C-1", "x");
    let day = ymd(2026, 11, 24);
    assert_eq!(
        c.why_not_in_force(&o, day, Some(ymd(2026, 11, 28)))
            .unwrap()
            .to_string(),
        "the order comes into force on release, 28 Nov 2026"
    );
    assert_eq!(
        c.why_not_in_force(&o, day, None).unwrap().to_string(),
        "the order comes into force on 28 Nov 2026"
    );
    assert_eq!(
        c.why_not_in_force(&o, ymd(2031, 11, 28), None)
            .unwrap()
            .to_string(),
        "the order ended on 27 Nov 2031"
    );
    let unknown = order(None, ymd(2031, 11, 27));
    assert_eq!(
        c.why_not_in_force(&unknown, day, None).unwrap().to_string(),
        "the order comes into force on release, and the release date is not fixed yet"
    );
    let mut own = condition("C-2", "x");
    own.starts = Some(ymd(2027, 1, 1));
    assert_eq!(
        own.why_not_in_force(&o, ymd(2026, 12, 1), None)
            .unwrap()
            .to_string(),
        "this provision starts on 1 Jan 2027"
    );
    assert!(c.why_not_in_force(&o, ymd(2026, 11, 28), None).is_none());
}
