//! The release-day briefing: the officer goes through every condition with the nominal,
//! records it on body-worn video, and makes plain that telling probation is not telling police.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::field::contact::{Contact, ContactKind, ContactOutcome};

/// One condition as gone through with the nominal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionBriefed {
    pub condition_id: String,
    pub explained: bool,
    pub understood: bool,
    /// Any question the nominal raised, in the officer's words.
    #[serde(default)]
    pub question: String,
}

/// Whether a copy of the order was handed over.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "copy",
    rename_all = "snake_case",
    try_from = "crate::domain::field::tagged::CopyOfOrderRaw"
)]
pub enum CopyOfOrder {
    #[default]
    NotRecorded,
    HandedOver,
    NotHandedOver {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub officer_id: String,
    pub officer_name: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Briefing {
    pub id: String,
    pub nominal_id: String,
    pub order_id: String,
    #[serde(deserialize_with = "crate::domain::time::iso::date_time")]
    pub started_at: NaiveDateTime,
    #[serde(default)]
    pub conditions: Vec<ConditionBriefed>,
    #[serde(default)]
    pub body_worn_video_on: bool,
    #[serde(default)]
    pub body_worn_video_reference: String,
    #[serde(default)]
    pub copy_of_order: CopyOfOrder,
    /// The nominal was told that telling probation does not satisfy a duty to notify police.
    #[serde(default)]
    pub probation_is_not_police_confirmed: bool,
    #[serde(default)]
    pub signed_off: Option<SignOff>,
}

/// Something that stops a briefing being signed off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BriefingGap {
    ConditionNotExplained { condition_id: String },
    ConditionNotUnderstood { condition_id: String },
    BodyWornVideoNotConfirmed,
    BodyWornVideoReferenceMissing,
    CopyOfOrderNotRecorded,
    NoReasonCopyNotHandedOver,
    ProbationPointNotConfirmed,
}

impl std::fmt::Display for BriefingGap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::ConditionNotExplained { .. } => "Confirm the condition was explained",
            Self::ConditionNotUnderstood { .. } => "Confirm the nominal understood the condition",
            Self::BodyWornVideoNotConfirmed => "Confirm body-worn video was recording",
            Self::BodyWornVideoReferenceMissing => "Enter the body-worn video reference",
            Self::CopyOfOrderNotRecorded => "Say whether a copy of the order was handed over",
            Self::NoReasonCopyNotHandedOver => "Enter why a copy of the order was not handed over",
            Self::ProbationPointNotConfirmed => {
                "Confirm the nominal was told that telling probation does not count as telling police"
            }
        };
        f.write_str(text)
    }
}

/// One task of the briefing's task list, in the order the officer goes through them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BriefingTask {
    /// Explain one live condition and check it was understood.
    Condition(String),
    BodyWornVideo,
    CopyOfOrder,
    /// Telling probation is not telling police.
    ProbationPoint,
}

impl BriefingGap {
    /// The task where the gap is put right.
    pub fn task(&self) -> BriefingTask {
        match self {
            Self::ConditionNotExplained { condition_id }
            | Self::ConditionNotUnderstood { condition_id } => {
                BriefingTask::Condition(condition_id.clone())
            }
            Self::BodyWornVideoNotConfirmed | Self::BodyWornVideoReferenceMissing => {
                BriefingTask::BodyWornVideo
            }
            Self::CopyOfOrderNotRecorded | Self::NoReasonCopyNotHandedOver => {
                BriefingTask::CopyOfOrder
            }
            Self::ProbationPointNotConfirmed => BriefingTask::ProbationPoint,
        }
    }
}

/// A briefing cannot be signed off while anything is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncompleteBriefing(pub Vec<BriefingGap>);

impl Briefing {
    /// A new, empty briefing covering the given live conditions.
    pub fn start(
        id: String,
        nominal_id: String,
        order_id: String,
        live_condition_ids: impl IntoIterator<Item = String>,
        started_at: NaiveDateTime,
    ) -> Self {
        Self {
            id,
            nominal_id,
            order_id,
            started_at,
            conditions: live_condition_ids
                .into_iter()
                .map(|condition_id| ConditionBriefed {
                    condition_id,
                    ..Default::default()
                })
                .collect(),
            body_worn_video_on: false,
            body_worn_video_reference: String::new(),
            copy_of_order: CopyOfOrder::NotRecorded,
            probation_is_not_police_confirmed: false,
            signed_off: None,
        }
    }

    /// The briefing entry for a condition, added if a live condition was not in the list.
    pub fn condition_mut(&mut self, condition_id: &str) -> &mut ConditionBriefed {
        let i = match self
            .conditions
            .iter()
            .position(|c| c.condition_id == condition_id)
        {
            Some(i) => i,
            None => {
                self.conditions.push(ConditionBriefed {
                    condition_id: condition_id.to_string(),
                    ..Default::default()
                });
                self.conditions.len().saturating_sub(1)
            }
        };
        #[allow(clippy::indexing_slicing)] // `i` was found in, or just pushed to, the list
        &mut self.conditions[i]
    }

    /// The entry for a condition, if it has been touched.
    pub fn condition(&self, condition_id: &str) -> Option<&ConditionBriefed> {
        self.conditions
            .iter()
            .find(|c| c.condition_id == condition_id)
    }

    /// Every task, in order: one per live condition, then body-worn video, the copy of the
    /// order and the probation point. Signing off comes after them all.
    pub fn tasks(live_condition_ids: &[String]) -> Vec<BriefingTask> {
        live_condition_ids
            .iter()
            .cloned()
            .map(BriefingTask::Condition)
            .chain([
                BriefingTask::BodyWornVideo,
                BriefingTask::CopyOfOrder,
                BriefingTask::ProbationPoint,
            ])
            .collect()
    }

    /// A task is complete when nothing it covers is among the gaps.
    pub fn task_done(&self, task: &BriefingTask, live_condition_ids: &[String]) -> bool {
        !self
            .gaps(live_condition_ids)
            .iter()
            .any(|g| &g.task() == task)
    }

    /// Everything still missing, in the order the officer goes through it. `live_condition_ids`
    /// are the conditions in force on the briefing day: each must be explained and understood.
    pub fn gaps(&self, live_condition_ids: &[String]) -> Vec<BriefingGap> {
        let mut gaps = Vec::new();
        for id in live_condition_ids {
            let entry = self.conditions.iter().find(|c| &c.condition_id == id);
            if !entry.is_some_and(|c| c.explained) {
                gaps.push(BriefingGap::ConditionNotExplained {
                    condition_id: id.clone(),
                });
            }
            if !entry.is_some_and(|c| c.understood) {
                gaps.push(BriefingGap::ConditionNotUnderstood {
                    condition_id: id.clone(),
                });
            }
        }
        if !self.body_worn_video_on {
            gaps.push(BriefingGap::BodyWornVideoNotConfirmed);
        }
        if self.body_worn_video_reference.trim().is_empty() {
            gaps.push(BriefingGap::BodyWornVideoReferenceMissing);
        }
        match &self.copy_of_order {
            CopyOfOrder::NotRecorded => gaps.push(BriefingGap::CopyOfOrderNotRecorded),
            CopyOfOrder::NotHandedOver { reason } if reason.trim().is_empty() => {
                gaps.push(BriefingGap::NoReasonCopyNotHandedOver)
            }
            _ => {}
        }
        if !self.probation_is_not_police_confirmed {
            gaps.push(BriefingGap::ProbationPointNotConfirmed);
        }
        gaps
    }

    pub fn is_complete(&self, live_condition_ids: &[String]) -> bool {
        self.gaps(live_condition_ids).is_empty()
    }

    /// How many of the live conditions have been both explained and understood.
    pub fn conditions_done(&self, live_condition_ids: &[String]) -> usize {
        live_condition_ids
            .iter()
            .filter(|id| {
                self.conditions
                    .iter()
                    .any(|c| &c.condition_id == *id && c.explained && c.understood)
            })
            .count()
    }

    /// Sign the briefing off. Refused, with every gap, while anything is missing.
    pub fn sign_off(
        &mut self,
        live_condition_ids: &[String],
        sign_off: SignOff,
    ) -> Result<(), IncompleteBriefing> {
        let gaps = self.gaps(live_condition_ids);
        if !gaps.is_empty() {
            return Err(IncompleteBriefing(gaps));
        }
        self.signed_off = Some(sign_off);
        Ok(())
    }
}

/// A release-day briefing is due this many days before the (expected) release...
pub const BRIEFING_DUE_BEFORE_DAYS: i64 = 14;
/// ...until this many days after it; later, with none signed off, there is no briefing on record.
pub const BRIEFING_DUE_AFTER_DAYS: i64 = 28;

/// A signed-off briefing as a face-to-face contact on the day it was signed off.
pub(crate) fn briefing_as_contact(b: &Briefing) -> Option<Contact> {
    let s = b.signed_off.as_ref()?;
    Some(Contact {
        id: b.id.clone(),
        nominal_id: b.nominal_id.clone(),
        kind: ContactKind::HomeVisit,
        at: s.at,
        seen: true,
        outcome: ContactOutcome::NoConcerns,
        notes: String::new(),
        officer_id: s.officer_id.clone(),
        corrects: None,
    })
}

#[cfg(test)]
#[path = "briefing_tests.rs"]
mod tests;
