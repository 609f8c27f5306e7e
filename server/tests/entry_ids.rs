//! An outbox entry's UUID is remembered per officer (PROTOCOL.md, Push), on both backends: the
//! same officer's phones re-sending an entry get its first answer, another officer's use of the
//! same UUID gets a rejection of its own (never the first officer's answer, never "accepted"
//! for a record not stored), and entries processed before the upgrade keep their officer.

#[macro_use]
mod common;

use std::path::Path;

use common::*;
use scpo_server::storage::{EntryResult, EntryStatus, Storage};
use serde_json::Value;

/// The start of the words a reused entry id is rejected with.
const USED: &str = "This entry id was already used for another record";

fn rejected_as_used(r: &EntryResult) -> bool {
    r.status == EntryStatus::Rejected && r.reason.as_deref().is_some_and(|w| w.starts_with(USED))
}

async fn holds(s: &dyn Storage, nominal: &str, id: &str) -> bool {
    s.records_of_nominal(nominal)
        .await
        .unwrap()
        .iter()
        .any(|r| r.id == id)
}

async fn another_officer_s_reuse_of_an_entry_id_gets_its_own_rejection(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (a1, _) = enrol(s, "PC-DEMO-01").await;
    let (a2, _) = enrol(s, "PC-DEMO-01").await;
    let (b1, _) = enrol(s, "PC-DEMO-02").await;
    let (b2, _) = enrol(s, "PC-DEMO-02").await;

    // A's entry u-1 is accepted; B's phone then pushes its own record under u-1.
    let a_entry = entry("u-1", "contact", contact("K-a", "N-0001", "PC-DEMO-01"));
    assert_eq!(
        push(s, &a1, &a_entry, at(5)).await.status,
        EntryStatus::Accepted
    );
    let b_entry = entry("u-1", "contact", contact("K-b", "N-0005", "PC-DEMO-02"));
    let r = push(s, &b1, &b_entry, at(6)).await;
    assert!(rejected_as_used(&r), "{r:?}");
    assert_eq!(r.uuid, "u-1");
    assert!(!holds(s, "N-0005", "K-b").await);
    // Each officer's second phone re-sending gets that officer's own first answer.
    assert_eq!(push(s, &b2, &b_entry, at(7)).await, r);
    assert_eq!(
        push(s, &a2, &a_entry, at(7)).await.status,
        EntryStatus::Accepted
    );
    assert!(holds(s, "N-0001", "K-a").await);

    // A's rejected entry u-2 (about B's nominal): its reason never reaches B.
    let a_bad = entry("u-2", "contact", contact("K-c", "N-0005", "PC-DEMO-01"));
    let ra = push(s, &a1, &a_bad, at(8)).await;
    assert_eq!(
        ra.reason.as_deref(),
        Some("This nominal is not assigned to you")
    );
    let b_good = entry("u-2", "contact", contact("K-d", "N-0005", "PC-DEMO-02"));
    let rb = push(s, &b1, &b_good, at(9)).await;
    assert!(rejected_as_used(&rb), "{rb:?}");
    assert!(!holds(s, "N-0005", "K-d").await);

    // Both officers' rejections are kept for the supervisor, each under its own officer.
    let mut rejected = s.rejected().await.unwrap();
    rejected.sort();
    let who: Vec<(&str, &str)> = rejected
        .iter()
        .map(|(u, o, _)| (u.as_str(), o.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("u-1", "PC-DEMO-02"),
            ("u-2", "PC-DEMO-01"),
            ("u-2", "PC-DEMO-02")
        ]
    );
    // B's own record under a new UUID is accepted as usual.
    let fresh = entry("u-3", "contact", contact("K-b", "N-0005", "PC-DEMO-02"));
    assert_eq!(
        push(s, &b1, &fresh, at(10)).await.status,
        EntryStatus::Accepted
    );
}

async fn an_officer_s_entry_id_used_again_for_another_record_is_never_accepted(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let (two, _) = enrol(s, "PC-DEMO-01").await;
    let first = entry("u-9", "contact", contact("K-e", "N-0001", "PC-DEMO-01"));
    assert_eq!(
        push(s, &one, &first, at(5)).await.status,
        EntryStatus::Accepted
    );
    // Another record under the same UUID (a phone restored from an old copy, say).
    let other = entry("u-9", "contact", contact("K-f", "N-0002", "PC-DEMO-01"));
    let r = push(s, &two, &other, at(6)).await;
    assert!(rejected_as_used(&r), "{r:?}");
    assert!(!holds(s, "N-0002", "K-f").await);
    // The first entry again still gets its first answer.
    assert_eq!(
        push(s, &two, &first, at(7)).await.status,
        EntryStatus::Accepted
    );
}

/// Where a test database is: SQLite's folder, or PostgreSQL's URL.
struct Place {
    dir: std::path::PathBuf,
    url: Option<String>,
}

/// Run the backend's migrations up to `last` on the database (as a server of that schema did).
async fn migrate_to(b: Backend, db: &Place, last: i64) {
    let dir = match b {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(dir);
    let mut m = sqlx::migrate::Migrator::new(path).await.unwrap();
    let upto: Vec<_> = m
        .migrations
        .iter()
        .filter(|m| m.version <= last)
        .cloned()
        .collect();
    m.migrations = upto.into();
    match b {
        Backend::Sqlite => {
            let pool = sqlite_pool(db).await;
            m.run(&pool).await.unwrap();
            pool.close().await;
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(db.url.as_deref().unwrap())
                .await
                .unwrap();
            m.run(&pool).await.unwrap();
            pool.close().await;
        }
    }
}

async fn sqlite_pool(db: &Place) -> sqlx::SqlitePool {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db.dir.join("scpo.sqlite"))
        .create_if_missing(true)
        .foreign_keys(true);
    sqlx::SqlitePool::connect_with(options).await.unwrap()
}

/// Rows as a server before per-officer entries kept them: two officers' phones, an accepted
/// entry of A's and a rejected one of B's.
const OLD_ROWS: [&str; 8] = [
    "INSERT INTO units (id, name) VALUES ('U-1', 'Unit one')",
    "INSERT INTO officers (id, unit_id, name, role, created_at) VALUES ('PC-A', 'U-1', 'PC A', 'officer', 0)",
    "INSERT INTO officers (id, unit_id, name, role, created_at) VALUES ('PC-B', 'U-1', 'PC B', 'officer', 0)",
    "INSERT INTO devices (id, officer_id, credential_hash, label, enrolled_at) VALUES ('D-A', 'PC-A', 'hash-a', 'A', 0)",
    "INSERT INTO devices (id, officer_id, credential_hash, label, enrolled_at) VALUES ('D-B', 'PC-B', 'hash-b', 'B', 0)",
    "INSERT INTO processed_entries (uuid, device_id, kind, record_id, accepted, reason, received_at) VALUES ('old-a', 'D-A', 'contact', 'K-old-a', TRUE, NULL, 1)",
    "INSERT INTO processed_entries (uuid, device_id, kind, record_id, accepted, reason, received_at) VALUES ('old-b', 'D-B', 'contact', 'K-old-b', FALSE, 'This nominal is not assigned to you', 2)",
    "INSERT INTO rejected_entries (uuid, officer_id, body, reason) VALUES ('old-b', 'PC-B', '{}', 'This nominal is not assigned to you')",
];

async fn entries_processed_before_the_upgrade_keep_their_officer(b: Backend) {
    let db = Place {
        dir: temp_dir("old"),
        url: match b {
            Backend::Sqlite => None,
            Backend::Postgres => Some(fresh_postgres_url().await),
        },
    };
    migrate_to(b, &db, 6).await;
    match b {
        Backend::Sqlite => {
            let pool = sqlite_pool(&db).await;
            for sql in OLD_ROWS {
                sqlx::query(sql).execute(&pool).await.unwrap();
            }
            pool.close().await;
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(db.url.as_deref().unwrap())
                .await
                .unwrap();
            for sql in OLD_ROWS {
                sqlx::query(sql).execute(&pool).await.unwrap();
            }
            pool.close().await;
        }
    }
    // This server opens it: the rest of the migrations apply, keeping every row.
    let s = scpo_server::open_storage(db.url.as_deref(), &db.dir)
        .await
        .unwrap();
    let s = s.as_ref();
    let (a2, _) = enrol(s, "PC-A").await;
    let (b2, _) = enrol(s, "PC-B").await;
    let resend = |uuid: &str, officer: &str| -> Value {
        entry(uuid, "contact", contact("K-new", "N-1", officer))
    };
    // Each officer's old entry answers that officer's phones as before (a row from before
    // the upgrade does not say what the entry held, so its first answer is trusted)...
    let ra = push(s, &a2, &resend("old-a", "PC-A"), at(30)).await;
    assert_eq!(ra.status, EntryStatus::Accepted, "{ra:?}");
    let rb = push(s, &b2, &resend("old-b", "PC-B"), at(30)).await;
    assert_eq!(
        rb.reason.as_deref(),
        Some("This nominal is not assigned to you")
    );
    // ... and never the other officer's.
    assert!(rejected_as_used(
        &push(s, &b2, &resend("old-a", "PC-B"), at(30)).await
    ));
    assert!(rejected_as_used(
        &push(s, &a2, &resend("old-b", "PC-A"), at(30)).await
    ));
    // Kept for the supervisor under the officer who sent each.
    let mut rejected = s.rejected().await.unwrap();
    rejected.sort();
    let who: Vec<(&str, &str, bool)> = rejected
        .iter()
        .map(|(u, o, why)| (u.as_str(), o.as_str(), why.starts_with(USED)))
        .collect();
    assert_eq!(
        who,
        [
            ("old-a", "PC-B", true),
            ("old-b", "PC-A", true),
            ("old-b", "PC-B", false)
        ]
    );
}

on_both_backends!(
    another_officer_s_reuse_of_an_entry_id_gets_its_own_rejection,
    an_officer_s_entry_id_used_again_for_another_record_is_never_accepted,
    entries_processed_before_the_upgrade_keep_their_officer,
);
