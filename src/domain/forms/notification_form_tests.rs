use super::*;
use crate::domain::breach::report::{EnforcementLevel, IntelligenceAssessment};
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::forms::breach_form::BreachStep;
use crate::domain::order::condition::Deadline;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(14, 5, 0).unwrap()
}

#[test]
fn choosing_the_kind_preselects_the_condition_with_that_duty() {
    let c = demo_cohort(today());
    let mut d = NotificationDraft::new(today());
    assert_eq!(d.notified_on, "2026-11-24");
    d.choose_kind(NotificationKind::NewPhone, &c, "N-0004", today());
    assert_eq!(d.condition_id.as_deref(), Some("C-0004-05"));
    d.choose_kind(NotificationKind::TravelRequest, &c, "N-0004", today());
    assert_eq!(d.condition_id.as_deref(), Some("C-0004-10"));
    d.choose_kind(NotificationKind::Other, &c, "N-0004", today());
    assert_eq!(d.condition_id, None);
}

#[test]
fn a_blank_form_says_what_is_missing_and_keeps_what_was_typed() {
    let d = NotificationDraft::new(today());
    let fields: Vec<_> = d.problems(today()).into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![
            NotificationField::Kind,
            NotificationField::Details,
            NotificationField::EventOn
        ]
    );
    let mut d = d;
    d.kind = Some(NotificationKind::NewPhone);
    d.details = "07700 900123".into();
    d.event_on = "2026-11-25".into();
    d.notified_on = "2026-11-25".into();
    let p = d.problems(today());
    assert_eq!(p.len(), 2);
    assert!(p.iter().all(|p| p.message.contains("today or in the past")));
    // Travel may start in the future.
    d.kind = Some(NotificationKind::TravelRequest);
    d.notified_on = "2026-11-24".into();
    assert_eq!(d.problems(today()), vec![]);
    assert_eq!(d.details, "07700 900123");
}

#[test]
fn the_timeliness_shows_as_soon_as_the_dates_are_in() {
    let c = demo_cohort(today());
    let mut d = NotificationDraft::new(today());
    d.choose_kind(NotificationKind::NewPhone, &c, "N-0004", today());
    assert_eq!(d.preview(&c, today()), None);
    d.event_on = "2026-11-17".into();
    d.details = "07700 900123".into();
    let t = d.preview(&c, today()).unwrap();
    assert_eq!(
        describe_timeliness(t, Some(today())),
        "Late: due by 20 Nov 2026, told 24 Nov 2026 (4 days late)"
    );
    let n = d
        .to_notification("NT-1".into(), "N-0004", "PC-1", now())
        .unwrap();
    assert_eq!(n.condition_id.as_deref(), Some("C-0004-05"));
    assert_eq!(n.notified_on, Some(today()));
    assert_eq!(n.recorded_at, now());
}

#[test]
fn timeliness_in_words() {
    let d = ymd(2026, 11, 20);
    assert_eq!(
        describe_timeliness(Timeliness::InTime { last_day: d }, Some(ymd(2026, 11, 19))),
        "In time: due by 20 Nov 2026, told 19 Nov 2026"
    );
    assert_eq!(
        describe_timeliness(
            Timeliness::Late {
                last_day: d,
                days_late: 1
            },
            Some(ymd(2026, 11, 21))
        ),
        "Late: due by 20 Nov 2026, told 21 Nov 2026 (1 day late)"
    );
    assert_eq!(
        describe_timeliness(Timeliness::Outstanding { last_day: d }, None),
        "Outstanding: due by 20 Nov 2026, not yet told"
    );
    assert_eq!(
        describe_timeliness(
            Timeliness::Overdue {
                last_day: d,
                days_late: 4
            },
            None
        ),
        "Overdue: due by 20 Nov 2026, not yet told (4 days overdue)"
    );
    assert_eq!(
        describe_timeliness(Timeliness::NoDeadline, None),
        "No deadline applies; not yet told"
    );
}

#[test]
fn not_yet_notified_comes_first() {
    let mut c = demo_cohort(today());
    let mut late = c.notifications[1].clone();
    late.nominal_id = "N-0005".into();
    late.id = "NT-x".into();
    late.condition_id = Some("C-0005-08".into());
    c.notifications.push(late);
    let list = review_order(&c, c.notifications_of("N-0005"), today());
    assert_eq!(list[0].id, "NT-0005-1");
    assert_eq!(list[1].id, "NT-x");
}

#[test]
fn a_late_notification_starts_a_breach_report_with_the_facts_filled_in() {
    let c = demo_cohort(today());
    // N-0011: a vehicle first used 40 days ago, notified 5 days later.
    let n = c.notification_by_id("NT-0011-1");
    let d = breach_from_notification(&c, n, today(), now()).unwrap();
    assert_eq!(d.condition_ids, vec!["C-0011-08".to_string()]);
    assert!(!d.now);
    // The day the deadline fell (the last day in time: 3 days after), and no time.
    let last_day = n.event_on + chrono::Days::new(3);
    assert_eq!(d.date, last_day.format("%Y-%m-%d").to_string());
    assert_eq!(d.time, "");
    assert!(d.date_only());
    assert!(d
        .what_was_seen
        .starts_with("Did not notify police of a vehicle used within 3 days: it happened on "));
    assert!(d.what_was_seen.contains("(2 days late)"));
    assert!(d
        .what_was_seen
        .ends_with("Details: Grey hatchback, registration ZZ11 ZZZ"));
    assert_eq!(d.from_notification.as_deref(), Some("NT-0011-1"));
    // Only the intelligence question is left.
    assert_eq!(
        d.first_incomplete(&c, now()),
        Some(BreachStep::Intelligence)
    );
    let mut d = d;
    d.intelligence = Some(IntelligenceAssessment::None);
    assert_eq!(
        d.recommendation(&c, now()).unwrap().level,
        EnforcementLevel::InterviewAndCaution
    );
}

#[test]
fn an_overdue_notification_starts_a_breach_report_too() {
    let c = demo_cohort(today());
    let n = c.notification_by_id("NT-0005-1");
    let d = breach_from_notification(&c, n, today(), now()).unwrap();
    assert!(d
        .what_was_seen
        .contains("still not told on 24 Nov 2026 (3 days overdue)"));
    assert_eq!(d.date, "2026-11-21");
}

#[test]
fn a_notification_in_time_is_not_a_breach() {
    let c = demo_cohort(today());
    let mut n = c.notification_by_id("NT-0011-1").clone();
    n.notified_on = Some(n.event_on);
    assert_eq!(breach_from_notification(&c, &n, today(), now()), None);
}

#[test]
fn travel_is_worded_as_a_request_before_it_starts() {
    let c = demo_cohort(today());
    let mut n = c.notification_by_id("NT-0011-1").clone();
    n.kind = NotificationKind::TravelRequest;
    n.event_on = ymd(2026, 12, 8);
    n.notified_on = Some(ymd(2026, 12, 2));
    let deadline = Deadline::DaysBefore { days: 7 };
    let t = n.timeliness(Some(deadline), ymd(2026, 12, 2));
    let s = failure_to_notify(&n, deadline, t, ymd(2026, 12, 2)).unwrap();
    assert!(s.starts_with(
        "Did not notify police of travel at least 7 clear days before it started: the travel starts on 8 Dec 2026, so police had to be told by 30 Nov 2026; told on 2 Dec 2026 (2 days late)."
    ), "{s}");
}

trait ById {
    fn notification_by_id(&self, id: &str) -> &Notification;
}

impl ById for Cohort {
    fn notification_by_id(&self, id: &str) -> &Notification {
        self.notifications.iter().find(|n| n.id == id).unwrap()
    }
}

#[test]
fn the_timeliness_line_says_late_once() {
    let d = ymd(2026, 11, 20);
    let line = |t, told| {
        let (tag, sentence) = timeliness_line(t, told);
        let tag = tag.map(|(text, _)| text).unwrap_or_default();
        format!("{tag} {sentence}").trim().to_string()
    };
    let late = Timeliness::Late {
        last_day: d,
        days_late: 4,
    };
    assert_eq!(
        line(late, Some(ymd(2026, 11, 24))),
        "Late by 4 days Due by 20 Nov 2026, told 24 Nov 2026"
    );
    assert_eq!(
        line(Timeliness::InTime { last_day: d }, Some(ymd(2026, 11, 19))),
        "In time Due by 20 Nov 2026, told 19 Nov 2026"
    );
    assert_eq!(
        line(Timeliness::Outstanding { last_day: d }, None),
        "Not yet notified: due by 20 Nov 2026"
    );
    assert_eq!(
        line(
            Timeliness::Overdue {
                last_day: d,
                days_late: 4
            },
            None
        ),
        "Not notified: overdue by 4 days Due by 20 Nov 2026"
    );
    assert_eq!(
        line(Timeliness::NoDeadline, None),
        "No deadline applies; not yet told"
    );
    // Each way of being late or overdue is said once on the line.
    for t in [
        late,
        Timeliness::Overdue {
            last_day: d,
            days_late: 4,
        },
    ] {
        let text = line(t, Some(ymd(2026, 11, 24))).to_lowercase();
        assert_eq!(
            text.matches("late").count() + text.matches("overdue").count(),
            1,
            "{text}"
        );
        assert_eq!(text.matches("4 days").count(), 1, "{text}");
    }
}
