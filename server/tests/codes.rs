//! One-time codes: each is made for one use, a phone's enrolment or a supervisor's passkey, and
//! only that ceremony takes it (the other refuses it and leaves it as it was); a passkey's code
//! is checked when registration starts and used up only with the passkey it registered, so a
//! cancelled or failed ceremony leaves it usable; wrong secrets still burn it; codes made before
//! their use was kept keep working where they were meant to. On both backends.

#[macro_use]
mod common;

use common::*;
use scpo_server::api::OTHER_USE_ON_PHONE;
use scpo_server::secrets;
use scpo_server::state::{AppState, CODE_MAX_FAILURES};
use scpo_server::storage::{CodeCheck, CodeUse, Redeemed, Storage};
use serde_json::{json, Value};

/// The HTTP server's clock is the real one.
fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

async fn register_start(http: &Http, code: &str) -> (u16, Value) {
    http.post_json("/supervise/api/register/start", json!({ "code": code }))
        .await
}

/// The start of a registration went through: a ceremony, and options to make a passkey.
fn started(answer: &(u16, Value)) -> bool {
    answer.0 == 200
        && answer.1["ceremony"].is_string()
        && answer.1["options"]["publicKey"]["challenge"].is_string()
}

const PHONE_CODE_AT_DESK: &str = "That code is for enrolling a phone, not for registering a passkey. Ask your administrator for a passkey code.";
const NOT_VALID: &str = "That code is not valid. Check it, or ask for a new one.";

async fn a_code_is_taken_only_by_the_ceremony_it_was_made_for(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let http = Http::start(AppState::new(db.storage.clone())).await;

    // A phone's code typed on the desk's passkey page: refused in words, and still the phone's.
    let phone = scpo_server::new_enrolment_code(s, "PC-DEMO-01", now())
        .await
        .unwrap();
    let (status, answer) = register_start(&http, &phone).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some(PHONE_CODE_AT_DESK))
    );
    let (status, enrolled) = http.post_json("/api/enrol", json!({ "code": phone })).await;
    assert_eq!(status, 200, "{enrolled}");
    assert_eq!(enrolled["officer"]["id"], "PC-DEMO-01");
    // A DS's phone code is no passkey code either.
    let ds_phone = scpo_server::new_enrolment_code(s, "DS-DEMO-01", now())
        .await
        .unwrap();
    assert_eq!(register_start(&http, &ds_phone).await.0, 400);

    // A passkey's code typed on a phone: refused in words, and still the desk's.
    let passkey = scpo_server::new_passkey_code(s, "DS-DEMO-01", now())
        .await
        .unwrap();
    let (status, answer) = http
        .post_json("/api/enrol", json!({ "code": passkey }))
        .await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some(OTHER_USE_ON_PHONE))
    );
    assert!(started(&register_start(&http, &passkey).await));
    assert_eq!(s.devices().await.unwrap().len(), 1, "only the PC's phone");

    // An offender manager gets a passkey's code too (they sign in at the desk); nobody else.
    let officer = scpo_server::new_passkey_code(s, "PC-DEMO-01", now())
        .await
        .unwrap();
    assert!(started(&register_start(&http, &officer).await));
    assert!(scpo_server::new_passkey_code(s, "NOBODY", now())
        .await
        .is_err());
}

async fn a_passkey_code_outlives_a_cancelled_or_failed_registration(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let http = Http::start(AppState::new(db.storage.clone())).await;
    let code = scpo_server::new_passkey_code(s, "DS-DEMO-01", now())
        .await
        .unwrap();
    // The browser's prompt is cancelled: the ceremony is never finished. The code still works.
    let first = register_start(&http, &code).await;
    assert!(started(&first), "{first:?}");
    let second = register_start(&http, &code).await;
    assert!(
        started(&second),
        "the retry after a cancelled prompt: {second:?}"
    );
    // A ceremony that ends with something that is no passkey: refused, and the code still works.
    let (status, answer) = http
        .post_json(
            "/supervise/api/register/finish",
            json!({
                "ceremony": second.1["ceremony"],
                "credential": {
                    "id": "AAAA", "rawId": "AAAA", "type": "public-key", "extensions": {},
                    "response": {"attestationObject": "AAAA", "clientDataJSON": "AAAA"},
                },
            }),
        )
        .await;
    assert_eq!(status, 400, "{answer}");
    assert!(answer["error"]
        .as_str()
        .unwrap()
        .contains("Your code still works until it expires"));
    assert!(started(&register_start(&http, &code).await));
    assert!(s.passkeys_of("DS-DEMO-01").await.unwrap().is_empty());

    // Wrong secrets still count against a code: the fifth burns it.
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let wrong = if secret == "ZZZZ" { "YYYY" } else { "ZZZZ" };
    for n in 1..=CODE_MAX_FAILURES {
        let (status, answer) = register_start(&http, &format!("{id}-{wrong}")).await;
        assert_eq!((status, answer["error"].as_str()), (400, Some(NOT_VALID)));
        if n < CODE_MAX_FAILURES {
            assert!(started(&register_start(&http, &code).await), "after {n}");
        }
    }
    let (status, answer) = register_start(&http, &code).await;
    assert_eq!((status, answer["error"].as_str()), (400, Some(NOT_VALID)));
}

/// What storage keeps for a passkey (the desk's JSON; storage does not read it).
const PASSKEY: &str = r#"{"cred": "kept as given"}"#;

async fn a_passkey_code_is_used_up_with_the_passkey_it_registered_and_only_once(b: Backend) {
    let db = with_demo(b).await;
    add_other_unit_ds(db.storage.as_ref()).await;
    let s = db.storage.as_ref();
    let code = scpo_server::new_passkey_code(s, "DS-DEMO-01", at(0))
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let hash = secrets::hash(&secret);
    let check = |made_for| s.check_code(&id, &hash, made_for, at(1), 5);
    // Checked as often as need be, without being used up; never good for a phone.
    for _ in 0..3 {
        assert!(
            matches!(check(CodeUse::Passkey).await.unwrap(), CodeCheck::Valid(o) if o.id == "DS-DEMO-01")
        );
    }
    assert_eq!(check(CodeUse::Phone).await.unwrap(), CodeCheck::OtherUse);
    // Kept with its passkey, in one go; then used.
    let kept = s
        .add_passkey_with_code(&id, &hash, "DS-DEMO-01", "cred-1", PASSKEY, at(2), 5)
        .await
        .unwrap();
    assert!(matches!(kept, CodeCheck::Valid(o) if o.id == "DS-DEMO-01"));
    assert_eq!(check(CodeUse::Passkey).await.unwrap(), CodeCheck::Invalid);
    // A second ceremony begun with the same code keeps nothing.
    let again = s
        .add_passkey_with_code(&id, &hash, "DS-DEMO-01", "cred-2", PASSKEY, at(3), 5)
        .await
        .unwrap();
    assert_eq!(again, CodeCheck::Invalid);
    assert_eq!(s.passkeys_of("DS-DEMO-01").await.unwrap().len(), 1);

    // Another supervisor's code keeps nothing for this one, and stays theirs.
    let other = scpo_server::new_passkey_code(s, "DS-OTHER", at(0))
        .await
        .unwrap();
    let (oid, osecret) = secrets::parse_enrolment_code(&other).unwrap();
    let ohash = secrets::hash(&osecret);
    let taken = s
        .add_passkey_with_code(&oid, &ohash, "DS-DEMO-01", "cred-3", PASSKEY, at(2), 5)
        .await
        .unwrap();
    assert_eq!(taken, CodeCheck::Invalid);
    assert!(matches!(
        s.check_code(&oid, &ohash, CodeUse::Passkey, at(3), 5).await.unwrap(),
        CodeCheck::Valid(o) if o.id == "DS-OTHER"
    ));
    // A phone's code keeps no passkey, and still enrols its phone.
    let phone = scpo_server::new_enrolment_code(s, "PC-DEMO-01", at(0))
        .await
        .unwrap();
    let (pid, psecret) = secrets::parse_enrolment_code(&phone).unwrap();
    let phash = secrets::hash(&psecret);
    let refused = s
        .add_passkey_with_code(&pid, &phash, "PC-DEMO-01", "cred-4", PASSKEY, at(2), 5)
        .await
        .unwrap();
    assert_eq!(refused, CodeCheck::OtherUse);
    assert!(s.passkeys_of("PC-DEMO-01").await.unwrap().is_empty());
    let enrolled = s
        .redeem_enrolment_code(&pid, &phash, "cred-hash", "D-1", "phone", at(3), 5)
        .await
        .unwrap();
    assert!(matches!(enrolled, Redeemed::Enrolled { .. }));
}

/// Codes made by a server before codes carried their use (schema 6), then the server upgraded.
async fn codes_made_before_their_use_was_kept_work_where_they_were_meant_to(b: Backend) {
    let dir = temp_dir("upgrade");
    let url = match b {
        Backend::Sqlite => None,
        Backend::Postgres => Some(fresh_postgres_url().await),
    };
    let backend = if url.is_some() { "postgres" } else { "sqlite" };
    // The migrations up to 6, as the older server had them.
    let old = temp_dir("migrations");
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    for f in std::fs::read_dir(&all).unwrap() {
        let f = f.unwrap();
        let name = f.file_name().to_string_lossy().to_string();
        if name.as_str() < "0007" {
            std::fs::copy(f.path(), old.join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(old.as_path()).await.unwrap();
    let rows = [
        "INSERT INTO units (id, name) VALUES ('U-1', 'Unit')",
        "INSERT INTO officers (id, unit_id, name, role, created_at) VALUES ('PC-1', 'U-1', 'PC One', 'officer', 0)",
        "INSERT INTO officers (id, unit_id, name, role, created_at) VALUES ('DS-1', 'U-1', 'DS One', 'supervisor', 0)",
    ];
    let codes = [("PCPC", "PC-1"), ("DSDS", "DS-1")];
    let expires = at(15);
    macro_rules! set_up_old {
        ($pool:expr) => {{
            let pool = $pool;
            migrator.run(&pool).await.unwrap();
            for sql in rows {
                sqlx::query(sql).execute(&pool).await.unwrap();
            }
            for (id, officer) in codes {
                sqlx::query("INSERT INTO enrolment_codes (code_id, secret_hash, officer_id, expires_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(secrets::hash("2345"))
                    .bind(officer)
                    .bind(expires)
                    .execute(&pool)
                    .await
                    .unwrap();
            }
            pool.close().await;
        }};
    }
    match &url {
        None => {
            let file = format!("sqlite://{}?mode=rwc", dir.join("scpo.sqlite").display());
            set_up_old!(sqlx::SqlitePool::connect(&file).await.unwrap())
        }
        Some(u) => set_up_old!(sqlx::PgPool::connect(u).await.unwrap()),
    }
    // The new server opens it (and migrates).
    let storage = scpo_server::open_storage(url.as_deref(), &dir)
        .await
        .unwrap();
    let s: &dyn Storage = storage.as_ref();
    let hash = secrets::hash("2345");
    // The supervisor's code is for the desk's passkey page; the officer's for a phone.
    assert_eq!(
        s.check_code("DSDS", &hash, CodeUse::Phone, at(1), 5)
            .await
            .unwrap(),
        CodeCheck::OtherUse
    );
    assert!(matches!(
        s.check_code("DSDS", &hash, CodeUse::Passkey, at(1), 5).await.unwrap(),
        CodeCheck::Valid(o) if o.id == "DS-1"
    ));
    assert_eq!(
        s.check_code("PCPC", &hash, CodeUse::Passkey, at(1), 5)
            .await
            .unwrap(),
        CodeCheck::OtherUse
    );
    let enrolled = s
        .redeem_enrolment_code("PCPC", &hash, "cred-hash", "D-1", "phone", at(1), 5)
        .await
        .unwrap();
    assert!(matches!(enrolled, Redeemed::Enrolled { officer, .. } if officer.id == "PC-1"));
}

/// A code made on the command line (`scpo-server enrol`, `passkey-code`, the demo's codes) is
/// in the audit log like one the desk issues: the code's id, made by the command line.
async fn a_code_made_on_the_command_line_is_audited(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let before = s.audit_since(0).await.unwrap().len();
    let phone = scpo_server::new_enrolment_code(s, "PC-DEMO-01", now())
        .await
        .unwrap();
    let passkey = scpo_server::new_passkey_code(s, "PC-DEMO-02", now())
        .await
        .unwrap();
    let log = s.audit_since(0).await.unwrap();
    let made: Vec<_> = log[before..]
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.record_id.as_str()))
        .collect();
    let id = |code: &str| code.split('-').next().unwrap().to_string();
    assert_eq!(made.len(), 2, "{made:?}");
    for ((actor, action, record), code) in made.iter().zip([&phone, &passkey]) {
        assert_eq!((*actor, *action), (scpo_server::CLI_ACTOR, "created"));
        assert_eq!(*record, id(code));
    }
}

on_both_backends!(
    a_code_made_on_the_command_line_is_audited,
    a_code_is_taken_only_by_the_ceremony_it_was_made_for,
    a_passkey_code_outlives_a_cancelled_or_failed_registration,
    a_passkey_code_is_used_up_with_the_passkey_it_registered_and_only_once,
    codes_made_before_their_use_was_kept_work_where_they_were_meant_to,
);
