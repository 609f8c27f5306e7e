//! The supervisor's sign-in, below the passkey ceremony (which the Playwright tests drive with
//! Chromium's virtual authenticator): sessions end after 15 minutes idle and 8 hours at most,
//! sign-out everywhere ends them all, forms need the session's CSRF token, and nothing but a
//! supervisor's session opens a page. On both backends.

#[macro_use]
mod common;

use common::*;
use scpo_server::secrets;
use scpo_server::supervise::{ABSOLUTE_MS, IDLE_MS};

async fn sessions_end_after_15_minutes_idle_and_8_hours_at_most(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    let t0 = at(0);
    s.start_session("h1", "DS-DEMO-01", "csrf", t0)
        .await
        .unwrap();
    // Seen just within 15 minutes, again and again: still open, up to 8 hours.
    let mut now = t0;
    while now + IDLE_MS <= t0 + ABSOLUTE_MS {
        now += IDLE_MS;
        let open = s.session("h1", now, IDLE_MS, ABSOLUTE_MS).await.unwrap();
        assert!(open.is_some(), "open at {} min", (now - t0) / 60_000);
    }
    // One millisecond past eight hours: ended, and stays ended.
    assert!(s
        .session("h1", t0 + ABSOLUTE_MS + 1, IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_none());
    assert!(s
        .session("h1", t0 + ABSOLUTE_MS, IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_none());
    // Idle one millisecond too long: ended.
    s.start_session("h2", "DS-DEMO-01", "csrf", t0)
        .await
        .unwrap();
    assert!(s
        .session("h2", t0 + IDLE_MS + 1, IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_none());
}

async fn signing_out_everywhere_ends_every_session_of_that_supervisor_only(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    s.start_session("a", "DS-DEMO-01", "x", at(0))
        .await
        .unwrap();
    s.start_session("b", "DS-DEMO-01", "x", at(0))
        .await
        .unwrap();
    s.start_session("c", "PC-DEMO-01", "x", at(0))
        .await
        .unwrap();
    assert_eq!(s.end_all_sessions("DS-DEMO-01", at(1)).await.unwrap(), 2);
    assert!(s
        .session("a", at(2), IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_none());
    assert!(s
        .session("b", at(2), IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_none());
    assert!(s
        .session("c", at(2), IDLE_MS, ABSOLUTE_MS)
        .await
        .unwrap()
        .is_some());
}

/// The server over HTTP with a session made directly in storage (the ceremony is the browser's).
async fn only_a_supervisor_s_session_opens_the_pages_and_forms_need_the_csrf_token(b: Backend) {
    let db = with_demo(b).await;
    let Http { base, client } =
        Http::start(scpo_server::state::AppState::new(db.storage.clone())).await;
    let page = |cookie: Option<String>, bearer: Option<String>| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            let mut r = client.get(format!("{base}/supervise"));
            if let Some(c) = cookie {
                r = r.header("cookie", format!("scpo_session={c}"));
            }
            if let Some(t) = bearer {
                r = r.bearer_auth(t);
            }
            r.send().await.unwrap()
        }
    };
    // Signed out.
    assert!(to_sign_in(&page(None, None).await));
    // An officer's phone credential is not a way in.
    let (_, credential) = enrol(db.storage.as_ref(), "PC-DEMO-01").await;
    assert!(to_sign_in(&page(None, Some(credential)).await));
    // An officer (not a supervisor) with a session: sent to their own nominals, not the team.
    let now = chrono::Utc::now().timestamp_millis();
    db.storage
        .start_session(&secrets::hash("pc-token"), "PC-DEMO-01", "c1", now)
        .await
        .unwrap();
    assert!(refused_to_officer(
        "/supervise",
        &page(Some("pc-token".into()), None).await
    ));
    // The DS: in, and the page names them and their officers.
    db.storage
        .start_session(&secrets::hash("ds-token"), "DS-DEMO-01", "the-csrf", now)
        .await
        .unwrap();
    let r = page(Some("ds-token".into()), None).await;
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let html = r.text().await.unwrap();
    assert!(html.contains("Signed in as DS Demo Supervisor (DS-DEMO-01)"));
    // The dashboard: a column an officer, and how many nominals each holds.
    assert!(html.contains(">PC Second Demo (PC-DEMO-02)</th>"));
    assert!(html.contains("<th scope=\"row\">Nominals held</th><td class=\"table__cell--numeric\">4</td><td class=\"table__cell--numeric\">4</td><td class=\"table__cell--numeric\">4</td><td class=\"table__cell--numeric\">12</td>"));
    // Signing out without the form's token does nothing.
    let post = |path: &'static str, csrf: &'static str| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            client
                .post(format!("{base}{path}"))
                .header("cookie", "scpo_session=ds-token")
                .form(&[("csrf", csrf)])
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(post("/supervise/sign-out", "forged").await.status(), 403);
    assert_eq!(page(Some("ds-token".into()), None).await.status(), 200);
    // With it: signed out, the cookie cleared, the page closed.
    let r = post("/supervise/sign-out", "the-csrf").await;
    assert!(r.status().is_redirection());
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert!(to_sign_in(&page(Some("ds-token".into()), None).await));
}

on_both_backends!(
    sessions_end_after_15_minutes_idle_and_8_hours_at_most,
    signing_out_everywhere_ends_every_session_of_that_supervisor_only,
    only_a_supervisor_s_session_opens_the_pages_and_forms_need_the_csrf_token,
);
