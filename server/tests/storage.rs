//! The storage rules (schema, one-time codes, devices, imports, the audit log), the same tests
//! on SQLite and on a real PostgreSQL server. The sync rules are in `sync.rs`.

#[macro_use]
mod common;

use common::*;
use scpo_server::secrets;
use scpo_server::storage::{Redeemed, StorageError};
use serde_json::json;

async fn migrations_apply_and_a_newer_schema_refuses_to_start(b: Backend) {
    let db = fresh(b).await;
    let id = db.storage.database_id().await.unwrap();
    assert_eq!(id.len(), 16);
    // Opening again applies nothing new and keeps the database id.
    let again = scpo_server::open_storage(db.url.as_deref(), &db.dir)
        .await
        .unwrap();
    assert_eq!(again.database_id().await.unwrap(), id);
    drop(again);
    // A schema from a newer binary: refuse, with the reason.
    let sql = "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99999999, 'from the future', CURRENT_TIMESTAMP, TRUE, X'00', 0)";
    match b {
        Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&format!(
                "sqlite://{}",
                db.dir.join("scpo.sqlite").display()
            ))
            .await
            .unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(db.url.as_deref().unwrap())
                .await
                .unwrap();
            sqlx::query(&sql.replace("X'00'", "'\\x00'::bytea"))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
    }
    match scpo_server::open_storage(db.url.as_deref(), &db.dir).await {
        Err(StorageError::SchemaTooNew { database, .. }) => assert_eq!(database, 99999999),
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
}

async fn an_enrolment_code_works_once_and_not_after_15_minutes(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let code = scpo_server::new_enrolment_code(s, "PC-DEMO-02", at(0))
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let redeem = |cred: &'static str, dev: &'static str, now| {
        let (id, secret) = (id.clone(), secret.clone());
        async move {
            s.redeem_enrolment_code(
                &id,
                &secrets::hash(&secret),
                &secrets::hash(cred),
                dev,
                "",
                now,
                5,
            )
            .await
            .unwrap()
        }
    };
    match redeem("cred-1", "D-1", at(14)).await {
        Redeemed::Enrolled { officer, device_id } => {
            assert_eq!(officer.id, "PC-DEMO-02");
            assert_eq!(device_id, "D-1");
        }
        other => panic!("{other:?}"),
    }
    // Single use.
    assert_eq!(redeem("cred-2", "D-2", at(14)).await, Redeemed::Invalid);
    // Expired after 15 minutes.
    let late = scpo_server::new_enrolment_code(s, "PC-DEMO-02", at(0))
        .await
        .unwrap();
    let (lid, lsecret) = secrets::parse_enrolment_code(&late).unwrap();
    let r = s
        .redeem_enrolment_code(
            &lid,
            &secrets::hash(&lsecret),
            &secrets::hash("c3"),
            "D-3",
            "",
            at(15),
            5,
        )
        .await
        .unwrap();
    assert_eq!(r, Redeemed::Invalid);
    assert!(s
        .device_by_credential(&secrets::hash("cred-2"))
        .await
        .unwrap()
        .is_none());
}

async fn five_wrong_secrets_burn_a_code(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let code = scpo_server::new_enrolment_code(s, "PC-DEMO-01", at(0))
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    for i in 0..5 {
        let r = s
            .redeem_enrolment_code(
                &id,
                &secrets::hash("WRNG"),
                &secrets::hash(&format!("c{i}")),
                &format!("D-{i}"),
                "",
                at(1),
                5,
            )
            .await
            .unwrap();
        assert_eq!(r, Redeemed::Invalid);
    }
    // The right secret no longer works.
    let r = s
        .redeem_enrolment_code(
            &id,
            &secrets::hash(&secret),
            &secrets::hash("ok"),
            "D-ok",
            "",
            at(2),
            5,
        )
        .await
        .unwrap();
    assert_eq!(r, Redeemed::Invalid);
}

async fn the_audit_log_records_consultation_and_creation_and_cannot_be_changed(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    s.pull(&one, 0, 10_000, at(2)).await.unwrap();
    push(
        s,
        &one,
        &entry("u-a", "contact", contact("K-a", "N-0003", "PC-DEMO-01")),
        at(3),
    )
    .await;
    let log = s.audit_since(at(2)).await.unwrap();
    assert!(log.iter().any(|e| e.action == "consulted"
        && e.nominal_id.as_deref() == Some("N-0004")
        && e.device_id.as_deref() == Some(one.id.as_str())));
    assert!(log
        .iter()
        .any(|e| e.action == "created" && e.record_id == "K-a" && e.actor == "PC-DEMO-01"));
    // No personal data in the log: ids only.
    assert!(log.iter().all(|e| !e.record_id.contains("Marrowby")));
    let tamper = "UPDATE audit_log SET actor = 'someone' WHERE seq = 1";
    let delete = "DELETE FROM audit_log";
    match b {
        Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&format!(
                "sqlite://{}",
                db.dir.join("scpo.sqlite").display()
            ))
            .await
            .unwrap();
            assert!(sqlx::query(tamper).execute(&pool).await.is_err());
            assert!(sqlx::query(delete).execute(&pool).await.is_err());
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(db.url.as_deref().unwrap())
                .await
                .unwrap();
            assert!(sqlx::query(tamper).execute(&pool).await.is_err());
            assert!(sqlx::query(delete).execute(&pool).await.is_err());
        }
    }
}

async fn a_revoked_device_is_known_as_revoked(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, credential) = enrol(s, "PC-DEMO-01").await;
    assert!(s.revoke_device(&one.id, at(3)).await.unwrap());
    let d = s
        .device_by_credential(&secrets::hash(&credential))
        .await
        .unwrap()
        .unwrap();
    assert!(d.revoked);
    assert!(!s.revoke_device("D-nope", at(3)).await.unwrap());
}

async fn an_import_with_a_problem_changes_nothing(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let before = s.position().await.unwrap();
    let mut v: serde_json::Value =
        serde_json::to_value(scpo_field::domain::cohort::demo::demo_cohort(today())).unwrap();
    v["nominals"][0]["given_name"] = json!("Changed");
    v["conditions"][0]["notification"] = json!({"kind": "new_phone", "deadline": {"rule": "within_days_after", "days": 4294967295u32}});
    let err = scpo_server::import_cohort(
        s,
        scpo_server::DEMO_UNIT,
        &v.to_string(),
        None,
        "test",
        at(5),
    )
    .await
    .unwrap_err();
    assert!(
        err.iter()
            .any(|p| p.starts_with("conditions[0].notification.deadline.days")),
        "{err:?}"
    );
    assert_eq!(s.position().await.unwrap(), before);
    // Without the problem the change applies: one nominal altered.
    v["conditions"][0]["notification"] = serde_json::Value::Null;
    let counts = scpo_server::import_cohort(
        s,
        scpo_server::DEMO_UNIT,
        &v.to_string(),
        None,
        "test",
        at(6),
    )
    .await
    .unwrap();
    assert_eq!((counts.created, counts.altered), (0, 1));
}

async fn one_unit_s_import_cannot_change_another_unit_s_records(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    s.add_unit("U-OTHER", "Another unit").await.unwrap();
    let before = s.position().await.unwrap();
    let mut v: serde_json::Value =
        serde_json::to_value(scpo_field::domain::cohort::demo::demo_cohort(today())).unwrap();
    v["nominals"][0]["given_name"] = json!("Overwritten");
    let err = scpo_server::import_cohort(s, "U-OTHER", &v.to_string(), None, "test", at(5))
        .await
        .unwrap_err();
    assert!(
        err[0].contains("is held for another unit (U-DEMO); nothing was imported"),
        "{err:?}"
    );
    assert_eq!(s.position().await.unwrap(), before);
    let n = s.records_of_nominal("N-0001").await.unwrap();
    assert!(n
        .iter()
        .any(|r| r.kind == "nominal" && r.record["given_name"] == "Corvin"));
}

async fn a_unit_s_records_and_assignments_are_its_own(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    s.add_unit("U-OTHER", "Another unit").await.unwrap();
    let mut other = scpo_field::domain::cohort::demo::demo_cohort(today());
    other.nominals.truncate(1);
    let n = &mut other.nominals[0];
    n.id = "N-9001".into();
    other.orders.retain(|o| o.nominal_id == "N-0001");
    other.contact_plans.retain(|p| p.nominal_id == "N-0001");
    let order_ids: Vec<String> = other.orders.iter().map(|o| o.id.clone()).collect();
    other.conditions.retain(|c| order_ids.contains(&c.order_id));
    for o in &mut other.orders {
        o.nominal_id = "N-9001".into();
        o.id = format!("{}-X", o.id);
    }
    for c in &mut other.conditions {
        c.order_id = format!("{}-X", c.order_id);
        c.id = format!("{}-X", c.id);
    }
    for p in &mut other.contact_plans {
        p.nominal_id = "N-9001".into();
    }
    other.contacts.clear();
    other.notifications.clear();
    other.briefings.clear();
    other.breach_reports.clear();
    other.schedules.clear();
    scpo_server::import_cohort(s, "U-OTHER", &other.to_json(), Some(vec![]), "test", at(5))
        .await
        .unwrap();

    let demo = s.unit_records("U-DEMO").await.unwrap();
    assert!(demo.iter().any(|r| r.kind == "nominal" && r.id == "N-0001"));
    assert!(demo.iter().all(|r| r.nominal_id != "N-9001"));
    let theirs = s.unit_records("U-OTHER").await.unwrap();
    assert!(
        theirs.iter().all(|r| r.nominal_id == "N-9001"),
        "{theirs:?}"
    );
    assert!(theirs.iter().any(|r| r.kind == "nominal"));

    let assigned = s.unit_assignments("U-DEMO").await.unwrap();
    assert_eq!(assigned.len(), 12);
    assert!(assigned.contains(&("N-0005".to_string(), "PC-DEMO-02".to_string())));
    assert!(s.unit_assignments("U-OTHER").await.unwrap().is_empty());
}

on_both_backends!(
    migrations_apply_and_a_newer_schema_refuses_to_start,
    an_enrolment_code_works_once_and_not_after_15_minutes,
    five_wrong_secrets_burn_a_code,
    the_audit_log_records_consultation_and_creation_and_cannot_be_changed,
    a_revoked_device_is_known_as_revoked,
    an_import_with_a_problem_changes_nothing,
    one_unit_s_import_cannot_change_another_unit_s_records,
    a_unit_s_records_and_assignments_are_its_own,
);
