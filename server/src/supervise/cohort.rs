//! Cohort upkeep: the unit's nominals with their officer and order end (those transferred out
//! apart), assigning a nominal to an officer; one nominal's page is in `nominal`, transfer out
//! in `transfer`, and adding or updating nominals, orders, provisions and variations from a
//! cohort file in `import`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use maud::html;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::clock::uk_today;
use super::forms::{not_found, unavailable, unit_officers};
use super::kit::{button_class, page_at, table, tag, ButtonKind, Colour, Column};
use super::nominal::{nominal_page, NominalForms};
use super::transfer::transfers;
use super::unit::load;
use super::url::segment;
use super::{csrf_refusal, import, nominal, transfer, Supervisor};
use crate::state::AppState;
use crate::storage::StorageError;

pub(super) const SECTION: Option<&str> = Some("/supervise/cohort");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervise/cohort", get(list))
        .route("/supervise/cohort/{nominal_id}", get(nominal::nominal))
        .route("/supervise/cohort/{nominal_id}/assign", post(assign))
        .route(
            "/supervise/cohort/{nominal_id}/transfer",
            post(transfer::transfer),
        )
        .merge(import::routes())
}

/// When the nominal's order ends, in words.
pub(super) fn order_end(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> String {
    match cohort.order_for(nominal_id, today) {
        None => "No order held".into(),
        Some(o) => match o.ends_on(today) {
            Some(end) if o.end_is_provisional() => format!("{} (provisional)", format_date(end)),
            Some(end) => format_date(end),
            None => o.status_on(today).label().into(),
        },
    }
}

async fn list(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let (records, assigned, names) = (&data.records, data.assigned(), data.names());
    let cohort = &data.cohort;
    let gone = transfers(records);
    let today = uk_today(state.now());
    let mut nominals: Vec<_> = cohort.nominals.iter().collect();
    nominals.sort_by_cached_key(|n| (n.display_name(), n.id.clone()));
    let link = |id: &str, name: &str| {
        html! { a href={ "/supervise/cohort/" (segment(id)) } { (name) } }
    };
    let (mut rows, mut out_rows) = (Vec::new(), Vec::new());
    for n in &nominals {
        let name = n.display_name();
        if let Some(t) = gone.get(&n.id) {
            out_rows.push(vec![
                link(&n.id, &name),
                html! { (n.id) },
                html! { (format_date(t.on)) },
                html! { (t.force) },
            ]);
            continue;
        }
        let officer = match assigned.get(&n.id) {
            Some(o) => html! { (names.get(o).unwrap_or(o)) },
            None => tag("Not assigned", Colour::Yellow),
        };
        rows.push(vec![
            link(&n.id, &name),
            html! { (n.id) },
            officer,
            html! { (order_end(cohort, &n.id, today)) },
        ]);
    }
    let columns = |last: [&'static str; 2]| {
        [Column::text("Name"), Column::text("ID")]
            .into_iter()
            .chain(last.map(Column::text))
            .collect::<Vec<_>>()
    };
    let body = html! {
        h1 class="heading-l" { "Cohort" }
        p class="body" { "The nominals your unit holds, and the officer each one is assigned to. Choose a name to assign the nominal to another officer or transfer them out." }
        p class="body" {
            a class=(button_class(ButtonKind::Secondary)) href="/supervise/cohort/import" { "Import a cohort file" }
        }
        @if rows.is_empty() {
            p class="body" { "Your unit holds no nominals yet. Import a cohort file to add them." }
        } @else {
            (table(&format!("Nominals ({})", rows.len()), &columns(["Officer", "Order ends"]), &rows))
        }
        @if !out_rows.is_empty() {
            h2 class="heading-m" { "Transferred out" }
            p class="body" { "Their records stay here; they are on no phone of the unit." }
            (table("Nominals transferred out", &columns(["Transferred on", "Receiving force"]), &out_rows))
        }
    };
    page_at(&state, Some(&s), "Cohort", body, SECTION)
}

#[derive(Deserialize)]
pub struct AssignForm {
    csrf: String,
    #[serde(default)]
    officer: String,
}

async fn assign(
    State(state): State<AppState>,
    s: Supervisor,
    Path(nominal_id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Response {
    if let Some(refused) = csrf_refusal(&s, &f.csrf) {
        return refused;
    }
    let sent_back = |message: &str| NominalForms {
        problems: vec![("officer".into(), message.into())],
        officer: Some(f.officer.clone()),
        ..Default::default()
    };
    let officers = unit_officers(&state, &s.officer.unit_id).await;
    if f.officer.is_empty() {
        return nominal_page(&state, &s, &nominal_id, sent_back("Choose an officer")).await;
    }
    // Only an officer of the supervisor's own unit, whatever the form says.
    if !officers.iter().any(|o| o.id == f.officer) {
        let m = "Choose an officer of your unit";
        return nominal_page(&state, &s, &nominal_id, sent_back(m)).await;
    }
    let records = load(&state, &s)
        .await
        .map(|unit| unit.records)
        .unwrap_or_default();
    let held = records
        .iter()
        .any(|r| r.kind == "nominal" && r.id == nominal_id);
    if !held {
        return not_found(&state, &s);
    }
    if let Some(t) = transfers(&records).get(&nominal_id) {
        let m = format!(
            "This nominal was transferred out to {} on {}: they cannot be assigned to an officer",
            t.force,
            format_date(t.on)
        );
        return nominal_page(&state, &s, &nominal_id, sent_back(&m)).await;
    }
    match state
        .storage
        .assign(&nominal_id, &f.officer, &s.officer.id, state.now())
        .await
    {
        Ok(()) => {
            tracing::info!(nominal = %nominal_id, officer = %f.officer, actor = %s.officer.id, "nominal assigned");
            let to = format!("/supervise/cohort/{}?done=assigned", segment(&nominal_id));
            Redirect::to(&to).into_response()
        }
        Err(StorageError::NotFound(_)) => not_found(&state, &s),
        Err(StorageError::Conflict(_)) => {
            let m = "This nominal cannot be assigned to that officer";
            nominal_page(&state, &s, &nominal_id, sent_back(m)).await
        }
        Err(e) => {
            tracing::error!(error = %e, nominal = %nominal_id, "assign");
            unavailable(&state, &s)
        }
    }
}
