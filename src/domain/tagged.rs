//! How the file's tagged objects (`stage`, `custody`, `deadline`, `copy_of_order`) are read.
//!
//! serde's internally tagged enums buffer the object before choosing the variant, which loses
//! the path of a bad field inside it: a wrong date in `orders[2].stage.ends` would be reported
//! at `orders[2].stage`. Each enum is read instead through a plain struct with every field of
//! every variant, so a type error keeps its exact path, and a missing field is reported as
//! "missing field `ends`" at the object, which the reader turns into `….stage.ends: is missing`.
//! The JSON shape is unchanged: serialisation still uses the tagged form.

use chrono::NaiveDate;
use serde::Deserialize;

use super::briefing::CopyOfOrder;
use super::condition::Deadline;
use super::nominal::{CustodyStatus, ProbationContact};
use super::order::OrderStage;

/// A field a variant needs is not there. Worded as serde words it, so the reader can move it
/// into the path.
#[derive(Debug)]
pub struct MissingField(pub &'static str);

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

fn need<T>(v: Option<T>, name: &'static str) -> Result<T, MissingField> {
    v.ok_or(MissingField(name))
}

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
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    date_granted: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    comes_into_force: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    ends: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
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
enum CustodyTag {
    InCustody,
    OnLicence,
    LicenceEnded,
    InCommunity,
}

#[derive(Deserialize)]
pub struct CustodyRaw {
    status: CustodyTag,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    expected_release: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    released_on: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    licence_ends: Option<NaiveDate>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    licence_ended: Option<NaiveDate>,
    #[serde(default)]
    probation: Option<ProbationContact>,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::iso::opt_date")]
    since: Option<NaiveDate>,
}

impl TryFrom<CustodyRaw> for CustodyStatus {
    type Error = MissingField;
    fn try_from(r: CustodyRaw) -> Result<Self, MissingField> {
        Ok(match r.status {
            CustodyTag::InCustody => Self::InCustody {
                expected_release: need(r.expected_release, "expected_release")?,
            },
            CustodyTag::OnLicence => Self::OnLicence {
                released_on: need(r.released_on, "released_on")?,
                licence_ends: need(r.licence_ends, "licence_ends")?,
                probation: need(r.probation, "probation")?,
            },
            CustodyTag::LicenceEnded => Self::LicenceEnded {
                released_on: need(r.released_on, "released_on")?,
                licence_ended: need(r.licence_ended, "licence_ended")?,
            },
            CustodyTag::InCommunity => Self::InCommunity {
                since: need(r.since, "since")?,
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
