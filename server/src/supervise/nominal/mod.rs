//! One nominal of the unit (`/supervise/nominals/{id}`), the page a DS supervises from: the
//! person ([`person`]), the order with each provision's wording as on a chosen day
//! ([`order`], `?on=`), the contact plan, the timeline the phone shows ([`timeline`]), the links
//! that keep the record ([`keep`]), and the forms to assign them to an officer and to transfer
//! them out (or, once transferred, when and where to). Each view is logged as a consultation.

mod history;
mod history_diff;
mod keep;
mod order;
mod person;
mod timeline;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use scpo_field::domain::time::dates::format_date;
use serde::Deserialize;

use super::clock::uk_today;
use super::forms::{log_consultation, not_found, unavailable, unit_officers, with_status};
use super::kit::{
    back_link, button, csrf_field, date_input, error_summary, inset_text, officer_select, page_at,
    success_panel, text_input, titled, warning_text, ButtonKind, Problem, TextField,
};
use super::unit::load;
use super::url::segment;
use super::DeskUser;
use crate::state::AppState;
use crate::storage::Role;
use crate::supervise::transferred::{transfers, Transferred};

/// A nominal's pages sit under "Cohort" in the navigation.
const SECTION: Option<&str> = Some("/supervise/cohort");

/// A link to a nominal's page, by their name.
pub fn nominal_link(id: &str, name: &str) -> Markup {
    html! { a href={ "/supervise/nominals/" (segment(id)) } { (name) } }
}

/// The nominal's page (at `/supervise/nominals/{id}`, and at `/supervise/cohort/{id}` as
/// before) and every version of their record.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/nominals/{nominal_id}", get(nominal))
        .route("/supervise/cohort/{nominal_id}", get(nominal))
        .route(
            "/supervise/nominals/{nominal_id}/history",
            get(history::history),
        )
}

/// What the nominal page's forms were sent with, and their problems.
#[derive(Default)]
pub struct NominalForms {
    /// What was just done, said at the top.
    pub banner: Option<&'static str>,
    pub problems: Vec<Problem>,
    pub officer: Option<String>,
    pub transfer: [String; 3],
    pub force: String,
    /// The day to show the order as on, as typed (`?on=`): today when empty.
    pub on: Option<String>,
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
    on: Option<String>,
}

pub async fn nominal(
    State(state): State<AppState>,
    s: DeskUser,
    Path(nominal_id): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    let banner = match q.done.as_deref() {
        Some("assigned") => Some("The nominal is assigned. The officer's phone brings their records at its next sync."),
        Some("transferred") => Some("The nominal is transferred out. They leave the unit's phones at their next sync; the record stays here."),
        // The keeping pages land here once saved (keep::nominal_new, keep::edit::saved).
        Some("recorded") => Some("The nominal is recorded. The offender manager's phone brings their records at its next sync."),
        Some("details") => Some("The details are saved. The officer's phone brings the change at its next sync."),
        Some("risk") => Some("The risk review is recorded. The officer's phone brings it at its next sync."),
        Some("plan") => Some("The contact plan is changed. The officer's phone brings it at its next sync."),
        Some("custody") => Some("The custody change is recorded. The officer's phone brings it at its next sync."),
        _ => None,
    };
    let forms = NominalForms {
        banner,
        on: q.on,
        ..Default::default()
    };
    nominal_page(&state, &s, &nominal_id, forms).await
}

/// One nominal of the unit: summary, order, provisions, and the forms to assign and transfer
/// out (sent back with their problems, status 400). Anything not in the unit: 404. Each view
/// is logged as a consultation.
pub async fn nominal_page(
    state: &AppState,
    s: &DeskUser,
    nominal_id: &str,
    forms: NominalForms,
) -> Response {
    let data = match load(state, s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let (assigned, names) = (data.assigned(), data.names());
    let cohort = &data.cohort;
    let Some(n) = cohort.nominal(nominal_id) else {
        return not_found(state, s);
    };
    // An officer who keeps only their own sees only the nominals assigned to them.
    let own = assigned.get(nominal_id) == Some(&s.officer.id);
    if !s.keeps_whole_unit() && !own {
        return not_found(state, s);
    }
    if let Err(e) = log_consultation(state, s, nominal_id).await {
        tracing::error!(error = %e, nominal = %nominal_id, "consultation not logged");
        return unavailable(state, s);
    }
    let today = uk_today(state.now());
    let gone = transfers(&data.records).remove(nominal_id);
    let holder = match (&gone, assigned.get(nominal_id)) {
        (Some(t), _) => format!("Transferred out to {} on {}", t.force, format_date(t.on)),
        (None, Some(o)) => format!("{} ({o})", names.get(o).unwrap_or(o)),
        (None, None) => "Not assigned".into(),
    };
    let actions = match &gone {
        Some(t) => transferred_note(t),
        // Assigning and transferring are the DS's.
        None if s.officer.role == Role::Supervisor => {
            forms_html(state, s, nominal_id, assigned.get(nominal_id), &forms).await
        }
        None => html! {},
    };
    let back = if s.officer.role == Role::Supervisor {
        back_link("/supervise/cohort", "Back to the cohort")
    } else {
        back_link("/supervise/mine", "Back to your nominals")
    };
    let shown = order::ShownDay::parse(forms.on.as_deref(), today);
    let mut problems = forms.problems.clone();
    if let Some(m) = shown.problem {
        problems.push(("on".into(), m.into()));
    }
    let body = html! {
        (back)
        @if let Some(b) = forms.banner { (success_panel(html! { p class="body" { (b) } })) }
        (error_summary(&problems))
        span class="caption" { "Nominal " (nominal_id) }
        h1 class="heading-l" { (n.display_name()) }
        p class="contents" {
            a href="#person" { "Person" }
            a href="#order" { "Order" }
            a href="#plan" { "Contact plan" }
            a href="#timeline" { "Timeline" }
            @if gone.is_none() { a href="#keep" { "Keep this record" } }
        }
        (person::person(n, today, &holder))
        (person::release_recorded(cohort, nominal_id))
        (order::order_section(cohort, n, &shown, today))
        (person::contact_plan(cohort, nominal_id, today))
        (timeline::timeline(cohort, nominal_id, today))
        @if gone.is_none() { (keep::keep_links(cohort, nominal_id)) }
        (actions)
    };
    let title = titled(&problems, &n.display_name());
    let r = page_at(state, Some(s), &title, body, SECTION);
    if forms.problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

fn transferred_note(t: &Transferred) -> Markup {
    inset_text(html! {
        "Transferred out to " (t.force) " on " (format_date(t.on)) ". The record stays here, on no phone of the unit. A nominal transferred out cannot be assigned to an officer again, and importing a file that names them does not bring them back."
    })
}

async fn forms_html(
    state: &AppState,
    s: &DeskUser,
    nominal_id: &str,
    current: Option<&String>,
    forms: &NominalForms,
) -> Markup {
    let officers = unit_officers(state, &s.officer.unit_id).await;
    let selected = forms.officer.as_deref().or(current.map(String::as_str));
    let force_error = forms.problems.iter().find(|(f, _)| f == "force");
    let [day, month, year] = &forms.transfer;
    let force = TextField {
        hint: Some("For example, Kent Police."),
        error: force_error.map(|(_, m)| m.as_str()),
        ..TextField::new("force", "Receiving force", &forms.force)
    };
    let id = segment(nominal_id);
    html! {
        h2 class="heading-m" { "Assign to an officer" }
        form method="post" action={ "/supervise/cohort/" (id) "/assign" } novalidate {
            (csrf_field(s))
            (officer_select("officer", "Officer", &officers, selected, &forms.problems))
            (button("Assign", ButtonKind::Primary))
        }
        h2 class="heading-m" { "Transfer out" }
        (warning_text(html! { "The nominal leaves every phone of the unit at their next sync and cannot be assigned again. The record stays here." }))
        form method="post" action={ "/supervise/cohort/" (id) "/transfer" } novalidate {
            (csrf_field(s))
            (date_input("transfer", "Date of transfer", "For example, 27 11 2026.", [day, month, year], &forms.problems))
            (text_input(&force))
            (button("Transfer out", ButtonKind::Warning))
        }
    }
}
