//! The two backends. SQLite and PostgreSQL share every statement (sqlx binds `$1`-style
//! parameters on both), so one body of code, expanded once per backend by `storage_impl!`,
//! implements [`Storage`] for each with its own typed pool. They differ only in how they connect,
//! migrate and begin a write: SQLite begins `IMMEDIATE` (a read-then-write transaction takes the
//! write lock first, so it never fails to upgrade); PostgreSQL serialises writers on the one row
//! of `change_counter`.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, Row, Sqlite, Transaction};

use crate::secrets::random_id;
use crate::storage::*;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

fn latest_known(m: &Migrator) -> i64 {
    m.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The embedded SQLite backend: one file, WAL, `synchronous=FULL` (a committed transaction
/// survives `kill -9` and power loss), a 5-second busy timeout.
pub struct SqliteStorage {
    pool: SqlitePool,
}

/// The PostgreSQL backend (`DATABASE_URL=postgres://…`), for a force or a region on managed
/// PostgreSQL with replicas.
pub struct PostgresStorage {
    pool: PgPool,
}

impl SqliteStorage {
    /// Open (creating if missing) the database file at `path`, check its schema is not newer
    /// than this binary's and apply the migrations.
    pub async fn open(path: &std::path::Path) -> StorageResult<Self> {
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&pool)
                .await
                .unwrap_or(None);
        check_schema(version, &SQLITE_MIGRATIONS)?;
        SQLITE_MIGRATIONS
            .run(&pool)
            .await
            .map_err(StorageError::Migration)?;
        let s = Self { pool };
        s.ensure_database_id().await?;
        Ok(s)
    }

    async fn begin_write(&self) -> StorageResult<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

impl PostgresStorage {
    /// Connect to `url`, check the schema is not newer than this binary's and migrate.
    pub async fn open(url: &str) -> StorageResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        let exists: Option<String> =
            sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations')::text")
                .fetch_one(&pool)
                .await?;
        let version: Option<i64> = if exists.is_some() {
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&pool)
                .await?
        } else {
            None
        };
        check_schema(version, &POSTGRES_MIGRATIONS)?;
        POSTGRES_MIGRATIONS
            .run(&pool)
            .await
            .map_err(StorageError::Migration)?;
        let s = Self { pool };
        s.ensure_database_id().await?;
        Ok(s)
    }

    async fn begin_write(&self) -> StorageResult<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }
}

fn check_schema(version: Option<i64>, m: &Migrator) -> StorageResult<()> {
    let binary = latest_known(m);
    match version {
        Some(database) if database > binary => Err(StorageError::SchemaTooNew { database, binary }),
        _ => Ok(()),
    }
}

fn role_of(s: &str) -> Role {
    Role::parse(s).unwrap_or(Role::Officer)
}

/// Canonical JSON of a record (serde_json sorts object keys), so equal records compare equal.
pub fn canonical(v: &serde_json::Value) -> String {
    v.to_string()
}

macro_rules! storage_impl {
    ($ty:ident, $db:ty) => {
        impl $ty {
            async fn ensure_database_id(&self) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO server_meta (key, value) VALUES ('database_id', $1) ON CONFLICT (key) DO NOTHING",
                )
                .bind(random_id(8))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            /// The next change-log position. Takes the counter row's lock until commit.
            async fn bump(tx: &mut Transaction<'static, $db>) -> StorageResult<i64> {
                Ok(sqlx::query_scalar(
                    "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value",
                )
                .fetch_one(&mut **tx)
                .await?)
            }

            async fn audit_in(
                tx: &mut Transaction<'static, $db>,
                actor: &str,
                device_id: Option<&str>,
                action: &str,
                record_kind: &str,
                record_id: &str,
                nominal_id: Option<&str>,
                now: i64,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO audit_log (at, actor, device_id, action, record_kind, record_id, nominal_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(now)
                .bind(actor)
                .bind(device_id)
                .bind(action)
                .bind(record_kind)
                .bind(record_id)
                .bind(nominal_id)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            /// The nominal's records: all of them, or (`cohort_only`) its cohort data (nominal,
            /// orders, conditions, contact plan), which is what a new field record is judged
            /// against.
            async fn records_in(
                tx: &mut Transaction<'static, $db>,
                nominal_id: &str,
                cohort_only: bool,
            ) -> StorageResult<Vec<StoredRecord>> {
                let rows = sqlx::query(
                    "SELECT kind, id, nominal_id, body FROM records WHERE nominal_id = $1 AND (NOT $2 OR kind IN ('nominal', 'order', 'condition', 'contact_plan')) ORDER BY kind, id",
                )
                .bind(nominal_id)
                .bind(cohort_only)
                .fetch_all(&mut **tx)
                .await?;
                rows.iter().map(|r| stored_record(r)).collect()
            }

            /// Use up a one-time code: its officer, or `None` for an unknown, used, expired or
            /// burnt code, or a wrong secret (which counts against the code).
            async fn take_code_in(
                tx: &mut Transaction<'static, $db>,
                code_id: &str,
                secret_hash: &str,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<Option<Officer>> {
                let row = sqlx::query(
                    "SELECT c.secret_hash, c.expires_at, c.used_at, c.failed_attempts, o.id, o.unit_id, o.name, o.role FROM enrolment_codes c JOIN officers o ON o.id = c.officer_id WHERE c.code_id = $1",
                )
                .bind(code_id)
                .fetch_optional(&mut **tx)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let stored: String = row.try_get(0)?;
                let expires_at: i64 = row.try_get(1)?;
                let used_at: Option<i64> = row.try_get(2)?;
                let failures: i64 = row.try_get(3)?;
                if used_at.is_some() || expires_at <= now || failures >= max_failures {
                    return Ok(None);
                }
                if !crate::secrets::same(&stored, secret_hash) {
                    sqlx::query("UPDATE enrolment_codes SET failed_attempts = failed_attempts + 1 WHERE code_id = $1")
                        .bind(code_id)
                        .execute(&mut **tx)
                        .await?;
                    return Ok(None);
                }
                sqlx::query("UPDATE enrolment_codes SET used_at = $1 WHERE code_id = $2")
                    .bind(now)
                    .bind(code_id)
                    .execute(&mut **tx)
                    .await?;
                Ok(Some(Officer {
                    id: row.try_get(4)?,
                    unit_id: row.try_get(5)?,
                    name: row.try_get(6)?,
                    role: role_of(&row.try_get::<String, _>(7)?),
                }))
            }

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

        #[async_trait]
        impl Storage for $ty {
            async fn database_id(&self) -> StorageResult<String> {
                Ok(sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'database_id'")
                    .fetch_one(&self.pool)
                    .await?)
            }

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
                    "INSERT INTO officers (id, unit_id, name, role, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                )
                .bind(&o.id)
                .bind(&o.unit_id)
                .bind(&o.name)
                .bind(o.role.as_str())
                .bind(now)
                .execute(&self.pool)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StorageError::Conflict(format!("officer {} already exists", o.id)));
                }
                Ok(())
            }

            async fn officer(&self, id: &str) -> StorageResult<Option<Officer>> {
                let row = sqlx::query("SELECT id, unit_id, name, role FROM officers WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| officer_row(&r)).transpose()
            }

            async fn officers(&self) -> StorageResult<Vec<Officer>> {
                let rows = sqlx::query("SELECT id, unit_id, name, role FROM officers ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(|r| officer_row(r)).collect()
            }

            async fn add_enrolment_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                officer_id: &str,
                expires_at: i64,
            ) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO enrolment_codes (code_id, secret_hash, officer_id, expires_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(code_id)
                .bind(secret_hash)
                .bind(officer_id)
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
                let Some(officer) =
                    Self::take_code_in(&mut tx, code_id, secret_hash, now, max_failures).await?
                else {
                    // A wrong secret was counted against the code.
                    tx.commit().await?;
                    return Ok(Redeemed::Invalid);
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

            async fn device_by_credential(&self, credential_hash: &str) -> StorageResult<Option<Device>> {
                let row = sqlx::query(
                    "SELECT d.id, d.revoked_at, o.id, o.unit_id, o.name, o.role FROM devices d JOIN officers o ON o.id = d.officer_id WHERE d.credential_hash = $1",
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
                    "SELECT id, officer_id, label, enrolled_at, revoked_at, last_seen_at FROM devices ORDER BY enrolled_at, id",
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
                        })
                    })
                    .collect()
            }

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
                    let old: Option<(String, String)> =
                        sqlx::query_as("SELECT body, unit_id FROM records WHERE kind = $1 AND id = $2")
                            .bind(&r.kind)
                            .bind(&r.id)
                            .fetch_optional(&mut *tx)
                            .await?;
                    // A unit never changes another unit's records: ids are the sender's, so two
                    // units could use the same one. Refuse the whole import (nothing applied).
                    if let Some((_, unit)) = old.as_ref().filter(|(_, u)| u != unit_id) {
                        return Err(StorageError::Conflict(format!(
                            "{} {} is held for another unit ({unit}); nothing was imported",
                            r.kind, r.id
                        )));
                    }
                    let action = match old.map(|(b, _)| b) {
                        Some(b) if b == body => {
                            counts.unchanged += 1;
                            continue;
                        }
                        Some(_) => {
                            counts.altered += 1;
                            "altered"
                        }
                        None => {
                            counts.created += 1;
                            "created"
                        }
                    };
                    let seq = Self::bump(&mut tx).await?;
                    sqlx::query(
                        "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, seq = excluded.seq, nominal_id = excluded.nominal_id, unit_id = excluded.unit_id",
                    )
                    .bind(&r.kind)
                    .bind(&r.id)
                    .bind(unit_id)
                    .bind(&r.nominal_id)
                    .bind(&body)
                    .bind(seq)
                    .execute(&mut *tx)
                    .await?;
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
                    if known.is_none() {
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
                    let body = canonical(&entry.record);
                    let mut reason: Option<String> = if entry.record_officer_id != officer.id {
                        Some("The record names another officer than the one this phone is enrolled for".into())
                    } else if !assigned.contains(&entry.nominal_id) {
                        Some("This nominal is not assigned to you".into())
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

            async fn position(&self) -> StorageResult<i64> {
                Ok(sqlx::query_scalar("SELECT value FROM change_counter WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn take_code(
                &self,
                code_id: &str,
                secret_hash: &str,
                now: i64,
                max_failures: i64,
            ) -> StorageResult<Option<Officer>> {
                let mut tx = self.begin_write().await?;
                let officer = Self::take_code_in(&mut tx, code_id, secret_hash, now, max_failures).await?;
                tx.commit().await?;
                Ok(officer)
            }

            async fn add_passkey(&self, officer_id: &str, credential_id: &str, passkey: &str, now: i64) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO passkeys (credential_id, officer_id, passkey, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(credential_id)
                    .bind(officer_id)
                    .bind(passkey)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                Self::audit_in(&mut tx, officer_id, None, "created", "passkey", credential_id, None, now).await?;
                tx.commit().await?;
                Ok(())
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
                    "SELECT s.csrf, s.created_at, s.last_seen_at, s.ended_at, o.id, o.unit_id, o.name, o.role FROM sessions s JOIN officers o ON o.id = s.officer_id WHERE s.token_hash = $1",
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

            async fn audit_since(&self, since: i64) -> StorageResult<Vec<AuditEntry>> {
                let rows = sqlx::query(
                    "SELECT seq, at, actor, device_id, action, record_kind, record_id, nominal_id FROM audit_log WHERE at >= $1 ORDER BY seq",
                )
                .bind(since)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(AuditEntry {
                            seq: r.try_get(0)?,
                            at: r.try_get(1)?,
                            actor: r.try_get(2)?,
                            device_id: r.try_get(3)?,
                            action: r.try_get(4)?,
                            record_kind: r.try_get(5)?,
                            record_id: r.try_get(6)?,
                            nominal_id: r.try_get(7)?,
                        })
                    })
                    .collect()
            }

            async fn audit(
                &self,
                actor: &str,
                device_id: Option<&str>,
                action: &str,
                record_kind: &str,
                record_id: &str,
                nominal_id: Option<&str>,
                now: i64,
            ) -> StorageResult<()> {
                let mut tx = self.begin_write().await?;
                Self::audit_in(&mut tx, actor, device_id, action, record_kind, record_id, nominal_id, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn rejected(&self) -> StorageResult<Vec<(String, String, String)>> {
                Ok(sqlx::query_as("SELECT uuid, officer_id, reason FROM rejected_entries ORDER BY uuid")
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn count_records(&self, kind: &str) -> StorageResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE kind = $1")
                    .bind(kind)
                    .fetch_one(&self.pool)
                    .await?)
            }
        }
    };
}

fn officer_row<R: Row>(r: &R) -> StorageResult<Officer>
where
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    usize: sqlx::ColumnIndex<R>,
{
    Ok(Officer {
        id: r.try_get(0)?,
        unit_id: r.try_get(1)?,
        name: r.try_get(2)?,
        role: role_of(&r.try_get::<String, _>(3)?),
    })
}

fn stored_record<R: Row>(r: &R) -> StorageResult<StoredRecord>
where
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    usize: sqlx::ColumnIndex<R>,
{
    let body: String = r.try_get(3)?;
    Ok(StoredRecord {
        kind: r.try_get(0)?,
        id: r.try_get(1)?,
        nominal_id: r.try_get(2)?,
        record: serde_json::from_str(&body)
            .map_err(|e| StorageError::Database(sqlx::Error::Decode(Box::new(e))))?,
    })
}

storage_impl!(SqliteStorage, Sqlite);
storage_impl!(PostgresStorage, Postgres);
