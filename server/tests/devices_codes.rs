//! The devices page's one-time code, on both backends: the code and its audit line are kept in
//! one transaction. When the audit line cannot be written (the audit table refuses it, as a
//! full disk or a broken connection would), no code is left issued and none is shown; when it
//! can, both are there.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use upkeep_support::*;

/// The test database, opened directly (beside the server's own pool).
enum Raw {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl Raw {
    async fn open(d: &Desk) -> Self {
        match &d.db.url {
            None => {
                let file = format!("sqlite://{}", d.db.dir.join("scpo.sqlite").display());
                Raw::Sqlite(sqlx::SqlitePool::connect(&file).await.unwrap())
            }
            Some(u) => Raw::Postgres(sqlx::PgPool::connect(u).await.unwrap()),
        }
    }

    /// From now on every insert into the audit log fails.
    async fn refuse_audit(&self) {
        match self {
            Raw::Sqlite(p) => {
                sqlx::raw_sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
                    .execute(p)
                    .await
                    .unwrap();
            }
            Raw::Postgres(p) => {
                sqlx::raw_sql("CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()")
                    .execute(p)
                    .await
                    .unwrap();
            }
        }
    }

    async fn count(&self, sql: &str) -> i64 {
        match self {
            Raw::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
            Raw::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        }
    }

    async fn codes(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM enrolment_codes WHERE officer_id = 'PC-DEMO-02'")
            .await
    }

    async fn code_audits(&self) -> i64 {
        self.count(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'created' AND record_kind = 'enrolment_code'",
        )
        .await
    }
}

const ENROL: &str = "/supervise/devices/enrol";

async fn a_code_whose_audit_line_fails_is_not_issued(b: Backend) {
    let d = desk(b).await;
    let raw = Raw::open(&d).await;
    assert_eq!(raw.codes().await, 0);
    raw.refuse_audit().await;
    let form = [("csrf", "the-csrf"), ("officer", "PC-DEMO-02")];
    let r = d.post(ENROL, Some("ds-token"), &form).await;
    assert_eq!(r.status(), 503);
    let page = r.text().await.unwrap();
    assert!(!page.contains("id=\"code\""), "{page}");
    assert_eq!(raw.codes().await, 0, "a code was left issued");
}

async fn a_code_made_is_kept_with_its_audit_line(b: Backend) {
    let d = desk(b).await;
    let raw = Raw::open(&d).await;
    let form = [("csrf", "the-csrf"), ("officer", "PC-DEMO-02")];
    let r = d.post(ENROL, Some("ds-token"), &form).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("id=\"code\""));
    assert_eq!(raw.codes().await, 1);
    assert_eq!(raw.code_audits().await, 1);
}

on_both_backends!(
    a_code_whose_audit_line_fails_is_not_issued,
    a_code_made_is_kept_with_its_audit_line,
);
