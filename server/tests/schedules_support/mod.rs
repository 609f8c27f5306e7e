//! What the schedule desk's tests share beyond driving the forms (`desk_forms`): a schedule's
//! versions.

pub use crate::desk_forms::*;
use crate::upkeep_support::Desk;

/// The versions held of the schedule `id` of `nominal`.
pub async fn versions(
    d: &Desk,
    nominal: &str,
    id: &str,
) -> Vec<scpo_server::storage::RecordVersion> {
    d.db.storage
        .versions_of_nominal("U-DEMO", nominal)
        .await
        .unwrap()
        .into_iter()
        .filter(|v| v.kind == "schedule" && v.id == id)
        .collect()
}
