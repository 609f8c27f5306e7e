//! Recording a new nominal at the desk (issue 21): the question pages in order, what each asks,
//! the checks of each page's answers, and the nominal they make, judged whole by the cohort's
//! own checks before the check-answers page.

use chrono::NaiveDate;

use super::keep_answers::{
    adult_problem, aliases_answer, at_fields, date_answer, required, risk_answer, FormAnswers,
    KeepProblem,
};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::people::nominal::{CustodyStatus, Nominal, OfficerRef, ProbationContact};

/// The question pages, in order; `manager` is asked only of someone who keeps the whole unit
/// (an officer who keeps their own is the offender manager). Then "check".
pub const STEPS: [&str; 7] = [
    "name",
    "dob",
    "risk",
    "contact",
    "custody",
    "custody-dates",
    "manager",
];

/// The custody answers (`custody`), each with its label.
pub const CUSTODY_CHOICES: [(&str, &str); 4] = [
    ("in_custody", "In custody"),
    ("on_licence", "Released on licence"),
    ("licence_ended", "Released, licence ended"),
    ("in_community", "In the community with no licence"),
];

/// The fields a page asks (dates as their three boxes), so the others are carried hidden.
pub fn fields_of(step: &str, a: &FormAnswers) -> Vec<String> {
    let date = |p: &str| {
        vec![
            format!("{p}-day"),
            format!("{p}-month"),
            format!("{p}-year"),
        ]
    };
    match step {
        "name" => vec!["given_name".into(), "family_name".into(), "aliases".into()],
        "dob" => date("dob"),
        "risk" => [vec!["risk".to_string()], date("reviewed")].concat(),
        "contact" => vec!["address".into(), "phone".into()],
        "custody" => vec!["custody".into()],
        "custody-dates" => custody_fields(a.get("custody")),
        "manager" => vec!["officer".into()],
        _ => vec![],
    }
}

fn custody_fields(code: &str) -> Vec<String> {
    let date = |p: &str| {
        [
            format!("{p}-day"),
            format!("{p}-month"),
            format!("{p}-year"),
        ]
    };
    let probation = ["probation_name", "probation_phone", "probation_email"].map(String::from);
    match code {
        "in_custody" => date("expected").to_vec(),
        "on_licence" => [&date("released")[..], &date("licence_ends"), &probation].concat(),
        "licence_ended" => [date("released"), date("ended")].concat(),
        "in_community" => date("since").to_vec(),
        _ => vec![],
    }
}

/// The page after `step`: "check" after the last.
pub fn next_step(step: &str, asks_manager: bool) -> &'static str {
    let at = STEPS.iter().position(|s| *s == step);
    STEPS
        .iter()
        .skip(at.map_or(0, |i| i.saturating_add(1)))
        .find(|s| asks_manager || **s != "manager")
        .copied()
        .unwrap_or("check")
}

/// The page a field is asked on (for a problem found when the whole nominal is judged).
pub fn step_of(field: &str) -> &'static str {
    match field {
        "given_name" | "family_name" | "aliases" => "name",
        "dob-day" => "dob",
        "risk" | "reviewed-day" => "risk",
        "address" | "phone" => "contact",
        "custody" => "custody",
        "officer" => "manager",
        _ => "custody-dates",
    }
}

/// The checks of one page's answers.
pub fn check_step(step: &str, a: &FormAnswers, today: NaiveDate) -> Vec<KeepProblem> {
    let mut p = Vec::new();
    match step {
        "name" => {
            required(a, "given_name", "Enter the given name", &mut p);
            required(a, "family_name", "Enter the family name", &mut p);
        }
        "dob" => {
            let dob = date_answer(a, "dob", "Enter the date of birth", "Date of birth", &mut p);
            if let Some(m) = dob.and_then(|d| adult_problem(d, today)) {
                p.push(KeepProblem::new("dob-day", m));
            }
        }
        "risk" => {
            risk_answer(a, &mut p);
            let name = "The date of the review";
            date_answer(a, "reviewed", "Enter the date of the review", name, &mut p);
        }
        "custody" if !CUSTODY_CHOICES.iter().any(|(c, _)| *c == a.get("custody")) => {
            p.push(KeepProblem::new(
                "custody",
                "Select where the nominal is now",
            ));
        }
        "custody-dates" => {
            custody_answer(a, &mut p);
        }
        "manager" => {
            required(a, "officer", "Choose the offender manager", &mut p);
        }
        _ => {}
    }
    p
}

/// The custody the answers describe, or their problems.
pub fn custody_answer(a: &FormAnswers, p: &mut Vec<KeepProblem>) -> Option<CustodyStatus> {
    let released = |p: &mut Vec<KeepProblem>| {
        date_answer(
            a,
            "released",
            "Enter the date of release",
            "Date of release",
            p,
        )
    };
    match a.get("custody") {
        "in_custody" => {
            let name = "Expected release";
            let e = date_answer(a, "expected", "Enter the expected date of release", name, p);
            e.map(|expected_release| CustodyStatus::InCustody {
                expected_release,
                recall: None,
            })
        }
        "on_licence" => {
            let r = released(p);
            let name = "The licence's last day";
            let e = date_answer(a, "licence_ends", "Enter the licence's last day", name, p);
            let probation = probation_answer(a, p);
            match (r, e, probation) {
                (Some(released_on), Some(licence_ends), Some(probation)) => {
                    Some(CustodyStatus::OnLicence {
                        released_on,
                        licence_ends,
                        probation,
                        recall: None,
                    })
                }
                _ => None,
            }
        }
        "licence_ended" => {
            let r = released(p);
            let name = "The day the licence ended";
            let e = date_answer(a, "ended", "Enter the day the licence ended", name, p);
            Some(CustodyStatus::LicenceEnded {
                released_on: r?,
                licence_ended: e?,
                recall: None,
            })
        }
        "in_community" => {
            let name = "The date";
            let missing = "Enter the date of release, or the day the order came into force";
            let s = date_answer(a, "since", missing, name, p);
            s.map(|since| CustodyStatus::InCommunity {
                since,
                recall: None,
            })
        }
        _ => {
            p.push(KeepProblem::new(
                "custody",
                "Select where the nominal is now",
            ));
            None
        }
    }
}

/// The probation contact of a licence: a name, and a phone and an email if known.
pub fn probation_answer(a: &FormAnswers, p: &mut Vec<KeepProblem>) -> Option<ProbationContact> {
    let name = required(
        a,
        "probation_name",
        "Enter the probation practitioner's name",
        p,
    );
    (!name.is_empty()).then(|| ProbationContact {
        name,
        phone: a.optional("probation_phone"),
        email: a.optional("probation_email"),
    })
}

/// The new nominal `id` the answers make, offender manager `om`, judged whole by the cohort's
/// checks (lengths, dates that agree, 18 or over today: no order is held yet). Every problem,
/// at its field.
pub fn new_nominal(
    a: &FormAnswers,
    id: &str,
    om: OfficerRef,
    today: NaiveDate,
) -> Result<Nominal, Vec<KeepProblem>> {
    let mut p: Vec<KeepProblem> = Vec::new();
    for step in STEPS.iter().filter(|s| **s != "manager") {
        p.extend(check_step(step, a, today));
    }
    let mut ignored = Vec::new();
    let dob = date_answer(a, "dob", "", "", &mut ignored);
    let reviewed = date_answer(a, "reviewed", "", "", &mut ignored);
    let risk = risk_answer(a, &mut ignored);
    let custody = custody_answer(a, &mut ignored);
    let (Some(date_of_birth), Some(risk_reviewed_on), Some(risk), Some(custody), true) =
        (dob, reviewed, risk, custody, p.is_empty())
    else {
        return Err(p);
    };
    let n = Nominal {
        id: id.into(),
        given_name: a.get("given_name").trim().into(),
        family_name: a.get("family_name").trim().into(),
        aliases: aliases_answer(a),
        date_of_birth,
        risk,
        risk_reviewed_on,
        offender_manager: om,
        custody,
        address: a.optional("address"),
        phone: a.optional("phone"),
    };
    judged(n, "given_name")
}

/// A nominal judged alone by the cohort's checks: the problems at the form's fields.
pub fn judged(n: Nominal, fallback: &'static str) -> Result<Nominal, Vec<KeepProblem>> {
    let mut c = Cohort::empty(n.offender_manager.clone());
    c.nominals.push(n);
    let problems = at_fields(&c.validate(), fallback);
    match (problems.is_empty(), c.nominals.pop()) {
        (true, Some(n)) => Ok(n),
        (_, _) => Err(problems),
    }
}

/// A new nominal's id, from four random bytes: `N-` and eight capital hex digits (the demo's
/// ids are `N-0001`: the same grammar, never a name).
pub fn new_nominal_id(random: [u8; 4]) -> String {
    let hex: String = random.iter().map(|b| format!("{b:02X}")).collect();
    format!("N-{hex}")
}

#[cfg(test)]
#[path = "nominal_form_tests.rs"]
mod tests;
