//! Custody and licence events at the desk (`/supervise/nominals/{id}/custody`): one question
//! page for what happened (the events that can follow where the nominal is), then its dates,
//! then check your answers. A release puts in force, from the release day, every order of the
//! nominal that waits for it ("on release"): the order's new version goes in the same save.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use maud::html;
use scpo_field::domain::cohort::releases::orders_in_force_on_release;
use scpo_field::domain::forms::custody_form::{
    apply_event, event_fields, events_for, released_hint, EVENTS,
};
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::time::dates::format_date;
use scpo_field::domain::Nominal;

use super::edit::Edit;
use super::form::{carried, open, open_posted, problems, refusal, versioned, Checked};
use super::views::{date, probation_fields};
use crate::state::AppState;
use crate::supervise::clock::uk_today;
use crate::supervise::forms::Problem;
use crate::supervise::keep;
use crate::supervise::kit::{radios, Radio};
use crate::supervise::unit::UnitData;
use crate::supervise::DeskUser;

const TITLE: &str = "Custody and licence";

fn event_page(
    state: &AppState,
    user: &DeskUser,
    n: &Nominal,
    a: &FormAnswers,
    p: &[Problem],
) -> Response {
    let e = Edit {
        nominal: n,
        slug: "custody",
        title: TITLE,
    };
    let events = events_for(&n.custody);
    let choices: Vec<Radio> = events
        .iter()
        .enumerate()
        .map(|(i, (code, label))| Radio {
            id: if i == 0 { "event" } else { code },
            value: code,
            label,
            checked: a.get("event") == *code,
        })
        .collect();
    let now = n.custody.describe(uk_today(state.now()));
    let err = p
        .iter()
        .find(|(f, _)| f == "event")
        .map(|(_, m)| m.as_str());
    let fields = html! {
        @if events.is_empty() {
            p class="body" { "Now: " (now) ". No custody or licence event can follow this: correct the record under their details if it is wrong." }
        } @else {
            (radios("event", "What has happened?", Some(&format!("Now: {now}.")), &choices, err, html! {}))
        }
    };
    e.question(
        state,
        user,
        "event",
        "What has happened?",
        a,
        &["event".into()],
        fields,
        p,
        None,
    )
}

fn dates_page(
    state: &AppState,
    user: &DeskUser,
    n: &Nominal,
    a: &FormAnswers,
    p: &[Problem],
) -> Response {
    let e = Edit {
        nominal: n,
        slug: "custody",
        title: TITLE,
    };
    let event = a.get("event");
    let label = EVENTS
        .iter()
        .find(|(c, _)| *c == event)
        .map_or(TITLE, |(_, l)| *l);
    let err = p
        .iter()
        .find(|(f, _)| f == "licence")
        .map(|(_, m)| m.as_str());
    let licence = [
        Radio {
            id: "licence",
            value: "yes",
            label: "Yes, on licence",
            checked: a.get("licence") == "yes",
        },
        Radio {
            id: "licence-no",
            value: "no",
            label: "No, released without a licence",
            checked: a.get("licence") == "no",
        },
    ];
    let fields = match event {
        "release_date" => date(
            a,
            "expected",
            "The expected date of release",
            "As the prison gives it.",
            p,
        ),
        "released" => html! {
            (date(a, "released", "The date of release", &released_hint(&n.custody), p))
            (radios("licence", "Are they released on licence?", None, &licence, err, html! {}))
            (date(a, "licence_ends", "If on licence, the licence's last day", "For example, 23 11 2027.", p))
            (probation_fields(a, p))
        },
        "licence_end" => date(
            a,
            "licence_ends",
            "The licence's new last day",
            "For example, 23 11 2027.",
            p,
        ),
        "recalled" => html! {
            (date(a, "recalled", "The date of recall", "The day they were returned to custody.", p))
            (date(a, "expected", "The expected date of release", "As the prison gives it.", p))
        },
        "licence_ended" => date(a, "ended", "The day the licence ended", "Its last day.", p),
        _ => return event_page(state, user, n, a, p),
    };
    e.question(
        state,
        user,
        "dates",
        label,
        a,
        &event_fields(event),
        fields,
        p,
        Some("event"),
    )
}

pub async fn form(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let (unit, n) = match open(&state, &user, &nominal_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut a = FormAnswers::default();
    carry_versions(&state, &user, &unit, &n, &mut a).await;
    event_page(&state, &user, &n, &a, &[])
}

/// The versions the form was opened on: the nominal's, and each order's (a release changes
/// the orders that wait for it).
async fn carry_versions(
    state: &AppState,
    user: &DeskUser,
    unit: &UnitData,
    n: &Nominal,
    a: &mut FormAnswers,
) {
    let v = keep::version_of(state, user, &n.id, "nominal", &n.id).await;
    a.set("version", v.map(|v| v.to_string()).unwrap_or_default());
    for o in unit.cohort.orders.iter().filter(|o| o.nominal_id == n.id) {
        let v = keep::version_of(state, user, &n.id, "order", &o.id).await;
        a.set(
            format!("version-order-{}", o.id),
            v.map(|v| v.to_string()).unwrap_or_default(),
        );
    }
}

pub async fn post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let (f, unit, n) = match open_posted(&state, &user, &nominal_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let a = &f.answers;
    match f.go.as_deref() {
        Some("event") => return event_page(&state, &user, &n, a, &[]),
        Some(_) => return dates_page(&state, &user, &n, a, &[]),
        None => {}
    }
    let today = uk_today(state.now());
    if f.step == "event" {
        let p = scpo_field::domain::forms::custody_form::check_event(&n.custody, a);
        if !p.is_empty() {
            return event_page(&state, &user, &n, a, &problems(&p));
        }
        return dates_page(&state, &user, &n, a, &[]);
    }
    let (custody, reason) = match apply_event(&n.custody, a, today) {
        Ok(x) => x,
        Err(p) => return dates_page(&state, &user, &n, a, &problems(&p)),
    };
    let orders = match a.get("event") {
        "released" => {
            orders_in_force_on_release(&unit.cohort.orders, &n.id, custody.release_date())
        }
        _ => vec![],
    };
    let e = Edit {
        nominal: &n,
        slug: "custody",
        title: TITLE,
    };
    if f.step != "check" {
        let mut rows = vec![
            Checked {
                key: "What happened",
                value: html! { (reason) },
                change: Some("event"),
            },
            Checked {
                key: "Now",
                value: html! { (custody.describe(today)) },
                change: Some("dates"),
            },
        ];
        for o in &orders {
            let day = o.comes_into_force().map(format_date).unwrap_or_default();
            rows.push(Checked {
                key: "Order comes into force",
                value: html! { "Order " (o.court_reference) " comes into force on " (day) " (it was made to come into force on release)" },
                change: None,
            });
        }
        return e.check(&state, &user, a, &rows, &[], "Save");
    }
    let after = Nominal {
        custody,
        ..n.clone()
    };
    let mut change = vec![versioned(
        "nominal",
        &n.id,
        &n.id,
        serde_json::to_value(&after).unwrap_or_default(),
        carried(a, "version"),
    )];
    for o in &orders {
        let expected = carried(a, &format!("version-order-{}", o.id));
        let record = serde_json::to_value(o).unwrap_or_default();
        change.push(versioned("order", &o.id, &n.id, record, expected));
    }
    match keep::save(&state, &user, &n.id, &reason, change, None).await {
        Ok(_) => e.saved(),
        Err(r) => dates_page(&state, &user, &n, a, &refusal(&r, "check")),
    }
}
