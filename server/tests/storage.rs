//! The storage and sync rules, the same tests on SQLite and on a real PostgreSQL server.

#[macro_use]
mod common;

use common::*;
use scpo_server::storage::{EntryStatus, Redeemed, StorageError};
use scpo_server::{secrets, sync};
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

async fn a_push_is_applied_exactly_once_however_often_it_is_retried(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let before = s.count_records("contact").await.unwrap();
    let e = entry("u-1", "contact", contact("K-new-1", "N-0001", "PC-DEMO-01"));
    let first = push(s, &phone, &e, at(5)).await;
    assert_eq!(first.status, EntryStatus::Accepted, "{first:?}");
    for _ in 0..3 {
        assert_eq!(push(s, &phone, &e, at(6)).await, first);
    }
    assert_eq!(s.count_records("contact").await.unwrap(), before + 1);
    // The same record under another UUID (an export imported by hand, say) is not doubled.
    let again = entry("u-2", "contact", contact("K-new-1", "N-0001", "PC-DEMO-01"));
    assert_eq!(
        push(s, &phone, &again, at(7)).await.status,
        EntryStatus::Accepted
    );
    assert_eq!(s.count_records("contact").await.unwrap(), before + 1);
}

async fn an_officer_cannot_write_about_a_nominal_not_assigned_to_them(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    // N-0005 belongs to PC-DEMO-02.
    let e = entry("u-x", "contact", contact("K-x", "N-0005", "PC-DEMO-01"));
    let r = push(s, &phone, &e, at(5)).await;
    assert_eq!(r.status, EntryStatus::Rejected);
    assert_eq!(
        r.reason.as_deref(),
        Some("This nominal is not assigned to you")
    );
    // Nor claim to be another officer.
    let e = entry("u-y", "contact", contact("K-y", "N-0001", "PC-DEMO-02"));
    let r = push(s, &phone, &e, at(5)).await;
    assert_eq!(r.status, EntryStatus::Rejected);
    // Nothing stored, both kept for the supervisor.
    assert!(s
        .records_of_nominal("N-0005")
        .await
        .unwrap()
        .iter()
        .all(|r| r.id != "K-x"));
    let rejected = s.rejected().await.unwrap();
    assert_eq!(rejected.len(), 2);
    assert!(rejected
        .iter()
        .all(|(_, officer, _)| officer == "PC-DEMO-01"));
}

async fn a_breach_report_about_another_nominal_s_condition_is_rejected_by_the_domain(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    let demo = scpo_field::domain::demo::demo_cohort(today());
    let mut report = demo.breach_reports[0].clone();
    // Made as if by PC-DEMO-01 about their own N-0002, but naming N-0001's condition.
    report.id = "BR-test".into();
    report.condition_ids = vec!["C-0001-05".into()];
    let r = push(
        s,
        &phone,
        &entry(
            "u-br",
            "breach_report",
            serde_json::to_value(&report).unwrap(),
        ),
        at(5),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Rejected);
    let reason = r.reason.unwrap();
    // Judged on the nominal's own records only: another nominal's condition is simply unknown.
    assert!(
        reason.ends_with("condition_ids[0]: no condition has the id \"C-0001-05\""),
        "{reason}"
    );
    report.condition_ids = vec!["C-0002-05".into()];
    let r = push(
        s,
        &phone,
        &entry(
            "u-br2",
            "breach_report",
            serde_json::to_value(&report).unwrap(),
        ),
        at(6),
    )
    .await;
    assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
}

async fn a_pull_brings_only_the_officer_s_nominals_and_follows_a_reassignment(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let (two, _) = enrol(s, "PC-DEMO-02").await;
    let page = s.pull(&one, 0, 10_000, at(2)).await.unwrap();
    assert_eq!(page.in_scope, vec!["N-0001", "N-0002", "N-0003", "N-0004"]);
    assert!(page
        .records
        .iter()
        .all(|r| page.in_scope.contains(&r.nominal_id)));
    assert!(page.records.iter().any(|r| r.kind == "condition"));
    assert!(!page.more);
    let cursor = page.position;
    // Nothing new: an empty page at the same position.
    let empty = s.pull(&one, cursor, 10_000, at(3)).await.unwrap();
    assert!(empty.records.is_empty());
    assert_eq!(empty.position, cursor);
    // Another officer's record about N-0001 reaches officer one (after a reassignment there).
    s.assign("N-0005", "PC-DEMO-01", "test", at(4))
        .await
        .unwrap();
    let moved = s.pull(&one, cursor, 10_000, at(5)).await.unwrap();
    assert!(moved.in_scope.contains(&"N-0005".to_string()));
    let kinds: Vec<&str> = moved
        .records
        .iter()
        .filter(|r| r.nominal_id == "N-0005")
        .map(|r| r.kind.as_str())
        .collect();
    assert!(
        kinds.contains(&"nominal") && kinds.contains(&"order") && kinds.contains(&"condition"),
        "{kinds:?}"
    );
    let two_now = s.pull(&two, 0, 10_000, at(5)).await.unwrap();
    assert!(!two_now.in_scope.contains(&"N-0005".to_string()));
    assert!(two_now.records.iter().all(|r| r.nominal_id != "N-0005"));
}

async fn pages_follow_on_from_the_cursor_without_gaps_or_repeats(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let all = s.pull(&one, 0, 100_000, at(1)).await.unwrap().records;
    let mut seen = Vec::new();
    let mut cursor = 0;
    loop {
        let p = s.pull(&one, cursor, 7, at(2)).await.unwrap();
        assert!(p.records.len() <= 7);
        seen.extend(p.records);
        cursor = p.position;
        if !p.more {
            break;
        }
    }
    assert_eq!(seen, all);
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
        serde_json::to_value(scpo_field::domain::demo::demo_cohort(today())).unwrap();
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
        serde_json::to_value(scpo_field::domain::demo::demo_cohort(today())).unwrap();
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

async fn an_unreadable_entry_is_rejected_with_its_reason_and_kept(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let (one, _) = enrol(s, "PC-DEMO-01").await;
    let bad = entry("u-bad", "telegram", json!({"id": "X"}));
    let u = sync::read_entry(&bad).unwrap_err();
    assert!(u.reason.starts_with("Unknown kind \"telegram\""));
    let r = s
        .reject_unreadable(&one, &u.uuid, &bad.to_string(), &u.reason, at(2))
        .await
        .unwrap();
    assert_eq!(r.status, EntryStatus::Rejected);
    // Retried: the same answer, kept once.
    let again = s
        .reject_unreadable(&one, &u.uuid, &bad.to_string(), &u.reason, at(3))
        .await
        .unwrap();
    assert_eq!(again, r);
    assert_eq!(s.rejected().await.unwrap().len(), 1);
}

on_both_backends!(
    migrations_apply_and_a_newer_schema_refuses_to_start,
    an_enrolment_code_works_once_and_not_after_15_minutes,
    five_wrong_secrets_burn_a_code,
    a_push_is_applied_exactly_once_however_often_it_is_retried,
    an_officer_cannot_write_about_a_nominal_not_assigned_to_them,
    a_breach_report_about_another_nominal_s_condition_is_rejected_by_the_domain,
    a_pull_brings_only_the_officer_s_nominals_and_follows_a_reassignment,
    pages_follow_on_from_the_cursor_without_gaps_or_repeats,
    the_audit_log_records_consultation_and_creation_and_cannot_be_changed,
    a_revoked_device_is_known_as_revoked,
    an_import_with_a_problem_changes_nothing,
    an_unreadable_entry_is_rejected_with_its_reason_and_kept,
    one_unit_s_import_cannot_change_another_unit_s_records,
);
