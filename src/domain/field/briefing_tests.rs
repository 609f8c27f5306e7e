use super::*;
use crate::domain::time::dates::ymd;

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

#[test]
fn each_gap_belongs_to_one_task_and_a_task_is_done_when_it_has_none() {
    let mut b = complete();
    assert_eq!(
        Briefing::tasks(&live()),
        vec![
            BriefingTask::Condition("C-1".into()),
            BriefingTask::Condition("C-2".into()),
            BriefingTask::BodyWornVideo,
            BriefingTask::CopyOfOrder,
            BriefingTask::ProbationPoint,
        ]
    );
    b.condition_mut("C-2").understood = false;
    b.body_worn_video_reference.clear();
    let open: Vec<BriefingTask> = b.gaps(&live()).iter().map(BriefingGap::task).collect();
    assert_eq!(
        open,
        vec![
            BriefingTask::Condition("C-2".into()),
            BriefingTask::BodyWornVideo
        ]
    );
    assert!(b.task_done(&BriefingTask::Condition("C-1".into()), &live()));
    assert!(!b.task_done(&BriefingTask::Condition("C-2".into()), &live()));
    assert!(!b.task_done(&BriefingTask::BodyWornVideo, &live()));
    assert!(b.task_done(&BriefingTask::CopyOfOrder, &live()));
    assert!(b.task_done(&BriefingTask::ProbationPoint, &live()));
    assert_eq!(b.condition("C-1").map(|c| c.explained), Some(true));
    assert!(b.condition("C-9").is_none());
}

mod in_the_cohort {
    use super::*;
    use crate::domain::cohort::demo::demo_cohort;
    use crate::domain::field::contact::ContactStatus;
    use crate::domain::Cohort;

    fn today() -> chrono::NaiveDate {
        ymd(2026, 11, 24)
    }

    /// A complete briefing of the demo's N-0001 (released today), signed or not.
    fn briefing_of_n1(c: &Cohort, signed: bool) -> Briefing {
        let live = c.live_condition_ids("N-0001", today());
        let mut b = Briefing::start(
            "B-T".into(),
            "N-0001".into(),
            "O-0001".into(),
            live.clone(),
            at(),
        );
        for id in &live {
            let e = b.condition_mut(id);
            e.explained = true;
            e.understood = true;
        }
        b.body_worn_video_on = true;
        b.body_worn_video_reference = "BWV-TEST-0001".into();
        b.copy_of_order = CopyOfOrder::HandedOver;
        b.probation_is_not_police_confirmed = true;
        if signed {
            b.sign_off(&live, officer()).unwrap();
        }
        b
    }

    #[test]
    fn due_on_release_day_until_signed_off() {
        let mut c = demo_cohort(today());
        assert!(!c.live_condition_ids("N-0001", today()).is_empty());
        assert!(c.briefing_due("N-0001", today()));
        assert!(c.signed_briefing("N-0001", today()).is_none());
        // A briefing not signed off does not count.
        c.briefings.push(briefing_of_n1(&c, false));
        assert!(c.briefing_due("N-0001", today()));
        c.briefings.push(briefing_of_n1(&c, true));
        assert!(!c.briefing_due("N-0001", today()));
        assert_eq!(
            c.signed_briefing("N-0001", today()).map(|b| b.id.as_str()),
            Some("B-T")
        );
        // Still signed off the next day.
        assert!(!c.briefing_due("N-0001", today().succ_opt().unwrap()));
    }

    #[test]
    fn due_from_14_days_before_release_to_28_days_after() {
        let c = demo_cohort(today());
        // N-0001 is released today (`today()`); look at it on other days.
        let on = |days: i64| today() + chrono::Duration::days(days);
        assert!(!c.briefing_due("N-0001", on(-15)));
        assert!(!c.no_briefing_on_record("N-0001", on(-15)));
        assert!(c.briefing_due("N-0001", on(-14)));
        assert!(c.briefing_due("N-0001", on(0)));
        assert!(c.briefing_due("N-0001", on(28)));
        assert!(!c.no_briefing_on_record("N-0001", on(28)));
        assert!(!c.briefing_due("N-0001", on(29)));
        assert!(c.no_briefing_on_record("N-0001", on(29)));
        assert!(!c.briefing_due("N-9999", today()));
        assert!(!c.no_briefing_on_record("N-9999", today()));
        // Before release it is due but cannot be done yet (no condition is in force): the phone
        // says when it opens rather than offering it.
        assert!(!c.briefing_opens("N-0001", on(-14)));
        assert!(c.briefing_opens("N-0001", on(0)));
        assert!(c.briefing_opens("N-0001", on(28)));
        assert_eq!(
            c.briefing_note("N-0001", on(-14)).as_deref(),
            Some("Release-day briefing due: it opens on the day of release, 24 Nov 2026.")
        );
        assert_eq!(c.briefing_note("N-0001", on(0)), None);
        assert_eq!(
            c.briefing_note("N-0001", on(29)).as_deref(),
            Some("No release-day briefing on record: released 24 Nov 2026, more than 28 days ago.")
        );
        // The demo: N-0006 is released in 4 days (due), N-0009 in 40 (not yet); N-0002,
        // released 200 days ago with none signed off, is not offered one but has none on record.
        assert!(c.briefing_due("N-0006", today()));
        assert!(!c.briefing_due("N-0009", today()));
        assert_eq!(c.briefing_note("N-0009", today()), None);
        assert!(!c.briefing_due("N-0002", today()));
        assert!(!c.briefing_opens("N-0002", today()));
        assert!(c.no_briefing_on_record("N-0002", today()));
    }

    #[test]
    fn signed_off_it_is_neither_due_nor_missing_and_counts_as_a_contact() {
        let mut c = demo_cohort(today());
        // N-0001: released today, seen every 7 days, no contact yet: due today.
        assert_eq!(
            c.contact_status("N-0001", today()),
            Some(ContactStatus::DueToday)
        );
        c.briefings.push(briefing_of_n1(&c, true));
        let later = today() + chrono::Duration::days(29);
        assert!(!c.briefing_due("N-0001", today()));
        assert!(!c.no_briefing_on_record("N-0001", later));
        assert_eq!(c.briefing_note("N-0001", later), None);
        // Signed off today: seen today, so the next contact is due in 7 days, here and on the
        // caseload list.
        let next = today() + chrono::Duration::days(7);
        assert_eq!(
            c.contact_status("N-0001", today()),
            Some(ContactStatus::Due { on: next })
        );
        let listed = c.attention_list(today(), &|_| false);
        let n1 = listed.iter().find(|s| s.id == "N-0001").expect("listed");
        assert_eq!(n1.next_contact_due, Some(next));
        // A briefing not signed off is no contact.
        let mut c = demo_cohort(today());
        c.briefings.push(briefing_of_n1(&c, false));
        assert_eq!(
            c.contact_status("N-0001", today()),
            Some(ContactStatus::DueToday)
        );
    }

    #[test]
    fn a_briefing_on_another_order_does_not_count() {
        let mut c = demo_cohort(today());
        let mut b = briefing_of_n1(&c, true);
        b.order_id = "O-OLD".into();
        c.briefings.push(b);
        assert!(c.signed_briefing("N-0001", today()).is_none());
        assert!(c.briefing_due("N-0001", today()));
    }
}
