use super::*;
use crate::domain::breach::report::{Evidence, EvidenceKind};

#[test]
fn a_corrected_report_gives_the_pack_of_the_report_as_corrected() {
    let mut c = demo();
    let mut fix = c.breach_reports[0].clone();
    fix.id = "BR-0002-1-fix".into();
    fix.reference.clear();
    fix.corrects = Some("BR-0002-1".into());
    fix.recorded_at = days_ago(69).and_hms_opt(9, 0, 0).unwrap();
    fix.explanation = Some("  Said the phone was his sister's.  ".into());
    fix.evidence = vec![];
    c.breach_reports.push(fix);
    // A photo captured for the first version still belongs to the breach.
    c.exhibits.push(exhibit("X-1", "BR-0002-1", "PC/1", 70));
    for id in ["BR-0002-1", "BR-0002-1-fix"] {
        let p = pack(&c, id);
        assert_eq!(p.report.id, "BR-0002-1-fix");
        assert_eq!(p.exhibits.len(), 1);
        assert_eq!(p.exhibits[0].reference, "PC/1");
        assert!(!has(&p, &Gap::NoExplanation));
        assert!(!has(&p, &Gap::NoExhibits));
        assert!(
            p.earlier.is_empty(),
            "a correction is not an earlier breach"
        );
    }
    assert_eq!(
        pack(&c, "BR-0002-1").corrected_from.as_deref(),
        Some("BR-0002-1")
    );
    assert_eq!(pack(&c, "BR-0002-1-fix").corrected_from, None);
}

#[test]
fn exhibits_are_listed_like_an_mg12_and_withdrawn_ones_kept_and_marked() {
    let mut c = demo();
    c.breach_reports[0].evidence.clear();
    assert!(has(&pack(&c, "BR-0002-1"), &Gap::NoExhibits));
    c.exhibits.push(exhibit("X-2", "BR-0002-1", "PC/2", 69));
    c.exhibits.push(exhibit("X-1", "BR-0002-1", "PC/1", 70));
    c.exhibits.push(exhibit("X-9", "BR-other", "PC/9", 70));
    let p = pack(&c, "BR-0002-1");
    let refs: Vec<&str> = p.exhibits.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(refs, ["PC/1", "PC/2"]);
    let first = &p.exhibits[0];
    assert_eq!(first.sha256.as_deref(), Some("ab".repeat(32).as_str()));
    assert_eq!(
        first.captured_at,
        Some(days_ago(70).and_hms_opt(12, 30, 0).unwrap())
    );
    assert_eq!(first.captured_by.as_deref(), Some("PC Demo Officer"));
    assert!(p
        .gaps
        .iter()
        .all(|g| !matches!(g, Gap::NoExhibits | Gap::NoCaptureRecord { .. })));
    for (id, exhibit) in [("W-1", "X-1"), ("W-2", "X-2")] {
        c.exhibit_withdrawals.push(ExhibitWithdrawal {
            id: id.into(),
            nominal_id: "N-0002".into(),
            exhibit_id: exhibit.into(),
            reason: "Photo of the wrong drawer".into(),
            withdrawn_at: days_ago(60).and_hms_opt(8, 0, 0).unwrap(),
            officer_id: "PC-DEMO-01".into(),
            officer_name: "PC Demo Officer".into(),
        });
    }
    let p = pack(&c, "BR-0002-1");
    assert_eq!(p.exhibits.len(), 2, "withdrawn exhibits stay in the list");
    let w = p.exhibits[0].withdrawn.as_deref().unwrap();
    assert!(w.contains("Photo of the wrong drawer") && w.contains("PC Demo Officer"));
    assert!(has(&p, &Gap::NoExhibits), "every exhibit is withdrawn");
}

#[test]
fn earlier_breaches_with_their_outcomes_and_the_decision_on_this_one() {
    let mut c = demo();
    c.breach_reports
        .push(report(&c, "BR-0002-2", "N-0002", &["C-0002-05"], 20));
    c.breach_reports
        .push(report(&c, "BR-0002-3", "N-0002", &["C-0002-01"], 5));
    // An earlier breach under another (ended) order of the same nominal.
    let mut other = report(&c, "BR-0002-0", "N-0002", &["C-0002-05"], 400);
    other.order_id = "O-old".into();
    c.breach_reports.push(other);
    c.breach_decisions.push(figures_decision(
        "D-1",
        "BR-0002-1",
        DecisionLevel::Charge,
        false,
        days_ago(65).and_hms_opt(10, 0, 0).unwrap(),
    ));
    let p = pack(&c, "BR-0002-2");
    let ids: Vec<&str> = p
        .earlier
        .iter()
        .map(|e| e.report_reference.as_str())
        .collect();
    // Each by the reference a person reads: the demo report's short one, else the id.
    let demo = &c
        .breach_reports
        .iter()
        .find(|r| r.id == "BR-0002-1")
        .unwrap()
        .reference;
    assert!(demo.starts_with("DO/BR/"), "{demo}");
    assert_eq!(
        ids,
        ["BR-0002-0", demo.as_str()],
        "oldest first; a later breach is not earlier"
    );
    assert!(!p.earlier[0].same_order && p.earlier[1].same_order);
    assert_eq!(
        p.earlier[1].outcome,
        format!(
            "Investigate and charge (s.25) (DS's decision, {})",
            format_date(days_ago(65))
        )
    );
    let chosen = c.breach_reports[0].decision.chosen;
    assert_eq!(chosen, EnforcementLevel::InterviewAndCaution);
    assert_eq!(
        p.earlier[0].outcome,
        "Interview and caution (the officer's chosen level; no DS decision on this phone)"
    );
    assert!(p.earlier[1].provisions[0].starts_with("One phone only"));
    // On the pack's line, a provision ending with its own full stop gets no second one.
    let mut quoted = p.earlier[1].clone();
    quoted.provisions = vec!["The defendant shall notify police within 3 days.".into()];
    assert_eq!(
        quoted.line(),
        format!(
            "{}: The defendant shall notify police within 3 days. Outcome: {}. Report {demo}.",
            crate::domain::time::dates::format_date_time(quoted.occurred_at),
            quoted.outcome
        )
    );
    assert!(!quoted.line().contains(".."));
    assert!(p.earlier[0].line().contains(" (under another order): "));
    assert!(has(&p, &Gap::NoDecision));
    let decided = pack(&c, "BR-0002-1");
    assert_eq!(decided.ds_decision.as_ref().unwrap().id, "D-1");
    assert!(!has(&decided, &Gap::NoDecision));
}

#[test]
fn an_explanation_given_fills_that_gap() {
    let mut c = demo();
    c.breach_reports[0].explanation = Some(" ".into());
    assert!(has(&pack(&c, "BR-0002-1"), &Gap::NoExplanation));
    c.breach_reports[0].explanation = Some("Said it was a friend's phone".into());
    assert!(!has(&pack(&c, "BR-0002-1"), &Gap::NoExplanation));
}

#[test]
fn gaps_are_worded_for_the_officer() {
    let words = |g: Gap| g.to_string();
    assert!(words(Gap::NotBound)
        .starts_with("No record of how the person is bound by the order (s.10)"));
    assert_eq!(
        words(Gap::NoBodyWornVideo),
        "The briefing has no body-worn video reference"
    );
    assert!(words(Gap::NoExplanation).starts_with("No explanation from the person is recorded"));
    assert_eq!(
        words(Gap::ServedAfterBreach { served_on: ymd(2026, 11, 24) }),
        "The order was served on 24 Nov 2026, after the breach: the person may not have been bound on the day (s.10)"
    );
    assert!(words(Gap::ProvisionNotInForce {
        summary: "S".into(),
        why: "W".into()
    })
    .starts_with("A breached provision was not in force on the day (W)"));
}

#[test]
fn every_exhibit_of_a_report_is_on_its_printed_list_photo_exhibits_first() {
    // Issue 19, 14: a report with a photo exhibit and nothing typed printed "None recorded".
    let mut c = demo();
    c.breach_reports[0].evidence.clear();
    let r = c.breach_reports[0].clone();
    assert!(report_exhibits(&c, &r).is_empty());
    c.exhibits.push(exhibit("X-1", "BR-0002-1", "DO/1", 70));
    let lines: Vec<String> = report_exhibits(&c, &r).iter().map(|e| e.line()).collect();
    let hash = "ab".repeat(32);
    assert_eq!(
        lines,
        [format!(
            "Photo exhibit DO/1: Photo of the handset in the drawer. Captured {} by PC Demo Officer. SHA-256 {hash}.",
            crate::domain::time::dates::format_date_time(days_ago(70).and_hms_opt(12, 30, 0).unwrap())
        )]
    );
    // Typed evidence after the photos, with or without a reference; a withdrawn photo stays,
    // marked; a photo captured for the report this one corrects belongs to it too.
    let demo_typed = demo().breach_reports[0].evidence.clone();
    c.breach_reports[0].evidence = demo_typed;
    c.breach_reports[0].evidence.push(Evidence {
        kind: EvidenceKind::Witness,
        description: "Neighbour at number 4".into(),
        reference: String::new(),
    });
    c.exhibit_withdrawals.push(ExhibitWithdrawal {
        id: "W-1".into(),
        nominal_id: "N-0002".into(),
        exhibit_id: "X-1".into(),
        reason: "Wrong drawer".into(),
        withdrawn_at: days_ago(60).and_hms_opt(8, 0, 0).unwrap(),
        officer_id: "PC-DEMO-01".into(),
        officer_name: "PC Demo Officer".into(),
    });
    let mut fix = c.breach_reports[0].clone();
    fix.id = "BR-0002-1-fix".into();
    fix.corrects = Some("BR-0002-1".into());
    c.breach_reports.push(fix.clone());
    let list = report_exhibits(&c, &fix);
    let lines: Vec<String> = list.iter().map(|e| e.line()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(list[0].is_photo() && !list[1].is_photo());
    assert!(lines[0].ends_with(&format!(
        "Withdrawn on {} by PC Demo Officer: Wrong drawer.",
        crate::domain::time::dates::format_date(days_ago(60))
    )));
    assert_eq!(
        lines[1],
        "Phone: Black handset, no SIM. Reference: EXH-DEMO-001."
    );
    assert_eq!(lines[2], "Witness: Neighbour at number 4. No reference.");
    // The pack lists the same exhibits.
    assert_eq!(pack(&c, "BR-0002-1-fix").exhibits, list);
}
