//! What every desk form that keeps the cohort shares: saving through
//! [`cohort_change::apply`](crate::cohort_change::apply) as the signed-in user, who may keep
//! which nominal, the version a form carries, and a refusal in words at the form's fields.

mod custody;
mod edit;
pub(super) mod form;
mod nominal;
mod nominal_new;
mod nominal_new_view;
mod order;
mod pages;
mod plan;
mod views;

use axum::Router;
use scpo_field::domain::forms::keep_answers::sentence;

use crate::cohort_change::{apply, Keeper, Refused};
use crate::state::AppState;
use crate::storage::{Applied, VersionedRecord};

use super::clock::uk_date_time;
use super::kit::Problem;
use super::unit::UnitData;
use super::DeskUser;

/// The keeping pages' routes: a nominal's record (`pages`) and their order (`order`).
pub fn routes() -> Router<AppState> {
    Router::new().merge(pages::routes()).merge(order::routes())
}

/// The signed-in user as the one making a change.
pub fn keeper(user: &DeskUser) -> Keeper<'_> {
    Keeper {
        officer: &user.officer,
        whole_unit: user.keeps_whole_unit(),
    }
}

/// Whether `user` may see and keep the nominal: one the unit holds, and, for an officer who
/// keeps only their own, assigned to them. Pages answer 404 otherwise.
pub fn may_keep(user: &DeskUser, unit: &UnitData, nominal_id: &str) -> bool {
    unit.cohort.nominal(nominal_id).is_some()
        && !unit.transferred.iter().any(|t| t == nominal_id)
        && (user.keeps_whole_unit()
            || unit
                .assignments
                .iter()
                .any(|(n, o)| n == nominal_id && o == &user.officer.id))
}

/// Save a change to one nominal's cohort records for `reason`, as `user`.
pub async fn save(
    state: &AppState,
    user: &DeskUser,
    nominal_id: &str,
    reason: &str,
    records: Vec<VersionedRecord>,
    assign_to: Option<&str>,
) -> Result<Applied, Refused> {
    apply(
        state.storage.as_ref(),
        keeper(user),
        nominal_id,
        reason,
        records,
        assign_to,
        state.now(),
    )
    .await
}

/// The version in force of a record of the nominal (`None`: not held), to carry in a form.
pub async fn version_of(
    state: &AppState,
    user: &DeskUser,
    nominal_id: &str,
    kind: &str,
    id: &str,
) -> Option<i64> {
    state
        .storage
        .current_versions(&user.officer.unit_id, nominal_id)
        .await
        .ok()?
        .into_iter()
        .find(|(k, i, _)| k == kind && i == id)
        .map(|(_, _, v)| v)
}

/// The last part of a domain problem's path, without an index: `nominals[0].date_of_birth` is
/// about `date_of_birth`. A form maps it to its own field.
pub fn field_of(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// A refusal as problems for a form's error summary. `fields` maps a domain field name to the
/// form's field id; a problem about any other field is shown against `fallback`.
pub fn problems_of(refused: &Refused, fields: &[(&str, &str)], fallback: &str) -> Vec<Problem> {
    match refused {
        Refused::Invalid(list) => list
            .iter()
            .map(|(path, reason)| {
                let field = field_of(path);
                let id = fields
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map_or(fallback, |(_, id)| id);
                (id.to_string(), sentence(reason))
            })
            .collect(),
        Refused::Stale { by, at, .. } => {
            let when = if *at == 0 {
                String::new()
            } else {
                format!(" at {}", uk_date_time(*at))
            };
            vec![(
                fallback.into(),
                format!("This record was changed by {by}{when} after you opened the form. Review it and save again"),
            )]
        }
        Refused::NotFound => vec![(
            fallback.into(),
            "This record is not one you keep: it may have been transferred or assigned elsewhere".into(),
        )],
        Refused::TransferredOut => vec![(
            fallback.into(),
            "This nominal has been transferred out to another force: their record cannot be changed here".into(),
        )],
        Refused::Unavailable => vec![(
            fallback.into(),
            "The server could not save the change just now. Nothing was saved: try again".into(),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_path_names_its_field() {
        assert_eq!(field_of("nominals[0].date_of_birth"), "date_of_birth");
        assert_eq!(field_of("conditions[2].notification.deadline"), "deadline");
        assert_eq!(field_of("orders[1]"), "orders");
        assert_eq!(field_of("record"), "record");
    }

    #[test]
    fn a_refusal_goes_to_the_form_field_it_is_about() {
        let refused = Refused::Invalid(vec![
            (
                "nominals[0].date_of_birth".into(),
                "is after the order was made".into(),
            ),
            ("orders[0].court".into(), "is empty".into()),
        ]);
        let p = problems_of(&refused, &[("date_of_birth", "dob-day")], "reason");
        assert_eq!(
            p[0],
            (
                "dob-day".to_string(),
                "Is after the order was made".to_string()
            )
        );
        assert_eq!(p[1].0, "reason");
    }
}
