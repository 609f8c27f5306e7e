//! The unit's records and the change log they are numbered in: the import of a cohort, the
//! assignment of nominals to officers, and the records a nominal has. The
//! [`Storage`](crate::storage::Storage) methods for these, added to the ones gathered so far
//! (see `storage_impl!` in the parent module, which also brings every name they use into scope).

macro_rules! record_methods {
    ($ty:ident, $db:ty, [$next:ident $(, $rest:ident)*], { $($methods:tt)* }) => {
        impl $ty {
            /// The next change-log position. Takes the counter row's lock until commit.
            async fn bump(tx: &mut Transaction<'static, $db>) -> StorageResult<i64> {
                Ok(sqlx::query_scalar(
                    "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value",
                )
                .fetch_one(&mut **tx)
                .await?)
            }

            /// The nominal's records: all of them, or (`cohort_only`) its cohort data (nominal,
            /// orders, conditions, contact plan, schedules) and the records a recall referral or its
            /// status names (breach reports, referrals), which is what a new field record is
            /// judged against.
            async fn records_in(
                tx: &mut Transaction<'static, $db>,
                nominal_id: &str,
                cohort_only: bool,
            ) -> StorageResult<Vec<StoredRecord>> {
                let rows = sqlx::query(
                    "SELECT kind, id, nominal_id, body FROM records WHERE nominal_id = $1 AND (NOT $2 OR kind IN ('nominal', 'order', 'condition', 'contact_plan', 'schedule', 'breach_report', 'recall_referral')) ORDER BY kind, id",
                )
                .bind(nominal_id)
                .bind(cohort_only)
                .fetch_all(&mut **tx)
                .await?;
                rows.iter().map(|r| stored_record(r)).collect()
            }
        }

        $next!($ty, $db, [$($rest),*], { $($methods)*
            async fn import_records(
                &self,
                unit_id: &str,
                records: &[StoredRecord],
                assign_to: &[(String, String)],
                actor: &str,
                now: i64,
            ) -> StorageResult<ImportCounts> {
                let mut tx = self.begin_write().await?;
                let mut counts = ImportCounts::default();
                for r in records {
                    let body = canonical(&r.record);
                    let old: Option<(String, String, i64)> =
                        sqlx::query_as("SELECT body, unit_id, version FROM records WHERE kind = $1 AND id = $2")
                            .bind(&r.kind)
                            .bind(&r.id)
                            .fetch_optional(&mut *tx)
                            .await?;
                    // A unit never changes another unit's records: ids are the sender's, so two
                    // units could use the same one. Refuse the whole import (nothing applied).
                    if let Some((_, unit, _)) = old.as_ref().filter(|(_, u, _)| u != unit_id) {
                        return Err(StorageError::Conflict(format!(
                            "{} {} is held for another unit ({unit}); nothing was imported",
                            r.kind, r.id
                        )));
                    }
                    let (action, version) = match old.map(|(b, _, v)| (b, v)) {
                        Some((b, _)) if b == body => {
                            counts.unchanged += 1;
                            continue;
                        }
                        Some((_, v)) => {
                            counts.altered += 1;
                            ("altered", v.saturating_add(1))
                        }
                        None => {
                            counts.created += 1;
                            ("created", 1)
                        }
                    };
                    let seq = Self::bump(&mut tx).await?;
                    sqlx::query(
                        "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq, version) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, seq = excluded.seq, nominal_id = excluded.nominal_id, unit_id = excluded.unit_id, version = excluded.version",
                    )
                    .bind(&r.kind)
                    .bind(&r.id)
                    .bind(unit_id)
                    .bind(&r.nominal_id)
                    .bind(&body)
                    .bind(seq)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
                    // Cohort records are versioned: an import is a change like any other.
                    if COHORT_KINDS.contains(&r.kind.as_str()) {
                        Self::keep_version(&mut tx, unit_id, r, &body, version, Some(actor), now, IMPORT_REASON).await?;
                    }
                    Self::audit_in(&mut tx, actor, None, action, &r.kind, &r.id, Some(&r.nominal_id), now).await?;
                }
                for (nominal_id, officer_id) in assign_to {
                    let known: Option<String> = sqlx::query_scalar(
                        "SELECT id FROM officers WHERE id = $1 AND unit_id = $2",
                    )
                    .bind(officer_id)
                    .bind(unit_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    // A nominal transferred out stays off the unit's phones, whatever the file says.
                    if known.is_none() || Self::transferred_in(&mut tx, nominal_id).await? {
                        continue;
                    }
                    sqlx::query(
                        "INSERT INTO assignments (nominal_id, officer_id, assigned_at) VALUES ($1, $2, $3) ON CONFLICT (nominal_id) DO NOTHING",
                    )
                    .bind(nominal_id)
                    .bind(officer_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(counts)
            }

            async fn assign(&self, nominal_id: &str, officer_id: &str, actor: &str, now: i64) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                let unit: Option<String> = sqlx::query_scalar(
                    "SELECT unit_id FROM records WHERE kind = 'nominal' AND id = $1",
                )
                .bind(nominal_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(unit) = unit else {
                    return Err(StorageError::NotFound(format!("nominal {nominal_id}")));
                };
                let officer_unit: Option<String> = sqlx::query_scalar("SELECT unit_id FROM officers WHERE id = $1")
                    .bind(officer_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                match officer_unit {
                    None => return Err(StorageError::NotFound(format!("officer {officer_id}"))),
                    Some(u) if u != unit => {
                        return Err(StorageError::Conflict(format!(
                            "officer {officer_id} is not in the unit that holds nominal {nominal_id}"
                        )))
                    }
                    Some(_) => {}
                }
                if Self::transferred_in(&mut tx, nominal_id).await? {
                    return Err(StorageError::Conflict(format!(
                        "nominal {nominal_id} has been transferred out to another force: it cannot be assigned"
                    )));
                }
                sqlx::query(
                    "INSERT INTO assignments (nominal_id, officer_id, assigned_at) VALUES ($1, $2, $3) ON CONFLICT (nominal_id) DO UPDATE SET officer_id = excluded.officer_id, assigned_at = excluded.assigned_at",
                )
                .bind(nominal_id)
                .bind(officer_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let keys: Vec<(String, String)> = sqlx::query_as(
                    "SELECT kind, id FROM records WHERE nominal_id = $1 ORDER BY seq",
                )
                .bind(nominal_id)
                .fetch_all(&mut *tx)
                .await?;
                for (kind, id) in keys {
                    let seq = Self::bump(&mut tx).await?;
                    sqlx::query("UPDATE records SET seq = $1 WHERE kind = $2 AND id = $3")
                        .bind(seq)
                        .bind(&kind)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                }
                Self::audit_in(&mut tx, actor, None, "altered", "assignment", nominal_id, Some(nominal_id), now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn assigned_nominals(&self, officer_id: &str) -> StorageResult<Vec<String>> {
                Ok(sqlx::query_scalar(
                    "SELECT nominal_id FROM assignments WHERE officer_id = $1 ORDER BY nominal_id",
                )
                .bind(officer_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn records_of_nominal(&self, nominal_id: &str) -> StorageResult<Vec<StoredRecord>> {
                let mut tx = self.pool.begin().await?;
                let out = Self::records_in(&mut tx, nominal_id, false).await?;
                tx.commit().await?;
                Ok(out)
            }

            async fn unit_records(&self, unit_id: &str) -> StorageResult<Vec<StoredRecord>> {
                let rows = sqlx::query(
                    "SELECT kind, id, nominal_id, body FROM records WHERE unit_id = $1 ORDER BY nominal_id, kind, id",
                )
                .bind(unit_id)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|r| stored_record(r)).collect()
            }

            async fn unit_assignments(&self, unit_id: &str) -> StorageResult<Vec<(String, String)>> {
                Ok(sqlx::query_as(
                    "SELECT a.nominal_id, a.officer_id FROM assignments a JOIN officers o ON o.id = a.officer_id WHERE o.unit_id = $1 ORDER BY a.nominal_id",
                )
                .bind(unit_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn count_records(&self, kind: &str) -> StorageResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE kind = $1")
                    .bind(kind)
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn position(&self) -> StorageResult<i64> {
                Ok(sqlx::query_scalar("SELECT value FROM change_counter WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn add_decision(&self, unit_id: &str, decision: &StoredRecord, actor: &str, now: i64) -> StorageResult<()> {
                use scpo_field::domain::breach::decision::{decision_for, BreachDecision};
                let d: BreachDecision = serde_json::from_value(decision.record.clone())
                    .map_err(|_| StorageError::Conflict("not a breach decision".into()))?;
                let mut tx = self.begin_write().await?;
                let report_nominal: Option<String> = sqlx::query_scalar(
                    "SELECT nominal_id FROM records WHERE kind = 'breach_report' AND id = $1 AND unit_id = $2",
                )
                .bind(&d.report_id)
                .bind(unit_id)
                .fetch_optional(&mut *tx)
                .await?;
                if report_nominal.as_deref() != Some(d.nominal_id.as_str()) || decision.nominal_id != d.nominal_id {
                    return Err(StorageError::NotFound(format!("breach report {}", d.report_id)));
                }
                // The decision it replaces must still stand: two DSs deciding at once cannot both
                // replace the same one (or both be first).
                let held: Vec<BreachDecision> = Self::records_in(&mut tx, &d.nominal_id, false)
                    .await?
                    .into_iter()
                    .filter(|r| r.kind == "breach_decision")
                    .filter_map(|r| serde_json::from_value(r.record).ok())
                    .collect();
                if decision_for(&d.report_id, &held).map(|x| x.id.as_str()) != d.replaces.as_deref() {
                    return Err(StorageError::Conflict(format!(
                        "a decision on breach report {} was recorded meanwhile",
                        d.report_id
                    )));
                }
                let seq = Self::bump(&mut tx).await?;
                let inserted = sqlx::query(
                    "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq, author_officer_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, id) DO NOTHING",
                )
                .bind(&decision.kind)
                .bind(&d.id)
                .bind(unit_id)
                .bind(&d.nominal_id)
                .bind(canonical(&decision.record))
                .bind(seq)
                .bind(actor)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if inserted != 1 {
                    return Err(StorageError::Conflict(format!("record {} is held already", d.id)));
                }
                Self::audit_in(&mut tx, actor, None, "created", &decision.kind, &d.id, Some(&d.nominal_id), now).await?;
                tx.commit().await?;
                Ok(())
            }
        });
    };
}
