use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::field::briefing::SignOff;
use crate::domain::field::contact::ContactKind;
use crate::domain::time::dates::ymd;

fn today() -> NaiveDate {
    ymd(2026, 11, 24)
}

fn fact<'a>(e: &'a TimelineEntry, key: &str) -> Option<&'a str> {
    e.facts
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn newest_first_across_every_kind() {
    let c = demo_cohort(today());
    let t = c.timeline("N-0002", today());
    assert!(t.len() >= 3);
    assert!(t.windows(2).all(|w| w[0].at >= w[1].at));
    assert_eq!(t[0].kind, EntryKind::Contact);
    assert!(t.iter().any(|e| e.kind == EntryKind::Breach));
    // Nobody else's records.
    assert!(c
        .timeline("N-0003", today())
        .iter()
        .all(|e| e.kind == EntryKind::Contact));
}

#[test]
fn an_earlier_breach_shows_conditions_and_both_levels() {
    let c = demo_cohort(today());
    let t = c.timeline("N-0002", today());
    let b = t.iter().find(|e| e.kind == EntryKind::Breach).unwrap();
    assert_eq!(b.title, "Breach report");
    assert_eq!(
        fact(b, "Conditions breached"),
        Some("One phone only; tell police about any phone or SIM within 3 days.")
    );
    assert!(fact(b, "Recommended").is_some());
    assert_eq!(fact(b, "Recommended"), fact(b, "Chosen"));
    assert_eq!(b.when(), "15 Sep 2026, 14:20");
    assert_eq!(b.tag.as_ref().unwrap().1, Tone::Urgent);
    assert_eq!(b.opens, Some(Opens::BreachReport(b.id.clone())));
    // Briefings, contacts and notifications have no page of their own to open.
    let plain = [
        EntryKind::Briefing,
        EntryKind::Contact,
        EntryKind::Notification,
    ];
    assert!(t.iter().any(|e| plain.contains(&e.kind)));
    assert!(t
        .iter()
        .filter(|e| plain.contains(&e.kind))
        .all(|e| e.opens.is_none()));
}

#[test]
fn a_late_notification_says_by_how_much() {
    let c = demo_cohort(today());
    let t = c.timeline("N-0011", today());
    let n = t
        .iter()
        .find(|e| e.kind == EntryKind::Notification)
        .unwrap();
    assert_eq!(n.title, "Vehicle used");
    assert_eq!(n.tag, Some(("Late by 2 days".into(), Tone::Urgent)));
    assert_eq!(fact(n, "Happened"), Some("15 Oct 2026"));
    assert_eq!(fact(n, "Police told"), Some("20 Oct 2026"));
    assert_eq!(fact(n, "Last day to tell police"), Some("18 Oct 2026"));
    assert_eq!(
        fact(n, "What was notified"),
        Some("Grey hatchback, registration ZZ11 ZZZ")
    );
}

#[test]
fn an_outstanding_notification_is_overdue_once_the_deadline_passes() {
    let c = demo_cohort(today());
    let t = c.timeline("N-0005", today());
    let n = t
        .iter()
        .find(|e| e.kind == EntryKind::Notification)
        .unwrap();
    assert_eq!(
        n.tag,
        Some(("Not notified: overdue by 3 days".into(), Tone::Urgent))
    );
    assert_eq!(fact(n, "Police told"), Some("Not yet"));
}

#[test]
fn contacts_show_seen_outcome_and_notes() {
    let mut c = demo_cohort(today());
    let mut k = c.contacts_of("N-0004").pop().unwrap();
    k.id = "K-new".into();
    k.kind = ContactKind::Phone;
    k.at = today().and_hms_opt(9, 0, 0).unwrap();
    k.seen = false;
    k.outcome = ContactOutcome::NotSeen;
    k.notes = "No answer; voicemail left.".into();
    c.contacts.push(k);
    let t = c.timeline("N-0004", today());
    assert_eq!(t[0].title, "Phone call");
    assert_eq!(t[0].when(), "24 Nov 2026, 09:00");
    assert_eq!(t[0].tag, Some(("Not seen".into(), Tone::Urgent)));
    assert_eq!(fact(&t[0], "Notes"), Some("No answer; voicemail left."));
    assert_eq!(t[1].tag, Some(("Seen, no concerns".into(), Tone::Good)));
    assert_eq!(fact(&t[1], "Notes"), None);
}

#[test]
fn corrections_mark_both_records() {
    let mut c = demo_cohort(today());
    let original = c.contacts_of("N-0004").pop().unwrap();
    let mut fix = original.clone();
    fix.id = "K-fix".into();
    fix.corrects = Some(original.id.clone());
    fix.at = today().and_hms_opt(8, 0, 0).unwrap();
    c.contacts.push(fix);
    let t = c.timeline("N-0004", today());
    let fixed = t.iter().find(|e| e.id == original.id).unwrap();
    assert!(fixed.corrected && !fixed.is_correction);
    let fix = t.iter().find(|e| e.id == "K-fix").unwrap();
    assert!(fix.is_correction && !fix.corrected);
}

#[test]
fn briefings_in_progress_and_signed_off() {
    let mut c = demo_cohort(today());
    let started = today().and_hms_opt(9, 0, 0).unwrap();
    let ids: Vec<String> = c
        .live_conditions("N-0001", today())
        .iter()
        .map(|x| x.id.clone())
        .collect();
    let mut b = Briefing::start("B-1".into(), "N-0001".into(), "O-0001".into(), ids, started);
    c.briefings.push(b.clone());
    let t = c.timeline("N-0001", today());
    assert_eq!(t[0].tag, Some(("In progress".into(), Tone::Warning)));
    assert_eq!(
        fact(&t[0], "Body-worn video reference"),
        Some("Not recorded")
    );
    assert_eq!(fact(&t[0], "Copy of order"), Some("Not recorded"));

    for x in &mut b.conditions {
        x.explained = true;
        x.understood = true;
    }
    b.body_worn_video_on = true;
    b.body_worn_video_reference = "BWV-DEMO-42".into();
    b.copy_of_order = CopyOfOrder::HandedOver;
    b.signed_off = Some(SignOff {
        officer_id: "PC-1".into(),
        officer_name: "PC Demo Officer".into(),
        at: today().and_hms_opt(10, 30, 0).unwrap(),
    });
    let n = b.conditions.len();
    c.briefings = vec![b];
    let t = c.timeline("N-0001", today());
    assert_eq!(t[0].title, "Release-day briefing");
    assert_eq!(t[0].tag, Some(("Signed off".into(), Tone::Good)));
    assert_eq!(
        fact(&t[0], "Signed off"),
        Some("24 Nov 2026, 10:30 by PC Demo Officer")
    );
    assert_eq!(
        fact(&t[0], "Body-worn video reference"),
        Some("BWV-DEMO-42")
    );
    let done = format!("{n} of {n}");
    assert_eq!(
        fact(&t[0], "Conditions explained and understood"),
        Some(done.as_str())
    );
}

#[test]
fn a_ds_decision_shows_who_decided_what_and_replaces_an_earlier_one() {
    use crate::domain::breach::decision::{BreachDecision, DecisionLevel};
    let mut c = demo_cohort(today());
    let chosen = c.breach_reports[0].decision.chosen;
    let first = BreachDecision {
        id: "BD-1".into(),
        nominal_id: "N-0002".into(),
        report_id: "BR-0002-1".into(),
        level: chosen.into(),
        agrees: true,
        information: "i".into(),
        assessment: "a".into(),
        powers_and_policy: "p".into(),
        options: "o".into(),
        action: "Agree: a second breach on licence.".into(),
        disruption: false,
        decided_by: "DS-DEMO-01".into(),
        decided_by_name: "DS Demo Supervisor".into(),
        decided_at: ymd(2026, 11, 20).and_hms_opt(9, 30, 0).unwrap(),
        replaces: None,
    };
    let second = BreachDecision {
        id: "BD-2".into(),
        level: DecisionLevel::Charge,
        agrees: false,
        disruption: true,
        decided_at: ymd(2026, 11, 21).and_hms_opt(9, 30, 0).unwrap(),
        replaces: Some("BD-1".into()),
        ..first.clone()
    };
    c.breach_decisions = vec![first, second];
    let t = c.timeline("N-0002", today());
    let d1 = t.iter().find(|e| e.id == "BD-1").unwrap();
    assert_eq!(d1.kind, EntryKind::Decision);
    assert_eq!(
        d1.title,
        format!(
            "Breach decision by DS Demo Supervisor: {} (agreed)",
            chosen.label()
        )
    );
    assert_eq!(d1.when(), "20 Nov 2026, 09:30");
    assert_eq!(
        fact(d1, "Decision and rationale"),
        Some("Agree: a second breach on licence.")
    );
    assert!(d1.corrected);
    // A decision opens the report it decides.
    assert_eq!(
        d1.opens,
        Some(Opens::BreachReport(c.breach_reports[0].id.clone()))
    );
    let d2 = t.iter().find(|e| e.id == "BD-2").unwrap();
    assert!(d2
        .title
        .contains("Investigate and charge (s.25) (the officer chose:"));
    assert!(d2.is_correction && !d2.corrected);
    assert_eq!(fact(d2, "Disruption of organised crime"), Some("Recorded"));
    assert!(c
        .timeline("N-0003", today())
        .iter()
        .all(|e| e.kind != EntryKind::Decision));
}
