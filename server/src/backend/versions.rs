//! The versioned cohort (see [`CohortVersions`](crate::storage::CohortVersions)): a change
//! applied as new versions, and the versions read back. Expanded once per backend by
//! `storage_impl!` in the parent module, which brings every name used here into scope (and the
//! helpers `bump`, `records_in`, `audit_in` and `transferred_in` of the other parts).

macro_rules! versions_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl CohortVersions for $ty {
            async fn change_cohort(
                &self,
                unit_id: &str,
                change: &CohortChange,
                judge: CohortJudge<'_>,
                now: i64,
            ) -> StorageResult<Result<Applied, ChangeRefusal>> {
                let nominal_id = change.nominal_id.as_str();
                let mut tx = self.begin_write().await?;
                // Taken first: writers queue here, so what is read below is what they left.
                let mut seq = Self::bump(&mut tx).await?;
                let held: Option<String> = sqlx::query_scalar(
                    "SELECT unit_id FROM records WHERE kind = 'nominal' AND id = $1",
                )
                .bind(nominal_id)
                .fetch_optional(&mut *tx)
                .await?;
                let brings_nominal = change
                    .records
                    .iter()
                    .any(|v| v.record.kind == "nominal" && v.record.id == nominal_id);
                match held.as_deref() {
                    Some(u) if u != unit_id => {
                        return Ok(Err(ChangeRefusal::NotFound(format!("nominal {nominal_id}"))))
                    }
                    None if !brings_nominal => {
                        return Ok(Err(ChangeRefusal::NotFound(format!("nominal {nominal_id}"))))
                    }
                    _ => {}
                }
                if held.is_some() && Self::transferred_in(&mut tx, nominal_id).await? {
                    return Ok(Err(ChangeRefusal::TransferredOut));
                }
                // Each record against the version the form was opened on.
                let mut current: Vec<Option<(i64, String)>> = Vec::new();
                for v in &change.records {
                    let r = &v.record;
                    if r.nominal_id != nominal_id || !COHORT_KINDS.contains(&r.kind.as_str()) {
                        return Ok(Err(ChangeRefusal::NotFound(format!("{} {}", r.kind, r.id))));
                    }
                    let row: Option<(i64, String, String, String)> = sqlx::query_as(
                        "SELECT version, unit_id, nominal_id, body FROM records WHERE kind = $1 AND id = $2",
                    )
                    .bind(&r.kind)
                    .bind(&r.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    match (&row, v.expected) {
                        (Some((_, u, n, _)), _) if u != unit_id || n != nominal_id => {
                            return Ok(Err(ChangeRefusal::NotFound(format!("{} {}", r.kind, r.id))))
                        }
                        (Some((held, ..)), expected) if Some(*held) != expected => {
                            let (by, at) = Self::last_change(&mut tx, &r.kind, &r.id).await?;
                            return Ok(Err(ChangeRefusal::Stale {
                                kind: r.kind.clone(),
                                id: r.id.clone(),
                                by,
                                at,
                            }));
                        }
                        (None, Some(_)) => {
                            return Ok(Err(ChangeRefusal::NotFound(format!("{} {}", r.kind, r.id))))
                        }
                        _ => {}
                    }
                    current.push(row.map(|(version, _, _, body)| (version, body)));
                }
                // The nominal's cohort as it would be, judged whole by the domain.
                let mut after = Self::records_in(&mut tx, nominal_id, true).await?;
                for v in &change.records {
                    let r = &v.record;
                    after.retain(|x| !(x.kind == r.kind && x.id == r.id));
                    after.push(r.clone());
                }
                if let Err(problems) = judge(&after) {
                    return Ok(Err(ChangeRefusal::Invalid(problems)));
                }
                let mut applied = Vec::new();
                for (v, held) in change.records.iter().zip(current) {
                    let r = &v.record;
                    let body = canonical(&r.record);
                    let version = match &held {
                        Some((_, b)) if *b == body => continue,
                        Some((n, _)) => n.saturating_add(1),
                        None => 1,
                    };
                    if !applied.is_empty() {
                        seq = Self::bump(&mut tx).await?;
                    }
                    sqlx::query(
                        "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq, version) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, seq = excluded.seq, version = excluded.version",
                    )
                    .bind(&r.kind)
                    .bind(&r.id)
                    .bind(unit_id)
                    .bind(nominal_id)
                    .bind(&body)
                    .bind(seq)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
                    Self::keep_version(&mut tx, unit_id, r, &body, version, Some(&change.actor), now, &change.reason).await?;
                    let action = if held.is_some() { "altered" } else { "created" };
                    Self::audit_in(&mut tx, &change.actor, None, action, &r.kind, &r.id, Some(nominal_id), now).await?;
                    applied.push((r.kind.clone(), r.id.clone(), version));
                }
                if let (None, Some(officer)) = (held.as_deref(), change.assign_to.as_deref()) {
                    let known: Option<String> = sqlx::query_scalar(
                        "SELECT id FROM officers WHERE id = $1 AND unit_id = $2",
                    )
                    .bind(officer)
                    .bind(unit_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if known.is_none() {
                        return Ok(Err(ChangeRefusal::NotFound(format!("officer {officer}"))));
                    }
                    sqlx::query(
                        "INSERT INTO assignments (nominal_id, officer_id, assigned_at) VALUES ($1, $2, $3)",
                    )
                    .bind(nominal_id)
                    .bind(officer)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    Self::audit_in(&mut tx, &change.actor, None, "altered", "assignment", nominal_id, Some(nominal_id), now).await?;
                }
                if applied.is_empty() {
                    // Nothing changed: the change-log position taken is given back unused.
                    tx.rollback().await?;
                    return Ok(Ok(applied));
                }
                tx.commit().await?;
                Ok(Ok(applied))
            }

            async fn current_versions(
                &self,
                unit_id: &str,
                nominal_id: &str,
            ) -> StorageResult<Vec<(String, String, i64)>> {
                self.current_versions_impl(unit_id, nominal_id).await
            }

            async fn versions_of_nominal(
                &self,
                unit_id: &str,
                nominal_id: &str,
            ) -> StorageResult<Vec<RecordVersion>> {
                let rows: Vec<(String, String, i64, String, String, Option<String>, i64, String)> =
                    sqlx::query_as(
                        "SELECT kind, id, version, nominal_id, body, changed_by, changed_at, reason FROM record_versions WHERE unit_id = $1 AND nominal_id = $2 ORDER BY changed_at, kind, id, version",
                    )
                    .bind(unit_id)
                    .bind(nominal_id)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(kind, id, version, nominal_id, body, changed_by, changed_at, reason)| {
                        Ok(RecordVersion {
                            kind,
                            id,
                            version,
                            nominal_id,
                            record: serde_json::from_str(&body).map_err(|e| {
                                StorageError::Database(sqlx::Error::Decode(Box::new(e)))
                            })?,
                            changed_by,
                            changed_at,
                            reason,
                        })
                    })
                    .collect()
            }
        }

        impl $ty {
            async fn current_versions_impl(
                &self,
                unit_id: &str,
                nominal_id: &str,
            ) -> StorageResult<Vec<(String, String, i64)>> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT kind, id, version FROM records WHERE unit_id = $1 AND nominal_id = $2 ORDER BY kind, id",
                )
                .bind(unit_id)
                .bind(nominal_id)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .filter(|(k, _, _)| COHORT_KINDS.contains(&k.as_str()))
                    .collect())
            }

            /// Keep one version of a cohort record whole.
            #[allow(clippy::too_many_arguments)]
            async fn keep_version(
                tx: &mut Transaction<'static, $db>,
                unit_id: &str,
                r: &StoredRecord,
                body: &str,
                version: i64,
                by: Option<&str>,
                now: i64,
                reason: &str,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO record_versions (kind, id, version, unit_id, nominal_id, body, changed_by, changed_at, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&r.kind)
                .bind(&r.id)
                .bind(version)
                .bind(unit_id)
                .bind(&r.nominal_id)
                .bind(body)
                .bind(by)
                .bind(now)
                .bind(reason)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            /// Who made the record's latest version, and when.
            async fn last_change(
                tx: &mut Transaction<'static, $db>,
                kind: &str,
                id: &str,
            ) -> StorageResult<(Option<String>, i64)> {
                let row: Option<(Option<String>, i64)> = sqlx::query_as(
                    "SELECT changed_by, changed_at FROM record_versions WHERE kind = $1 AND id = $2 ORDER BY version DESC LIMIT 1",
                )
                .bind(kind)
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(row.unwrap_or((None, 0)))
            }
        }
    };
}
