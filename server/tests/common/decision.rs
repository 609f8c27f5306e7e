//! The demo DS's decision, as the desk's page makes it, for the tests that need one stored.

use super::today;

/// The demo DS's decision on N-0002's report `report` (agreeing with the officer: request
/// recall), made by the domain as the desk's page makes it, as the server stores it. `action`
/// tells decisions apart; `replaces` names the decision it changes.
pub fn ds_decision(
    cohort: &scpo_field::domain::Cohort,
    report: &str,
    id: &str,
    replaces: Option<&str>,
    action: &str,
) -> scpo_server::storage::StoredRecord {
    use scpo_field::domain::breach::decision::{decide, BreachDecision, Decider, DecisionAnswers};
    let answers = DecisionAnswers {
        agrees: Some(true),
        information: "The report and exhibit EXH-DEMO-001.".into(),
        assessment: "Second breach; licence in force.".into(),
        powers_and_policy: "s.25 SCA 2007; recall criteria.".into(),
        options: "Caution, recall, charge.".into(),
        action: action.into(),
        replaces: replaces.map(str::to_string),
        ..DecisionAnswers::default()
    };
    let ds = scpo_field::domain::OfficerRef {
        id: "DS-DEMO-01".into(),
        name: "DS Demo Supervisor".into(),
    };
    let d: BreachDecision = decide(
        &answers,
        "N-0002",
        report,
        &cohort.breach_reports,
        &cohort.breach_decisions,
        Decider {
            officer: &ds,
            at: today().and_hms_opt(9, 0, 0).unwrap(),
            id: id.into(),
            custody: cohort.nominal("N-0002").map(|n| &n.custody),
        },
    )
    .unwrap();
    scpo_server::storage::StoredRecord {
        kind: "breach_decision".into(),
        id: d.id.clone(),
        nominal_id: d.nominal_id.clone(),
        record: serde_json::to_value(&d).unwrap(),
    }
}
