//! Keeping a nominal's record at the desk (issue 21): their details (address, phone, aliases,
//! probation contact, a typo in a name or the date of birth), a risk review, and the contact
//! plan. Each form starts from what is held, and its checks make the record as it would be, or
//! list every problem at its field.

use chrono::NaiveDate;

use super::keep_answers::{
    adult_problem, aliases_answer, date_answer, reason_answer, required, risk_answer, risk_code,
    FormAnswers, KeepProblem,
};
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::contact::ContactPlan;
use crate::domain::people::nominal::{CustodyStatus, Nominal};

/// The details form as the record holds them.
pub fn details_prefill(n: &Nominal) -> FormAnswers {
    let mut a = FormAnswers::default();
    a.set("given_name", n.given_name.clone());
    a.set("family_name", n.family_name.clone());
    a.set_date("dob", Some(n.date_of_birth));
    a.set("aliases", n.aliases.join("\n"));
    a.set("address", n.address.clone().unwrap_or_default());
    a.set("phone", n.phone.clone().unwrap_or_default());
    if let CustodyStatus::OnLicence { probation, .. } = &n.custody {
        a.set("probation_name", probation.name.clone());
        a.set(
            "probation_phone",
            probation.phone.clone().unwrap_or_default(),
        );
        a.set(
            "probation_email",
            probation.email.clone().unwrap_or_default(),
        );
    }
    a
}

/// The day the nominal must be 18 on: the day their first order was made, or `today` when the
/// unit holds no order of theirs.
pub fn adult_day(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> NaiveDate {
    cohort
        .orders
        .iter()
        .filter(|o| o.nominal_id == nominal_id)
        .filter_map(|o| o.date_granted())
        .min()
        .unwrap_or(today)
}

/// The nominal with the details changed, and the reason; or every problem. The probation
/// contact is asked only while on licence (it is the licence's).
pub fn apply_details(
    n: &Nominal,
    a: &FormAnswers,
    adult_on: NaiveDate,
) -> Result<(Nominal, String), Vec<KeepProblem>> {
    let mut p = Vec::new();
    let given_name = required(a, "given_name", "Enter the given name", &mut p);
    let family_name = required(a, "family_name", "Enter the family name", &mut p);
    let dob = date_answer(a, "dob", "Enter the date of birth", "Date of birth", &mut p);
    if let Some(m) = dob.and_then(|d| adult_problem(d, adult_on)) {
        p.push(KeepProblem::new("dob-day", m));
    }
    let mut custody = n.custody.clone();
    if let CustodyStatus::OnLicence { probation, .. } = &mut custody {
        let name = "Enter the probation practitioner's name";
        probation.name = required(a, "probation_name", name, &mut p);
        probation.phone = a.optional("probation_phone");
        probation.email = a.optional("probation_email");
    }
    let reason = reason_answer(a, &mut p);
    match dob {
        Some(date_of_birth) if p.is_empty() => Ok((
            Nominal {
                given_name,
                family_name,
                date_of_birth,
                aliases: aliases_answer(a),
                address: a.optional("address"),
                phone: a.optional("phone"),
                custody,
                ..n.clone()
            },
            reason,
        )),
        _ => Err(p),
    }
}

/// The risk form: the rating held, and the date of this review to give.
pub fn risk_prefill(n: &Nominal) -> FormAnswers {
    let mut a = FormAnswers::default();
    a.set("risk", risk_code(n.risk));
    a
}

/// The nominal with the risk review recorded; or every problem. A review is not dated in the
/// future, nor before the one held.
pub fn apply_risk(
    n: &Nominal,
    a: &FormAnswers,
    today: NaiveDate,
) -> Result<Nominal, Vec<KeepProblem>> {
    let mut p = Vec::new();
    let risk = risk_answer(a, &mut p);
    let name = "The date of the review";
    let on = date_answer(a, "reviewed", "Enter the date of the review", name, &mut p);
    if on.is_some_and(|d| d > today) {
        p.push(KeepProblem::new(
            "reviewed-day",
            "The date of the review must be today or in the past",
        ));
    }
    if on.is_some_and(|d| d < n.risk_reviewed_on) {
        p.push(KeepProblem::new(
            "reviewed-day",
            format!(
                "The date of the review must be on or after the last review, {}",
                crate::domain::time::dates::format_date(n.risk_reviewed_on)
            ),
        ));
    }
    match (risk, on) {
        (Some(risk), Some(risk_reviewed_on)) if p.is_empty() => Ok(Nominal {
            risk,
            risk_reviewed_on,
            ..n.clone()
        }),
        _ => Err(p),
    }
}

/// The contact plan form, from the plan held (if any).
pub fn plan_prefill(plan: Option<&ContactPlan>) -> FormAnswers {
    let mut a = FormAnswers::default();
    if let Some(plan) = plan {
        a.set("every_days", plan.every_days.to_string());
        a.set("agreed_by", plan.agreed_by.clone());
        a.set_date("agreed", Some(plan.agreed_on));
    }
    a
}

/// The contact plan the answers make: every N days (1 to 365), agreed by a DS on a day not in
/// the future; or every problem.
pub fn apply_plan(
    nominal_id: &str,
    a: &FormAnswers,
    today: NaiveDate,
) -> Result<ContactPlan, Vec<KeepProblem>> {
    let mut p = Vec::new();
    let typed = a.get("every_days").trim();
    let every = match typed.parse::<u32>() {
        Ok(n) if (1..=365).contains(&n) => Some(n),
        _ if typed.is_empty() => {
            p.push(KeepProblem::new("every_days", "Enter how often, in days"));
            None
        }
        _ => {
            p.push(KeepProblem::new(
                "every_days",
                "How often must be a whole number of days from 1 to 365",
            ));
            None
        }
    };
    let agreed_by = required(a, "agreed_by", "Choose the DS who agreed the plan", &mut p);
    let name = "The day it was agreed";
    let on = date_answer(a, "agreed", "Enter the day it was agreed", name, &mut p);
    if on.is_some_and(|d| d > today) {
        p.push(KeepProblem::new(
            "agreed-day",
            "The day it was agreed must be today or in the past",
        ));
    }
    match (every, on) {
        (Some(every_days), Some(agreed_on)) if p.is_empty() => Ok(ContactPlan {
            nominal_id: nominal_id.into(),
            every_days,
            agreed_by,
            agreed_on,
        }),
        _ => Err(p),
    }
}

#[cfg(test)]
#[path = "keep_forms_tests.rs"]
mod tests;
