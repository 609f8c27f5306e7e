use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::document::{Block, SectionKind};
use crate::domain::referral::record::{BreachedProvision, CustodyNow, PoliceContact};
use crate::domain::time::dates::ymd;

fn referral() -> RecallReferral {
    RecallReferral {
        id: "R-1".into(),
        reference: "DO/RR/2026/2".into(),
        nominal_id: "N-0002".into(),
        breach_report_id: "BR-0002-1".into(),
        custody_now: CustodyNow::Police,
        arrest_issues: "A dog at the address.".into(),
        police_contact: PoliceContact {
            name: "PC Demo Officer".into(),
            email: "demo@example.org".into(),
            phone: "01632 960000".into(),
        },
        last_address: "Flat 3, 40 Example Court, Testford".into(),
        other_addresses: String::new(),
        contraband_risk: "Phones".into(),
        charged: false,
        charge_details: String::new(),
        provisions: vec![BreachedProvision {
            condition_id: "C-1".into(),
            verbatim: "The defendant shall not possess more than one mobile telephone.".into(),
            mirrored_in_licence: true,
        }],
        circumstances: "Seen on 3 Nov 2026.".into(),
        earlier_breaches: "None".into(),
        probation_contact: Some(ProbationContact {
            name: "Probation Practitioner 2".into(),
            phone: Some("07700 900502".into()),
            email: None,
        }),
        not_for_disclosure: "Informant material: see the intelligence log.".into(),
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
        made_at: ymd(2026, 11, 24).and_hms_opt(10, 5, 0).expect("a time"),
    }
}

fn nominal() -> Nominal {
    let c = demo_cohort(ymd(2026, 11, 24));
    c.nominal("N-0002").cloned().expect("the demo nominal")
}

#[test]
fn the_material_not_for_disclosure_is_last_on_a_page_of_its_own_and_marked() {
    let d = referral_document(&referral(), &nominal());
    assert_eq!(
        d.page_title,
        "Police information for Part A DO/RR/2026/2 – N-0002"
    );
    assert!(
        d.reference
            .starts_with("Referral DO/RR/2026/2 · MARROWBY, "),
        "{}",
        d.reference
    );
    assert!(d
        .reference
        .ends_with("made 24 Nov 2026, 10:05 by PC Demo Officer"));
    let breaks: Vec<bool> = d.sections.iter().map(|s| s.new_page).collect();
    assert_eq!(breaks, [false, false, false, false, false, false, true]);
    let last = d.sections.last().expect("sections");
    assert_eq!(
        (last.title.as_str(), last.kind),
        ("NOT FOR DISCLOSURE", SectionKind::NotForDisclosure)
    );
    assert!(matches!(&last.blocks[0], Block::Warning(w) if w.contains("Do not copy into Part A")));
    assert_eq!(
        last.value("Material not for disclosure"),
        Some("Informant material: see the intelligence log.")
    );
    // Nothing not for disclosure in the parts that may be copied into Part A.
    assert!(d.sections[..6]
        .iter()
        .all(|s| !s.text().contains("Informant")));
}

#[test]
fn the_provisions_are_quoted_word_for_word_and_the_answers_said_in_words() {
    let d = referral_document(&referral(), &nominal());
    let p = d
        .section("SCPO provisions breached, word for word")
        .expect("provisions");
    assert_eq!(
        p.blocks,
        [
            Block::Quote("The defendant shall not possess more than one mobile telephone.".into()),
            Block::Hint("Mirrored in the licence: Yes".into())
        ]
    );
    let a = d
        .section("Addresses known to police and contraband")
        .expect("addresses");
    assert_eq!(a.value("Other possible addresses"), Some("None"));
    let c = d.section("Custody and arrest issues").expect("custody");
    assert_eq!(c.value("In custody now"), Some("Yes, in police custody"));
    let contacts = d.section("Contacts").expect("contacts");
    assert_eq!(
        contacts.value("Police contact"),
        Some("PC Demo Officer, demo@example.org, 01632 960000")
    );
    assert_eq!(
        contacts.value("Probation contact"),
        Some("Probation Practitioner 2, 07700 900502")
    );
    assert_eq!(contacts.value("Referral made"), Some("24 Nov 2026, 10:05"));
    let charge = d.section("New charges").expect("charges");
    assert_eq!(
        charge.blocks,
        [Block::rows([("Charged with an offence", "No")])]
    );
}

#[test]
fn a_charge_is_printed_with_what_it_means_for_a_fixed_term_recall() {
    let mut r = referral();
    r.charged = true;
    r.charge_details = "Theft, charged 20 Nov 2026".into();
    let d = referral_document(&r, &nominal());
    let charge = d.section("New charges").expect("charges");
    assert_eq!(
        charge.value("The offence charged and when"),
        Some("Theft, charged 20 Nov 2026")
    );
    assert!(charge.text().ends_with("a fixed-term recall is excluded."));
}

#[test]
fn the_probation_contact_in_one_line_or_that_the_record_has_none() {
    assert_eq!(
        probation_text(None),
        "None on the nominal’s record (not on licence on this phone’s records)"
    );
    let p = ProbationContact {
        name: "Pat Example".into(),
        phone: None,
        email: Some("pat.example@probation.example".into()),
    };
    assert_eq!(
        probation_text(Some(&p)),
        "Pat Example, pat.example@probation.example"
    );
}
