//! Storage for the DS's keeping of the team at the desk: adding a person to the unit, giving or
//! taking the supervisor role and the right to keep the whole cohort, one-time codes made at the
//! desk, and revoking a person's passkeys. Every change is one transaction with its audit line
//! (ids only). A part of [`Storage`](super::Storage) (its supertrait); implemented for both
//! backends in `backend/team_admin.rs`.

use async_trait::async_trait;

use super::{CodeUse, Officer, Role, StorageResult};

/// The [`Conflict`](super::StorageError::Conflict) of a change that would leave a unit without
/// a supervisor.
pub const LAST_SUPERVISOR: &str = "the unit's last supervisor";

/// What revoking a person's passkeys came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Revoked {
    pub passkeys: u64,
    pub sessions: u64,
}

#[async_trait]
pub trait TeamAdmin: Send + Sync {
    /// Add a person to their unit (`officer.unit_id`), by `actor`, with a `created officer`
    /// audit line. `Conflict` when the ID is taken (officer IDs are unique across units).
    async fn add_unit_officer(&self, officer: &Officer, actor: &str, now: i64)
        -> StorageResult<()>;

    /// Give or take the supervisor role and the right to keep the whole cohort of one of the
    /// unit's people, with an `altered officer` audit line when anything changes (`true`).
    /// `NotFound` when the unit has no such person (another unit's is the same as none);
    /// `Conflict(LAST_SUPERVISOR)` when the unit would be left without a supervisor. Serialised
    /// per unit, so two supervisors cannot each take the other's role at once.
    async fn set_officer_rights(
        &self,
        unit_id: &str,
        officer_id: &str,
        role: Role,
        keeps_cohort: bool,
        actor: &str,
        now: i64,
    ) -> StorageResult<bool>;

    /// Keep a one-time code made at the desk for one of the unit's people, with a `created
    /// enrolment_code` (phone) or `created passkey_code` (desk) audit line naming the code's
    /// public id. `NotFound` when the unit has no such person.
    async fn add_unit_code(
        &self,
        unit_id: &str,
        code_id: &str,
        secret_hash: &str,
        officer_id: &str,
        made_for: CodeUse,
        expires_at: i64,
        actor: &str,
        now: i64,
    ) -> StorageResult<()>;

    /// Remove every passkey of one of the unit's people and end their open desk sessions, with
    /// an `erased passkey` audit line a passkey and an `altered sessions` line when any ended.
    /// `NotFound` when the unit has no such person.
    async fn revoke_passkeys(
        &self,
        unit_id: &str,
        officer_id: &str,
        actor: &str,
        now: i64,
    ) -> StorageResult<Revoked>;

    /// How many passkeys each of the unit's people holds: `(officer_id, count)` for those with
    /// any.
    async fn unit_passkeys(&self, unit_id: &str) -> StorageResult<Vec<(String, i64)>>;
}
