use super::*;
use crate::domain::contact::{contact_status, ContactPlan, ContactStatus};
use crate::domain::dates::ymd;

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

#[test]
fn an_earlier_time_is_checked_and_kept_as_typed() {
    let earlier = ContactDraft {
        now: false,
        date: "2026-11-23".into(),
        time: "09:30".into(),
        ..ContactDraft::routine(ContactKind::OfficeReport)
    };
    assert_eq!(
        save(&earlier).unwrap().at,
        ymd(2026, 11, 23).and_hms_opt(9, 30, 0).unwrap()
    );

    let missing = ContactDraft {
        date: String::new(),
        time: String::new(),
        ..earlier.clone()
    };
    assert_eq!(
        fields(save(&missing).unwrap_err()),
        vec![ContactField::Date, ContactField::Time]
    );

    let nonsense = ContactDraft {
        date: "2026-02-30".into(),
        time: "25:00".into(),
        ..earlier.clone()
    };
    let problems = save(&nonsense).unwrap_err();
    assert_eq!(problems[0].message, "Date of the contact must be a real date");
    assert_eq!(problems[1].field, ContactField::Time);

    let future = ContactDraft {
        date: "2026-11-24".into(),
        time: "14:06".into(),
        ..earlier.clone()
    };
    assert_eq!(
        save(&future).unwrap_err()[0].message,
        "Date and time of the contact must be now or in the past"
    );
    // The draft itself is untouched by validation.
    assert_eq!(future.time, "14:06");
}

#[test]
fn now_ignores_any_date_left_in_the_form() {
    let d = ContactDraft {
        date: "not a date".into(),
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
