//! A release recorded on the phone (kind `release`, `src/domain/field/release.rs`): judged on
//! push with the domain like every pushed record, kept exactly once under its entry's UUID, and
//! then applied to the nominal's cohort records through [`cohort_change::apply`] with the officer
//! as the one who made the change: the nominal on licence from the release day, and each order
//! that waits for release in force from it, as new versions with who, when and why.
//!
//! Applying is idempotent: a release whose nominal is no longer in custody (applied already) is
//! left alone, so a push sent again (its entries answered "accepted" again from the first time)
//! applies a release whose first application failed, and never applies one twice.

use scpo_field::domain::field::release::{Release, RELEASE_REASON};

use crate::cohort_change::{self, Keeper, Refused};
use crate::records::cohort_of;
use crate::storage::StoredRecord;
use crate::storage::{EntryResult, EntryStatus, Incoming, Officer, Storage, VersionedRecord};

/// Apply every release this push accepted (`items` and `results` in the same order). `Err` only
/// when the database failed: the push is answered with a failure, the phone sends it again, and
/// the release (answered "accepted" again) is applied then.
pub async fn apply_accepted(
    storage: &dyn Storage,
    officer: &Officer,
    items: &[Incoming],
    results: &[EntryResult],
    now: i64,
) -> Result<(), Refused> {
    for (item, result) in items.iter().zip(results) {
        let Incoming::Entry(entry) = item else {
            continue;
        };
        if entry.kind != "release" || result.status != EntryStatus::Accepted {
            continue;
        }
        let Ok(release) = serde_json::from_value::<Release>(entry.record.clone()) else {
            continue;
        };
        // Someone may change the nominal between reading and saving: read again, once.
        for _ in 0..2 {
            match apply_one(storage, officer, &release, now).await {
                Err(Refused::Stale { .. }) => continue,
                Err(Refused::Unavailable) => return Err(Refused::Unavailable),
                Err(other) => {
                    tracing::warn!(officer = %officer.id, nominal = %release.nominal_id, record = %release.id, refused = ?refusal_kind(&other), "release kept but not applied");
                    break;
                }
                Ok(()) => break,
            }
        }
    }
    Ok(())
}

fn refusal_kind(r: &Refused) -> &'static str {
    match r {
        Refused::NotFound => "not found",
        Refused::Stale { .. } => "stale",
        Refused::Invalid(_) => "invalid",
        Refused::TransferredOut => "transferred out",
        Refused::Unavailable => "unavailable",
    }
}

async fn apply_one(
    storage: &dyn Storage,
    officer: &Officer,
    release: &Release,
    now: i64,
) -> Result<(), Refused> {
    let nominal_id = release.nominal_id.as_str();
    let held = storage
        .records_of_nominal(nominal_id)
        .await
        .map_err(|_| Refused::Unavailable)?;
    let cohort = cohort_of(&held);
    // Applied already (or no longer in custody): nothing to do.
    let Some((nominal, orders)) = cohort.released(release) else {
        return Ok(());
    };
    let versions = storage
        .current_versions(&officer.unit_id, nominal_id)
        .await
        .map_err(|_| Refused::Unavailable)?;
    let version_of = |kind: &str, id: &str| {
        versions
            .iter()
            .find(|(k, i, _)| k == kind && i == id)
            .map(|(_, _, v)| *v)
    };
    let versioned = |kind: &str, id: &str, record: serde_json::Value| VersionedRecord {
        record: StoredRecord {
            kind: kind.into(),
            id: id.into(),
            nominal_id: nominal_id.into(),
            record,
        },
        expected: version_of(kind, id),
    };
    let mut change = vec![versioned(
        "nominal",
        nominal_id,
        serde_json::to_value(&nominal).map_err(|_| Refused::Unavailable)?,
    )];
    for o in &orders {
        let record = serde_json::to_value(o).map_err(|_| Refused::Unavailable)?;
        change.push(versioned("order", &o.id, record));
    }
    let keeper = Keeper {
        officer,
        whole_unit: false,
    };
    cohort_change::apply(
        storage,
        keeper,
        nominal_id,
        RELEASE_REASON,
        change,
        None,
        now,
    )
    .await
    .map(|_| ())
}
