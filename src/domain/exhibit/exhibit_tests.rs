use chrono::NaiveDate;

use crate::domain::cohort::demo::demo_cohort;
use crate::domain::common::reference::initials;
use crate::domain::exhibit::photo::{CapturePlace, Exhibit, ExhibitWithdrawal};
use crate::domain::exhibit::rules::*;
use crate::domain::{Cohort, FieldRecord};

const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn at(h: u32, m: u32, s: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, s)
        .unwrap()
}

fn cohort() -> Cohort {
    demo_cohort(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

fn exhibit(c: &Cohort, id: &str, reference: &str) -> Exhibit {
    let br = &c.breach_reports[0];
    Exhibit {
        id: id.into(),
        nominal_id: br.nominal_id.clone(),
        record_kind: "breach_report".into(),
        record_id: br.id.clone(),
        reference: reference.into(),
        description: "Second phone in the kitchen drawer".into(),
        sha256: HASH.into(),
        media_type: "image/jpeg".into(),
        size_bytes: 2_000_000,
        captured_at: at(14, 30, 0),
        app_started_at: at(14, 0, 0),
        elapsed_ms: 30 * 60 * 1000,
        place: None,
        officer_id: "PC-DEMO-01".into(),
        officer_name: "Jo Smith".into(),
    }
}

fn withdrawal(e: &Exhibit, id: &str, reason: &str) -> ExhibitWithdrawal {
    ExhibitWithdrawal {
        id: id.into(),
        nominal_id: e.nominal_id.clone(),
        exhibit_id: e.id.clone(),
        reason: reason.into(),
        withdrawn_at: at(15, 0, 0),
        officer_id: e.officer_id.clone(),
        officer_name: e.officer_name.clone(),
    }
}

#[test]
fn kinds_are_named_for_the_outbox_and_server() {
    assert_eq!(Exhibit::KIND, "exhibit");
    assert_eq!(ExhibitWithdrawal::KIND, "exhibit_withdrawal");
}

#[test]
fn the_hash_is_recorded_as_64_lower_hex() {
    let c = cohort();
    let e = exhibit(&c, "X1", "JS/1");
    assert_eq!(c.check_exhibit(&e), Ok(()));
    for bad in [
        "",
        &HASH[..63],
        &HASH.to_uppercase(),
        &format!("{}g", &HASH[..63]),
    ] {
        let e = Exhibit {
            sha256: bad.to_string(),
            ..e.clone()
        };
        assert_eq!(e.check(), Err(ExhibitProblem::BadHash), "{bad}");
    }
}

#[test]
fn photo_size_and_type_are_bounded() {
    assert_eq!(check_photo(MAX_PHOTO_BYTES, "image/png"), Ok(()));
    assert_eq!(
        check_photo(MAX_PHOTO_BYTES + 1, "image/jpeg"),
        Err(ExhibitProblem::TooLarge {
            size_bytes: MAX_PHOTO_BYTES + 1
        })
    );
    assert_eq!(check_photo(0, "image/jpeg"), Err(ExhibitProblem::NoPhoto));
    assert_eq!(
        check_photo(10, "text/plain"),
        Err(ExhibitProblem::NotAnImage)
    );
    let msg = ExhibitProblem::TooLarge {
        size_bytes: 9 * 1024 * 1024,
    }
    .to_string();
    assert!(msg.contains("9.0 MB") && msg.contains("8.0 MB"), "{msg}");
}

#[test]
fn references_are_initials_and_a_running_number_per_officer() {
    let c = cohort();
    assert_eq!(initials("Jo Smith"), "JS");
    assert_eq!(initials("PC Jo Smith"), "JS");
    assert_eq!(initials("Mary-Jane O'Neil"), "MO");
    assert_eq!(initials("JS"), "JS");
    assert_eq!(initials("  "), "X");
    assert_eq!(next_reference("Jo Smith", []), "JS/1");
    let mut existing = vec![
        exhibit(&c, "A", "JS/1"),
        exhibit(&c, "B", "JS/2"),
        exhibit(&c, "C", "AB/7"),
    ];
    let refs = |v: &[Exhibit]| v.iter().map(|e| e.reference.clone()).collect::<Vec<_>>();
    let used = refs(&existing);
    let used = || used.iter().map(String::as_str);
    assert_eq!(next_reference("Jo Smith", used()), "JS/3");
    assert_eq!(next_reference("Amy Brown", used()), "AB/8");
    assert_eq!(next_reference("Kim Lee", used()), "KL/1");
    // The highest number counts, not how many (a gap from a team import stays a gap).
    existing.push(exhibit(&c, "D", "JS/10"));
    let used = refs(&existing);
    assert_eq!(
        next_reference("JS", used.iter().map(String::as_str)),
        "JS/11"
    );
}

#[test]
fn reference_format_is_checked() {
    for good in ["JS/1", "A/99", "ABCD/123456"] {
        assert!(is_reference(good), "{good}");
    }
    for bad in [
        "",
        "JS",
        "js/1",
        "JS/0",
        "JS/01",
        "ABCDE/1",
        "JS/1234567",
        "J S/1",
        "JS/-1",
    ] {
        assert!(!is_reference(bad), "{bad}");
    }
    let c = cohort();
    let mut taken = c.clone();
    taken.exhibits.push(exhibit(&c, "X1", "JS/1"));
    assert_eq!(
        taken.check_exhibit(&exhibit(&c, "X2", "JS/1")),
        Err(ExhibitProblem::BadReference)
    );
}

#[test]
fn place_is_optional_but_must_be_on_earth() {
    let c = cohort();
    let mut e = exhibit(&c, "X1", "JS/1");
    assert_eq!(e.check(), Ok(()));
    e.place = Some(CapturePlace {
        latitude_e6: 51_501_364,
        longitude_e6: -141_890,
        accuracy_m: 12,
    });
    assert_eq!(e.check(), Ok(()));
    e.place = Some(CapturePlace {
        latitude_e6: 91_000_000,
        longitude_e6: 0,
        accuracy_m: 12,
    });
    assert_eq!(e.check(), Err(ExhibitProblem::BadPlace));
}

#[test]
fn exhibit_must_be_for_a_known_record_of_its_nominal() {
    let c = cohort();
    let mut e = exhibit(&c, "X1", "JS/1");
    e.record_id = "BR-nope".into();
    assert_eq!(c.check_exhibit(&e), Err(ExhibitProblem::UnknownRecord));
    let mut e = exhibit(&c, "X1", "JS/1");
    e.record_kind = "briefing".into();
    assert_eq!(c.check_exhibit(&e), Err(ExhibitProblem::UnknownRecord));
    let contact = c.contacts[0].clone();
    let e = Exhibit {
        record_kind: "contact".into(),
        record_id: contact.id.clone(),
        nominal_id: contact.nominal_id.clone(),
        ..exhibit(&c, "X1", "JS/1")
    };
    assert_eq!(c.check_exhibit(&e), Ok(()));
    let e = Exhibit {
        description: "  ".into(),
        ..e
    };
    assert_eq!(c.check_exhibit(&e), Err(ExhibitProblem::NoDescription));
}

#[test]
fn a_changed_phone_clock_shows() {
    let c = cohort();
    let e = exhibit(&c, "X1", "JS/1");
    assert_eq!(e.clock_difference_s(), 0);
    assert!(e.clock_agrees());
    // Clock put forward an hour after the app started.
    let moved = Exhibit {
        captured_at: at(15, 30, 0),
        ..e.clone()
    };
    assert_eq!(moved.clock_difference_s(), 3600);
    assert!(!moved.clock_agrees());
    assert_eq!(moved.expected_captured_at(), at(14, 30, 0));
}

#[test]
fn withdrawal_keeps_the_exhibit_and_needs_a_reason() {
    let mut c = cohort();
    let e = exhibit(&c, "X1", "JS/1");
    c.add(e.clone());
    assert!(!c.is_withdrawn("X1"));
    assert_eq!(
        c.check_withdrawal(&withdrawal(&e, "W1", "  ")),
        Err(ExhibitProblem::NoReason)
    );
    let w = withdrawal(&e, "W1", "Photo of the wrong drawer");
    assert_eq!(c.check_withdrawal(&w), Ok(()));
    c.add(w.clone());
    // Cannot delete: the exhibit stays, marked withdrawn, and the withdrawal is kept.
    assert_eq!(c.exhibit("X1"), Some(&e));
    assert_eq!(c.exhibits_for(&e.record_id), vec![&e]);
    assert!(c.is_withdrawn("X1"));
    assert_eq!(c.withdrawal_of("X1"), Some(&w));
    assert_eq!(
        c.check_withdrawal(&withdrawal(&e, "W2", "again")),
        Err(ExhibitProblem::AlreadyWithdrawn)
    );
    // A withdrawn exhibit keeps its number.
    assert_eq!(c.next_exhibit_reference("Jo Smith"), "JS/2");
}

#[test]
fn withdrawal_needs_an_existing_exhibit_of_the_nominal() {
    let mut c = cohort();
    let e = exhibit(&c, "X1", "JS/1");
    assert_eq!(
        c.check_withdrawal(&withdrawal(&e, "W1", "reason")),
        Err(ExhibitProblem::NoSuchExhibit)
    );
    c.add(e.clone());
    let mut w = withdrawal(&e, "W1", "reason");
    w.nominal_id = "N-other".into();
    assert_eq!(c.check_withdrawal(&w), Err(ExhibitProblem::NoSuchExhibit));
}

#[test]
fn import_checks_exhibits_and_withdrawals() {
    let mut c = cohort();
    assert!(c.validate().is_empty());
    let e = exhibit(&c, "X1", "JS/1");
    c.exhibits.push(e.clone());
    c.exhibit_withdrawals
        .push(withdrawal(&e, "W1", "Wrong drawer"));
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    c.exhibits.push(Exhibit {
        sha256: "nothex".into(),
        ..exhibit(&c, "X2", "JS/2")
    });
    c.exhibit_withdrawals.push(withdrawal(&e, "W2", "twice"));
    let paths: Vec<String> = c.validate().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, vec!["exhibits[1]", "exhibit_withdrawals[1]"]);
}

#[test]
fn sizes_read_in_words() {
    assert_eq!(size_text(300), "300 bytes");
    assert_eq!(size_text(1500), "2 KB");
    assert_eq!(size_text(MAX_PHOTO_BYTES), "8.0 MB");
}
