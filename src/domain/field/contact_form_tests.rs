use super::*;
use crate::domain::field::contact::{contact_status, ContactPlan, ContactStatus};
use crate::domain::time::dates::ymd;

fn now() -> NaiveDateTime {
    ymd(2026, 11, 24).and_hms_opt(14, 5, 0).unwrap()
}

fn save(d: &ContactDraft) -> Result<Contact, Vec<ContactProblem>> {
    d.to_contact("K-1".into(), "N-T1", "PC-1", now())
}

fn fields(problems: Vec<ContactProblem>) -> Vec<ContactField> {
    problems.into_iter().map(|p| p.field).collect()
}

#[test]
fn the_routine_contact_needs_nothing_typed() {
    let c = save(&ContactDraft::routine(ContactKind::HomeVisit)).unwrap();
    assert_eq!(c.kind, ContactKind::HomeVisit);
    assert!(c.seen);
    assert_eq!(c.outcome, ContactOutcome::NoConcerns);
    assert_eq!(c.at, now());
    assert_eq!(c.nominal_id, "N-T1");
    assert_eq!(c.officer_id, "PC-1");
    assert_eq!(c.corrects, None);
}

#[test]
fn a_routine_contact_moves_next_due_by_the_plan_interval() {
    let plan = ContactPlan {
        nominal_id: "N-T1".into(),
        every_days: 14,
        agreed_by: "DS Sample".into(),
        agreed_on: ymd(2026, 1, 1),
    };
    let released = ymd(2026, 8, 1);
    let today = now().date();
    let mut contacts = vec![];
    assert!(contact_status(&plan, &contacts, released, today).is_overdue());
    contacts.push(save(&ContactDraft::routine(ContactKind::Phone)).unwrap());
    assert_eq!(
        contact_status(&plan, &contacts, released, today),
        ContactStatus::Due {
            on: ymd(2026, 12, 8)
        }
    );
}

#[test]
fn not_seen_is_its_own_outcome_whatever_concerns_says() {
    let d = ContactDraft {
        seen: false,
        concerns: true,
        notes: "No answer at the door.".into(),
        ..ContactDraft::routine(ContactKind::UnannouncedHomeVisit)
    };
    let c = save(&d).unwrap();
    assert!(!c.seen);
    assert_eq!(c.outcome, ContactOutcome::NotSeen);
    // Not seen without notes is allowed: the kind and time say what was tried.
    let d = ContactDraft {
        notes: String::new(),
        ..d
    };
    assert!(save(&d).is_ok());
}

#[test]
fn concerns_must_be_described() {
    let d = ContactDraft {
        concerns: true,
        notes: "   ".into(),
        ..ContactDraft::routine(ContactKind::HomeVisit)
    };
    assert_eq!(fields(save(&d).unwrap_err()), vec![ContactField::Notes]);
    let d = ContactDraft {
        notes: " Unknown car outside. ".into(),
        ..d
    };
    let c = save(&d).unwrap();
    assert_eq!(c.outcome, ContactOutcome::ConcernsRecorded);
    assert_eq!(c.notes, "Unknown car outside.");
}

fn at(day: &str, month: &str, year: &str, hour: &str, minute: &str) -> ContactDraft {
    ContactDraft {
        now: false,
        day: day.into(),
        month: month.into(),
        year: year.into(),
        hour: hour.into(),
        minute: minute.into(),
        ..ContactDraft::routine(ContactKind::OfficeReport)
    }
}

fn messages(d: &ContactDraft) -> Vec<String> {
    save(d)
        .unwrap_err()
        .into_iter()
        .map(|p| p.message)
        .collect()
}

#[test]
fn an_earlier_time_is_checked_and_kept_as_typed() {
    assert_eq!(
        save(&at("23", "11", "2026", "9", "30")).unwrap().at,
        ymd(2026, 11, 23).and_hms_opt(9, 30, 0).unwrap()
    );
    assert_eq!(
        save(&at(" 05 ", "1", "2026", "00", "00")).unwrap().at,
        ymd(2026, 1, 5).and_hms_opt(0, 0, 0).unwrap()
    );
    let missing = at("", "", "", "", "");
    assert_eq!(
        fields(save(&missing).unwrap_err()),
        vec![ContactField::Date, ContactField::Time]
    );
    assert_eq!(
        messages(&missing),
        vec![
            "Enter the date of the contact",
            "Enter the time of the contact"
        ]
    );
    assert_eq!(
        messages(&at("23", "", "2026", "", "30")),
        vec![
            "Date of the contact must include a month",
            "Time of the contact must include an hour"
        ]
    );
    assert_eq!(
        messages(&at("30", "2", "2026", "25", "00")),
        vec![
            "Date of the contact must be a real date",
            "Time of the contact must be a real time, from 00:00 to 23:59"
        ]
    );
    assert_eq!(
        messages(&at("23", "11", "26", "10", "x")),
        vec![
            "Year must include 4 numbers",
            "Time of the contact must be a real time, from 00:00 to 23:59"
        ]
    );
    let future = at("24", "11", "2026", "14", "06");
    assert_eq!(
        messages(&future),
        vec!["Date and time of the contact must be now or in the past"]
    );
    assert_eq!(fields(save(&future).unwrap_err()), vec![ContactField::Date]);
    // The draft itself is untouched by validation.
    assert_eq!(future.minute, "06");
}

#[test]
fn choosing_earlier_fills_in_now_but_never_overwrites() {
    let mut d = ContactDraft::routine(ContactKind::HomeVisit);
    d.fill_when(now());
    assert_eq!(
        (d.day.as_str(), d.month.as_str(), d.year.as_str()),
        ("24", "11", "2026")
    );
    assert_eq!((d.hour.as_str(), d.minute.as_str()), ("14", "05"));
    d.hour = "9".into();
    d.minute = String::new();
    d.fill_when(now());
    assert_eq!((d.hour.as_str(), d.minute.as_str()), ("9", ""));
}

#[test]
fn now_ignores_any_date_left_in_the_form() {
    let d = ContactDraft {
        day: "99".into(),
        ..ContactDraft::routine(ContactKind::Video)
    };
    assert_eq!(save(&d).unwrap().at, now());
}

#[test]
fn notes_have_a_limit() {
    let d = ContactDraft {
        notes: "x".repeat(MAX_NOTES_CHARS + 1),
        ..ContactDraft::routine(ContactKind::HomeVisit)
    };
    assert_eq!(fields(save(&d).unwrap_err()), vec![ContactField::Notes]);
}

#[test]
fn the_usual_kind_is_that_of_the_last_seen_contact() {
    assert_eq!(usual_contact_kind(&[]), ContactKind::HomeVisit);
    let at = |d: u32, h: u32| ymd(2026, 11, d).and_hms_opt(h, 0, 0).unwrap();
    let mut phone = save(&ContactDraft::routine(ContactKind::Phone)).unwrap();
    phone.at = at(20, 10);
    let mut office = save(&ContactDraft::routine(ContactKind::OfficeReport)).unwrap();
    office.at = at(10, 10);
    let mut missed = save(&ContactDraft {
        seen: false,
        ..ContactDraft::routine(ContactKind::UnannouncedHomeVisit)
    })
    .unwrap();
    missed.at = at(22, 10);
    assert_eq!(
        usual_contact_kind(&[office.clone(), phone, missed]),
        ContactKind::Phone
    );
    assert_eq!(usual_contact_kind(&[office]), ContactKind::OfficeReport);
}

#[test]
fn a_draft_survives_its_json_form() {
    let d = ContactDraft {
        notes: "Partial notes".into(),
        ..ContactDraft::routine(ContactKind::HomeVisit)
    };
    let back: ContactDraft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn next_due_in_words() {
    let today = ymd(2026, 11, 24);
    let text = |s| next_due_text(s, today);
    assert_eq!(
        text(ContactStatus::Due {
            on: ymd(2026, 12, 8)
        }),
        "8 Dec 2026 (in 14 days)"
    );
    assert_eq!(text(ContactStatus::DueToday), "Today, 24 Nov 2026");
    assert_eq!(
        text(ContactStatus::Overdue {
            since: ymd(2026, 11, 4),
            days: 20
        }),
        "4 Nov 2026: overdue by 20 days"
    );
    assert_eq!(
        text(ContactStatus::NotDueUntilRelease {
            release_on: ymd(2026, 11, 28)
        }),
        "None until release on 28 Nov 2026 (in 4 days)"
    );
}
