//! The variations a court makes to an order (ss.17–22E): what they are, how they move the
//! order's end, and the checks a variation must pass.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::format_date;
use super::order::Order;

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
    #[serde(deserialize_with = "crate::domain::iso::date")]
    pub made_on: NaiveDate,
    /// The first day the variation has effect.
    #[serde(deserialize_with = "crate::domain::iso::date")]
    pub takes_effect: NaiveDate,
    pub court: String,
    pub summary: String,
    /// A new last day for the order, from `takes_effect`.
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
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
            Self::TakesEffectBeforeMade | Self::TakesEffectBeforeGrant | Self::OrderNotGranted => {
                "takes_effect"
            }
            Self::NewEndBeforeItTakesEffect
            | Self::NewEndPastFiveYears { .. }
            | Self::ExtensionWithoutLaterEnd { .. } => "new_end",
        }
    }
}

impl std::fmt::Display for VariationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TakesEffectBeforeMade => write!(f, "is before the variation was made"),
            Self::TakesEffectBeforeGrant => write!(f, "is before the order was granted"),
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

impl Order {
    /// The last day in force on `day`, taking account of variations that had effect by then.
    pub fn ends_on(&self, day: NaiveDate) -> Option<NaiveDate> {
        let granted = self.ends_as_granted()?;
        let varied = self
            .variations
            .iter()
            .filter(|v| v.takes_effect <= day)
            .filter_map(|v| v.new_end.map(|e| (v.takes_effect, e)))
            .max_by_key(|(effect, end)| (*effect, *end))
            .map(|(_, e)| e);
        Some(varied.unwrap_or(granted))
    }

    /// The latest last day the order has under any of its variations, or as granted.
    pub fn latest_end(&self) -> NaiveDate {
        let granted = self.ends_as_granted().unwrap_or(NaiveDate::MIN);
        self.variations
            .iter()
            .filter_map(|v| v.new_end)
            .fold(granted, NaiveDate::max)
    }

    /// Check one variation against the order: it takes effect after it is made and after the
    /// grant; a new end is not before it takes effect; a variation (ss.17–21) may not take the
    /// order past five years from coming into force (s.16), while an extension pending
    /// proceedings (s.22E) may, but must extend it. While the day the order comes into force is
    /// not known, the five-year limit is not judged (the end is provisional).
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
        match (v.kind, v.new_end) {
            (_, Some(end)) if end < v.takes_effect => {
                Err(VariationError::NewEndBeforeItTakesEffect)
            }
            (VariationKind::Variation, Some(end)) => match cif {
                Some(cif) if end > Self::latest_lawful_end(cif) => {
                    Err(VariationError::NewEndPastFiveYears {
                        latest_end: Self::latest_lawful_end(cif),
                    })
                }
                _ => Ok(()),
            },
            (VariationKind::Variation, None) => Ok(()),
            (VariationKind::ExtensionPendingProceedings, end) => {
                // The end it extends: as it stood the day before the extension took effect.
                let before = v.takes_effect.pred_opt().unwrap_or(v.takes_effect);
                let ends = self.ends_on(before).unwrap_or(NaiveDate::MIN);
                match end {
                    Some(e) if e > ends => Ok(()),
                    _ => Err(VariationError::ExtensionWithoutLaterEnd { ends }),
                }
            }
        }
    }
}
