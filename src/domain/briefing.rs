//! The release-day briefing: the officer goes through every condition with the nominal,
//! records it on body-worn video, and makes plain that telling probation is not telling police.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

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
#[serde(tag = "copy", rename_all = "snake_case")]
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
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Briefing {
    pub id: String,
    pub nominal_id: String,
    pub order_id: String,
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
        if let Some(i) = self
            .conditions
            .iter()
            .position(|c| c.condition_id == condition_id)
        {
            return &mut self.conditions[i];
        }
        self.conditions.push(ConditionBriefed {
            condition_id: condition_id.to_string(),
            ..Default::default()
        });
        self.conditions.last_mut().expect("just pushed")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::ymd;

    fn at() -> NaiveDateTime {
        ymd(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap()
    }

    fn live() -> Vec<String> {
        vec!["C-1".into(), "C-2".into()]
    }

    fn officer() -> SignOff {
        SignOff {
            officer_id: "PC-0001".into(),
            officer_name: "PC Sample".into(),
            at: at(),
        }
    }

    fn complete() -> Briefing {
        let mut b = Briefing::start("B-1".into(), "N-T1".into(), "O-T1".into(), live(), at());
        for id in live() {
            let c = b.condition_mut(&id);
            c.explained = true;
            c.understood = true;
        }
        b.body_worn_video_on = true;
        b.body_worn_video_reference = "BWV-TEST-0001".into();
        b.copy_of_order = CopyOfOrder::HandedOver;
        b.probation_is_not_police_confirmed = true;
        b
    }

    #[test]
    fn a_new_briefing_lists_every_gap() {
        let b = Briefing::start("B-1".into(), "N-T1".into(), "O-T1".into(), live(), at());
        let gaps = b.gaps(&live());
        assert_eq!(gaps.len(), 4 + 4);
        assert!(gaps.contains(&BriefingGap::ProbationPointNotConfirmed));
        assert!(gaps.contains(&BriefingGap::ConditionNotUnderstood {
            condition_id: "C-2".into()
        }));
    }

    #[test]
    fn complete_briefing_signs_off() {
        let mut b = complete();
        assert!(b.is_complete(&live()));
        assert_eq!(b.conditions_done(&live()), 2);
        b.sign_off(&live(), officer()).unwrap();
        assert!(b.signed_off.is_some());
    }

    #[test]
    fn cannot_sign_off_with_one_condition_not_understood() {
        let mut b = complete();
        b.condition_mut("C-2").understood = false;
        let err = b.sign_off(&live(), officer()).unwrap_err();
        assert_eq!(
            err.0,
            vec![BriefingGap::ConditionNotUnderstood {
                condition_id: "C-2".into()
            }]
        );
        assert!(b.signed_off.is_none());
    }

    #[test]
    fn a_live_condition_missing_from_the_briefing_is_a_gap() {
        let b = complete();
        let mut now_live = live();
        now_live.push("C-3".into());
        assert!(b
            .gaps(&now_live)
            .contains(&BriefingGap::ConditionNotExplained {
                condition_id: "C-3".into()
            }));
    }

    #[test]
    fn bwv_needs_a_reference_and_copy_needs_a_reason_when_not_handed_over() {
        let mut b = complete();
        b.body_worn_video_reference = "   ".into();
        assert_eq!(
            b.gaps(&live()),
            vec![BriefingGap::BodyWornVideoReferenceMissing]
        );
        let mut b = complete();
        b.copy_of_order = CopyOfOrder::NotHandedOver {
            reason: String::new(),
        };
        assert_eq!(
            b.gaps(&live()),
            vec![BriefingGap::NoReasonCopyNotHandedOver]
        );
        b.copy_of_order = CopyOfOrder::NotHandedOver {
            reason: "Order not yet served by court".into(),
        };
        assert!(b.is_complete(&live()));
    }

    #[test]
    fn probation_point_must_be_confirmed() {
        let mut b = complete();
        b.probation_is_not_police_confirmed = false;
        assert_eq!(
            b.gaps(&live()),
            vec![BriefingGap::ProbationPointNotConfirmed]
        );
    }

    #[test]
    fn an_incomplete_briefing_survives_a_round_trip_to_resume_later() {
        let mut b = Briefing::start("B-1".into(), "N-T1".into(), "O-T1".into(), live(), at());
        b.condition_mut("C-1").explained = true;
        let json = serde_json::to_string(&b).unwrap();
        let back: Briefing = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        assert_eq!(back.gaps(&live()).len(), 7);
    }
}
