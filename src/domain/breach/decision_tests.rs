use super::*;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::time::dates::ymd;

fn demo() -> Cohort {
    demo_cohort(ymd(2026, 11, 24))
}

fn ds() -> OfficerRef {
    OfficerRef {
        id: "DS-1".into(),
        name: "DS One".into(),
    }
}

fn when(h: u32) -> NaiveDateTime {
    ymd(2026, 11, 24).and_hms_opt(h, 0, 0).unwrap()
}

fn answers(agrees: Option<bool>, level: Option<DecisionLevel>) -> DecisionAnswers {
    DecisionAnswers {
        agrees,
        level,
        information: "The report and the exhibit.".into(),
        assessment: "Low risk of harm.".into(),
        powers_and_policy: "s.25 Serious Crime Act 2007.".into(),
        options: "Caution, recall, charge.".into(),
        action: "  Recall requested: second breach on licence.  ".into(),
        disruption: false,
        replaces: None,
    }
}

fn decide_on(
    c: &Cohort,
    a: &DecisionAnswers,
    report: &str,
    id: &str,
    h: u32,
) -> Result<BreachDecision, Vec<DecisionProblem>> {
    let me = ds();
    decide(
        a,
        "N-0002",
        report,
        &c.breach_reports,
        &c.breach_decisions,
        Decider {
            officer: &me,
            at: when(h),
            id: id.into(),
            custody: c.nominal("N-0002").map(|n| &n.custody),
        },
    )
}

fn fields(p: &[DecisionProblem]) -> Vec<DecisionField> {
    p.iter().map(|x| x.field).collect()
}

#[test]
fn agreeing_takes_the_officer_s_level_and_keeps_the_rationale_trimmed() {
    let c = demo();
    let officer = c.breach_reports[0].decision.chosen;
    let d = decide_on(
        &c,
        &answers(Some(true), Some(DecisionLevel::Charge)),
        "BR-0002-1",
        "BD-1",
        9,
    )
    .unwrap();
    assert_eq!(d.level, DecisionLevel::from(officer));
    assert!(d.agrees);
    assert_eq!(d.nominal_id, "N-0002");
    assert_eq!(d.action, "Recall requested: second breach on licence.");
    assert_eq!(d.decided_by_name, "DS One");
    assert_eq!(
        d.summary(Some(officer)),
        format!("{} (agreed)", officer.label())
    );
}

#[test]
fn deciding_otherwise_needs_a_different_level() {
    let c = demo();
    let officer = DecisionLevel::from(c.breach_reports[0].decision.chosen);
    let same = decide_on(
        &c,
        &answers(Some(false), Some(officer)),
        "BR-0002-1",
        "BD-1",
        9,
    );
    assert_eq!(fields(&same.unwrap_err()), vec![DecisionField::Level]);
    let none = decide_on(&c, &answers(Some(false), None), "BR-0002-1", "BD-1", 9);
    assert_eq!(fields(&none.unwrap_err()), vec![DecisionField::Level]);
    let d = decide_on(
        &c,
        &answers(Some(false), Some(DecisionLevel::Charge)),
        "BR-0002-1",
        "BD-1",
        9,
    )
    .unwrap();
    assert_eq!(d.level, DecisionLevel::Charge);
    assert!(!d.agrees);
    assert!(d
        .summary(Some(c.breach_reports[0].decision.chosen))
        .contains("the officer chose"));
}

#[test]
fn every_problem_is_listed_with_its_field() {
    let c = demo();
    let a = DecisionAnswers {
        information: "x".repeat(5_001),
        ..DecisionAnswers::default()
    };
    let p = decide_on(&c, &a, "BR-0002-1", "BD-1", 9).unwrap_err();
    assert_eq!(
        fields(&p),
        vec![
            DecisionField::Agrees,
            DecisionField::Information,
            DecisionField::Assessment,
            DecisionField::PowersAndPolicy,
            DecisionField::Options,
            DecisionField::Action,
        ]
    );
    assert_eq!(
        p[1].message,
        "Information must be 5,000 characters or fewer"
    );
    assert_eq!(p[5].message, "Enter your decision and its rationale");
}

#[test]
fn a_decision_names_a_standing_report_of_the_same_nominal() {
    let mut c = demo();
    let unknown = decide_on(&c, &answers(Some(true), None), "BR-nope", "BD-1", 9);
    assert_eq!(fields(&unknown.unwrap_err()), vec![DecisionField::Report]);
    // Another nominal's report is not this nominal's.
    let mut other = c.breach_reports[0].clone();
    other.id = "BR-other".into();
    other.reference.clear();
    other.nominal_id = "N-0003".into();
    c.breach_reports.push(other);
    let p = decide_on(&c, &answers(Some(true), None), "BR-other", "BD-1", 9).unwrap_err();
    assert_eq!(fields(&p), vec![DecisionField::Report]);
    // A corrected report no longer stands: its correction awaits the decision.
    let mut fix = c.breach_reports[0].clone();
    fix.id = "BR-fix".into();
    fix.reference.clear();
    fix.corrects = Some("BR-0002-1".into());
    fix.recorded_at += chrono::Duration::hours(1);
    c.breach_reports.push(fix);
    let p = decide_on(&c, &answers(Some(true), None), "BR-0002-1", "BD-1", 9).unwrap_err();
    assert!(p[0].message.contains("corrected"));
    assert!(decide_on(&c, &answers(Some(true), None), "BR-fix", "BD-1", 9).is_ok());
}

#[test]
fn a_second_decision_is_a_new_record_that_names_the_one_it_replaces() {
    let mut c = demo();
    let first = decide_on(&c, &answers(Some(true), None), "BR-0002-1", "BD-1", 9).unwrap();
    c.breach_decisions.push(first.clone());
    // Not naming the standing decision (made meanwhile): refused.
    let stale = decide_on(
        &c,
        &answers(Some(false), Some(DecisionLevel::Charge)),
        "BR-0002-1",
        "BD-2",
        10,
    );
    assert!(stale.unwrap_err()[0]
        .message
        .contains("since you opened it"));
    let mut a = answers(Some(false), Some(DecisionLevel::Charge));
    a.replaces = Some("BD-1".into());
    let second = decide_on(&c, &a, "BR-0002-1", "BD-2", 10).unwrap();
    assert_eq!(second.replaces.as_deref(), Some("BD-1"));
    c.breach_decisions.push(second);
    assert_eq!(
        decision_for("BR-0002-1", &c.breach_decisions).unwrap().id,
        "BD-2"
    );
    // The first is kept as it was.
    assert_eq!(c.breach_decisions[0], first);
    // Naming a decision that does not exist, when there is none: refused.
    let d = demo();
    let mut a = answers(Some(true), None);
    a.replaces = Some("BD-ghost".into());
    assert!(decide_on(&d, &a, "BR-0002-1", "BD-3", 9).is_err());
}

#[test]
fn standing_decision_follows_replacement_not_insertion_order() {
    let c = demo();
    let d1 = decide_on(&c, &answers(Some(true), None), "BR-0002-1", "BD-b", 9).unwrap();
    let mut d2 = d1.clone();
    d2.id = "BD-a".into();
    d2.replaces = Some("BD-b".into());
    d2.decided_at = when(8); // a clock behind: the chain still says which stands
    assert_eq!(
        decision_for("BR-0002-1", &[d2.clone(), d1.clone()])
            .unwrap()
            .id,
        "BD-a"
    );
    assert_eq!(decision_for("BR-0002-1", &[d1, d2]).unwrap().id, "BD-a");
    assert!(decision_for("BR-other", &[]).is_none());
}

#[test]
fn reports_awaiting_a_decision_are_the_standing_ones_without_one() {
    let mut c = demo();
    assert_eq!(
        awaiting_decision(&c.breach_reports, &c.breach_decisions)
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        vec!["BR-0002-1"]
    );
    let d = decide_on(&c, &answers(Some(true), None), "BR-0002-1", "BD-1", 9).unwrap();
    c.breach_decisions.push(d);
    assert!(awaiting_decision(&c.breach_reports, &c.breach_decisions).is_empty());
}

#[test]
fn json_uses_the_agreed_names() {
    let c = demo();
    let d = decide_on(
        &c,
        &answers(Some(false), Some(DecisionLevel::Charge)),
        "BR-0002-1",
        "BD-1",
        9,
    )
    .unwrap();
    let v = serde_json::to_value(&d).unwrap();
    for key in [
        "id",
        "nominal_id",
        "report_id",
        "level",
        "agrees",
        "information",
        "assessment",
        "powers_and_policy",
        "options",
        "action",
        "disruption",
        "decided_by",
        "decided_by_name",
        "decided_at",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["level"], "charge");
    assert_eq!(v["decided_at"], "2026-11-24T09:00:00");
    for l in EnforcementLevel::ALL {
        assert_eq!(
            serde_json::to_value(DecisionLevel::from(l)).unwrap(),
            serde_json::to_value(l).unwrap()
        );
        assert_eq!(
            DecisionLevel::from_code(DecisionLevel::from(l).code()),
            Some(l.into())
        );
    }
    // `replaces` may be left out.
    let mut v = v;
    v.as_object_mut().unwrap().remove("replaces");
    assert!(serde_json::from_value::<BreachDecision>(v).is_ok());
}

#[test]
fn a_cohort_file_with_decisions_is_checked_and_one_without_still_reads() {
    let mut c = demo();
    // Without the list (older files): still a valid cohort.
    let mut v: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
    v.as_object_mut().unwrap().remove("breach_decisions");
    assert!(Cohort::from_json(&v.to_string()).is_ok());
    let good = decide_on(&c, &answers(Some(true), None), "BR-0002-1", "BD-1", 9).unwrap();
    c.breach_decisions.push(good.clone());
    let back = Cohort::from_json(&c.to_json()).unwrap();
    assert_eq!(back.breach_decisions, vec![good.clone()]);
    let mut bad = good;
    bad.report_id = "BR-nope".into();
    bad.replaces = Some("BD-ghost".into());
    bad.action = " ".into();
    c.breach_decisions.push(bad);
    let problems = Cohort::from_json(&c.to_json()).unwrap_err().problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "breach_decisions[1].id",
            "breach_decisions[1].action",
            "breach_decisions[1].report_id",
            "breach_decisions[1].replaces",
        ]
    );
}
