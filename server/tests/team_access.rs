//! The DS revokes a person's passkeys (their desk sessions end, the DS's stays), and another
//! unit's person answers 404 to every team page and form, with nothing changed and nothing
//! audited. On both backends.

#[macro_use]
mod common;
#[path = "team_support/mod.rs"]
mod team_support;

use common::*;
use scpo_server::secrets;
use scpo_server::storage::Role;
use team_support::*;

async fn the_ds_revokes_a_person_s_passkeys_and_their_sessions_end(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    let code = scpo_server::new_passkey_code(s, "PC-DEMO-01", now)
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    s.add_passkey_with_code(
        &id,
        &secrets::hash(&secret),
        "PC-DEMO-01",
        "cred-1",
        PASSKEY,
        now,
        5,
    )
    .await
    .unwrap();
    let (status, check) = srv.html("/supervise/team/PC-DEMO-01/revoke", "ds").await;
    assert_eq!(status, 200);
    assert!(check.contains("Their 1 passkey stops working."));
    assert_eq!(srv.get("/supervise/mine", Some("pc")).await.status(), 200);
    let r = srv
        .post(
            "/supervise/team/PC-DEMO-01/revoke",
            Some("ds"),
            &[("csrf", "c")],
        )
        .await;
    assert_eq!(
        r.headers()["location"],
        "/supervise/team/PC-DEMO-01?done=revoked"
    );
    assert!(s.passkeys_of("PC-DEMO-01").await.unwrap().is_empty());
    assert!(to_sign_in(&srv.get("/supervise/mine", Some("pc")).await));
    assert_eq!(
        srv.get("/supervise/team", Some("ds")).await.status(),
        200,
        "the DS's own session stays"
    );
    assert_eq!(
        lines(s, "DS-DEMO-01", "passkey").await,
        pairs(&[("erased", "cred-1")])
    );
    assert_eq!(
        lines(s, "DS-DEMO-01", "sessions").await,
        pairs(&[("altered", "PC-DEMO-01")])
    );
}

async fn another_unit_s_person_answers_404_and_nothing_changes(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    start_sessions(s, &[("their-pc", "PC-OTHER-01", "x")], now).await;
    for path in ["", "/rights", "/revoke"] {
        let r = srv
            .get(&format!("/supervise/team/PC-OTHER-01{path}"), Some("ds"))
            .await;
        assert_eq!(r.status(), 404, "{path}");
    }
    let posts: [(&str, Vec<(&str, &str)>); 3] = [
        ("codes", vec![("csrf", "c"), ("made_for", "passkey")]),
        (
            "rights",
            vec![
                ("csrf", "c"),
                ("role", "supervisor"),
                ("keeps_cohort", "yes"),
                ("confirmed", "yes"),
            ],
        ),
        ("revoke", vec![("csrf", "c")]),
    ];
    for (what, f) in &posts {
        let r = srv
            .post(
                &format!("/supervise/team/PC-OTHER-01/{what}"),
                Some("ds"),
                f,
            )
            .await;
        assert_eq!(r.status(), 404, "{what}");
    }
    let theirs = s.officer("PC-OTHER-01").await.unwrap().unwrap();
    assert_eq!((theirs.role, theirs.keeps_cohort), (Role::Officer, false));
    assert_eq!(
        srv.get("/supervise/mine", Some("their-pc")).await.status(),
        200,
        "their session stays"
    );
    let everything = s.audit_since(0).await.unwrap();
    assert!(
        everything.iter().all(|a| a.actor != "DS-DEMO-01"),
        "{everything:?}"
    );
    // And the other unit's DS cannot reach this unit's people.
    assert_eq!(
        srv.get("/supervise/team/PC-DEMO-01", Some("other"))
            .await
            .status(),
        404
    );
}

on_both_backends!(
    the_ds_revokes_a_person_s_passkeys_and_their_sessions_end,
    another_unit_s_person_answers_404_and_nothing_changes,
);
