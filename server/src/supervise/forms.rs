//! Pieces the supervisor's pages share: the error summary and a field's message (GOV.UK), the
//! date input, the choice of one of the unit's officers, the page that answers for anything not
//! in the supervisor's unit, and the audit line for a consultation.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use maud::html;

use super::kit;
use super::layout::esc;
use super::Supervisor;
use crate::state::AppState;
use crate::storage::{Officer, Role, StorageResult};

/// A problem with an answer: the id of the field to go to, and what to do.
pub type Problem = (String, String);

/// The GOV.UK error summary, the one every supervisor page shows: "There is a problem" and
/// every problem, each linked to its field's id. Empty when none. It takes the focus when the
/// page loads (`autofocus`, and `passkey.js` for browsers that do not move it to a `div`).
pub fn error_summary<F: AsRef<str>, M: AsRef<str>>(problems: &[(F, M)]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let items: String = problems
        .iter()
        .map(|(field, message)| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                esc(field.as_ref()),
                esc(message.as_ref())
            )
        })
        .collect();
    format!(
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">\
<h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2>\
<ul class=\"error-summary__list error-summary__list--plain\">{items}</ul></div>"
    )
}

/// The message for `field`, if it has a problem: `(its id, the HTML)`.
pub fn field_error(problems: &[Problem], field: &str) -> Option<(String, String)> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| (format!("{field}-error"), error_message(field, m)))
}

/// A field's error message (GOV.UK), id `{field}-error` for the field's `aria-describedby`.
pub fn error_message(field: &str, message: &str) -> String {
    format!(
        "<p class=\"error-message\" id=\"{}-error\"><span class=\"visually-hidden\">Error: </span>{}</p>",
        esc(field),
        esc(message)
    )
}

/// "Error: " before a page's title when it shows problems (GOV.UK).
pub fn titled<P>(problems: &[P], title: &str) -> String {
    if problems.is_empty() {
        title.to_string()
    } else {
        format!("Error: {title}")
    }
}

/// A GOV.UK date input: day, month and year boxes named `day`, `month`, `year`, the first box's
/// id `{id}-day`; its problem is found under `{id}-day`.
pub fn date_input(
    id: &str,
    legend: &str,
    hint: &str,
    values: [&str; 3],
    problems: &[Problem],
) -> String {
    let error = field_error(problems, &format!("{id}-day"));
    let mut described = format!("{id}-hint");
    if let Some((eid, _)) = &error {
        described.push(' ');
        described.push_str(eid);
    }
    let boxes: String = [("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)]
        .iter()
        .zip(values)
        .map(|((name, label, width), value)| {
            format!(
                "<div class=\"date-input__item\"><label class=\"label date-input__label\" for=\"{id}-{name}\">{label}</label>\
<input class=\"input input--width-{width}{}\" id=\"{id}-{name}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"{}\"></div>",
                if error.is_some() { " input--error" } else { "" },
                esc(value)
            )
        })
        .collect();
    format!(
        "<div class=\"form-group{}\"><fieldset class=\"fieldset\" role=\"group\" aria-describedby=\"{described}\">\
<legend class=\"fieldset__legend\">{}</legend><p class=\"hint\" id=\"{id}-hint\">{}</p>{}\
<div class=\"date-input\">{boxes}</div></fieldset></div>",
        if error.is_some() { " form-group--error" } else { "" },
        esc(legend),
        esc(hint),
        error.map(|(_, h)| h).unwrap_or_default()
    )
}

/// The unit's officers who carry phones and hold nominals (role officer), by name.
pub async fn unit_officers(state: &AppState, unit_id: &str) -> Vec<Officer> {
    let mut officers: Vec<Officer> = state
        .storage
        .officers()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|o| o.unit_id == unit_id && o.role == Role::Officer)
        .collect();
    officers.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    officers
}

/// A select of the unit's officers (`name="officer"`), `selected` chosen.
pub fn officer_select(
    id: &str,
    label: &str,
    officers: &[Officer],
    selected: Option<&str>,
    problems: &[Problem],
) -> String {
    let error = field_error(problems, id);
    let mut options = String::from("<option value=\"\">Choose an officer</option>");
    for o in officers {
        options.push_str(&format!(
            "<option value=\"{}\"{}>{} ({})</option>",
            esc(&o.id),
            if selected == Some(o.id.as_str()) {
                " selected"
            } else {
                ""
            },
            esc(&o.name),
            esc(&o.id)
        ));
    }
    format!(
        "<div class=\"form-group{}\"><label class=\"label\" for=\"{id}\">{}</label>{}\
<select class=\"select\" id=\"{id}\" name=\"officer\"{}>{options}</select></div>",
        if error.is_some() {
            " form-group--error"
        } else {
            ""
        },
        esc(label),
        error.as_ref().map(|(_, h)| h.clone()).unwrap_or_default(),
        error
            .as_ref()
            .map(|(eid, _)| format!(" aria-describedby=\"{eid}\""))
            .unwrap_or_default()
    )
}

/// Log, in the audit log, that the supervisor consulted a nominal's record (every page that
/// shows one does). What to do when it fails is the page's to say.
pub async fn log_consultation(
    state: &AppState,
    s: &Supervisor,
    nominal_id: &str,
) -> StorageResult<()> {
    state
        .storage
        .audit(
            &s.officer.id,
            None,
            "consulted",
            "nominal",
            nominal_id,
            Some(nominal_id),
            state.now(),
        )
        .await
}

/// The answer for a nominal, device or anything else that is not in the supervisor's unit (or
/// does not exist): the same either way.
pub fn not_found(state: &AppState, s: &Supervisor) -> Response {
    page_not_found(state, Some(s))
}

/// The desk's "Page not found" (404), signed in or not: also the answer for any address under
/// `/supervise/` that no page has.
pub fn page_not_found(state: &AppState, s: Option<&Supervisor>) -> Response {
    let body = html! {
        h1 class="heading-l" { "Page not found" }
        p class="body" { "If you typed the web address, check it is correct." }
        p class="body" { a href="/supervise" { "Go to your team" } }
    };
    let mut r = kit::page(state, s, "Page not found", body);
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

/// The answer when the database cannot be reached: nothing was changed.
pub fn unavailable(state: &AppState, s: &Supervisor) -> Response {
    let body = html! {
        h1 class="heading-l" { "Sorry, there is a problem with the service" }
        p class="body" { "Nothing was changed. Try again in a few minutes." }
    };
    let mut r = kit::page(state, Some(s), "Sorry, there is a problem", body);
    *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    r
}

/// A page with a status other than 200 (e.g. 400 for a form sent back with its problems).
pub fn with_status(status: StatusCode, r: Response) -> Response {
    (status, r).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_summary_is_the_gov_uk_one_and_links_each_problem_to_its_field() {
        assert_eq!(error_summary::<&str, &str>(&[]), "");
        let html = error_summary(&[("to", "The last day <must> be later")]);
        for part in [
            "class=\"error-summary\"",
            "role=\"alert\"",
            "tabindex=\"-1\"",
            "aria-labelledby=\"error-summary-title\"",
            "id=\"error-summary-title\">There is a problem</h2>",
            "<li><a href=\"#to\">The last day &lt;must&gt; be later</a></li>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert_eq!(titled(&[("to", "x")], "Audit log"), "Error: Audit log");
        assert_eq!(titled::<()>(&[], "Audit log"), "Audit log");
    }
}
