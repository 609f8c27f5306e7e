//! How an order's `stage` and a provision's `deadline` is read from the cohort file: through a plain struct with every field of every
//! variant, so a bad field keeps its exact path (see `common::tagged`).

use chrono::NaiveDate;
use serde::Deserialize;

use super::condition::Deadline;
use super::scpo::OrderStage;
use crate::domain::common::tagged::{need, MissingField};
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StageTag {
    Drafted,
    AwaitingCourt,
    Granted,
    Discharged,
}

#[derive(Deserialize)]
pub struct OrderStageRaw {
    stage: StageTag,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    date_granted: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    comes_into_force: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    ends: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    discharged_on: Option<NaiveDate>,
}

impl TryFrom<OrderStageRaw> for OrderStage {
    type Error = MissingField;
    fn try_from(r: OrderStageRaw) -> Result<Self, MissingField> {
        Ok(match r.stage {
            StageTag::Drafted => Self::Drafted,
            StageTag::AwaitingCourt => Self::AwaitingCourt,
            StageTag::Granted => Self::Granted {
                date_granted: need(r.date_granted, "date_granted")?,
                comes_into_force: r.comes_into_force,
                ends: need(r.ends, "ends")?,
            },
            StageTag::Discharged => Self::Discharged {
                date_granted: need(r.date_granted, "date_granted")?,
                comes_into_force: r.comes_into_force,
                ends: need(r.ends, "ends")?,
                discharged_on: need(r.discharged_on, "discharged_on")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleTag {
    WithinDaysAfter,
    DaysBefore,
}

#[derive(Deserialize)]
pub struct DeadlineRaw {
    rule: RuleTag,
    #[serde(default)]
    days: Option<u32>,
}

impl TryFrom<DeadlineRaw> for Deadline {
    type Error = MissingField;
    fn try_from(r: DeadlineRaw) -> Result<Self, MissingField> {
        let days = need(r.days, "days")?;
        Ok(match r.rule {
            RuleTag::WithinDaysAfter => Self::WithinDaysAfter { days },
            RuleTag::DaysBefore => Self::DaysBefore { days },
        })
    }
}
