//! The DS's keeping of the team (see [`TeamAdmin`](crate::storage::TeamAdmin)). Expanded once
//! per backend by `storage_impl!` in the parent module, which brings every name used here into
//! scope (and the helper `audit_in` of the audit part).

macro_rules! team_admin_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl TeamAdmin for $ty {
            async fn add_unit_officer(&self, o: &Officer, actor: &str, now: i64) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "INSERT INTO officers (id, unit_id, name, role, keeps_cohort, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
                )
                .bind(&o.id)
                .bind(&o.unit_id)
                .bind(&o.name)
                .bind(o.role.as_str())
                .bind(o.keeps_cohort)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StorageError::Conflict(format!("officer {} already exists", o.id)));
                }
                Self::audit_in(&mut tx, actor, None, "created", "officer", &o.id, None, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn set_officer_rights(
                &self,
                unit_id: &str,
                officer_id: &str,
                role: Role,
                keeps_cohort: bool,
                actor: &str,
                now: i64,
            ) -> StorageResult<bool> {
                let mut tx = self.begin_write().await?;
                // The unit's row, locked (PostgreSQL) for the rest of the transaction: changes to
                // one unit's people are made one at a time (SQLite's write lock does it already).
                sqlx::query("UPDATE units SET name = name WHERE id = $1")
                    .bind(unit_id)
                    .execute(&mut *tx)
                    .await?;
                let row = sqlx::query(
                    "SELECT id, unit_id, name, role, keeps_cohort FROM officers WHERE id = $1 AND unit_id = $2",
                )
                .bind(officer_id)
                .bind(unit_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else {
                    return Err(StorageError::NotFound(format!("officer {officer_id}")));
                };
                let was = officer_row(&row)?;
                if was.role == role && was.keeps_cohort == keeps_cohort {
                    return Ok(false);
                }
                if was.role == Role::Supervisor && role != Role::Supervisor {
                    let others: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM officers WHERE unit_id = $1 AND role = 'supervisor' AND id <> $2",
                    )
                    .bind(unit_id)
                    .bind(officer_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    if others == 0 {
                        return Err(StorageError::Conflict(LAST_SUPERVISOR.into()));
                    }
                }
                sqlx::query("UPDATE officers SET role = $1, keeps_cohort = $2 WHERE id = $3")
                    .bind(role.as_str())
                    .bind(keeps_cohort)
                    .bind(officer_id)
                    .execute(&mut *tx)
                    .await?;
                Self::audit_in(&mut tx, actor, None, "altered", "officer", officer_id, None, now).await?;
                tx.commit().await?;
                Ok(true)
            }

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
            ) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                let held: Option<String> =
                    sqlx::query_scalar("SELECT id FROM officers WHERE id = $1 AND unit_id = $2")
                        .bind(officer_id)
                        .bind(unit_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if held.is_none() {
                    return Err(StorageError::NotFound(format!("officer {officer_id}")));
                }
                sqlx::query(
                    "INSERT INTO enrolment_codes (code_id, secret_hash, officer_id, made_for, expires_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(code_id)
                .bind(secret_hash)
                .bind(officer_id)
                .bind(made_for.as_str())
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
                let kind = match made_for {
                    CodeUse::Phone => "enrolment_code",
                    CodeUse::Passkey => "passkey_code",
                };
                Self::audit_in(&mut tx, actor, None, "created", kind, code_id, None, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn revoke_passkeys(
                &self,
                unit_id: &str,
                officer_id: &str,
                actor: &str,
                now: i64,
            ) -> StorageResult<Revoked> {
                let mut tx = self.begin_write().await?;
                let held: Option<String> =
                    sqlx::query_scalar("SELECT id FROM officers WHERE id = $1 AND unit_id = $2")
                        .bind(officer_id)
                        .bind(unit_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if held.is_none() {
                    return Err(StorageError::NotFound(format!("officer {officer_id}")));
                }
                let ids: Vec<String> = sqlx::query_scalar(
                    "SELECT credential_id FROM passkeys WHERE officer_id = $1 ORDER BY created_at, credential_id",
                )
                .bind(officer_id)
                .fetch_all(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM passkeys WHERE officer_id = $1")
                    .bind(officer_id)
                    .execute(&mut *tx)
                    .await?;
                for id in &ids {
                    Self::audit_in(&mut tx, actor, None, "erased", "passkey", id, None, now).await?;
                }
                let sessions = sqlx::query(
                    "UPDATE sessions SET ended_at = $1 WHERE officer_id = $2 AND ended_at IS NULL",
                )
                .bind(now)
                .bind(officer_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if sessions > 0 {
                    Self::audit_in(&mut tx, actor, None, "altered", "sessions", officer_id, None, now).await?;
                }
                tx.commit().await?;
                Ok(Revoked {
                    passkeys: ids.len() as u64,
                    sessions,
                })
            }

            async fn unit_passkeys(&self, unit_id: &str) -> StorageResult<Vec<(String, i64)>> {
                let rows = sqlx::query(
                    "SELECT p.officer_id, COUNT(*) FROM passkeys p JOIN officers o ON o.id = p.officer_id WHERE o.unit_id = $1 GROUP BY p.officer_id ORDER BY p.officer_id",
                )
                .bind(unit_id)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                    .collect()
            }
        }
    };
}
