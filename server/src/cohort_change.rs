//! Keeping the unit's cohort (issue 21): the one way a nominal, an order, a provision, a contact
//! plan or a schedule is recorded or changed outside a cohort file. The change is authorised from
//! who is signed in (their own nominals, or the whole unit's with the right), judged by the
//! domain's own cohort checks (the rules a cohort file meets), and applied by storage as new
//! versions with who, when and why, an audit line and a change-log position, in one transaction.

use scpo_field::domain::{Cohort, OfficerRef};

use crate::records::cohort_of;
use crate::storage::{
    Applied, ChangeRefusal, CohortChange, Officer, Storage, StoredRecord, VersionedRecord,
};

/// Who is making a change, from the session: never from the form.
#[derive(Debug, Clone, Copy)]
pub struct Keeper<'a> {
    pub officer: &'a Officer,
    /// May keep every nominal of the unit (the DS, or an officer given the right); otherwise
    /// only the nominals assigned to them.
    pub whole_unit: bool,
}

/// Why a change was not made. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No such nominal or record in the unit (another unit's, or another officer's for one who
    /// keeps only their own, is the same as none).
    NotFound,
    /// Someone saved a change to the same record after the form was opened.
    Stale {
        kind: String,
        id: String,
        /// Their name, or "someone" when not known (held before versions were kept).
        by: String,
        /// Unix ms (0: before versions were kept).
        at: i64,
    },
    /// The domain's checks refuse the records: `(path, reason)` each, in the domain's words.
    Invalid(Vec<(String, String)>),
    /// The nominal has been transferred out to another force.
    TransferredOut,
    /// The database failed; try again.
    Unavailable,
}

/// The domain's verdict on a nominal's cohort records as a change would leave them, held for
/// `officer` (the one making the change).
pub fn judge(officer: &OfficerRef, records: &[StoredRecord]) -> Result<(), Vec<(String, String)>> {
    let mut cohort: Cohort = cohort_of(records);
    cohort.officer = officer.clone();
    // A record that does not read as its kind is left out of `cohort_of`: say so, not "fine".
    let read = cohort.nominals.len()
        + cohort.orders.len()
        + cohort.conditions.len()
        + cohort.contact_plans.len();
    let sent = records
        .iter()
        .filter(|r| {
            matches!(
                r.kind.as_str(),
                "nominal" | "order" | "condition" | "contact_plan"
            )
        })
        .count();
    let mut problems: Vec<(String, String)> = Vec::new();
    if read != sent {
        problems.push(("record".into(), "A record could not be read".into()));
    }
    problems.extend(
        cohort
            .validate()
            .into_iter()
            .map(|p| (p.path.clone(), p.reason.clone())),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Record or change one nominal's cohort records (`records`, each with the version its form was
/// opened on) for `reason`. A nominal new to the unit is assigned to `assign_to` (an officer of
/// the unit) in the same transaction; for an officer who keeps only their own, to them.
pub async fn apply(
    storage: &dyn Storage,
    keeper: Keeper<'_>,
    nominal_id: &str,
    reason: &str,
    records: Vec<VersionedRecord>,
    assign_to: Option<&str>,
    now: i64,
) -> Result<Applied, Refused> {
    let unit = &keeper.officer.unit_id;
    if !keeper.whole_unit {
        // Their own nominals only: a new one must name them as its offender manager (checked
        // here against the record, and assigned to them by the caller).
        let own = storage
            .assigned_nominals(&keeper.officer.id)
            .await
            .map_err(|_| Refused::Unavailable)?;
        let new_for_them = records.iter().any(|v| {
            v.expected.is_none()
                && v.record.kind == "nominal"
                && v.record.id == nominal_id
                && v.record.record["offender_manager"]["id"] == keeper.officer.id.as_str()
        });
        if !own.iter().any(|n| n == nominal_id) && !new_for_them {
            return Err(Refused::NotFound);
        }
    }
    let change = CohortChange {
        nominal_id: nominal_id.into(),
        actor: keeper.officer.id.clone(),
        reason: reason.into(),
        records,
        assign_to: if keeper.whole_unit {
            assign_to.map(str::to_string)
        } else {
            Some(keeper.officer.id.clone())
        },
    };
    let held_for = OfficerRef {
        id: keeper.officer.id.clone(),
        name: keeper.officer.name.clone(),
    };
    let judge = move |records: &[StoredRecord]| judge(&held_for, records);
    match storage.change_cohort(unit, &change, &judge, now).await {
        Ok(Ok(applied)) => {
            tracing::info!(actor = %keeper.officer.id, nominal = %nominal_id, records = applied.len(), "cohort changed");
            Ok(applied)
        }
        Ok(Err(ChangeRefusal::NotFound(_))) => Err(Refused::NotFound),
        Ok(Err(ChangeRefusal::TransferredOut)) => Err(Refused::TransferredOut),
        Ok(Err(ChangeRefusal::Invalid(p))) => Err(Refused::Invalid(p)),
        Ok(Err(ChangeRefusal::Stale { kind, id, by, at })) => {
            let name = match by {
                Some(id) => storage
                    .officer(&id)
                    .await
                    .ok()
                    .flatten()
                    .map(|o| o.name)
                    .unwrap_or(id),
                None => "someone".into(),
            };
            Err(Refused::Stale {
                kind,
                id,
                by: name,
                at,
            })
        }
        Err(e) => {
            tracing::warn!(actor = %keeper.officer.id, nominal = %nominal_id, error = %e, "cohort change failed");
            Err(Refused::Unavailable)
        }
    }
}
