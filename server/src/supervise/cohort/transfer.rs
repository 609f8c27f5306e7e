//! Transfer out: a nominal moving to another force. The record stays on the server; the
//! nominal leaves every phone of the unit at their next pull (it is no longer in anyone's
//! scope), with the transfer date and the receiving force kept in a server-authored `transfer`
//! record. A nominal transferred out is never assigned again, by hand or by an import.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::NaiveDate;
use scpo_field::domain::common::form::{entered_date_parts, required_text_problem};
use serde::Deserialize;
use serde_json::json;

use crate::secrets::random_id;
use crate::state::AppState;
use crate::storage::{StorageError, StoredRecord};
use crate::supervise::clock::uk_today;
use crate::supervise::forms::{not_found, unavailable, Problem};
use crate::supervise::nominal::{nominal_page, NominalForms};
use crate::supervise::transferred::KIND;
use crate::supervise::url::segment;
use crate::supervise::{csrf_refusal, Supervisor};

/// Longest name of a receiving force (the cohort format's limit for names).
const MAX_FORCE_CHARS: usize = 200;

#[derive(Deserialize)]
pub struct TransferForm {
    csrf: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    force: String,
}

/// The date and the receiving force, or every problem with them. The date is today or before:
/// the nominal leaves the phones now.
pub fn check(
    day: &str,
    month: &str,
    year: &str,
    force: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, String), Vec<Problem>> {
    let mut problems = Vec::new();
    let date = match entered_date_parts(
        day,
        month,
        year,
        "Enter the date of the transfer",
        "The date of the transfer",
    ) {
        Ok(d) if d > today => {
            problems.push((
                "transfer-day".to_string(),
                "The date of the transfer must be today or in the past".to_string(),
            ));
            None
        }
        Ok(d) => Some(d),
        Err(m) => {
            problems.push(("transfer-day".to_string(), m));
            None
        }
    };
    let force = force.trim();
    let force_problem = required_text_problem(
        force,
        "Enter the force the nominal is transferred to",
        "The receiving force",
    )
    .or_else(|| {
        (force.chars().count() > MAX_FORCE_CHARS)
            .then(|| format!("The receiving force must be {MAX_FORCE_CHARS} characters or fewer"))
    });
    if let Some(m) = force_problem {
        problems.push(("force".to_string(), m));
    }
    match date {
        Some(d) if problems.is_empty() => Ok((d, force.to_string())),
        _ => Err(problems),
    }
}

pub async fn transfer(
    State(state): State<AppState>,
    s: Supervisor,
    Path(nominal_id): Path<String>,
    Form(f): Form<TransferForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let now = state.now();
    let sent_back = |problems: Vec<Problem>| NominalForms {
        problems,
        transfer: [f.day.clone(), f.month.clone(), f.year.clone()],
        force: f.force.clone(),
        ..Default::default()
    };
    let (on, force) = match check(&f.day, &f.month, &f.year, &f.force, uk_today(now)) {
        Ok(answers) => answers,
        Err(problems) => return nominal_page(&state, &s, &nominal_id, sent_back(problems)).await,
    };
    let id = format!("T-{}", random_id(8));
    let record = StoredRecord {
        kind: KIND.into(),
        id: id.clone(),
        nominal_id: nominal_id.clone(),
        record: json!({
            "id": id,
            "nominal_id": nominal_id,
            "transferred_on": on,
            "receiving_force": force,
            "recorded_by": s.officer.id,
            "recorded_at": now,
        }),
    };
    match state
        .storage
        .transfer_out(&s.officer.unit_id, &record, &s.officer.id, now)
        .await
    {
        Ok(()) => {
            tracing::info!(nominal = %nominal_id, transfer = %id, actor = %s.officer.id, "nominal transferred out");
            let to = format!(
                "/supervise/cohort/{}?done=transferred",
                segment(&nominal_id)
            );
            Redirect::to(&to).into_response()
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(StorageError::Conflict(_)) => {
            let problems = vec![(
                "transfer-day".to_string(),
                "This nominal has been transferred out already".to_string(),
            )];
            nominal_page(&state, &s, &nominal_id, sent_back(problems)).await
        }
        Err(e) => {
            tracing::error!(error = %e, nominal = %nominal_id, "transfer out");
            unavailable(&state, &s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transfer_needs_a_real_date_not_after_today_and_a_receiving_force() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            check("24", "11", "2026", " Kent Police ", today),
            Ok((today, "Kent Police".to_string()))
        );
        let problems = check("", "", "", "  ", today).unwrap_err();
        assert_eq!(
            problems,
            vec![
                (
                    "transfer-day".to_string(),
                    "Enter the date of the transfer".to_string()
                ),
                (
                    "force".to_string(),
                    "Enter the force the nominal is transferred to".to_string()
                ),
            ]
        );
        let later = check("25", "11", "2026", "Kent Police", today).unwrap_err();
        assert_eq!(
            later[0].1,
            "The date of the transfer must be today or in the past"
        );
        let unreal = check("31", "2", "2026", "Kent Police", today).unwrap_err();
        assert_eq!(unreal[0].1, "The date of the transfer must be a real date");
        let long = check("1", "1", "2026", &"x".repeat(201), today).unwrap_err();
        assert_eq!(long[0].0, "force");
    }
}
