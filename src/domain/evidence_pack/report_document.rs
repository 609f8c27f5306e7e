//! The breach report's print view as a document: who, the order, each condition breached as
//! worded by the court, what happened, the evidence, the intelligence, the recommendation and
//! its reasons, the officer's decision, the DS's decision once there is one, the officer and
//! the times. Here beside the pack because both list the report's exhibits the same way
//! ([`report_exhibits`]).

use super::pack::report_exhibits;
use crate::domain::breach::decision::decision_for;
use crate::domain::breach::report::BreachReport;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::document::{Block, Document, DocumentKind, Section};
use crate::domain::time::dates::{format_date, format_date_time};

/// The print view of breach report `report_id` of nominal `nominal_id`, or `None` when the
/// report or its nominal is not on this phone.
pub fn report_document(cohort: &Cohort, nominal_id: &str, report_id: &str) -> Option<Document> {
    let r = cohort
        .breach_reports
        .iter()
        .find(|r| r.id == report_id && r.nominal_id == nominal_id)?;
    let n = cohort.nominal(nominal_id)?;
    let who = Section::body(
        "report-who",
        "Who",
        false,
        vec![Block::rows([
            ("Name", n.display_name()),
            ("Date of birth", format_date(n.date_of_birth)),
            ("Nominal ID", n.id.clone()),
        ])],
    );
    let mut sections = vec![who, order_section(cohort, r), conditions_section(cohort, r)];
    let explanation = r.explanation.clone();
    sections.push(Section::body(
        "report-facts",
        "What happened",
        false,
        vec![Block::rows([
            ("When", r.when()),
            ("Where", r.location.clone()),
            ("What was seen", r.what_was_seen.clone()),
            (
                "Any explanation given",
                explanation.unwrap_or_else(|| "None recorded".into()),
            ),
        ])],
    ));
    let evidence = report_exhibits(cohort, r)
        .iter()
        .map(|e| e.line())
        .collect();
    sections.push(Section::body(
        "report-evidence",
        "Evidence",
        false,
        vec![Block::list_or(evidence, "None recorded.")],
    ));
    sections.push(Section::body(
        "report-intelligence",
        "Intelligence",
        false,
        vec![Block::para(r.intelligence.label())],
    ));
    let d = &r.decision;
    sections.push(Section::body(
        "report-recommendation",
        "Recommendation",
        false,
        vec![
            Block::strong(d.recommended.level.label()),
            Block::List(d.recommended.reasons.iter().map(|x| x.0.clone()).collect()),
        ],
    ));
    let override_row = match &d.override_reason {
        Some(why) => ("Why a different level", why.clone()),
        None => (
            "Override",
            "None: the recommendation was accepted".to_string(),
        ),
    };
    sections.push(Section::body(
        "report-decision",
        "Decision",
        false,
        vec![Block::rows([
            ("Level chosen", d.chosen.label().to_string()),
            override_row,
        ])],
    ));
    if let Some(x) = decision_for(&r.id, &cohort.breach_decisions) {
        sections.push(Section::body(
            "report-ds",
            "DS's decision",
            false,
            vec![Block::rows([
                ("Decision", x.summary(Some(d.chosen))),
                ("Decision and rationale", x.action.clone()),
                (
                    "Decided",
                    format!(
                        "{} by {}",
                        format_date_time(x.decided_at),
                        x.decided_by_name
                    ),
                ),
            ])],
        ));
    }
    sections.push(Section::body(
        "report-officer",
        "Officer and times",
        false,
        vec![Block::rows([
            ("Officer", format!("{} ({})", r.officer_name, r.officer_id)),
            ("Occurred", r.when()),
            ("Recorded", format_date_time(r.recorded_at)),
        ])],
    ));
    Some(Document {
        kind: DocumentKind::BreachReport,
        page_title: format!("Breach report {} – {}", r.shown_reference(), n.id),
        title: "Breach of a Serious Crime Prevention Order".into(),
        reference: format!("Report {}", r.shown_reference()),
        intro: vec![],
        sections,
    })
}

/// The order as on the breach day, or that it is not on this phone.
fn order_section(cohort: &Cohort, r: &BreachReport) -> Section {
    let day = r.occurred_at.date();
    let rows = match cohort.orders.iter().find(|o| o.id == r.order_id) {
        Some(o) => Block::rows([
            ("Court", o.court.clone()),
            ("Reference", o.court_reference.clone()),
            (
                "In force from",
                o.comes_into_force()
                    .map_or_else(|| "Not fixed".into(), format_date),
            ),
            (
                "Ends",
                o.ends_on(day).map_or_else(|| "Not set".into(), format_date),
            ),
        ]),
        None => Block::rows([("Order", format!("{} (not on this device)", r.order_id))]),
    };
    Section::body("report-order", "The order", false, vec![rows])
}

/// Each condition breached, with its wording as granted.
fn conditions_section(cohort: &Cohort, r: &BreachReport) -> Section {
    let blocks = r
        .condition_ids
        .iter()
        .map(|id| match cohort.condition(id) {
            Some(c) => Block::Group(vec![
                Block::Heading(c.summary.clone()),
                Block::Hint(format!(
                    "{} · {}",
                    c.family.label(),
                    if c.mirrored_in_licence {
                        "Mirrored in licence"
                    } else {
                        "Not mirrored in licence"
                    }
                )),
                Block::Hint("Wording as granted:".into()),
                Block::Quote(c.verbatim.clone()),
            ]),
            None => Block::para(format!("Condition {id} (wording not on this device)")),
        })
        .collect();
    Section::body("report-conditions", "Conditions breached", false, blocks)
}
