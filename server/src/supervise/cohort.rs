//! Cohort upkeep: the unit's nominals with their officer and order end (those transferred out
//! apart), assigning a nominal to an officer; one nominal's page is in `nominal`, transfer out
//! in `transfer`, and adding or updating nominals, orders, provisions and variations from a
//! cohort file in `import`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::clock::uk_today;
use super::forms::{not_found, unavailable, unit_officers};
use super::layout::{esc, page_at};
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
    let gone = transfers(&records);
    let today = uk_today(state.now());
    let mut nominals: Vec<_> = cohort.nominals.iter().collect();
    nominals.sort_by_cached_key(|n| (n.display_name(), n.id.clone()));
    let link = |id: &str, name: &str| {
        format!(
            "<a href=\"/supervise/cohort/{}\">{}</a>",
            esc(&segment(id)),
            esc(name)
        )
    };
    let (mut rows, mut out_rows, mut count) = (String::new(), String::new(), 0);
    for n in &nominals {
        let name = n.display_name();
        if let Some(t) = gone.get(&n.id) {
            out_rows.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                link(&n.id, &name),
                esc(&n.id),
                format_date(t.on),
                esc(&t.force)
            ));
            continue;
        }
        count += 1;
        let officer = match assigned.get(&n.id) {
            Some(o) => esc(names.get(o).map_or(o.as_str(), String::as_str)),
            None => "<strong class=\"tag tag--yellow\">Not assigned</strong>".into(),
        };
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{officer}</td><td>{}</td></tr>",
            link(&n.id, &name),
            esc(&n.id),
            esc(&order_end(&cohort, &n.id, today))
        ));
    }
    let table = if count == 0 {
        "<p class=\"body\">Your unit holds no nominals yet. Import a cohort file to add them.</p>"
            .to_string()
    } else {
        format!(
            "<table class=\"table\"><caption>Nominals ({count})</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">ID</th><th scope=\"col\">Officer</th><th scope=\"col\">Order ends</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    };
    let out = if out_rows.is_empty() {
        String::new()
    } else {
        format!(
            "<h2 class=\"heading-m\">Transferred out</h2>\
<p class=\"body\">Their records stay here; they are on no phone of the unit.</p>\
<table class=\"table\"><caption class=\"visually-hidden\">Nominals transferred out</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">ID</th><th scope=\"col\">Transferred on</th><th scope=\"col\">Receiving force</th></tr></thead><tbody>{out_rows}</tbody></table>"
        )
    };
    let body = format!(
        "<h1 class=\"heading-l\">Cohort</h1>\
<p class=\"body\">The nominals your unit holds, and the officer each one is assigned to. Choose a name to assign the nominal to another officer or transfer them out.</p>\
<p class=\"body\"><a class=\"button button--secondary\" href=\"/supervise/cohort/import\">Import a cohort file</a></p>\
{table}{out}"
    );
    page_at(&state, Some(&s), "Cohort", &body, SECTION)
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
    let records = state
        .storage
        .unit_records(&s.officer.unit_id)
        .await
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
