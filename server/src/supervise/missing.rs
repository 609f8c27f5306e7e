//! What answers an address under `/supervise/` that no page has (`crate::app` sends it here,
//! whatever the method): the desk's own "Page not found" (404, in the desk's layout, never
//! stored), never the phone app's start page; with the navigation when a supervisor's session
//! comes with the request. `/supervise/` itself leads to the desk.

use axum::extract::{FromRequestParts, Request};
use axum::response::{IntoResponse, Redirect, Response};

use super::forms::page_not_found;
use super::DeskUser;
use crate::state::AppState;

pub async fn missing(state: AppState, req: Request) -> Response {
    if req.uri().path() == "/supervise/" {
        return Redirect::to("/supervise").into_response();
    }
    let (mut parts, _) = req.into_parts();
    let signed_in = DeskUser::from_request_parts(&mut parts, &state).await.ok();
    page_not_found(&state, signed_in.as_ref())
}
