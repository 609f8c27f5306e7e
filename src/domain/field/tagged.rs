//! How a briefing's `copy_of_order` is read from the cohort file: through a plain struct with every field of every
//! variant, so a bad field keeps its exact path (see `common::tagged`).

use serde::Deserialize;

use super::briefing::CopyOfOrder;
use crate::domain::common::tagged::{need, MissingField};
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CopyTag {
    NotRecorded,
    HandedOver,
    NotHandedOver,
}

#[derive(Deserialize)]
pub struct CopyOfOrderRaw {
    copy: CopyTag,
    #[serde(default)]
    reason: Option<String>,
}

impl TryFrom<CopyOfOrderRaw> for CopyOfOrder {
    type Error = MissingField;
    fn try_from(r: CopyOfOrderRaw) -> Result<Self, MissingField> {
        Ok(match r.copy {
            CopyTag::NotRecorded => Self::NotRecorded,
            CopyTag::HandedOver => Self::HandedOver,
            CopyTag::NotHandedOver => Self::NotHandedOver {
                reason: need(r.reason, "reason")?,
            },
        })
    }
}
