//! Sync with the phones: a push stored exactly once (each entry's result kept with its UUID, a
//! rejected entry kept whole) and a pull of the changes in the officer's scope. The
//! [`Storage`](crate::storage::Storage) methods for these, added to the ones gathered so far
//! (see `storage_impl!` in the parent module, which also brings every name they use into scope).

macro_rules! sync_methods {
    ($ty:ident, $db:ty, [$next:ident $(, $rest:ident)*], { $($methods:tt)* }) => {
        impl $ty {
            async fn processed_result(
                tx: &mut Transaction<'static, $db>,
                uuid: &str,
            ) -> StorageResult<Option<EntryResult>> {
                let row = sqlx::query(
                    "SELECT accepted, reason FROM processed_entries WHERE uuid = $1",
                )
                .bind(uuid)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(match row {
                    Some(r) => Some(EntryResult {
                        uuid: uuid.to_string(),
                        status: if r.try_get::<bool, _>("accepted")? {
                            EntryStatus::Accepted
                        } else {
                            EntryStatus::Rejected
                        },
                        reason: r.try_get("reason")?,
                    }),
                    None => None,
                })
            }

            async fn record_processed(
                tx: &mut Transaction<'static, $db>,
                device: &Device,
                uuid: &str,
                kind: &str,
                record_id: &str,
                reason: Option<&str>,
                raw: &str,
                now: i64,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO processed_entries (uuid, device_id, kind, record_id, accepted, reason, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(uuid)
                .bind(&device.id)
                .bind(kind)
                .bind(record_id)
                .bind(reason.is_none())
                .bind(reason)
                .bind(now)
                .execute(&mut **tx)
                .await?;
                if let Some(reason) = reason {
                    sqlx::query(
                        "INSERT INTO rejected_entries (uuid, officer_id, body, reason) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(uuid)
                    .bind(&device.officer.id)
                    .bind(raw)
                    .bind(reason)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }
        }

        $next!($ty, $db, [$($rest),*], { $($methods)*
            async fn push_batch(
                &self,
                device: &Device,
                items: &[Incoming],
                judge: Judge<'_>,
                now: i64,
            ) -> StorageResult<Vec<EntryResult>> {
                let mut tx = self.begin_write().await?;
                let officer = &device.officer;
                // Change-log positions for the whole batch at once (gaps are harmless). This takes
                // the counter's lock first, so batches commit in the order of their positions.
                let n = i64::try_from(items.len()).unwrap_or(i64::MAX);
                let last: i64 = sqlx::query_scalar(
                    "UPDATE change_counter SET value = value + $1 WHERE id = 1 RETURNING value",
                )
                .bind(n)
                .fetch_one(&mut *tx)
                .await?;
                let mut next_seq = last - n;
                let assigned: std::collections::HashSet<String> = sqlx::query_scalar(
                    "SELECT nominal_id FROM assignments WHERE officer_id = $1",
                )
                .bind(&officer.id)
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .collect();
                // Each nominal's cohort data, read once a batch.
                let mut master: std::collections::HashMap<String, Vec<StoredRecord>> = Default::default();
                let mut results = Vec::with_capacity(items.len());
                for item in items {
                    next_seq += 1;
                    let entry = match item {
                        Incoming::Entry(e) => e,
                        Incoming::Unreadable { uuid, raw, reason } => {
                            if let Some(done) = Self::processed_result(&mut tx, uuid).await? {
                                results.push(done);
                                continue;
                            }
                            Self::record_processed(&mut tx, device, uuid, "unreadable", "", Some(reason), raw, now).await?;
                            results.push(EntryResult {
                                uuid: uuid.clone(),
                                status: EntryStatus::Rejected,
                                reason: Some(reason.clone()),
                            });
                            continue;
                        }
                    };
                    if let Some(done) = Self::processed_result(&mut tx, &entry.uuid).await? {
                        results.push(done);
                        continue;
                    }
                    // The officer's name on the record is the server's (authorship.rs says why).
                    let named = crate::authorship::as_enrolled(entry, officer);
                    let entry = &*named;
                    let body = canonical(&entry.record);
                    let mut reason: Option<String> = if entry.record_officer_id != officer.id {
                        Some("The record names another officer than the one this phone is enrolled for".into())
                    } else if !assigned.contains(&entry.nominal_id) {
                        Some("This nominal is not assigned to you".into())
                    } else if crate::sync::WITH_FIELD_RECORDS.contains(&entry.kind.as_str()) {
                        // All the nominal's records as they stand in this transaction.
                        let records = Self::records_in(&mut tx, &entry.nominal_id, false).await?;
                        judge(entry, &records).err()
                    } else {
                        if !master.contains_key(&entry.nominal_id) {
                            let records = Self::records_in(&mut tx, &entry.nominal_id, true).await?;
                            master.insert(entry.nominal_id.clone(), records);
                        }
                        let records = master.get(&entry.nominal_id).map(Vec::as_slice).unwrap_or(&[]);
                        judge(entry, records).err()
                    };
                    if reason.is_none() {
                        let inserted = sqlx::query(
                            "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq, author_officer_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, id) DO NOTHING",
                        )
                        .bind(&entry.kind)
                        .bind(&entry.record_id)
                        .bind(&officer.unit_id)
                        .bind(&entry.nominal_id)
                        .bind(&body)
                        .bind(next_seq)
                        .bind(&officer.id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                        if inserted == 1 {
                            // Later entries of this push may name it (a referral its report).
                            if let Some(list) = master.get_mut(&entry.nominal_id) {
                                if crate::sync::NAMED_KINDS.contains(&entry.kind.as_str()) {
                                    list.push(StoredRecord { kind: entry.kind.clone(), id: entry.record_id.clone(), nominal_id: entry.nominal_id.clone(), record: entry.record.clone() });
                                }
                            }
                            Self::audit_in(&mut tx, &officer.id, Some(&device.id), "created", &entry.kind, &entry.record_id, Some(&entry.nominal_id), now).await?;
                        } else {
                            // Held already: the same record under a new UUID is fine; a
                            // different one with the same id is not.
                            let held: Option<String> =
                                sqlx::query_scalar("SELECT body FROM records WHERE kind = $1 AND id = $2")
                                    .bind(&entry.kind)
                                    .bind(&entry.record_id)
                                    .fetch_optional(&mut *tx)
                                    .await?;
                            if held.as_deref() != Some(body.as_str()) {
                                reason = Some("A different record with this id is already held: records are never changed (a correction is a new record)".into());
                            }
                        }
                    }
                    Self::record_processed(&mut tx, device, &entry.uuid, &entry.kind, &entry.record_id, reason.as_deref(), &entry.raw, now).await?;
                    results.push(EntryResult {
                        uuid: entry.uuid.clone(),
                        status: if reason.is_none() { EntryStatus::Accepted } else { EntryStatus::Rejected },
                        reason,
                    });
                }
                sqlx::query("UPDATE devices SET last_seen_at = $1, last_push_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(&device.id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(results)
            }

            async fn pull(&self, device: &Device, since: i64, limit: i64, now: i64) -> StorageResult<PullPage> {
                let mut tx = self.begin_write().await?;
                let in_scope: Vec<String> = sqlx::query_scalar(
                    "SELECT nominal_id FROM assignments WHERE officer_id = $1 ORDER BY nominal_id",
                )
                .bind(&device.officer.id)
                .fetch_all(&mut *tx)
                .await?;
                let rows = sqlx::query(
                    "SELECT r.kind, r.id, r.nominal_id, r.body, r.seq FROM records r JOIN assignments a ON a.nominal_id = r.nominal_id WHERE a.officer_id = $1 AND r.seq > $2 ORDER BY r.seq LIMIT $3",
                )
                .bind(&device.officer.id)
                .bind(since)
                .bind(limit + 1)
                .fetch_all(&mut *tx)
                .await?;
                let more = rows.len() as i64 > limit;
                let mut records = Vec::new();
                let mut position = since;
                for r in rows.iter().take(limit as usize) {
                    records.push(stored_record(r)?);
                    position = r.try_get(4)?;
                }
                let mut consulted: Vec<&str> = records.iter().map(|r| r.nominal_id.as_str()).collect();
                consulted.sort();
                consulted.dedup();
                for n in consulted {
                    Self::audit_in(&mut tx, &device.officer.id, Some(&device.id), "consulted", "nominal", n, Some(n), now).await?;
                }
                sqlx::query("UPDATE devices SET last_seen_at = $1, last_pull_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(&device.id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(PullPage { records, position, more, in_scope })
            }

            async fn rejected(&self) -> StorageResult<Vec<(String, String, String)>> {
                Ok(sqlx::query_as("SELECT uuid, officer_id, reason FROM rejected_entries ORDER BY uuid")
                    .fetch_all(&self.pool)
                    .await?)
            }
        });
    };
}
