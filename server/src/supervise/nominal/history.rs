//! Every version of a nominal's record (`/supervise/nominals/{id}/history`): the person, their
//! orders, each provision, the contact plan and schedules, newest first, each with who made it,
//! when (UK time), why, and what changed field by field (old → new). Viewing it is logged as a
//! consultation, as the nominal's page is.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{html, Markup};

use super::history_diff::diff;
use crate::state::AppState;
use crate::storage::RecordVersion;
use crate::supervise::clock::uk_date_time;
use crate::supervise::forms::{log_consultation, unavailable};
use crate::supervise::keep::form::{nominal_href, open, section};
use crate::supervise::kit::{back_link, page_at, table, Column};
use crate::supervise::DeskUser;

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "nominal" => "The person",
        "order" => "Order",
        "condition" => "Provision",
        "contact_plan" => "Contact plan",
        "schedule" => "Schedule",
        _ => "Record",
    }
}

/// "24 Nov 2026, 14:05", or "before versions were kept" for time 0.
pub fn when(ms: i64) -> String {
    if ms == 0 {
        "before versions were kept".into()
    } else {
        uk_date_time(ms)
    }
}

pub async fn history(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let (unit, n) = match open(&state, &user, &nominal_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Ok(versions) = state
        .storage
        .versions_of_nominal(&user.officer.unit_id, &nominal_id)
        .await
    else {
        return unavailable(&state, &user);
    };
    if let Err(e) = log_consultation(&state, &user, &nominal_id).await {
        tracing::error!(error = %e, nominal = %nominal_id, "consultation not logged");
        return unavailable(&state, &user);
    }
    let names = unit.names();
    let title = format!("History of {}", n.display_name());
    let body = html! {
        (back_link(&nominal_href(&nominal_id), "Back to the nominal"))
        h1 class="heading-l" { (title) }
        p class="body" { "Every version of the record, newest first: nothing is overwritten." }
        @if versions.is_empty() { p class="body" { "No versions are held." } }
        @for (i, v) in versions.iter().enumerate().rev() {
            (version(v, versions.get(..i).unwrap_or(&[]), &names))
        }
    };
    page_at(&state, Some(&user), &title, body, Some(section(&user)))
}

/// One version, against the one before it of the same record.
fn version(
    v: &RecordVersion,
    earlier: &[RecordVersion],
    names: &HashMap<String, String>,
) -> Markup {
    let before = earlier
        .iter()
        .rev()
        .find(|x| x.kind == v.kind && x.id == v.id)
        .map(|x| &x.record);
    let who = match &v.changed_by {
        Some(id) => names.get(id).cloned().unwrap_or_else(|| id.clone()),
        None => "Not known (before versions were kept)".into(),
    };
    let changes = diff(before, &v.record);
    let rows: Vec<Vec<Markup>> = changes
        .iter()
        .map(|c| {
            vec![
                html! { (c.field) },
                html! { @match &c.old { Some(x) => (x), None => span class="hint" { "None" } } },
                html! { @match &c.new { Some(x) => (x), None => span class="hint" { "None" } } },
            ]
        })
        .collect();
    let heading = format!("{} {}, version {}", kind_label(&v.kind), v.id, v.version);
    html! {
        section class="history-version" {
            h2 class="heading-m" { (heading) }
            dl class="summary-list" {
                div class="summary-list__row" { dt class="summary-list__key" { "Who" } dd class="summary-list__value" { (who) } }
                div class="summary-list__row" { dt class="summary-list__key" { "When" } dd class="summary-list__value" { (when(v.changed_at)) } }
                div class="summary-list__row" { dt class="summary-list__key" { "Why" } dd class="summary-list__value" { (v.reason) } }
            }
            @if rows.is_empty() {
                p class="body" { "No field changed." }
            } @else {
                (table(&format!("What changed in {heading}"), &[Column::text("Field"), Column::text("Before"), Column::text("After")], &rows))
            }
        }
    }
}
