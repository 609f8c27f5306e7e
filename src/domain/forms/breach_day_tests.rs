//! A breach is judged on the day it happened: the conditions offered and checked are those in
//! force that day, worded as they were; a late notification is judged against the provision of
//! the day of its event, and the breach drafted from it has a day and no time (issue 19, items
//! 9, 10 and 18).

use super::*;
use crate::domain::breach::report::IntelligenceAssessment;
use crate::domain::cohort::demo::{demo_cohort, demo_officer};
use crate::domain::field::notification::{Notification, NotificationKind, Timeliness};
use crate::domain::forms::notification_form::{breach_from_notification, NotificationDraft};
use crate::domain::order::condition::{Deadline, NotificationDuty};
use crate::domain::order::scpo::{OrderStage, Variation, VariationKind};
use crate::domain::time::dates::{format_date, iso_date, ymd};
use chrono::{Days, NaiveDate};

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(14, 5, 0).unwrap()
}

fn ago(days: u64) -> NaiveDate {
    today() - Days::new(days)
}

fn ids(list: &[&Condition]) -> Vec<String> {
    list.iter().map(|c| c.id.clone()).collect()
}

/// A breach of N-0007's order (the demo varied it 200 days ago: the cash limit C-0007-01
/// became C-0007-11), on another day.
fn on_day(nominal: &str, day: NaiveDate) -> BreachDraft {
    let mut d = BreachDraft::new(nominal, now());
    d.now = false;
    d.date = iso_date(day);
    d.time = "10:00".into();
    d.location = "Home address".into();
    d.what_was_seen = "Cash seen in a shoebox.".into();
    d.intelligence = Some(IntelligenceAssessment::None);
    d
}

#[test]
fn the_conditions_offered_are_those_in_force_on_the_day_it_happened_worded_as_then() {
    let c = demo_cohort(today());
    // Today, now: the new wording only.
    let d = BreachDraft::new("N-0007", now());
    let offered = ids(&d.choices(&c));
    assert!(offered.contains(&"C-0007-11".to_string()), "{offered:?}");
    assert!(!offered.contains(&"C-0007-01".to_string()), "{offered:?}");
    // 201 days ago, before the variation: the old wording only.
    let mut d = on_day("N-0007", ago(201));
    let offered = ids(&d.choices(&c));
    assert!(offered.contains(&"C-0007-01".to_string()), "{offered:?}");
    assert!(!offered.contains(&"C-0007-11".to_string()), "{offered:?}");
    // A breach of the old wording on that day goes through, and the report names it.
    d.condition_ids = vec!["C-0007-01".into()];
    assert_eq!(d.problems(BreachStep::Check, &c, now()), vec![]);
    let r = d
        .to_report(&c, "BR-OLD".into(), &demo_officer(), now())
        .unwrap();
    assert_eq!(r.condition_ids, vec!["C-0007-01".to_string()]);
    assert_eq!(r.occurred_at.date(), ago(201));
}

#[test]
fn until_the_date_is_entered_no_condition_is_offered_and_the_date_is_asked_for() {
    let c = demo_cohort(today());
    let mut d = on_day("N-0007", ago(1));
    d.date = String::new();
    assert_eq!(d.day(), None);
    assert!(d.choices(&c).is_empty());
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(p[0].field, BreachField::Date);
    assert_eq!(p[0].message, "Enter the date it happened");
    // The when question is on the conditions page, asked first.
    assert_eq!(BreachField::When.step(), BreachStep::Conditions);
    assert_eq!(BreachField::Date.step(), BreachStep::Conditions);
    assert_eq!(BreachField::Time.step(), BreachStep::Conditions);
}

#[test]
fn a_day_changed_after_choosing_refuses_the_condition_not_in_force_then_and_keeps_it_to_untick() {
    let c = demo_cohort(today());
    let mut d = on_day("N-0007", ago(201));
    d.condition_ids = vec!["C-0007-01".into()];
    // The officer goes back and says it was today, now.
    d.now = true;
    let p = d.problems(BreachStep::Conditions, &c, now());
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field, BreachField::Conditions);
    assert!(
        p[0].message
            .starts_with("On 24 Nov 2026 this condition was not in force: No more than £1,000"),
        "{}",
        p[0].message
    );
    assert!(p[0].message.ends_with("Untick it, or change the date"));
    // Still listed, so it can be unticked; beside it the wording in force today.
    let offered = ids(&d.choices(&c));
    assert!(
        offered.contains(&"C-0007-01".to_string()) && offered.contains(&"C-0007-11".to_string())
    );
    assert!(d.recommendation(&c, now()).is_err());
    d.condition_ids = vec!["C-0007-11".into()];
    assert_eq!(d.problems(BreachStep::Conditions, &c, now()), vec![]);
}

#[test]
fn an_order_that_has_since_ended_can_be_breached_on_a_day_it_was_in_force() {
    let mut c = demo_cohort(today());
    // N-0004's order ended 10 days ago.
    for o in c.orders.iter_mut().filter(|o| o.id == "O-0004") {
        if let OrderStage::Granted { ends, .. } = &mut o.stage {
            *ends = ago(10);
        }
    }
    assert!(BreachDraft::new("N-0004", now()).choices(&c).is_empty());
    let mut d = on_day("N-0004", ago(20));
    assert!(ids(&d.choices(&c)).contains(&"C-0004-05".to_string()));
    d.condition_ids = vec!["C-0004-05".into()];
    assert_eq!(d.problems(BreachStep::Check, &c, now()), vec![]);
    assert!(d.recommendation(&c, now()).is_ok());
}

/// The demo with N-0004's phone duty reworded 10 days ago: "within 3 days" (C-0004-05) became
/// "within 14 days" (C-0004-50).
fn phone_duty_reworded() -> crate::domain::cohort::aggregate::Cohort {
    let mut c = demo_cohort(today());
    for o in c.orders.iter_mut().filter(|o| o.id == "O-0004") {
        o.variations.push(Variation {
            id: "V-0004-1".into(),
            kind: VariationKind::Variation,
            made_on: ago(20),
            takes_effect: ago(10),
            court: "Crown Court at Testford".into(),
            summary: "Phone duty: 14 days".into(),
            new_end: None,
            conditions_ended: vec!["C-0004-05".into()],
            conditions_added: vec!["C-0004-50".into()],
        });
    }
    let mut new = c.condition("C-0004-05").unwrap().clone();
    new.id = "C-0004-50".into();
    new.summary = "One phone only; tell police about any phone or SIM within 14 days.".into();
    new.notification = Some(NotificationDuty {
        kind: NotificationKind::NewPhone,
        deadline: Deadline::WithinDaysAfter { days: 14 },
    });
    new.replaces = Some("C-0004-05".into());
    c.conditions.push(new);
    c
}

/// A phone got 20 days ago and notified 12 days ago, recorded against `condition`.
fn phone_notified(condition: &str) -> Notification {
    Notification {
        id: "NT-LATE".into(),
        nominal_id: "N-0004".into(),
        condition_id: Some(condition.into()),
        kind: NotificationKind::NewPhone,
        details: "Handset ending 123".into(),
        event_on: ago(20),
        notified_on: Some(ago(12)),
        recorded_at: now(),
        officer_id: "PC-0001".into(),
        corrects: None,
    }
}

#[test]
fn a_notification_is_judged_against_the_provision_in_force_on_the_day_of_the_event() {
    let c = phone_duty_reworded();
    // Under today's 14 days it would be in time; under the 3 days in force then, it is late.
    let late = Timeliness::Late {
        last_day: ago(17),
        days_late: 5,
    };
    assert_eq!(c.timeliness(&phone_notified("C-0004-05"), today()), late);
    // A record made against today's wording is judged against that day's all the same.
    assert_eq!(c.timeliness(&phone_notified("C-0004-50"), today()), late);
    assert_eq!(
        c.duty_for(&phone_notified("C-0004-50"))
            .map(|k| k.id.as_str()),
        Some("C-0004-05")
    );
    // An event after the rewording is judged against the new wording.
    let mut recent = phone_notified("C-0004-50");
    recent.event_on = ago(5);
    recent.notified_on = Some(today());
    assert!(matches!(
        c.timeliness(&recent, today()),
        Timeliness::InTime { .. }
    ));
}

#[test]
fn the_notification_form_chooses_the_duty_in_force_on_the_day_of_the_event() {
    let c = phone_duty_reworded();
    let mut d = NotificationDraft::new(today());
    d.choose_kind(NotificationKind::NewPhone, &c, "N-0004", today());
    assert_eq!(d.condition_id.as_deref(), Some("C-0004-50"));
    let offered = ids(&d.duties(&c, "N-0004", today()));
    assert!(
        offered.contains(&"C-0004-50".to_string()) && !offered.contains(&"C-0004-05".to_string())
    );
    d.details = "Handset ending 123".into();
    d.set_event_on(iso_date(ago(20)), &c, "N-0004");
    assert_eq!(d.condition_id.as_deref(), Some("C-0004-05"));
    let offered = ids(&d.duties(&c, "N-0004", today()));
    assert!(
        offered.contains(&"C-0004-05".to_string()) && !offered.contains(&"C-0004-50".to_string())
    );
    d.notified_on = iso_date(ago(12));
    assert_eq!(
        d.preview(&c, today()),
        Some(Timeliness::Late {
            last_day: ago(17),
            days_late: 5
        })
    );
    // Kind chosen after the date: the duty of that day straight away.
    let mut d2 = NotificationDraft::new(today());
    d2.set_event_on(iso_date(ago(20)), &c, "N-0004");
    d2.choose_kind(NotificationKind::NewPhone, &c, "N-0004", today());
    assert_eq!(d2.condition_id.as_deref(), Some("C-0004-05"));
}

#[test]
fn a_breach_drafted_from_a_late_notification_is_of_that_day_s_provision_on_the_last_day_in_time_with_no_time(
) {
    let c = phone_duty_reworded();
    let n = phone_notified("C-0004-50");
    let d = breach_from_notification(&c, &n, today(), now()).unwrap();
    assert_eq!(d.condition_ids, vec!["C-0004-05".to_string()]);
    assert_eq!(d.date, iso_date(ago(17)));
    assert_eq!(d.time, "");
    assert!(d.date_only());
    assert!(
        d.what_was_seen.contains("within 3 days"),
        "{}",
        d.what_was_seen
    );
    let mut d = d;
    d.intelligence = Some(IntelligenceAssessment::None);
    assert_eq!(d.problems(BreachStep::Check, &c, now()), vec![]);
    let r = d
        .to_report(&c, "BR-N".into(), &demo_officer(), now())
        .unwrap();
    assert!(r.date_only);
    assert_eq!(r.occurred_at, ago(17).and_hms_opt(0, 0, 0).unwrap());
    assert_eq!(r.when(), format_date(ago(17)));
    // Part A's circumstances read as English: no "at Not applicable", no invented time.
    let text = r.circumstances();
    assert!(
        text.starts_with(&format!(
            "On {}: Did not notify police of a new phone within 3 days",
            format_date(ago(17))
        )),
        "{text}"
    );
    assert!(
        !text.contains("Not applicable") && !text.contains("00:00"),
        "{text}"
    );
    // The JSON keeps the flag, and an older report without it reads as having a time.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["date_only"], true);
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("date_only");
    let old: crate::domain::breach::report::BreachReport = serde_json::from_value(old).unwrap();
    assert!(!old.date_only);
    // The nominal's timeline shows the day alone too.
    let mut c = c;
    c.breach_reports.push(r.clone());
    let entry = c
        .timeline("N-0004", today())
        .into_iter()
        .find(|e| e.id == "BR-N")
        .unwrap();
    assert_eq!(entry.when(), format_date(ago(17)));
    // A time the officer types is theirs: then the report has one.
    d.time = "09:15".into();
    assert!(!d.date_only());
}

#[test]
fn circumstances_leave_out_an_empty_or_not_applicable_place() {
    let c = demo_cohort(today());
    let mut d = on_day("N-0007", ago(1));
    d.condition_ids = vec!["C-0007-11".into()];
    let mut r = d
        .to_report(&c, "BR-P".into(), &demo_officer(), now())
        .unwrap();
    let day = format_date(ago(1));
    assert_eq!(
        r.circumstances(),
        format!("On {day} at Home address: Cash seen in a shoebox.")
    );
    assert_eq!(r.when(), format!("{day}, 10:00"));
    r.location = "  ".into();
    r.what_was_seen = "Cash seen".into();
    assert_eq!(r.circumstances(), format!("On {day}: Cash seen."));
    r.location = "not applicable".into();
    r.what_was_seen = String::new();
    assert_eq!(r.circumstances(), format!("On {day}."));
}
