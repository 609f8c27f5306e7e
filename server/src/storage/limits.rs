//! Storage for the limit on failed enrolments from one network address (PROTOCOL.md,
//! Enrolment), kept in the database so a restart forgets none. A part of
//! [`Storage`](super::Storage) (its supertrait); implemented for both backends in
//! `backend/limits.rs`. The address is a key here and nothing else: it is never logged.

use async_trait::async_trait;

use super::StorageResult;

#[async_trait]
pub trait EnrolmentLimit: Send + Sync {
    /// Count an enrolment attempt from `address` as a failure, before its code is tried, in one
    /// statement (so attempts made at once cannot pass the limit together): false, and nothing
    /// counted, when the address has `max` failures in its window already. A window begins at
    /// the address's first failure and lasts `window_ms`; windows that are over are forgotten.
    async fn enrolment_attempt(
        &self,
        address: &str,
        now: i64,
        window_ms: i64,
        max: i64,
    ) -> StorageResult<bool>;

    /// Take back the failure counted for `address` by [`EnrolmentLimit::enrolment_attempt`]:
    /// its code was right.
    async fn enrolment_succeeded(&self, address: &str) -> StorageResult<()>;
}
