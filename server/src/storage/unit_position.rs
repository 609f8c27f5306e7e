//! A unit's records changed since a change-log position, read from the database (not from any
//! server's memory), so a server that keeps the unit's parsed records between pages reads only
//! what changed since, whichever server changed it. Every write of a record (a push, a desk
//! change, an import, an assignment, a transfer, a decision) gives it the next change-log
//! position in the transaction that writes it, and writers take positions one at a time (SQLite's
//! write lock; PostgreSQL's lock on the counter row until commit), so once a position is seen no
//! record at or below it can still appear or change; and no record is ever deleted. A part of
//! [`Storage`](super::Storage) (its supertrait); implemented for both backends in
//! `backend/unit_position.rs`.

use async_trait::async_trait;

use super::{StorageResult, StoredRecord};

#[async_trait]
pub trait UnitChanges: Send + Sync {
    /// The unit's records written after change-log position `after` (0: all of them), each with
    /// its position, in no particular order.
    async fn unit_records_since(
        &self,
        unit_id: &str,
        after: i64,
    ) -> StorageResult<Vec<(i64, StoredRecord)>>;
}
