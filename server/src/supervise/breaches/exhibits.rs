//! A breach report's photo exhibits at the desk: the list on the DS's decision page
//! (reference, what it shows, the SHA-256 recorded at capture, when and by whom, any withdrawal
//! with its reason, and a link to the exhibit's own page);
//! `GET /supervise/breaches/{report_id}/exhibits/{exhibit_id}`, the exhibit's page at the desk
//! (its details and the photo shown in it, with the way back to the report); and
//! `GET .../{exhibit_id}/photo`, the original bytes as the phone uploaded them, which the page
//! shows. Opening the page is logged (`consulted`, `exhibit`) and so is every sending of the
//! photo (`consulted`, `exhibit_photo`), each before anything is sent; a report or exhibit not
//! of the unit is answered 404.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::exhibit::photo::Exhibit;
use scpo_field::domain::time::dates::format_date_time;
use scpo_field::domain::Cohort;

use crate::state::AppState;
use crate::supervise::forms::{log_consulted, not_found, unavailable};
use crate::supervise::kit::{page_at, summary_list, tag, Colour, Row};
use crate::supervise::unit::load;
use crate::supervise::url::segment;
use crate::supervise::Supervisor;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervise/breaches/{report_id}/exhibits/{exhibit_id}",
            get(show),
        )
        .route(
            "/supervise/breaches/{report_id}/exhibits/{exhibit_id}/photo",
            get(photo),
        )
}

/// Image types a browser shows safely inline; anything else is sent as a download of bytes.
const INLINE_TYPES: [(&str, &str); 6] = [
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/webp", "webp"),
    ("image/gif", "gif"),
    ("image/heic", "heic"),
    ("image/avif", "avif"),
];

/// The address of a report's exhibit's page (`photo` false) or of its photo.
fn address(report_id: &str, exhibit_id: &str, photo: bool) -> String {
    format!(
        "/supervise/breaches/{}/exhibits/{}{}",
        segment(report_id),
        segment(exhibit_id),
        if photo { "/photo" } else { "" }
    )
}

/// What the desk shows of an exhibit, on the report and on its own page: what it shows, the
/// hash at capture, when and by whom, any withdrawal.
fn details(c: &Cohort, e: &Exhibit) -> Vec<Row<'static>> {
    let mut rows: Vec<Row> = vec![
        ("What it shows", html! { (e.description) }),
        (
            "SHA-256 at capture",
            html! { code class="hash" { (e.sha256) } },
        ),
        ("Captured", html! { (format_date_time(e.captured_at)) }),
        ("By", html! { (e.officer_name) " (" (e.officer_id) ")" }),
    ];
    if let Some(w) = c.withdrawal_of(&e.id) {
        rows.push((
            "Withdrawn",
            html! { (format_date_time(w.withdrawn_at)) ": " (w.reason) },
        ));
    }
    rows
}

/// The report's exhibits, in capture order, for the decision page.
pub fn exhibits_view(c: &Cohort, r: &BreachReport) -> Markup {
    let list = c.exhibits_for(&r.id);
    let rows = |e: &Exhibit| {
        let mut rows = details(c, e);
        let link = html! {
            a href=(address(&r.id, &e.id, false)) { "View the photo of exhibit " (e.reference) }
            " (viewing it is recorded in the audit log)"
        };
        rows.push(("Photo", link));
        rows
    };
    html! {
        h2 class="heading-m" id="exhibits" { "Photo exhibits" }
        @if list.is_empty() {
            p class="body" { "No photo exhibits." }
        }
        @for e in list {
            h3 class="heading-s" { "Exhibit " (e.reference) }
            (summary_list(&rows(e)))
        }
    }
}

/// The exhibit `exhibit_id` of the unit's report `report_id`, if both are the unit's.
fn find<'c>(
    cohort: &'c Cohort,
    report_id: &str,
    exhibit_id: &str,
) -> Option<(&'c BreachReport, &'c Exhibit)> {
    let e = cohort.exhibits.iter().find(|e| {
        e.id == exhibit_id && e.record_id == report_id && e.record_kind == "breach_report"
    })?;
    let r = cohort.breach_reports.iter().find(|r| r.id == report_id)?;
    Some((r, e))
}

/// The exhibit's page: its details, the photo in the page (from the photo's address) when the
/// server holds it, and the way back to its report. Logged before it is shown.
async fn show(
    State(state): State<AppState>,
    s: Supervisor,
    Path((report_id, exhibit_id)): Path<(String, String)>,
) -> Response {
    let cohort = match load(&state, &s).await {
        Ok(data) => data.cohort,
        Err(r) => return r,
    };
    let Some((r, e)) = find(&cohort, &report_id, &exhibit_id) else {
        return not_found(&state, &s);
    };
    let logged = log_consulted(&state, &s, "exhibit", &e.id, &e.nominal_id).await;
    // Nothing is shown that is not logged first.
    if logged.is_err() {
        return unavailable(&state, &s);
    }
    let Ok(photo) = state.storage.photo_info(&e.officer_id, &e.id).await else {
        return unavailable(&state, &s);
    };
    let inline = photo
        .as_ref()
        .is_some_and(|p| INLINE_TYPES.iter().any(|(t, _)| *t == p.content_type));
    let src = address(&r.id, &e.id, true);
    // What the photo shows, in the officer's words, for those who cannot see it.
    let alt = if e.description.trim().is_empty() {
        format!("Photo of exhibit {}", e.reference)
    } else {
        e.description.clone()
    };
    let name = cohort
        .nominal(&e.nominal_id)
        .map(|n| n.display_name())
        .unwrap_or_default();
    let mut rows = vec![("Reference", html! { (e.reference) })];
    rows.extend(details(&cohort, e));
    let body = html! {
        a class="back-link" href={ "/supervise/breaches/" (segment(&r.id)) } {
            "Back to breach report " (r.shown_reference())
        }
        span class="caption" { (name) " (" (e.nominal_id) ")" }
        h1 class="heading-l" { "Exhibit " (e.reference) }
        @if cohort.is_withdrawn(&e.id) {
            p class="body" { (tag("Withdrawn", Colour::Grey)) }
        }
        (summary_list(&rows))
        h2 class="heading-m" { "Photo" }
        @if photo.is_none() {
            p class="body" { "The photo has not reached the server." }
        } @else if inline {
            img class="exhibit-photo" src=(src) alt=(alt);
        } @else {
            p class="body" {
                "Browsers do not show this type of photo: "
                a href=(src) { "download the photo of exhibit " (e.reference) }
                "."
            }
        }
        p class="body" { "Opening this page and the photo is recorded in the audit log." }
    };
    tracing::info!(exhibit = %e.id, supervisor = %s.officer.id, "exhibit page viewed");
    page_at(
        &state,
        Some(&s),
        &format!("Exhibit {}", e.reference),
        body,
        Some("/supervise/breaches"),
    )
}

async fn photo(
    State(state): State<AppState>,
    s: Supervisor,
    Path((report_id, exhibit_id)): Path<(String, String)>,
) -> Response {
    let cohort = match load(&state, &s).await {
        Ok(data) => data.cohort,
        Err(r) => return r,
    };
    let Some(e) = cohort.exhibits.iter().find(|e| {
        e.id == exhibit_id && e.record_id == report_id && e.record_kind == "breach_report"
    }) else {
        return not_found(&state, &s);
    };
    let Ok(Some((info, bytes))) = state.storage.photo_bytes(&e.officer_id, &e.id).await else {
        return not_found(&state, &s);
    };
    // Nothing is shown that is not logged first.
    if log_consulted(&state, &s, "exhibit_photo", &e.id, &e.nominal_id)
        .await
        .is_err()
    {
        return unavailable(&state, &s);
    }
    let inline = INLINE_TYPES.iter().find(|(t, _)| *t == info.content_type);
    let (content_type, disposition) = match inline {
        Some((t, ext)) => (
            *t,
            format!("inline; filename=\"{}.{ext}\"", file_name(&e.reference)),
        ),
        None => (
            "application/octet-stream",
            format!("attachment; filename=\"{}\"", file_name(&e.reference)),
        ),
    };
    let mut r = (StatusCode::OK, bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    tracing::info!(exhibit = %e.id, supervisor = %s.officer.id, "exhibit photo viewed");
    r
}

/// "JS/3" → "exhibit-JS-3": letters, digits and dashes only.
fn file_name(reference: &str) -> String {
    let safe: String = reference
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("exhibit-{safe}")
}
