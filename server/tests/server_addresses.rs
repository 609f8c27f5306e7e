//! The team server's own addresses are never answered with the phone app: an address under
//! `/supervise/` that no page has gets the desk's "Page not found" (404, the desk's layout, never
//! stored), and one under `/api/` a JSON 404 whatever the method. The app's routes still get
//! its start page. On both backends.

#[macro_use]
mod common;

use common::*;
use serde_json::{json, Value};

/// The app's start page in the served `dist/`: a marker no desk page has.
const APP_PAGE: &str = "<!doctype html><title>SCPO Field</title><p>Set a passcode";

/// The server on a free port, serving a `dist/` that holds the app's start page (as a real one
/// does, so the old fallback would answer with it).
async fn serve(db: &TestDb) -> Http {
    let dist = temp_dir("dist");
    std::fs::write(dist.join("index.html"), APP_PAGE).unwrap();
    Http::start_with_dist(scpo_server::state::AppState::new(db.storage.clone()), &dist).await
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// The desk's 404: status, type, never stored, the desk's layout and the GOV.UK page.
async fn assert_desk_not_found(r: reqwest::Response, path: &str) -> String {
    assert_eq!(r.status(), 404, "{path}");
    assert_eq!(
        header(&r, "content-type"),
        "text/html; charset=utf-8",
        "{path}"
    );
    assert_eq!(header(&r, "cache-control"), "no-store", "{path}");
    assert!(header(&r, "content-security-policy").contains("script-src 'self'"));
    let html = r.text().await.unwrap();
    assert!(
        !html.contains("Set a passcode"),
        "{path} answered with the app"
    );
    for part in [
        "<title>Page not found – SCPO Field supervision</title>",
        "<a class=\"header__service\" href=\"/supervise\">SCPO Field supervision</a>",
        "<h1 class=\"heading-l\">Page not found</h1>",
        "If you typed the web address, check it is correct.",
    ] {
        assert!(html.contains(part), "{part} in {path}: {html}");
    }
    html
}

const UNKNOWN_DESK: [&str; 4] = [
    "/supervise/nope",
    "/supervise/cohort/N-0001/nope/deeper",
    "/supervise/register/",
    "/supervise/app.js",
];

async fn an_unknown_desk_address_gets_the_desk_s_page_not_found(b: Backend) {
    let db = with_demo(b).await;
    let http = serve(&db).await;
    // Signed out: the page, without the navigation.
    for path in UNKNOWN_DESK {
        let html = assert_desk_not_found(http.get(path, None).await, path).await;
        assert!(!html.contains("Sign out"), "{path}");
    }
    // Any method: a form posted to an address that does not exist is no app page either.
    let r = http.post("/supervise/nope", None, &[("a", "b")]).await;
    assert_desk_not_found(r, "POST /supervise/nope").await;
    // Signed in: the same page, with the desk's navigation.
    start_sessions(
        db.storage.as_ref(),
        &[("ds-token", "DS-DEMO-01", "csrf")],
        chrono::Utc::now().timestamp_millis(),
    )
    .await;
    for path in UNKNOWN_DESK {
        let r = http.get(path, Some("ds-token")).await;
        let html = assert_desk_not_found(r, path).await;
        assert!(html.contains(">Sign out</button>"), "{path}");
    }
    // The desk's address with a trailing slash leads to the desk.
    let r = http.get("/supervise/", None).await;
    assert!(r.status().is_redirection());
    assert_eq!(header(&r, "location"), "/supervise");
    // The desk's pages are as they were, and so are the app's routes and files.
    assert_eq!(http.get("/supervise/sign-in", None).await.status(), 200);
    assert!(to_sign_in(&http.get("/supervise", None).await));
    for path in ["/", "/nominal/N-0001", "/supervisor"] {
        let r = http.get(path, None).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.text().await.unwrap(), APP_PAGE, "{path}");
    }
}

async fn an_unknown_api_address_gets_a_json_404_whatever_the_method(b: Backend) {
    let db = with_demo(b).await;
    let http = serve(&db).await;
    for path in ["/api/nope", "/api/sync/nope/deeper", "/api", "/api/"] {
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            let r = http
                .client
                .request(method.parse().unwrap(), format!("{}{path}", http.base))
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let what = format!("{method} {path}");
            assert_eq!(r.status(), 404, "{what}");
            assert_eq!(header(&r, "content-type"), "application/json", "{what}");
            assert_eq!(header(&r, "cache-control"), "no-store", "{what}");
            let body: Value = r.json().await.unwrap();
            assert_eq!(body, json!({"error": "No such call"}), "{what}");
        }
    }
}

/// The app's icon, as `dist/icons/icon.svg` holds it.
const ICON_SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>";

/// The head of a page: what is before `</head>`.
fn head_of(html: &str) -> &str {
    html.split("</head>").next().unwrap_or_default()
}

async fn the_favicon_is_the_app_s_icon_and_every_desk_page_names_it(b: Backend) {
    let db = with_demo(b).await;
    let dist = temp_dir("dist");
    std::fs::write(dist.join("index.html"), APP_PAGE).unwrap();
    std::fs::create_dir_all(dist.join("icons")).unwrap();
    std::fs::write(dist.join("icons/icon.svg"), ICON_SVG).unwrap();
    let http =
        Http::start_with_dist(scpo_server::state::AppState::new(db.storage.clone()), &dist).await;
    // A browser asks for /favicon.ico whatever the page links: it is sent to the icon, for good.
    let r = http.get("/favicon.ico", None).await;
    assert_eq!(r.status(), 308);
    assert_eq!(header(&r, "location"), "/icons/icon.svg");
    let r = http.get("/icons/icon.svg", None).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "image/svg+xml");
    assert_eq!(r.text().await.unwrap(), ICON_SVG);
    // Every desk page's head names it: signed out, signed in, and the desk's 404.
    start_sessions(
        db.storage.as_ref(),
        &[("ds-token", "DS-DEMO-01", "csrf")],
        chrono::Utc::now().timestamp_millis(),
    )
    .await;
    let link = "<link rel=\"icon\" href=\"/icons/icon.svg\" type=\"image/svg+xml\">";
    for (path, session, status) in [
        ("/supervise/sign-in", None, 200),
        ("/supervise/register", None, 200),
        ("/supervise", Some("ds-token"), 200),
        ("/supervise/audit", Some("ds-token"), 200),
        ("/supervise/outcomes", Some("ds-token"), 200),
        ("/supervise/nope", Some("ds-token"), 404),
    ] {
        let r = http.get(path, session).await;
        assert_eq!(r.status(), status, "{path}");
        let html = r.text().await.unwrap();
        assert!(head_of(&html).contains(link), "{path}: {html}");
    }
}

on_both_backends!(
    an_unknown_desk_address_gets_the_desk_s_page_not_found,
    an_unknown_api_address_gets_a_json_404_whatever_the_method,
    the_favicon_is_the_app_s_icon_and_every_desk_page_names_it,
);
