//! The upkeep pages over HTTP, on both backends: only a supervisor's session opens them (no
//! session, an officer's phone credential or an officer's session are sent to sign in), every
//! form needs the session's CSRF token, and another unit's nominal or phone answers 404 as if
//! it did not exist. Nothing is changed by a refused request.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use upkeep_support::*;

async fn only_a_supervisor_s_session_opens_the_upkeep_pages_and_forms(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (device, credential) = enrol(s, "PC-DEMO-01").await;
    let revoke = format!("/supervise/devices/{}/revoke", device.id);
    let pages = [
        "/supervise/cohort",
        // Another officer's nominal: PC-DEMO-01 opens only their own (officer_desk.rs).
        "/supervise/cohort/N-0005",
        "/supervise/cohort/import",
        "/supervise/devices",
        revoke.as_str(),
    ];
    for path in pages {
        assert!(to_sign_in(&d.get(path, None).await), "{path} signed out");
        assert!(
            refused_to_officer(path, &d.get(path, Some("pc-token")).await),
            "{path} officer"
        );
        let r = d.get_as_phone(path, &credential).await;
        assert!(to_sign_in(&r), "{path} phone credential");
        assert_eq!(d.get(path, Some("ds-token")).await.status(), 200, "{path}");
    }
    // The forms, with a right-looking token but no supervisor's session: nothing happens.
    let forms = upkeep_forms(&revoke, "{}");
    for (path, fields) in &forms {
        for token in [None, Some("pc-token")] {
            let mut f = fields.clone();
            f.push(("csrf", "pc-csrf"));
            let r = d.post(path, token, &f).await;
            let refused = match token {
                None => to_sign_in(&r),
                Some(_) => refused_to_officer(path, &r),
            };
            assert!(refused, "{path} {token:?}");
        }
    }
    assert_unchanged(&d, &device.id).await;
}

/// Every upkeep form with answers that would change something: assign N-0001 to PC-DEMO-02,
/// transfer it out, enrol a phone, revoke the device at `revoke`, import `cohort`. No CSRF
/// token: each test adds its own.
fn upkeep_forms<'a>(revoke: &'a str, cohort: &'a str) -> [(&'a str, Vec<(&'a str, &'a str)>); 5] {
    [
        (
            "/supervise/cohort/N-0001/assign",
            vec![("officer", "PC-DEMO-02")],
        ),
        (
            "/supervise/cohort/N-0001/transfer",
            vec![
                ("day", "24"),
                ("month", "11"),
                ("year", "2026"),
                ("force", "Kent Police"),
            ],
        ),
        ("/supervise/devices/enrol", vec![("officer", "PC-DEMO-02")]),
        (revoke, vec![]),
        ("/supervise/cohort/import/confirm", vec![("cohort", cohort)]),
    ]
}

/// N-0001 still with PC-DEMO-01, nothing transferred, the phone not revoked.
async fn assert_unchanged(d: &Desk, device_id: &str) {
    let s = d.db.storage.as_ref();
    assert!(s
        .assigned_nominals("PC-DEMO-01")
        .await
        .unwrap()
        .contains(&"N-0001".to_string()));
    assert_eq!(s.count_records("transfer").await.unwrap(), 0);
    let device = s
        .devices()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == device_id);
    assert_eq!(device.unwrap().revoked_at, None);
}

async fn a_form_without_the_session_s_csrf_token_changes_nothing(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (device, _) = enrol(s, "PC-DEMO-01").await;
    let revoke = format!("/supervise/devices/{}/revoke", device.id);
    let before = s.unit_records("U-DEMO").await.unwrap().len();
    let codes_before = codes_made(s).await;
    let file = one_nominal(2, "9102", "PC-DEMO-02").to_json();
    let forms = upkeep_forms(&revoke, &file);
    for (path, fields) in &forms {
        // Another session's token, a forged one, none at all.
        for csrf in [Some("other-csrf"), Some("forged"), None] {
            let mut f = fields.clone();
            if let Some(c) = csrf {
                f.push(("csrf", c));
            }
            let status = d.post(path, Some("ds-token"), &f).await.status().as_u16();
            let expected: &[u16] = if csrf.is_some() {
                &[403]
            } else {
                &[400, 403, 422]
            };
            assert!(expected.contains(&status), "{path} {csrf:?}: {status}");
        }
    }
    let r = d
        .post_multipart(
            "/supervise/cohort/import",
            "ds-token",
            &[
                ("csrf", "forged", None),
                ("file", &file, Some("cohort.json")),
            ],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_unchanged(&d, &device.id).await;
    assert_eq!(s.unit_records("U-DEMO").await.unwrap().len(), before);
    // No code was made either: the only code in the audit log is the one the phone enrolled with.
    assert_eq!(codes_made(s).await, codes_before);
}

/// How many one-time codes the audit log says were made.
async fn codes_made(s: &dyn scpo_server::storage::Storage) -> usize {
    s.audit_since(at(0))
        .await
        .unwrap()
        .iter()
        .filter(|a| a.record_kind == "enrolment_code" && a.action == "created")
        .count()
}

async fn another_unit_s_nominal_or_phone_is_not_found(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (theirs, _) = enrol(s, OTHER_PC).await;
    let ds = Some("ds-token");
    // Not listed.
    let cohort = d.get("/supervise/cohort", ds).await.text().await.unwrap();
    assert!(cohort.contains("N-0001") && !cohort.contains("N-9001"));
    let devices = d.get("/supervise/devices", ds).await.text().await.unwrap();
    assert!(!devices.contains(&theirs.id) && !devices.contains(OTHER_PC));
    // Not opened, not changed: the same answer as for what does not exist.
    for nominal in ["N-9001", "N-NONE"] {
        let page = d.get(&format!("/supervise/cohort/{nominal}"), ds).await;
        assert_eq!(page.status(), 404);
        assert!(page.text().await.unwrap().contains("Page not found"));
        let assign = format!("/supervise/cohort/{nominal}/assign");
        let r = d
            .post(
                &assign,
                ds,
                &[("csrf", "the-csrf"), ("officer", "PC-DEMO-02")],
            )
            .await;
        assert_eq!(r.status(), 404, "{assign}");
        let transfer = format!("/supervise/cohort/{nominal}/transfer");
        let f = [
            ("csrf", "the-csrf"),
            ("day", "24"),
            ("month", "11"),
            ("year", "2026"),
            ("force", "Kent Police"),
        ];
        assert_eq!(d.post(&transfer, ds, &f).await.status(), 404, "{transfer}");
    }
    for device in [theirs.id.as_str(), "D-NONE"] {
        let path = format!("/supervise/devices/{device}/revoke");
        assert_eq!(d.get(&path, ds).await.status(), 404);
        assert_eq!(
            d.post(&path, ds, &[("csrf", "the-csrf")]).await.status(),
            404
        );
    }
    // Nor can another unit's officer be chosen for a phone or a nominal.
    let r = d
        .post(
            "/supervise/devices/enrol",
            ds,
            &[("csrf", "the-csrf"), ("officer", OTHER_PC)],
        )
        .await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Choose an officer of your unit"));
    let r = d
        .post(
            "/supervise/cohort/N-0001/assign",
            ds,
            &[("csrf", "the-csrf"), ("officer", OTHER_PC)],
        )
        .await;
    assert_eq!(r.status(), 400);
    assert_eq!(s.assigned_nominals(OTHER_PC).await.unwrap(), vec!["N-9001"]);
    assert_eq!(s.count_records("transfer").await.unwrap(), 0);
    let info = s.devices().await.unwrap();
    assert_eq!(
        info.iter().find(|x| x.id == theirs.id).unwrap().revoked_at,
        None
    );
}

on_both_backends!(
    only_a_supervisor_s_session_opens_the_upkeep_pages_and_forms,
    a_form_without_the_session_s_csrf_token_changes_nothing,
    another_unit_s_nominal_or_phone_is_not_found,
);
