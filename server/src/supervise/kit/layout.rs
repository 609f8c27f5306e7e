//! The frame of every desk page: the app's stylesheet, the header with the service's navigation
//! once signed in (the current section marked) and signing out, and the main region. No inline
//! script or style (the CSP forbids both).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

use super::super::url::segment;
use super::super::DeskUser;
use crate::state::AppState;
use crate::storage::Role;

/// The places a signed-in supervisor can go, in the header: (address, label).
pub const NAV: [(&str, &str); 6] = [
    ("/supervise", "Team"),
    ("/supervise/breaches", "Breaches"),
    ("/supervise/cohort", "Cohort"),
    ("/supervise/devices", "Devices"),
    ("/supervise/audit", "Audit"),
    ("/supervise/outcomes", "Outcomes"),
];

/// The navigation of an offender manager at the desk: the nominals they keep.
pub const OFFICER_NAV: [(&str, &str); 1] = [("/supervise/mine", "Your nominals")];

/// The hidden CSRF field every form of a signed-in page carries.
pub fn csrf_field(s: &DeskUser) -> Markup {
    html! { input type="hidden" name="csrf" value=(s.csrf); }
}

/// A whole page. `signed_in` adds the navigation and sign-out.
pub fn page(state: &AppState, signed_in: Option<&DeskUser>, title: &str, body: Markup) -> Response {
    page_at(state, signed_in, title, body, None)
}

/// As [`page`], with the navigation entry to mark as current (its address) when the page is
/// below it, e.g. a breach under "/supervise/breaches".
pub fn page_at(
    state: &AppState,
    signed_in: Option<&DeskUser>,
    title: &str,
    body: Markup,
    section: Option<&str>,
) -> Response {
    let css = state
        .supervision
        .stylesheet
        .as_deref()
        .map(|f| format!("/{}", segment(f)));
    let html = html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – SCPO Field supervision" }
                link rel="icon" href=(crate::ICON) type="image/svg+xml";
                @if let Some(href) = css { link rel="stylesheet" href=(href); }
                script src="/supervise/passkey.js" defer {}
            }
            body {
                a class="skip-link" href="#main-content" { "Skip to main content" }
                header class="header" {
                    a class="header__service" href="/supervise" { "SCPO Field supervision" }
                    @if let Some(s) = signed_in { (nav(s, section)) }
                }
                main class="page page--desk" id="main-content" { (body) }
            }
        }
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html.into_string(),
    )
        .into_response()
}

fn nav(s: &DeskUser, section: Option<&str>) -> Markup {
    html! {
        nav class="header__nav" aria-label="Supervision" {
            ul class="header__links" {
                @for (href, label) in if s.officer.role == Role::Supervisor { &NAV[..] } else { &OFFICER_NAV[..] } {
                    li { a href=(href) aria-current=[(section == Some(href)).then_some("page")] { (label) } }
                }
            }
            form method="post" action="/supervise/sign-out" {
                (csrf_field(s))
                button class="link-button header__sign-out" type="submit" { "Sign out" }
            }
        }
    }
}
