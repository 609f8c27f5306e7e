//! The two documents printed from a breach report hold what their old views showed.

use super::*;
use crate::domain::breach::decision::{figures_decision, DecisionLevel};
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::document::{Block, DocumentKind, SectionKind};
use crate::domain::time::dates::{format_date, ymd};
use crate::domain::Cohort;

const PHONE: &str =
    "The defendant shall not possess or use more than one mobile telephone or SIM card";

fn today() -> chrono::NaiveDate {
    ymd(2026, 11, 24)
}

fn demo() -> Cohort {
    demo_cohort(today())
}

fn titles(d: &crate::domain::document::Document) -> Vec<&str> {
    d.sections.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn the_report_holds_who_the_order_the_wording_the_day_and_the_evidence() {
    let c = demo();
    let d = report_document(&c, "N-0002", "BR-0002-1").expect("held");
    let r = &c.breach_reports[0];
    assert_eq!(d.kind, DocumentKind::BreachReport);
    assert_eq!(d.title, "Breach of a Serious Crime Prevention Order");
    assert_eq!(
        d.page_title,
        format!("Breach report {} – N-0002", r.shown_reference())
    );
    assert_eq!(d.reference, format!("Report {}", r.shown_reference()));
    assert_eq!(
        titles(&d),
        [
            "Who",
            "The order",
            "Conditions breached",
            "What happened",
            "Evidence",
            "Intelligence",
            "Recommendation",
            "Decision",
            "Officer and times"
        ]
    );
    let who = d.section("Who").expect("who");
    let n = c.nominal("N-0002").expect("nominal");
    assert_eq!(who.value("Name"), Some(n.display_name().as_str()));
    assert_eq!(
        who.value("Date of birth"),
        Some(format_date(n.date_of_birth).as_str())
    );
    let order = d.section("The order").expect("order");
    assert_eq!(order.value("Court"), Some("Crown Court at Testford"));
    assert!(order.value("Ends").is_some_and(|e| e != "Not set"));
    let conditions = d.section("Conditions breached").expect("conditions");
    assert!(conditions.text().contains("Mirrored in licence"));
    assert!(matches!(
        &conditions.blocks[0],
        Block::Group(g) if g.iter().any(|b| matches!(b, Block::Quote(q) if q.starts_with(PHONE)))
    ));
    // The breach day in words, the same in the facts and with the times.
    let facts = d.section("What happened").expect("facts");
    assert_eq!(facts.value("When"), Some(r.when().as_str()));
    assert!(r.when().ends_with("14:20"), "{}", r.when());
    assert_eq!(facts.value("Any explanation given"), Some("None recorded"));
    assert_eq!(
        d.section("Officer and times")
            .and_then(|s| s.value("Occurred")),
        Some(r.when().as_str())
    );
    assert_eq!(
        d.section("Evidence").expect("evidence").blocks,
        [Block::List(vec![
            "Phone: Black handset, no SIM. Reference: EXH-DEMO-001.".into()
        ])]
    );
    let decision = d.section("Decision").expect("decision");
    assert_eq!(
        decision.value("Override"),
        Some("None: the recommendation was accepted")
    );
}

#[test]
fn the_report_has_the_ds_decision_once_there_is_one_and_none_for_another_nominal() {
    let mut c = demo();
    assert!(report_document(&c, "N-0001", "BR-0002-1").is_none());
    assert!(report_document(&c, "N-0002", "BR-0404").is_none());
    let r = c.breach_reports[0].clone();
    let at = today().and_hms_opt(9, 0, 0).expect("a time");
    let mut x = figures_decision("D-1", &r.id, DecisionLevel::RequestRecall, false, at);
    x.nominal_id = "N-0002".into();
    x.action = "Refer to probation today.".into();
    c.breach_decisions.push(x);
    let d = report_document(&c, "N-0002", "BR-0002-1").expect("held");
    let ds = d
        .section("DS's decision")
        .expect("the DS's decision is printed");
    assert_eq!(
        ds.value("Decision and rationale"),
        Some("Refer to probation today.")
    );
    assert_eq!(ds.value("Decided"), Some("24 Nov 2026, 09:00 by DS Test"));
    assert_eq!(titles(&d).last(), Some(&"Officer and times"));
}

#[test]
fn the_pack_puts_what_it_lacks_first_then_six_parts_the_later_ones_on_new_pages() {
    let c = demo();
    let p = evidence_pack(&c, "BR-0002-1", today()).expect("held");
    let d = pack_document(&p);
    assert_eq!(d.page_title, "Evidence pack BR-0002-1 – N-0002");
    assert!(
        d.reference.starts_with("Report BR-0002-1 · MARROWBY, "),
        "{}",
        d.reference
    );
    assert!(d.reference.ends_with("prepared on 24 Nov 2026"));
    assert!(d.intro.is_empty());
    let lacks = &d.sections[0];
    assert_eq!(
        (lacks.title.as_str(), lacks.kind),
        ("What the pack lacks", SectionKind::Lacks)
    );
    let Block::List(gaps) = &lacks.blocks[0] else {
        panic!("the gaps are a list: {:?}", lacks.blocks)
    };
    assert_eq!(gaps.len(), 4);
    assert_eq!(gaps[0], "No signed release-day briefing on this order");
    assert!(gaps[2]
        .starts_with("EXH-DEMO-001 (Phone: Black handset, no SIM) was not captured in the app"));
    let parts: Vec<(&str, bool)> = d.sections[1..]
        .iter()
        .map(|s| (s.title.as_str(), s.new_page))
        .collect();
    assert_eq!(
        parts,
        [
            ("1. The order and its variations", false),
            ("2. How the person is bound (s.10)", false),
            ("3. Provisions breached, word for word", true),
            ("4. The facts", false),
            ("5. Exhibits", true),
            ("6. Earlier breaches and the enforcement decision", true)
        ]
    );
    let order = d.section("1. The order and its variations").expect("order");
    assert!(order.text().contains("None: the order as granted."));
    assert!(order
        .text()
        .contains("A certified copy of the order (s.25(4)) must come from the court."));
    let bound = d
        .section("2. How the person is bound (s.10)")
        .expect("bound");
    assert_eq!(bound.value("Release-day briefing"), Some("None recorded"));
    assert!(d
        .section("3. Provisions breached, word for word")
        .expect("provisions")
        .text()
        .contains(PHONE));
    let facts = d.section("4. The facts").expect("facts");
    assert_eq!(facts.value("Officer"), Some("PC Demo Officer (PC-DEMO-01)"));
    let exhibits = d.section("5. Exhibits").expect("exhibits");
    assert_eq!(exhibits.value("Reference"), Some("EXH-DEMO-001"));
    assert_eq!(exhibits.value("SHA-256"), Some("Not recorded"));
    let history = d
        .section("6. Earlier breaches and the enforcement decision")
        .expect("history");
    assert_eq!(history.blocks[1], Block::para("None recorded."));
    assert_eq!(
        history.value("DS's decision"),
        Some("None on this phone yet")
    );
}

#[test]
fn a_pack_with_nothing_missing_says_so_and_a_corrected_report_is_said_first() {
    let c = demo();
    let mut p = evidence_pack(&c, "BR-0002-1", today()).expect("held");
    p.gaps.clear();
    p.corrected_from = Some("BR-OLD".into());
    let d = pack_document(&p);
    assert_eq!(
        d.sections[0].blocks,
        [Block::para("Nothing found missing in the records held.")]
    );
    assert_eq!(
        d.intro,
        [Block::para(
            "Report BR-OLD has been corrected: this pack is built from the report as corrected, BR-0002-1."
        )]
    );
}
