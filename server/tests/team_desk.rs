//! The DS keeps the team at the desk, on both backends: adds a person (an ID made in the
//! unit's grammar, or given), gives and takes the supervisor role and the right to keep the
//! whole cohort (after a check page; the right holds from the person's next request; the last
//! supervisor cannot take their own role away), and makes one-time codes for a phone or a desk
//! passkey. Each change leaves its audit line (ids only). Revoking passkeys and another unit's
//! person: `team_access.rs`.

#[macro_use]
mod common;
#[path = "team_support/mod.rs"]
mod team_support;

use common::*;
use scpo_server::secrets;
use scpo_server::storage::{CodeCheck, CodeUse, Role};
use serde_json::json;
use team_support::*;

/// The add form's fields.
type Form = [(&'static str, &'static str); 4];

async fn the_ds_adds_a_person_with_an_id_made_or_given(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let add = |name: &'static str, id: &'static str, role: &'static str| {
        [
            ("csrf", "c"),
            ("name", name),
            ("officer_id", id),
            ("role", role),
        ]
    };
    let r = srv
        .post(
            "/supervise/team/new",
            Some("ds"),
            &add("PC Sam Example", "", "officer"),
        )
        .await;
    assert_eq!(
        r.headers()["location"],
        "/supervise/team/PC-DEMO-04?done=added"
    );
    let made = s.officer("PC-DEMO-04").await.unwrap().unwrap();
    assert_eq!(
        (
            made.unit_id.as_str(),
            made.name.as_str(),
            made.role,
            made.keeps_cohort
        ),
        ("U-DEMO", "PC Sam Example", Role::Officer, false)
    );
    // Given in lower case: kept in capitals, as sign-in reads it.
    let r = srv
        .post(
            "/supervise/team/new",
            Some("ds"),
            &add("DS Second Example", " ds-demo-02 ", "supervisor"),
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        s.officer("DS-DEMO-02").await.unwrap().unwrap().role,
        Role::Supervisor
    );
    let (_, page) = srv.html("/supervise/team", "ds").await;
    assert!(page.contains("href=\"/supervise/team/PC-DEMO-04\">PC Sam Example</a>"));
    assert!(
        !page.contains("DS-OTHER"),
        "another unit's people are not listed"
    );

    // Refused in words, nothing added: no name, an ID not in the grammar, no role, a taken ID
    // (another unit's), a forged token.
    let cases: [(Form, &[&str]); 3] = [
        (
            add("", "a b", ""),
            &[
                "Enter the person's name",
                "may only use letters, digits",
                "Choose the person's role",
            ],
        ),
        (
            add("PC Taken", "DS-OTHER", "officer"),
            &["Someone already has the officer ID DS-OTHER"],
        ),
        (
            add("PC Two\nLines", "", "officer"),
            &["The name must be one line"],
        ),
    ];
    for (form, says) in cases {
        let r = srv.post("/supervise/team/new", Some("ds"), &form).await;
        assert_eq!(r.status(), 400);
        let html = r.text().await.unwrap();
        assert!(html.contains("There is a problem"));
        for m in says {
            assert!(html.contains(m), "{m} in {html}");
        }
    }
    let mut forged = add("PC Forged", "", "officer");
    forged[0] = ("csrf", "wrong");
    assert_eq!(
        srv.post("/supervise/team/new", Some("ds"), &forged)
            .await
            .status(),
        403
    );
    assert_eq!(
        s.officers().await.unwrap().len(),
        8,
        "4 demo, 2 added, 2 of U-OTHER"
    );
    assert_eq!(
        lines(s, "DS-DEMO-01", "officer").await,
        pairs(&[("created", "PC-DEMO-04"), ("created", "DS-DEMO-02")])
    );
}

async fn rights(
    srv: &Served,
    id: &str,
    role: &str,
    keeps: &str,
    confirmed: bool,
) -> reqwest::Response {
    let mut f = vec![("csrf", "c"), ("role", role), ("keeps_cohort", keeps)];
    if confirmed {
        f.push(("confirmed", "yes"));
    }
    srv.post(&format!("/supervise/team/{id}/rights"), Some("ds"), &f)
        .await
}

const RIGHT: &str = "every other nominal of your unit";

async fn the_ds_gives_and_takes_rights_and_they_hold_from_the_next_request(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    assert!(!srv.html("/supervise/mine", "pc").await.1.contains(RIGHT));
    // The check page first: nothing changes until it is confirmed.
    let r = rights(&srv, "PC-DEMO-01", "officer", "yes", false).await;
    assert_eq!(r.status(), 200);
    let check = r.text().await.unwrap();
    assert!(check.contains("Check the change"));
    assert!(check.contains("No, only the nominals assigned to them → Yes"));
    assert!(!s.officer("PC-DEMO-01").await.unwrap().unwrap().keeps_cohort);
    let r = rights(&srv, "PC-DEMO-01", "officer", "yes", true).await;
    assert_eq!(
        r.headers()["location"],
        "/supervise/team/PC-DEMO-01?done=rights"
    );
    // The officer's very session now keeps the whole unit (DeskUser::keeps_whole_unit).
    assert!(srv.html("/supervise/mine", "pc").await.1.contains(RIGHT));
    rights(&srv, "PC-DEMO-01", "officer", "no", true).await;
    assert!(!srv.html("/supervise/mine", "pc").await.1.contains(RIGHT));
    // The supervisor role: the DS's pages open to them at once, and close again.
    assert_eq!(srv.get("/supervise/team", Some("pc")).await.status(), 404);
    rights(&srv, "PC-DEMO-01", "supervisor", "no", true).await;
    assert_eq!(srv.get("/supervise/team", Some("pc")).await.status(), 200);
    rights(&srv, "PC-DEMO-01", "officer", "no", true).await;
    assert_eq!(srv.get("/supervise/team", Some("pc")).await.status(), 404);
    // Nothing chosen: said at the fields.
    let r = rights(&srv, "PC-DEMO-01", "", "", true).await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    assert!(html.contains("Choose their role") && html.contains("Choose whether they may keep"));
    // The last supervisor cannot take their own role away: at the form, and if confirmed.
    for confirmed in [false, true] {
        let r = rights(&srv, "DS-DEMO-01", "officer", "no", confirmed).await;
        assert_eq!(r.status(), 400);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("You are your unit's only supervisor, so you cannot take your own supervisor role away"),
            "{html}"
        );
    }
    assert_eq!(
        s.officer("DS-DEMO-01").await.unwrap().unwrap().role,
        Role::Supervisor
    );
    // Storage refuses it too, whatever the page.
    let refused = s
        .set_officer_rights(
            "U-DEMO",
            "DS-DEMO-01",
            Role::Officer,
            false,
            "DS-DEMO-01",
            at(0),
        )
        .await;
    assert!(refused.is_err());
    let altered = lines(s, "DS-DEMO-01", "officer").await;
    assert_eq!(altered, pairs(&[("altered", "PC-DEMO-01"); 4]));
}

/// The code a code page shows (`id="code"`).
fn shown_code(html: &str) -> String {
    let at = html.find("id=\"code\">").expect("a code") + "id=\"code\">".len();
    html[at..].split('<').next().unwrap().to_string()
}

/// The DS asks for a one-time code for PC-DEMO-02, made for `made_for`.
async fn code(srv: &Served, made_for: &str) -> reqwest::Response {
    let f = [("csrf", "c"), ("made_for", made_for)];
    srv.post("/supervise/team/PC-DEMO-02/codes", Some("ds"), &f)
        .await
}

async fn the_ds_makes_codes_for_a_phone_or_a_desk_passkey(b: Backend) {
    let srv = serve(b).await;
    let s = srv.db.storage.as_ref();
    let r = code(&srv, "passkey").await;
    assert_eq!(r.status(), 200);
    let passkey = shown_code(&r.text().await.unwrap());
    let (pid, psecret) = secrets::parse_enrolment_code(&passkey).unwrap();
    let checked = s
        .check_code(
            &pid,
            &secrets::hash(&psecret),
            CodeUse::Passkey,
            chrono::Utc::now().timestamp_millis(),
            5,
        )
        .await
        .unwrap();
    assert!(matches!(checked, CodeCheck::Valid(o) if o.id == "PC-DEMO-02"));
    let (status, _) = srv
        .post_json("/supervise/api/register/start", json!({ "code": passkey }))
        .await;
    assert_eq!(status, 200);
    let r = code(&srv, "phone").await;
    let phone = shown_code(&r.text().await.unwrap());
    let (status, enrolled) = srv.post_json("/api/enrol", json!({ "code": phone })).await;
    assert_eq!(status, 200, "{enrolled}");
    assert_eq!(enrolled["officer"]["id"], "PC-DEMO-02");
    let r = code(&srv, "").await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Choose what the code is for"));
    let (phone_id, _) = secrets::parse_enrolment_code(&phone).unwrap();
    assert_eq!(
        lines(s, "DS-DEMO-01", "passkey_code").await,
        pairs(&[("created", &pid)])
    );
    assert_eq!(
        lines(s, "DS-DEMO-01", "enrolment_code").await,
        pairs(&[("created", &phone_id)])
    );
}

on_both_backends!(
    the_ds_adds_a_person_with_an_id_made_or_given,
    the_ds_gives_and_takes_rights_and_they_hold_from_the_next_request,
    the_ds_makes_codes_for_a_phone_or_a_desk_passkey,
);
