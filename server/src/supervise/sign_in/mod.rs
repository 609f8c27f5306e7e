//! Signing in at the desk: the sign-in and register pages, and the passkey (WebAuthn)
//! ceremonies they run (with `passkey.js`). Each ends in [`super::start_session`].

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

mod pages;
mod passkey;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/sign-in", get(pages::sign_in))
        .route("/supervise/register", get(pages::register))
        .merge(passkey::routes())
}
