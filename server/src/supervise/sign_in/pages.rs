//! The supervisor's pages, rendered on the server (GOV.UK patterns, the app's stylesheet, no
//! inline script or style).

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;

use crate::state::AppState;
use crate::supervise::kit::{button, page, text_input, ButtonKind, TextField};

/// The error summary the script fills in (hidden until then).
fn problem() -> Markup {
    html! {
        div class="error-summary" id="problem" role="alert" tabindex="-1" hidden {
            h2 class="error-summary__title" { "There is a problem" }
            p class="body" data-message {}
        }
    }
}

fn notice(text: &str) -> Markup {
    html! { div class="notification-banner" role="status" { p class="body" { (text) } } }
}

#[derive(Deserialize)]
pub struct SignInQuery {
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
}

pub async fn sign_in(State(state): State<AppState>, Query(q): Query<SignInQuery>) -> Response {
    let signed_out = match q.signed_out.as_deref() {
        Some("everywhere") => Some("You have signed out on every device."),
        Some(_) => Some("You have signed out."),
        None => None,
    };
    let officer = TextField {
        hint: Some("For example, DS-0123."),
        autocomplete: Some("username webauthn"),
        ..TextField::new("officer", "Your officer ID", "")
    };
    let body = html! {
        @if let Some(text) = signed_out { (notice(text)) }
        (problem())
        h1 class="heading-l" { "Sign in" }
        p class="body" { "Sign in with the passkey you registered for this service." }
        form data-passkey="sign-in" novalidate {
            (text_input(&officer))
            (button("Sign in with a passkey", ButtonKind::Primary))
        }
        p class="body" {
            "First time here? "
            a href="/supervise/register" { "Register a passkey with a one-time code" } "."
        }
        noscript { p class="body" { "Passkeys need JavaScript. Turn it on to sign in." } }
    };
    page(&state, None, "Sign in", body)
}

pub async fn register(State(state): State<AppState>) -> Response {
    let body = html! {
        (problem())
        h1 class="heading-l" { "Register a passkey" }
        p class="body" {
            "Your administrator gives you a one-time code (it works once, for 15 minutes). Your device then makes a passkey for this service: you will sign in with it from now on."
        }
        form data-passkey="register" novalidate {
            // The kit's text input has no `autocapitalize`: the code is typed in capitals.
            div class="form-group" {
                label class="label" for="code" { "One-time code" }
                p class="hint" id="code-hint" { "Eight letters and numbers, like K7Q2-9XHM." }
                input class="input input--short" id="code" name="code" type="text"
                    autocomplete="one-time-code" spellcheck="false" autocapitalize="characters"
                    aria-describedby="code-hint";
            }
            (button("Register a passkey", ButtonKind::Primary))
        }
        noscript { p class="body" { "Passkeys need JavaScript. Turn it on to register." } }
    };
    page(&state, None, "Register a passkey", body)
}
