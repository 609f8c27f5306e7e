//! The variations a court makes to an order (ss.17–22E): what they are, how they move the
//! order's end, and the checks a variation must pass.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::order::scpo::Order;
use crate::domain::time::dates::format_date;

/// What kind of change a court made. The file must say which, because the five-year limit
/// applies to one and not the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VariationKind {
    /// A variation on application (ss.17–21). It may add, end or reword provisions and move
    /// the end, but the order may still be in force for at most five years (s.16).
    Variation,
    /// An extension while criminal proceedings for an offence under s.25 (breach) are pending
    /// (s.22E). It may take the order past five years.
    ExtensionPendingProceedings,
}

impl VariationKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Variation => "Variation (ss.17–21)",
            Self::ExtensionPendingProceedings => "Extension while proceedings are pending (s.22E)",
        }
    }
}

/// A change made by a court (ss.17–22E). Kept as history: the wording in force on the day of
/// a breach is what counts, so nothing a variation replaces is ever overwritten. A reworded
/// provision is the old condition in `conditions_ended` and the new one (which `replaces` it)
/// in `conditions_added`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variation {
    pub id: String,
    pub kind: VariationKind,
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub made_on: NaiveDate,
    /// The first day the variation has effect.
    #[serde(deserialize_with = "crate::domain::time::iso::date")]
    pub takes_effect: NaiveDate,
    pub court: String,
    pub summary: String,
    /// A new last day for the order, from `takes_effect`.
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    pub new_end: Option<NaiveDate>,
    /// Conditions no longer in force from `takes_effect` (their last day is the day before).
    #[serde(default)]
    pub conditions_ended: Vec<String>,
    /// Conditions in force only from `takes_effect`.
    #[serde(default)]
    pub conditions_added: Vec<String>,
}

/// Why a variation cannot stand, and which of its fields is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariationError {
    TakesEffectBeforeMade,
    TakesEffectBeforeGrant,
    /// It takes effect after the order's last day as it then stood: an order that has ended
    /// cannot be varied or extended back into force.
    TakesEffectAfterTheOrderEnded {
        ended: NaiveDate,
        extension: bool,
    },
    /// An s.22E extension must take effect while the order is in force: not before it comes
    /// into force (`None`: release not fixed, so it has not).
    ExtensionBeforeInForce {
        comes_into_force: Option<NaiveDate>,
    },
    /// `new_end` is before the variation takes effect.
    NewEndBeforeItTakesEffect,
    /// A variation (not an s.22E extension) may not take the order past five years.
    NewEndPastFiveYears {
        latest_end: NaiveDate,
    },
    /// An s.22E extension must say how long the order is extended to, and extend it.
    ExtensionWithoutLaterEnd {
        ends: NaiveDate,
    },
    /// Only a granted order can be varied.
    OrderNotGranted,
}

impl VariationError {
    /// The variation's field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::TakesEffectBeforeMade
            | Self::TakesEffectBeforeGrant
            | Self::TakesEffectAfterTheOrderEnded { .. }
            | Self::ExtensionBeforeInForce { .. }
            | Self::OrderNotGranted => "takes_effect",
            Self::NewEndBeforeItTakesEffect
            | Self::NewEndPastFiveYears { .. }
            | Self::ExtensionWithoutLaterEnd { .. } => "new_end",
        }
    }
}

const EXTENSION_IN_FORCE: &str =
    "an extension while proceedings are pending (s.22E) must take effect while the order is";

impl std::fmt::Display for VariationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TakesEffectBeforeMade => write!(f, "is before the variation was made"),
            Self::TakesEffectBeforeGrant => write!(f, "is before the order was granted"),
            Self::TakesEffectAfterTheOrderEnded { ended, extension } => {
                write!(f, "is after the order's last day, {}: ", format_date(*ended))?;
                if *extension {
                    write!(f, "{EXTENSION_IN_FORCE} still in force, and cannot bring back an order that has ended")
                } else {
                    write!(f, "a variation cannot bring back an order that has ended")
                }
            }
            Self::ExtensionBeforeInForce {
                comes_into_force: Some(cif),
            } => write!(
                f,
                "is before the order comes into force on {}: {EXTENSION_IN_FORCE} in force",
                format_date(*cif)
            ),
            Self::ExtensionBeforeInForce {
                comes_into_force: None,
            } => write!(
                f,
                "{EXTENSION_IN_FORCE} in force, and this order has not come into force: the release date is not fixed"
            ),
            Self::OrderNotGranted => write!(f, "only an order the court has granted can be varied"),
            Self::NewEndBeforeItTakesEffect => write!(f, "is before the variation takes effect"),
            Self::NewEndPastFiveYears { latest_end } => write!(
                f,
                "a variation may not keep the order in force for more than five years (s.16): it must end by {}; only an extension while proceedings are pending (s.22E) may go further",
                format_date(*latest_end)
            ),
            Self::ExtensionWithoutLaterEnd { ends } => write!(
                f,
                "an extension (s.22E) must give a new end after {}, the end it extends",
                format_date(*ends)
            ),
        }
    }
}

/// The order variations are replayed in: by the day they take effect, then the day they were
/// made, then id (so the order of a file's list does not matter).
fn replay_key(v: &Variation) -> (NaiveDate, NaiveDate, &str) {
    (v.takes_effect, v.made_on, v.id.as_str())
}

/// Why `v` cannot move the order's end, given the order's coming into force and its last day
/// as it stood just before `v`: no variation takes effect after the order has ended (it cannot
/// bring it back), and an s.22E extension takes effect while the order is in force and extends
/// it. The in-force calculation skips such a variation's new end; import refuses it.
fn cannot_take_effect(
    cif: Option<NaiveDate>,
    v: &Variation,
    end: NaiveDate,
) -> Option<VariationError> {
    let extension = v.kind == VariationKind::ExtensionPendingProceedings;
    if v.takes_effect > end {
        return Some(VariationError::TakesEffectAfterTheOrderEnded {
            ended: end,
            extension,
        });
    }
    if !extension {
        return None;
    }
    if cif.is_none_or(|c| c > v.takes_effect) {
        return Some(VariationError::ExtensionBeforeInForce {
            comes_into_force: cif,
        });
    }
    match v.new_end {
        Some(e) if e > end => None,
        _ => Some(VariationError::ExtensionWithoutLaterEnd { ends: end }),
    }
}

impl Order {
    /// The variations in the order they are replayed: by `takes_effect`, then `made_on`, then
    /// id.
    pub fn variations_in_order(&self) -> Vec<&Variation> {
        let mut vs: Vec<&Variation> = self.variations.iter().collect();
        crate::domain::common::sort::sort_by(&mut vs, |a, b| replay_key(a).cmp(&replay_key(b)));
        vs
    }

    /// Replays the variations `upto` lets through (a start of the replay) over the end as
    /// granted: the end they leave and the latest end on the way. `None` unless granted.
    fn replay_end(&self, upto: impl Fn(&Variation) -> bool) -> Option<(NaiveDate, NaiveDate)> {
        let cif = self.comes_into_force();
        let mut end = self.ends_as_granted()?;
        let mut latest = end;
        for v in self.variations_in_order() {
            if !upto(v) {
                break;
            }
            if let (None, Some(e)) = (cannot_take_effect(cif, v, end), v.new_end) {
                end = e;
                latest = latest.max(e);
            }
        }
        Some((end, latest))
    }

    /// The last day in force on `day`: the variations with effect by then, replayed in order
    /// (see [`Order::variations_in_order`]); one that cannot take effect where it falls (after
    /// the order ended, or an s.22E extension while the order is not in force) changes nothing.
    pub fn ends_on(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.replay_end(|v| v.takes_effect <= day)
            .map(|(end, _)| end)
    }

    /// The latest last day the order has under its variations, or as granted.
    pub fn latest_end(&self) -> NaiveDate {
        self.replay_end(|_| true)
            .map_or(NaiveDate::MIN, |(_, latest)| latest)
    }

    /// True when a variation of this order ends `old` and one adds `new` from the same day: a
    /// rewording, so the two wordings are never in force together.
    pub fn rewords(&self, old: &str, new: &str) -> bool {
        let names = |list: &Vec<String>, id: &str| list.iter().any(|c| c == id);
        self.variations.iter().any(|e| {
            names(&e.conditions_ended, old)
                && self
                    .variations
                    .iter()
                    .any(|a| a.takes_effect == e.takes_effect && names(&a.conditions_added, new))
        })
    }

    /// Check one variation against the order: it takes effect after it is made and after the
    /// grant, and not after the order's last day as it stood before it; a new end is not
    /// before it takes effect; a variation (ss.17–21) may not take the order past five years
    /// from coming into force (s.16), while an extension pending proceedings (s.22E) may, but
    /// must take effect while the order is in force and extend it. While the day the order
    /// comes into force is not known, the five-year limit is not judged (the end is
    /// provisional).
    pub fn check_variation(&self, v: &Variation) -> Result<(), VariationError> {
        let Some((granted, cif, _)) = self.granted_dates() else {
            return Err(VariationError::OrderNotGranted);
        };
        if v.takes_effect < v.made_on {
            return Err(VariationError::TakesEffectBeforeMade);
        }
        if v.takes_effect < granted {
            return Err(VariationError::TakesEffectBeforeGrant);
        }
        if v.new_end.is_some_and(|end| end < v.takes_effect) {
            return Err(VariationError::NewEndBeforeItTakesEffect);
        }
        // The end as it stood just before this variation, in the replay.
        let key = replay_key(v);
        let before = self.replay_end(|w| replay_key(w) < key);
        if let Some(e) = before.and_then(|(end, _)| cannot_take_effect(cif, v, end)) {
            return Err(e);
        }
        match (v.kind, v.new_end, cif) {
            (VariationKind::Variation, Some(end), Some(cif))
                if end > Self::latest_lawful_end(cif) =>
            {
                Err(VariationError::NewEndPastFiveYears {
                    latest_end: Self::latest_lawful_end(cif),
                })
            }
            _ => Ok(()),
        }
    }
}
