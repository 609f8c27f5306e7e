//! The team and its access: units, officers, one-time codes, the phones enrolled with them,
//! supervisors' passkeys and their sessions. The [`Storage`](crate::storage::Storage) methods
//! for these, added to the ones gathered so far (see `storage_impl!` in the parent module, which
//! also brings every name they use into scope).

macro_rules! team_methods {
    ($ty:ident, $db:ty, [$next:ident $(, $rest:ident)*], { $($methods:tt)* }) => {
        impl $ty {
            /// Try a one-time code made for `made_for`, and use it up (`use_up`) when it is
            /// good. Unknown, used, expired or burnt: `Invalid`. A wrong secret: `Invalid`, and
            /// it counts against the code. A right secret on a code made for the other use:
            /// `OtherUse`, nothing changed.
            async fn code_in(
                tx: &mut Transaction<'static, $db>,
                code_id: &str,
                secret_hash: &str,
                made_for: CodeUse,
                use_up: bool,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<CodeCheck> {
                let row = sqlx::query(
                    "SELECT c.secret_hash, c.expires_at, c.used_at, c.failed_attempts, c.made_for, o.id, o.unit_id, o.name, o.role, o.keeps_cohort FROM enrolment_codes c JOIN officers o ON o.id = c.officer_id WHERE c.code_id = $1",
                )
                .bind(code_id)
                .fetch_optional(&mut **tx)
                .await?;
                let Some(row) = row else { return Ok(CodeCheck::Invalid) };
                let stored: String = row.try_get(0)?;
                let expires_at: i64 = row.try_get(1)?;
                let used_at: Option<i64> = row.try_get(2)?;
                let failures: i64 = row.try_get(3)?;
                if used_at.is_some() || expires_at <= now || failures >= max_failures {
                    return Ok(CodeCheck::Invalid);
                }
                if !crate::secrets::same(&stored, secret_hash) {
                    sqlx::query("UPDATE enrolment_codes SET failed_attempts = failed_attempts + 1 WHERE code_id = $1")
                        .bind(code_id)
                        .execute(&mut **tx)
                        .await?;
                    return Ok(CodeCheck::Invalid);
                }
                if row.try_get::<String, _>(4)? != made_for.as_str() {
                    return Ok(CodeCheck::OtherUse);
                }
                if use_up {
                    sqlx::query("UPDATE enrolment_codes SET used_at = $1 WHERE code_id = $2")
                        .bind(now)
                        .bind(code_id)
                        .execute(&mut **tx)
                        .await?;
                }
                Ok(CodeCheck::Valid(Officer {
                    id: row.try_get(5)?,
                    unit_id: row.try_get(6)?,
                    name: row.try_get(7)?,
                    role: role_of(&row.try_get::<String, _>(8)?),
                    keeps_cohort: row.try_get(9)?,
                }))
            }
        }

        $next!($ty, $db, [$($rest),*], { $($methods)*
            async fn add_unit(&self, id: &str, name: &str) -> StorageResult<()> {
                sqlx::query("INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name")
                    .bind(id)
                    .bind(name)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn add_officer(&self, o: &Officer, now: i64) -> StorageResult<()> {
                let done = sqlx::query(
                    "INSERT INTO officers (id, unit_id, name, role, keeps_cohort, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
                )
                .bind(&o.id)
                .bind(&o.unit_id)
                .bind(&o.name)
                .bind(o.role.as_str())
                .bind(o.keeps_cohort)
                .bind(now)
                .execute(&self.pool)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StorageError::Conflict(format!("officer {} already exists", o.id)));
                }
                Ok(())
            }

            async fn officer(&self, id: &str) -> StorageResult<Option<Officer>> {
                let row = sqlx::query("SELECT id, unit_id, name, role, keeps_cohort FROM officers WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| officer_row(&r)).transpose()
            }

            async fn officers(&self) -> StorageResult<Vec<Officer>> {
                let rows = sqlx::query("SELECT id, unit_id, name, role, keeps_cohort FROM officers ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(|r| officer_row(r)).collect()
            }

            async fn add_enrolment_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                officer_id: &str,
                made_for: CodeUse,
                expires_at: i64,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO enrolment_codes (code_id, secret_hash, officer_id, made_for, expires_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(code_id)
                .bind(secret_hash)
                .bind(officer_id)
                .bind(made_for.as_str())
                .bind(expires_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn redeem_enrolment_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                credential_hash: &str,
                device_id: &str,
                label: &str,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<Redeemed> {
                let mut tx = self.begin_write().await?;
                let officer = match Self::code_in(&mut tx, code_id, secret_hash, CodeUse::Phone, true, now, max_failures).await? {
                    CodeCheck::Valid(officer) => officer,
                    other => {
                        // A wrong secret was counted against the code.
                        tx.commit().await?;
                        return Ok(match other {
                            CodeCheck::OtherUse => Redeemed::OtherUse,
                            _ => Redeemed::Invalid,
                        });
                    }
                };
                sqlx::query(
                    "INSERT INTO devices (id, officer_id, credential_hash, label, enrolled_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(device_id)
                .bind(&officer.id)
                .bind(credential_hash)
                .bind(label)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                Self::audit_in(&mut tx, &officer.id, Some(device_id), "created", "device", device_id, None, now).await?;
                tx.commit().await?;
                Ok(Redeemed::Enrolled {
                    device_id: device_id.to_string(),
                    officer,
                })
            }

            async fn check_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                made_for: CodeUse,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<CodeCheck> {
                let mut tx = self.begin_write().await?;
                let checked = Self::code_in(&mut tx, code_id, secret_hash, made_for, false, now, max_failures).await?;
                // Only a wrong secret changed anything: one more failure against the code.
                tx.commit().await?;
                Ok(checked)
            }

            async fn device_by_credential(&self, credential_hash: &str) -> StorageResult<Option<Device>> {
                let row = sqlx::query(
                    "SELECT d.id, d.revoked_at, o.id, o.unit_id, o.name, o.role, o.keeps_cohort FROM devices d JOIN officers o ON o.id = d.officer_id WHERE d.credential_hash = $1",
                )
                .bind(credential_hash)
                .fetch_optional(&self.pool)
                .await?;
                let Some(r) = row else { return Ok(None) };
                Ok(Some(Device {
                    id: r.try_get(0)?,
                    revoked: r.try_get::<Option<i64>, _>(1)?.is_some(),
                    officer: Officer {
                        id: r.try_get(2)?,
                        unit_id: r.try_get(3)?,
                        name: r.try_get(4)?,
                        role: role_of(&r.try_get::<String, _>(5)?),
                        keeps_cohort: r.try_get(6)?,
                    },
                }))
            }

            async fn revoke_device(&self, device_id: &str, now: i64) -> StorageResult<bool> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(device_id)
                .execute(&mut *tx)
                .await?;
                let exists: Option<String> = sqlx::query_scalar("SELECT id FROM devices WHERE id = $1")
                    .bind(device_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if done.rows_affected() > 0 {
                    Self::audit_in(&mut tx, "cli", Some(device_id), "altered", "device", device_id, None, now).await?;
                }
                tx.commit().await?;
                Ok(exists.is_some())
            }

            async fn devices(&self) -> StorageResult<Vec<DeviceInfo>> {
                let rows = sqlx::query(
                    "SELECT id, officer_id, label, enrolled_at, revoked_at, last_seen_at, waiting_reported, waiting_reported_at FROM devices ORDER BY enrolled_at, id",
                )
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(DeviceInfo {
                            id: r.try_get(0)?,
                            officer_id: r.try_get(1)?,
                            label: r.try_get(2)?,
                            enrolled_at: r.try_get(3)?,
                            revoked_at: r.try_get(4)?,
                            last_seen_at: r.try_get(5)?,
                            waiting: r.try_get(6)?,
                            waiting_at: r.try_get(7)?,
                        })
                    })
                    .collect()
            }

            async fn add_passkey_with_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                officer_id: &str,
                credential_id: &str,
                passkey: &str,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<CodeCheck> {
                let mut tx = self.begin_write().await?;
                let officer = match Self::code_in(&mut tx, code_id, secret_hash, CodeUse::Passkey, true, now, max_failures).await? {
                    CodeCheck::Valid(o) if o.id == officer_id => o,
                    CodeCheck::Valid(_) => {
                        // Another officer's code: nothing is kept, nothing used up.
                        tx.rollback().await?;
                        return Ok(CodeCheck::Invalid);
                    }
                    other => {
                        tx.commit().await?;
                        return Ok(other);
                    }
                };
                sqlx::query("INSERT INTO passkeys (credential_id, officer_id, passkey, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(credential_id)
                    .bind(officer_id)
                    .bind(passkey)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                Self::audit_in(&mut tx, officer_id, None, "created", "passkey", credential_id, None, now).await?;
                tx.commit().await?;
                Ok(CodeCheck::Valid(officer))
            }

            async fn passkeys_of(&self, officer_id: &str) -> StorageResult<Vec<String>> {
                Ok(sqlx::query_scalar("SELECT passkey FROM passkeys WHERE officer_id = $1 ORDER BY created_at")
                    .bind(officer_id)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn update_passkey(&self, credential_id: &str, passkey: &str, now: i64) -> StorageResult<()> {
                sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE credential_id = $3")
                    .bind(passkey)
                    .bind(now)
                    .bind(credential_id)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn start_session(&self, token_hash: &str, officer_id: &str, csrf: &str, now: i64) -> StorageResult<()> {
                sqlx::query("INSERT INTO sessions (token_hash, officer_id, csrf, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)")
                    .bind(token_hash)
                    .bind(officer_id)
                    .bind(csrf)
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn session(&self, token_hash: &str, now: i64, idle_ms: i64, absolute_ms: i64) -> StorageResult<Option<(Officer, String)>> {
                let mut tx = self.begin_write().await?;
                let row = sqlx::query(
                    "SELECT s.csrf, s.created_at, s.last_seen_at, s.ended_at, o.id, o.unit_id, o.name, o.role, o.keeps_cohort FROM sessions s JOIN officers o ON o.id = s.officer_id WHERE s.token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let created: i64 = row.try_get(1)?;
                let seen: i64 = row.try_get(2)?;
                let ended: Option<i64> = row.try_get(3)?;
                if ended.is_some() {
                    return Ok(None);
                }
                if now - seen > idle_ms || now - created > absolute_ms {
                    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2")
                        .bind(now)
                        .bind(token_hash)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    return Ok(None);
                }
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(token_hash)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                let officer = Officer {
                    id: row.try_get(4)?,
                    unit_id: row.try_get(5)?,
                    name: row.try_get(6)?,
                    role: role_of(&row.try_get::<String, _>(7)?),
                    keeps_cohort: row.try_get(8)?,
                };
                Ok(Some((officer, row.try_get(0)?)))
            }

            async fn end_session(&self, token_hash: &str, now: i64) -> StorageResult<()> {
                sqlx::query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
                    .bind(now)
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn end_all_sessions(&self, officer_id: &str, now: i64) -> StorageResult<u64> {
                Ok(sqlx::query("UPDATE sessions SET ended_at = $1 WHERE officer_id = $2 AND ended_at IS NULL")
                    .bind(now)
                    .bind(officer_id)
                    .execute(&self.pool)
                    .await?
                    .rows_affected())
            }
        });
    };
}
