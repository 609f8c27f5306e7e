//! Property of variations: for any order and variations, the days on which a provision is in
//! force are the days a plain day-by-day replay gives (the oracle, [`replay_by_day`]).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::domain::order::condition::{Condition, ProvisionFamily};
use crate::domain::order::scpo::{Order, OrderStage, Variation, VariationKind};
use crate::domain::time::dates::ymd;

/// Every generated date is within `SPAN` days from 1 Jan 2026; the replay runs a little wider.
const SPAN: u64 = 120;
const IDS: [&str; 3] = ["C-0", "C-1", "C-2"];

fn day(n: u64) -> NaiveDate {
    ymd(2026, 1, 1).checked_add_days(Days::new(n)).unwrap()
}

/// A day of the span, often one of a few, so that variations share days.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0..SPAN).prop_map(day),
        (0u64..4).prop_map(|k| day(20 + 25 * k))
    ]
}

/// The ids among `IDS` a bit mask picks.
fn ids(mask: u8) -> Vec<String> {
    (0..IDS.len())
        .filter(|k| mask & (1 << k) != 0)
        .map(|k| IDS[k].to_string())
        .collect()
}

/// Any variation, sound or not: the in-force calculation must give an answer for each.
fn any_variation() -> impl Strategy<Value = Variation> {
    (
        prop::bool::weighted(0.4),
        any_day(),
        any_day(),
        prop::option::weighted(0.6, any_day()),
        0u8..8,
        0u8..8,
    )
        .prop_map(
            |(extension, made_on, takes_effect, new_end, ended, added)| Variation {
                id: String::new(),
                kind: if extension {
                    VariationKind::ExtensionPendingProceedings
                } else {
                    VariationKind::Variation
                },
                made_on,
                takes_effect,
                court: "C".into(),
                summary: String::new(),
                new_end,
                conditions_ended: ids(ended),
                conditions_added: ids(added),
            },
        )
}

fn any_order() -> impl Strategy<Value = Order> {
    (
        0u64..20,
        prop::option::weighted(0.85, any_day()),
        any_day(),
        prop::collection::vec(any_variation(), 0..7),
    )
        .prop_map(|(granted, comes_into_force, ends, mut variations)| {
            for (i, v) in variations.iter_mut().enumerate() {
                v.id = format!("V-{i}");
            }
            Order {
                id: "O-P".into(),
                nominal_id: "N-P".into(),
                court_reference: "R".into(),
                court: "C".into(),
                stage: OrderStage::Granted {
                    date_granted: day(granted),
                    comes_into_force,
                    ends,
                },
                variations,
                bound: None,
            }
        })
}

/// The oracle, the plain way: walk the days one by one keeping the order's last day and whether
/// the provision stands, and on each day apply that day's variations in the order they were
/// made (then by id). A variation taking effect after the order's last day changes nothing (an
/// expired order is not brought back); an s.22E extension counts only on a day the order is in
/// force, and only if it extends it. A provision stands from the start unless the first
/// variation to name it adds it (and does not also end it).
fn replay_by_day(o: &Order, c: &Condition, days: &[NaiveDate]) -> Vec<NaiveDate> {
    let cif = o.comes_into_force();
    let mut last_day = o.ends_as_granted().unwrap();
    let ends = |v: &Variation| v.conditions_ended.contains(&c.id);
    let adds = |v: &Variation| v.conditions_added.contains(&c.id);
    let first = o
        .variations
        .iter()
        .filter(|v| ends(v) || adds(v))
        .min_by_key(|v| (v.takes_effect, v.made_on, v.id.clone()));
    let mut stands = !first.is_some_and(|v| adds(v) && !ends(v));
    let mut out = vec![];
    for &d in days {
        let mut todays: Vec<&Variation> = o
            .variations
            .iter()
            .filter(|v| v.takes_effect == d)
            .collect();
        todays.sort_by_key(|v| (v.made_on, v.id.clone()));
        for v in todays {
            let live = cif.is_some_and(|f| f <= d) && d <= last_day;
            match (v.kind, v.new_end) {
                (VariationKind::Variation, Some(e)) if d <= last_day => last_day = e,
                (VariationKind::ExtensionPendingProceedings, Some(e)) if live && e > last_day => {
                    last_day = e
                }
                _ => {}
            }
            if ends(v) {
                stands = false;
            }
            if adds(v) {
                stands = true;
            }
        }
        let live = cif.is_some_and(|f| f <= d) && d <= last_day;
        let own = c.starts.is_none_or(|s| s <= d) && c.ends.is_none_or(|e| d <= e);
        if live && stands && own {
            out.push(d);
        }
    }
    out
}

proptest! {
    #[test]
    fn the_days_a_provision_is_in_force_are_those_a_day_by_day_replay_gives(
        o in any_order(),
        k in 0..IDS.len(),
        starts in prop::option::weighted(0.2, any_day()),
        own_end in prop::option::weighted(0.2, any_day()),
    ) {
        let c = Condition {
            id: IDS[k].into(),
            order_id: o.id.clone(),
            family: ProvisionFamily::Premises,
            verbatim: "x".into(),
            summary: "x".into(),
            starts,
            ends: own_end,
            mirrored_in_licence: false,
            notification: None,
            replaces: None,
        };
        let days: Vec<NaiveDate> = std::iter::once(ymd(2025, 12, 31))
            .chain((0..SPAN + 20).map(day))
            .collect();
        let in_force: Vec<NaiveDate> =
            days.iter().copied().filter(|d| c.in_force_on(&o, *d)).collect();
        prop_assert_eq!(in_force, replay_by_day(&o, &c, &days));
    }
}
