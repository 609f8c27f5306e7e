//! The two backends. SQLite and PostgreSQL share every statement (sqlx binds `$1`-style
//! parameters on both), so one body of code, expanded once per backend by `storage_impl!` from
//! its parts (the team, the records, sync and the audit log: a file each), implements
//! [`Storage`] for each with its own typed pool. They differ only in how they connect,
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

#[macro_use]
mod audit;
#[macro_use]
mod limits;
#[macro_use]
mod photos;
#[macro_use]
mod records;
#[macro_use]
mod sync;
#[macro_use]
mod team;
#[macro_use]
mod team_admin;
#[macro_use]
mod unit_position;
#[macro_use]
mod upkeep;
#[macro_use]
mod versions;

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

/// The answer to an entry whose UUID was used already for another record: by another officer
/// (whose answer is theirs alone), or by the same officer for another entry.
const USED_ELSEWHERE: &str =
    "This entry id was already used for another record, so this one was not stored: make a new entry";

/// What the server holds of a pushed entry's UUID for the officer pushing it.
enum Seen {
    /// Nothing: the entry is new.
    New,
    /// The officer's entry under it was answered already: this answer again.
    Answer(EntryResult),
    /// Another officer's entry has it: this one is rejected, and kept under this officer.
    UsedElsewhere,
}

/// A new entry as `record_processed` keeps it: its UUID, kind and record id (`unreadable` and
/// none for an entry that could not be read), the whole entry as received and its SHA-256.
struct Processed<'a> {
    uuid: &'a str,
    kind: &'a str,
    record_id: &'a str,
    raw: &'a str,
    sha: &'a str,
}

/// Canonical JSON of a record (serde_json sorts object keys), so equal records compare equal.
pub fn canonical(v: &serde_json::Value) -> String {
    v.to_string()
}

/// Implements [`Storage`] for a backend (`$ty`, its pool, `$db`, its sqlx database) from the
/// parts of the storage, one file each: [`team`], [`records`], [`sync`] and [`audit`]. Each part's
/// macro adds its inherent helpers to `$ty`, then passes the trait methods gathered so far, with
/// its own, to the next macro named in the list; the last, `impl_storage!`, makes the one
/// `impl Storage` (`async_trait` must see every method in one block). The parts' code is
/// expanded here, so the names it uses are the ones imported by this module.
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
        }

        upkeep_impl!($ty, $db);
        limits_impl!($ty, $db);
        photos_impl!($ty, $db);
        versions_impl!($ty, $db);
        team_admin_impl!($ty, $db);
        unit_position_impl!($ty, $db);

        team_methods!($ty, $db, [record_methods, sync_methods, audit_methods, impl_storage], {
            async fn database_id(&self) -> StorageResult<String> {
                Ok(sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'database_id'")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn secret(&self, name: &str) -> StorageResult<String> {
                let key = format!("secret:{name}");
                let read = || {
                    sqlx::query_scalar::<_, String>("SELECT value FROM server_meta WHERE key = $1")
                        .bind(key.clone())
                };
                if let Some(value) = read().fetch_optional(&self.pool).await? {
                    return Ok(value);
                }
                // The first server to ask makes it; any other asking at once reads that one.
                sqlx::query("INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
                    .bind(&key)
                    .bind(random_id(32))
                    .execute(&self.pool)
                    .await?;
                Ok(read().fetch_one(&self.pool).await?)
            }
        });
    };
}

/// The last step of `storage_impl!`: every method gathered, in one `impl Storage`.
macro_rules! impl_storage {
    ($ty:ident, $db:ty, [], { $($methods:tt)* }) => {
        #[async_trait]
        impl Storage for $ty {
            $($methods)*
        }
    };
}

/// An officer from a row of `id, unit_id, name, role, keeps_cohort`.
fn officer_row<R: Row>(r: &R) -> StorageResult<Officer>
where
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> bool: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    usize: sqlx::ColumnIndex<R>,
{
    Ok(Officer {
        id: r.try_get(0)?,
        unit_id: r.try_get(1)?,
        name: r.try_get(2)?,
        role: role_of(&r.try_get::<String, _>(3)?),
        keeps_cohort: r.try_get(4)?,
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

/// One audit line, from a row of `seq, at, actor, device_id, action, record_kind, record_id,
/// nominal_id` (the columns both audit queries select, in that order).
fn audit_entry<R: Row>(r: &R) -> StorageResult<AuditEntry>
where
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database>,
    usize: sqlx::ColumnIndex<R>,
{
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
}

storage_impl!(SqliteStorage, Sqlite);
storage_impl!(PostgresStorage, Postgres);
