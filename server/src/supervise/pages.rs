//! The supervisor's pages, rendered on the server (GOV.UK patterns, the app's stylesheet, no
//! inline script or style).

use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::layout::page;
use crate::state::AppState;

/// The error summary the script fills in (hidden until then).
const PROBLEM: &str = "<div class=\"error-summary\" id=\"problem\" role=\"alert\" tabindex=\"-1\" hidden><h2 class=\"error-summary__title\">There is a problem</h2><p class=\"body\" data-message></p></div>";

#[derive(Deserialize)]
pub struct SignInQuery {
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
}

pub async fn sign_in(State(state): State<AppState>, Query(q): Query<SignInQuery>) -> Response {
    let notice = match q.signed_out.as_deref() {
        Some("everywhere") => "<div class=\"notification-banner\" role=\"status\"><p class=\"body\">You have signed out on every device.</p></div>",
        Some(_) => "<div class=\"notification-banner\" role=\"status\"><p class=\"body\">You have signed out.</p></div>",
        None => "",
    };
    let body = format!(
        "{notice}{PROBLEM}\
<h1 class=\"heading-l\">Sign in</h1>\
<p class=\"body\">Sign in with the passkey you registered for this service.</p>\
<form data-passkey=\"sign-in\" novalidate>\
<div class=\"form-group\"><label class=\"label\" for=\"officer\">Your officer ID</label>\
<p class=\"hint\" id=\"officer-hint\">For example, DS-0123.</p>\
<input class=\"input\" id=\"officer\" name=\"officer\" type=\"text\" autocomplete=\"username webauthn\" spellcheck=\"false\" aria-describedby=\"officer-hint\"></div>\
<button class=\"button\" type=\"submit\">Sign in with a passkey</button>\
</form>\
<p class=\"body\">First time here? <a href=\"/supervise/register\">Register a passkey with a one-time code</a>.</p>\
<noscript><p class=\"body\">Passkeys need JavaScript. Turn it on to sign in.</p></noscript>"
    );
    page(&state, None, "Sign in", &body)
}

pub async fn register(State(state): State<AppState>) -> Response {
    let body = format!(
        "{PROBLEM}\
<h1 class=\"heading-l\">Register a passkey</h1>\
<p class=\"body\">Your administrator gives you a one-time code (it works once, for 15 minutes). Your device then makes a passkey for this service: you will sign in with it from now on.</p>\
<form data-passkey=\"register\" novalidate>\
<div class=\"form-group\"><label class=\"label\" for=\"code\">One-time code</label>\
<p class=\"hint\" id=\"code-hint\">Eight letters and numbers, like K7Q2-9XHM.</p>\
<input class=\"input input--short\" id=\"code\" name=\"code\" type=\"text\" autocomplete=\"one-time-code\" spellcheck=\"false\" autocapitalize=\"characters\" aria-describedby=\"code-hint\"></div>\
<button class=\"button\" type=\"submit\">Register a passkey</button>\
</form>\
<noscript><p class=\"body\">Passkeys need JavaScript. Turn it on to register.</p></noscript>"
    );
    page(&state, None, "Register a passkey", &body)
}
