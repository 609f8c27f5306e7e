//! Every desk page, over HTTP, on both backends, with a unit whose every free-text field holds
//! `<script>alert("FIELD")</script>"onmouseover="x` (FIELD naming the field): no page has the
//! script or the attribute breakout as markup, and each page shows the fields it shows only
//! escaped. The test reads pages as a browser gets them, so it holds whatever renders them.
//!
//! Fields the desk shows on no page today (aliases, addresses, phones, probation contacts,
//! contact notes, notification details, referral answers, the unit's name...) are in the data
//! all the same: no page may ever carry them as markup.

#[macro_use]
mod common;
#[path = "desk_escaping/activity.rs"]
mod activity;
#[path = "desk_escaping/check.rs"]
mod check;
#[path = "desk_escaping/data.rs"]
mod data;
#[path = "desk_escaping/imports.rs"]
mod imports;
#[path = "desk_escaping/keeping.rs"]
mod keeping;
#[path = "desk_escaping/reached.rs"]
mod reached;

use std::sync::Arc;

use check::*;
use common::*;
use data::*;
use scpo_server::storage::{Officer, Role};

/// Officers with hostile names, the DS's session ("ds"), the server with its clock at noon
/// on `today()` plus an hour.
async fn serve(db: &TestDb) -> Http {
    let s = db.storage.as_ref();
    s.add_unit("U-DEMO", &p("UNIT")).await.unwrap();
    for (id, tag) in OFFICERS {
        let role = if id.starts_with("DS") {
            Role::Supervisor
        } else {
            Role::Officer
        };
        let o = Officer {
            id: id.into(),
            unit_id: "U-DEMO".into(),
            name: p(tag),
            role,
            keeps_cohort: false,
        };
        s.add_officer(&o, at(0)).await.unwrap();
    }
    start_sessions(s, &[("ds", "DS-DEMO-01", "csrf")], at(60)).await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = Arc::new(|| at(60));
    Http::start(state).await
}

/// In the order a unit's day goes: the imports, the day's changes (a phone enrolled, reports
/// decided, nominals assigned and transferred), the keeping forms, every page a DS reaches, the
/// team's forms, and the pages signed out.
async fn every_desk_page_shows_hostile_text_only_escaped(b: Backend) {
    let db = fresh(b).await;
    let srv = serve(&db).await;
    let mut pages = Pages::default();
    imports::import_pages(&srv, &mut pages).await;
    let device = activity::the_unit_s_day(&srv, &db, &mut pages).await;
    keeping::order_forms(&srv, &mut pages).await;
    for (path, want, shows) in reached::pages_a_ds_reaches(&device) {
        pages.push(&tidy(&path), want, srv.html(&path, "ds").await, shows);
    }
    keeping::team_forms(&srv, &db, &mut pages).await;
    let not_found = format!("/supervise/{}", urlencoding(&p("PATH")));
    let signed_out = format!(
        "/supervise/sign-in?signed-out={}",
        urlencoding(&p("NOTICE"))
    );
    for (path, want) in [
        ("/supervise/sign-in", 200),
        (signed_out.as_str(), 200),
        ("/supervise/register", 200),
        (not_found.as_str(), 404),
    ] {
        let r = text(srv.get(path, None).await).await;
        pages.push(&format!("{} (signed out)", tidy(path)), want, r, vec![]);
    }

    let pages = pages.0;
    let failures: Vec<String> = pages.iter().flat_map(problems).collect();
    assert!(
        failures.is_empty(),
        "{} of {} pages fail:\n{}",
        pages.iter().filter(|f| !problems(f).is_empty()).count(),
        pages.len(),
        failures.join("\n")
    );
}

on_both_backends!(every_desk_page_shows_hostile_text_only_escaped);
