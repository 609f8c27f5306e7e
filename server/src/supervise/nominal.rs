//! One nominal of the unit, for upkeep: their summary, order, variations and provisions, and
//! the forms to assign them to an officer and to transfer them out (or, once transferred, when
//! and where to). Each view is logged as a consultation.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::clock::uk_today;
use super::cohort::{order_end, SECTION};
use super::forms::{
    date_input, error_summary, field_error, log_consultation, not_found, officer_select, titled,
    unavailable, unit_officers, with_status, Problem,
};
use super::layout::{csrf_field, esc, page_at};
use super::transfer::{transfers, Transferred};
use super::unit::load;
use super::url::segment;
use super::Supervisor;
use crate::records::cohort_of;
use crate::state::AppState;
use crate::storage::StoredRecord;

/// What the nominal page's forms were sent with, and their problems.
#[derive(Default)]
pub struct NominalForms {
    /// What was just done, said at the top.
    pub banner: Option<&'static str>,
    pub problems: Vec<Problem>,
    pub officer: Option<String>,
    pub transfer: [String; 3],
    pub force: String,
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn nominal(
    State(state): State<AppState>,
    s: Supervisor,
    Path(nominal_id): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    let banner = match q.done.as_deref() {
        Some("assigned") => Some("The nominal is assigned. The officer's phone brings their records at its next sync."),
        Some("transferred") => Some("The nominal is transferred out. They leave the unit's phones at their next sync; the record stays here."),
        _ => None,
    };
    let forms = NominalForms {
        banner,
        ..Default::default()
    };
    nominal_page(&state, &s, &nominal_id, forms).await
}

/// One nominal of the unit: summary, order, provisions, and the forms to assign and transfer
/// out (sent back with their problems, status 400). Anything not in the unit: 404. Each view
/// is logged as a consultation.
pub async fn nominal_page(
    state: &AppState,
    s: &Supervisor,
    nominal_id: &str,
    forms: NominalForms,
) -> Response {
    let data = match load(state, s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let (assigned, names) = (data.assigned(), data.names());
    let mine: Vec<StoredRecord> = data
        .records
        .into_iter()
        .filter(|r| r.nominal_id == nominal_id)
        .collect();
    let cohort = cohort_of(&mine);
    let Some(n) = cohort.nominal(nominal_id) else {
        return not_found(state, s);
    };
    if let Err(e) = log_consultation(state, s, nominal_id).await {
        tracing::error!(error = %e, nominal = %nominal_id, "consultation not logged");
        return unavailable(state, s);
    }
    let today = uk_today(state.now());
    let gone = transfers(&mine).remove(nominal_id);
    let holder = match (&gone, assigned.get(nominal_id)) {
        (Some(t), _) => format!(
            "Transferred out to {} on {}",
            esc(&t.force),
            format_date(t.on)
        ),
        (None, Some(o)) => format!(
            "{} ({})",
            esc(names.get(o).map_or(o.as_str(), String::as_str)),
            esc(o)
        ),
        (None, None) => "Not assigned".into(),
    };
    let row = |k: &str, v: &str| {
        format!("<div class=\"summary-list__row\"><dt class=\"summary-list__key\">{k}</dt><dd class=\"summary-list__value\">{v}</dd></div>")
    };
    let summary = [
        row("Date of birth", &format_date(n.date_of_birth)),
        row(
            "Risk",
            &format!(
                "{}, reviewed {}",
                esc(n.risk.label()),
                format_date(n.risk_reviewed_on)
            ),
        ),
        row("Custody", &esc(&n.custody.describe(today))),
        row(
            "Offender manager in the file",
            &format!(
                "{} ({})",
                esc(&n.offender_manager.name),
                esc(&n.offender_manager.id)
            ),
        ),
        row("Assigned to", &holder),
    ]
    .concat();
    let order = order_section(&cohort, nominal_id, today);
    let actions = match &gone {
        Some(t) => transferred_note(t),
        None => forms_html(state, s, nominal_id, assigned.get(nominal_id), &forms).await,
    };
    let banner = forms
        .banner
        .map(|b| {
            format!("<div class=\"panel panel--success\" role=\"status\"><p class=\"body\">{b}</p></div>")
        })
        .unwrap_or_default();
    let body = format!(
        "<a class=\"back-link\" href=\"/supervise/cohort\">Back to the cohort</a>{banner}{}\
<span class=\"caption\">Nominal {}</span><h1 class=\"heading-l\">{}</h1>\
<dl class=\"summary-list\">{summary}</dl>{order}{actions}",
        error_summary(&forms.problems),
        esc(nominal_id),
        esc(&n.display_name()),
    );
    let title = titled(&forms.problems, &n.display_name());
    let r = page_at(state, Some(s), &title, &body, SECTION);
    if forms.problems.is_empty() {
        r
    } else {
        with_status(StatusCode::BAD_REQUEST, r)
    }
}

fn transferred_note(t: &Transferred) -> String {
    format!(
        "<div class=\"inset-text\"><p class=\"body\">Transferred out to {} on {}. The record stays here, on no phone of the unit. A nominal transferred out cannot be assigned to an officer again, and importing a file that names them does not bring them back.</p></div>",
        esc(&t.force),
        format_date(t.on)
    )
}

/// The order in force (or the latest), its variations and its provisions.
fn order_section(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> String {
    let Some(o) = cohort.order_for(nominal_id, today) else {
        return "<h2 class=\"heading-m\">Order</h2><p class=\"body\">No order is held for this nominal.</p>".into();
    };
    let row = |k: &str, v: String| {
        format!("<div class=\"summary-list__row\"><dt class=\"summary-list__key\">{k}</dt><dd class=\"summary-list__value\">{v}</dd></div>")
    };
    let mut rows = row("Court reference", esc(&o.court_reference))
        + &row("Court", esc(&o.court))
        + &row("Status today", esc(o.status_on(today).label()));
    if let Some(cif) = o.comes_into_force() {
        rows += &row("Comes into force", format_date(cif));
    }
    rows += &row("Ends", esc(&order_end(cohort, nominal_id, today)));
    let variations: String = o
        .variations
        .iter()
        .map(|v| {
            format!(
                "<li>Made {}, has effect from {}: {}</li>",
                format_date(v.made_on),
                format_date(v.takes_effect),
                esc(&v.summary)
            )
        })
        .collect();
    let variations = if variations.is_empty() {
        "<p class=\"body\">No variations.</p>".to_string()
    } else {
        format!("<ul class=\"list\">{variations}</ul>")
    };
    let live: Vec<&str> = cohort
        .live_conditions(nominal_id, today)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let provisions: String = cohort
        .conditions_of(&o.id)
        .iter()
        .map(|c| {
            format!(
                "<li><strong>{}</strong>: {}{}</li>",
                esc(c.family.label()),
                esc(&c.summary),
                if live.contains(&c.id.as_str()) {
                    ""
                } else {
                    " (not in force today)"
                }
            )
        })
        .collect();
    format!(
        "<h2 class=\"heading-m\">Order</h2><dl class=\"summary-list\">{rows}</dl>\
<h3 class=\"heading-s\">Variations</h3>{variations}\
<h2 class=\"heading-m\">Provisions</h2><ul class=\"list\">{provisions}</ul>"
    )
}

async fn forms_html(
    state: &AppState,
    s: &Supervisor,
    nominal_id: &str,
    current: Option<&String>,
    forms: &NominalForms,
) -> String {
    let officers = unit_officers(state, &s.officer.unit_id).await;
    let selected = forms.officer.as_deref().or(current.map(String::as_str));
    let force_error = field_error(&forms.problems, "force");
    let [day, month, year] = &forms.transfer;
    format!(
        "<h2 class=\"heading-m\">Assign to an officer</h2>\
<form method=\"post\" action=\"/supervise/cohort/{id}/assign\" novalidate>{csrf}{select}\
<button class=\"button\" type=\"submit\">Assign</button></form>\
<h2 class=\"heading-m\">Transfer out</h2>\
<div class=\"warning-text\"><p class=\"body\"><strong>The nominal leaves every phone of the unit at their next sync and cannot be assigned again. The record stays here.</strong></p></div>\
<form method=\"post\" action=\"/supervise/cohort/{id}/transfer\" novalidate>{csrf}{date}\
<div class=\"form-group{force_group}\"><label class=\"label\" for=\"force\">Receiving force</label>\
<p class=\"hint\" id=\"force-hint\">For example, Kent Police.</p>{force_message}\
<input class=\"input{force_input}\" id=\"force\" name=\"force\" type=\"text\" spellcheck=\"false\" aria-describedby=\"force-hint{force_described}\" value=\"{force}\"></div>\
<button class=\"button button--warning\" type=\"submit\">Transfer out</button></form>",
        id = esc(&segment(nominal_id)),
        csrf = csrf_field(s),
        select = officer_select("officer", "Officer", &officers, selected, &forms.problems),
        date = date_input(
            "transfer",
            "Date of transfer",
            "For example, 27 11 2026.",
            [day, month, year],
            &forms.problems
        ),
        force_group = if force_error.is_some() { " form-group--error" } else { "" },
        force_input = if force_error.is_some() { " input--error" } else { "" },
        force_message = force_error.as_ref().map(|(_, h)| h.as_str()).unwrap_or_default(),
        force_described = if force_error.is_some() { " force-error" } else { "" },
        force = esc(&forms.force),
    )
}
