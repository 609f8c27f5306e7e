//! Storage for the supervisor's upkeep of the unit: transferring a nominal out, the waiting
//! counts phones report, and revoking a phone from the desk. A part of
//! [`Storage`](super::Storage) (its supertrait), so every backend has it and a `dyn Storage`
//! answers it; implemented for both backends in `backend/upkeep.rs`.

use async_trait::async_trait;

use super::{StorageResult, StoredRecord};

#[async_trait]
pub trait UnitUpkeep: Send + Sync {
    /// Transfer one of the unit's nominals out to another force, in one transaction: its
    /// assignment removed (so it leaves every phone of the unit at their next pull), the
    /// `transfer` record kept with the nominal's records (its kind `transfer`), and audit rows.
    /// Nothing assigns the nominal again afterwards (neither `assign` nor an import).
    /// `NotFound` when the unit holds no such nominal; `Conflict` when it has been transferred
    /// out already.
    async fn transfer_out(
        &self,
        unit_id: &str,
        transfer: &StoredRecord,
        actor: &str,
        now: i64,
    ) -> StorageResult<()>;

    /// Keep how many outbox entries a phone says it holds not yet acknowledged, and when.
    async fn report_waiting(&self, device_id: &str, waiting: i64, now: i64) -> StorageResult<()>;

    /// Revoke a device of one of the unit's officers, by `actor` (a supervisor). False when the
    /// unit has no such device (another unit's is the same as none); true for one revoked
    /// already, which stays as it was.
    async fn revoke_unit_device(
        &self,
        unit_id: &str,
        device_id: &str,
        actor: &str,
        now: i64,
    ) -> StorageResult<bool>;
}
