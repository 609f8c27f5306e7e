//! The frame of every supervisor page: the app's stylesheet, the header with the service's
//! navigation once signed in (and signing out), and `esc` for every piece of text put in HTML.
//! Pages pass their body; nothing here is inline script or style (the CSP forbids both).

use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::url::segment;
use super::Supervisor;
use crate::state::AppState;

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The places a signed-in supervisor can go, in the header: (address, label).
pub const NAV: [(&str, &str); 6] = [
    ("/supervise", "Team"),
    ("/supervise/breaches", "Breaches"),
    ("/supervise/cohort", "Cohort"),
    ("/supervise/devices", "Devices"),
    ("/supervise/audit", "Audit"),
    ("/supervise/outcomes", "Outcomes"),
];

/// The hidden CSRF field every form of a signed-in page carries.
pub fn csrf_field(s: &Supervisor) -> String {
    format!(
        "<input type=\"hidden\" name=\"csrf\" value=\"{}\">",
        esc(&s.csrf)
    )
}

/// A whole page. `signed_in` adds the navigation (the current section marked) and sign-out.
pub fn page(state: &AppState, signed_in: Option<&Supervisor>, title: &str, body: &str) -> Response {
    page_at(state, signed_in, title, body, None)
}

/// As [`page`], with the navigation entry to mark as current (its address) when the page is
/// below it, e.g. a breach under "/supervise/breaches".
pub fn page_at(
    state: &AppState,
    signed_in: Option<&Supervisor>,
    title: &str,
    body: &str,
    section: Option<&str>,
) -> Response {
    let css = state
        .supervision
        .stylesheet
        .as_deref()
        .map(|f| format!("<link rel=\"stylesheet\" href=\"/{}\">", esc(&segment(f))))
        .unwrap_or_default();
    let nav = signed_in.map(|s| nav(s, section)).unwrap_or_default();
    let html = format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} – SCPO Field supervision</title>\n{css}\n<script src=\"/supervise/passkey.js\" defer></script>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main-content\">Skip to main content</a>\n<header class=\"header\"><a class=\"header__service\" href=\"/supervise\">SCPO Field supervision</a>{nav}</header>\n<main class=\"page page--desk\" id=\"main-content\">\n{body}\n</main>\n</body>\n</html>\n",
        esc(title)
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

fn nav(s: &Supervisor, section: Option<&str>) -> String {
    let mut links = String::new();
    for (href, label) in NAV {
        let current = section == Some(href);
        links.push_str(&format!(
            "<li><a href=\"{href}\"{}>{label}</a></li>",
            if current {
                " aria-current=\"page\""
            } else {
                ""
            }
        ));
    }
    format!(
        "<nav class=\"header__nav\" aria-label=\"Supervision\"><ul class=\"header__links\">{links}</ul>\
<form method=\"post\" action=\"/supervise/sign-out\">{}<button class=\"link-button header__sign-out\" type=\"submit\">Sign out</button></form></nav>",
        csrf_field(s)
    )
}
