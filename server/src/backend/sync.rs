//! Sync with the phones: a push stored exactly once (each entry's result kept with its UUID and
//! its officer, a rejected entry kept whole) and a pull of the changes in the officer's scope,
//! in pages bounded in records and in bytes. The
//! [`Storage`](crate::storage::Storage) methods for these, added to the ones gathered so far
//! (see `storage_impl!` in the parent module, which also brings every name they use into scope).

macro_rules! sync_methods {
    ($ty:ident, $db:ty, [$next:ident $(, $rest:ident)*], { $($methods:tt)* }) => {
        impl $ty {
            /// What the server holds of `uuid` (an entry whose text has SHA-256 `sha`) for
            /// `officer_id`: that officer's first answer if the entry is the one first sent
            /// under it (a row from before entries kept their SHA-256 is taken to be), a
            /// rejection if it is another; else whether another officer used the UUID.
            async fn seen(
                tx: &mut Transaction<'static, $db>,
                officer_id: &str,
                uuid: &str,
                sha: &str,
            ) -> StorageResult<Seen> {
                let rows = sqlx::query(
                    "SELECT officer_id, accepted, reason, entry_sha256 FROM processed_entries WHERE uuid = $1",
                )
                .bind(uuid)
                .fetch_all(&mut **tx)
                .await?;
                for r in &rows {
                    if r.try_get::<String, _>("officer_id")? != officer_id {
                        continue;
                    }
                    let first: Option<String> = r.try_get("entry_sha256")?;
                    if first.is_some_and(|f| f != sha) {
                        return Ok(Seen::Answer(EntryResult {
                            uuid: uuid.to_string(),
                            status: EntryStatus::Rejected,
                            reason: Some(USED_ELSEWHERE.into()),
                        }));
                    }
                    return Ok(Seen::Answer(EntryResult {
                        uuid: uuid.to_string(),
                        status: if r.try_get::<bool, _>("accepted")? {
                            EntryStatus::Accepted
                        } else {
                            EntryStatus::Rejected
                        },
                        reason: r.try_get("reason")?,
                    }));
                }
                Ok(if rows.is_empty() { Seen::New } else { Seen::UsedElsewhere })
            }

            /// Keep the answer to a new entry under its UUID and its officer (with the whole
            /// entry, if rejected) and return it.
            async fn record_processed(
                tx: &mut Transaction<'static, $db>,
                device: &Device,
                entry: Processed<'_>,
                reason: Option<String>,
                now: i64,
            ) -> StorageResult<EntryResult> {
                sqlx::query(
                    "INSERT INTO processed_entries (uuid, officer_id, device_id, kind, record_id, accepted, reason, received_at, entry_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(entry.uuid)
                .bind(&device.officer.id)
                .bind(&device.id)
                .bind(entry.kind)
                .bind(entry.record_id)
                .bind(reason.is_none())
                .bind(reason.as_deref())
                .bind(now)
                .bind(entry.sha)
                .execute(&mut **tx)
                .await?;
                if let Some(reason) = &reason {
                    sqlx::query(
                        "INSERT INTO rejected_entries (uuid, officer_id, body, reason) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(entry.uuid)
                    .bind(&device.officer.id)
                    .bind(entry.raw)
                    .bind(reason)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(EntryResult {
                    uuid: entry.uuid.to_string(),
                    status: if reason.is_none() { EntryStatus::Accepted } else { EntryStatus::Rejected },
                    reason,
                })
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
                    let (uuid, kind, record_id, raw) = match item {
                        Incoming::Entry(e) => (e.uuid.as_str(), e.kind.as_str(), e.record_id.as_str(), e.raw.as_str()),
                        Incoming::Unreadable { uuid, raw, .. } => (uuid.as_str(), "unreadable", "", raw.as_str()),
                    };
                    let sha = crate::secrets::hash(raw);
                    let processed = Processed { uuid, kind, record_id, raw, sha: &sha };
                    let reason = match Self::seen(&mut tx, &officer.id, uuid, &sha).await? {
                        Seen::Answer(done) => {
                            results.push(done);
                            continue;
                        }
                        // Never another officer's answer (it could be "accepted" for a record
                        // not stored, or a reason about a nominal not theirs).
                        Seen::UsedElsewhere => Some(USED_ELSEWHERE.to_string()),
                        Seen::New => match item {
                            Incoming::Unreadable { reason, .. } => Some(reason.clone()),
                            Incoming::Entry(_) => None,
                        },
                    };
                    let entry = match item {
                        Incoming::Entry(e) if reason.is_none() => e,
                        _ => {
                            results.push(Self::record_processed(&mut tx, device, processed, reason, now).await?);
                            continue;
                        }
                    };
                    // The officer's name on the record is the server's (authorship.rs says why).
                    let named = crate::authorship::as_enrolled(entry, officer);
                    let entry = &*named;
                    let body = canonical(&entry.record);
                    let mut reason: Option<String> = if entry.record_officer_id != officer.id {
                        Some("The record names another officer than the one this phone is enrolled for".into())
                    } else if !assigned.contains(&entry.nominal_id) {
                        Some("This nominal is not assigned to you".into())
                    } else if crate::records::WITH_FIELD_RECORDS.contains(&entry.kind.as_str()) {
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
                                if crate::records::NAMED_KINDS.contains(&entry.kind.as_str()) {
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
                    results.push(Self::record_processed(&mut tx, device, processed, reason, now).await?);
                }
                sqlx::query("UPDATE devices SET last_seen_at = $1, last_push_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(&device.id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(results)
            }

            async fn pull_page(
                &self,
                device: &Device,
                since: i64,
                limit: i64,
                max_bytes: i64,
                now: i64,
            ) -> StorageResult<PullPage> {
                let mut tx = self.begin_write().await?;
                let in_scope: Vec<String> = sqlx::query_scalar(
                    "SELECT nominal_id FROM assignments WHERE officer_id = $1 ORDER BY nominal_id",
                )
                .bind(&device.officer.id)
                .fetch_all(&mut *tx)
                .await?;
                // The next `limit + 1` changes, each with the bytes of the bodies up to and
                // including it (`upto`) and how many there are (`n`); only those that begin
                // within `max_bytes` leave the database (the first always does).
                let rows = sqlx::query(
                    "SELECT kind, id, nominal_id, body, seq, upto, n FROM (SELECT kind, id, nominal_id, body, seq, SUM(octet_length(body)) OVER (ORDER BY seq) AS upto, octet_length(body) AS size, COUNT(*) OVER () AS n FROM (SELECT r.kind, r.id, r.nominal_id, r.body, r.seq FROM records r JOIN assignments a ON a.nominal_id = r.nominal_id WHERE a.officer_id = $1 AND r.seq > $2 ORDER BY r.seq LIMIT $3) next_changes) sized WHERE upto - size <= $4 ORDER BY seq",
                )
                .bind(&device.officer.id)
                .bind(since)
                .bind(limit.saturating_add(1))
                .bind(max_bytes)
                .fetch_all(&mut *tx)
                .await?;
                let mut records = Vec::new();
                let mut position = since;
                let mut found: i64 = 0;
                for r in &rows {
                    found = r.try_get(6)?;
                    let upto: i64 = r.try_get(5)?;
                    let taken = records.len() as i64;
                    if taken >= limit || (taken > 0 && upto > max_bytes) {
                        break;
                    }
                    records.push(stored_record(r)?);
                    position = r.try_get(4)?;
                }
                // Changes after this page: pull again at once.
                let more = found > records.len() as i64;
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
                Ok(sqlx::query_as("SELECT uuid, officer_id, reason FROM rejected_entries ORDER BY uuid, officer_id")
                    .fetch_all(&self.pool)
                    .await?)
            }
        });
    };
}
