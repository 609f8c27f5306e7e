use chrono::NaiveDate;

use super::PHOTO_IS_AN_EXHIBIT;
use crate::domain::breach::report::{Evidence, EvidenceKind, IntelligenceAssessment};
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::exhibit::photo::Exhibit;
use crate::domain::forms::breach_draft::{BreachDraft, EvidenceDraft};
use crate::domain::forms::breach_form::{BreachField, BreachStep};
use crate::domain::Cohort;

const OFFICER: &str = "PC Demo Officer";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn now() -> chrono::NaiveDateTime {
    today().and_hms_opt(14, 5, 0).unwrap()
}

/// The demo cohort, its breach report (as a phone holds it after sync) carrying typed evidence
/// with `typed` as its reference.
fn cohort_with_typed(kind: EvidenceKind, typed: &str) -> Cohort {
    let mut c = demo_cohort(today());
    c.breach_reports[0].evidence.push(Evidence {
        kind,
        description: "Second handset".into(),
        reference: typed.into(),
    });
    c
}

fn photo_exhibit(c: &Cohort, id: &str, reference: &str) -> Exhibit {
    let r = &c.breach_reports[0];
    Exhibit {
        id: id.into(),
        nominal_id: r.nominal_id.clone(),
        record_kind: "breach_report".into(),
        record_id: r.id.clone(),
        reference: reference.into(),
        description: "Kitchen table".into(),
        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
        media_type: "image/jpeg".into(),
        size_bytes: 1000,
        captured_at: now(),
        app_started_at: now(),
        elapsed_ms: 0,
        place: None,
        officer_id: "PC-DEMO-01".into(),
        officer_name: OFFICER.into(),
    }
}

fn draft() -> BreachDraft {
    let mut d = BreachDraft::new("N-0004", now());
    d.condition_ids = vec!["C-0004-05".into()];
    d.location = "Home address".into();
    d.what_was_seen = "Second phone on the kitchen table.".into();
    d.intelligence = Some(IntelligenceAssessment::None);
    d
}

fn typing(d: &mut BreachDraft, kind: EvidenceKind, reference: &str) {
    d.new_evidence = EvidenceDraft {
        kind,
        description: "Black handset".into(),
        reference: reference.into(),
    };
}

#[test]
fn a_photo_exhibit_after_typed_evidence_takes_the_next_number_not_the_same() {
    // Issue 19, 15: "DO/1" typed on the report, then the photo exhibit was DO/1 as well.
    let mut c = cohort_with_typed(EvidenceKind::Item, "DO/1");
    assert_eq!(c.next_exhibit_reference(OFFICER), "DO/2");
    // Exhibits and typed evidence pulled by sync count alike; other initials and references
    // that are not exhibit references (a property number) do not.
    c.exhibits.push(photo_exhibit(&c, "EX-1", "DO/4"));
    c.breach_reports[0].evidence.push(Evidence {
        kind: EvidenceKind::Document,
        description: "Tenancy agreement".into(),
        reference: "AB/9".into(),
    });
    c.breach_reports[0].evidence.push(Evidence {
        kind: EvidenceKind::Item,
        description: "Charger".into(),
        reference: "PROP/77".into(),
    });
    assert_eq!(c.next_exhibit_reference(OFFICER), "DO/5");
    assert_eq!(c.next_exhibit_reference("Amy Brown"), "AB/10");
    // A report being written counts what it has typed so far.
    let mut d = draft();
    typing(&mut d, EvidenceKind::Phone, "DO/5");
    assert_eq!(d.add_evidence(&c), Ok(()));
    assert_eq!(d.next_reference(&c, OFFICER), "DO/6");
}

#[test]
fn a_photo_is_never_typed_evidence() {
    let c = demo_cohort(today());
    assert_eq!(
        EvidenceKind::Photo.option_label(),
        "Photo: add it as a photo exhibit after submitting"
    );
    assert_eq!(EvidenceKind::Item.option_label(), "Item seized");
    let mut d = draft();
    typing(&mut d, EvidenceKind::Photo, "DO/1");
    let before = d.clone();
    assert_eq!(d.add_evidence(&c), Err(PHOTO_IS_AN_EXHIBIT.to_string()));
    assert_eq!(d, before, "nothing added");
    // Typed and not added, it stops the page going on (it would be submitted with the report).
    let problems = d.problems(BreachStep::Details, &c, now());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, BreachField::EvidenceDescription);
    assert_eq!(problems[0].message, PHOTO_IS_AN_EXHIBIT);
    // A photo kept in an older draft's list is refused too, with how to put it right.
    d.new_evidence = EvidenceDraft::default();
    d.evidence.push(EvidenceDraft {
        kind: EvidenceKind::Photo,
        description: "Photo of the table".into(),
        reference: String::new(),
    });
    let problems = d.problems(BreachStep::Details, &c, now());
    assert!(
        problems[0].message.starts_with("Remove the photo"),
        "{problems:?}"
    );
    d.evidence.clear();
    assert!(d.problems(BreachStep::Details, &c, now()).is_empty());
}

#[test]
fn an_exhibit_reference_is_given_once() {
    let mut c = cohort_with_typed(EvidenceKind::Item, "DO/1");
    c.exhibits.push(photo_exhibit(&c, "EX-1", "DO/2"));
    let mut d = draft();
    for taken in ["DO/1", "DO/2", " DO/2 "] {
        typing(&mut d, EvidenceKind::Phone, taken);
        let said = d.add_evidence(&c).unwrap_err();
        assert!(
            said.contains("already the reference of another exhibit"),
            "{said}"
        );
        assert_eq!(d.evidence.len(), 0);
        assert!(!d.problems(BreachStep::Details, &c, now()).is_empty());
    }
    typing(&mut d, EvidenceKind::Phone, "DO/3");
    assert_eq!(d.add_evidence(&c), Ok(()));
    // Not twice in the same report either; a property number may repeat (it is not ours).
    typing(&mut d, EvidenceKind::Document, "DO/3");
    assert!(d.add_evidence(&c).is_err());
    typing(&mut d, EvidenceKind::Document, "PROP-12");
    assert_eq!(d.add_evidence(&c), Ok(()));
    typing(&mut d, EvidenceKind::Document, "PROP-12");
    assert_eq!(d.add_evidence(&c), Ok(()));
    assert_eq!(d.evidence.len(), 3);
    // No description: said so, nothing added.
    d.new_evidence = EvidenceDraft::default();
    assert_eq!(
        d.add_evidence(&c),
        Err("Enter a description of the evidence".to_string())
    );
}
