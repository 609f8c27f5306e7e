//! The keeping forms for `desk_escaping`, answers typed into them carried page to page: a new
//! order's court sent back, provisions' pasted wording, a variation's provisions; and the
//! team's forms: an officer to add sent back, a change of rights checked, a one-time code.

use crate::check::*;
use crate::common::*;
use crate::data::*;

/// An order's keeping forms as sent back or carried on, in `pages`.
pub async fn order_forms(srv: &Http, pages: &mut Pages) {
    let typed_court = p("ORDER_COURT_TYPED");
    let f = [
        ("csrf", "csrf"),
        ("step", "court"),
        ("court", typed_court.as_str()),
        ("reference", ""),
    ];
    let r = srv.post("/supervise/nominals/N-0002/orders/new", Some("ds"), &f);
    pages.push(
        "new order: court sent back",
        400,
        text(r.await).await,
        vec!["ORDER_COURT_TYPED", "FAMILY", "GIVEN"],
    );
    let pasted = format!("1. {}", p("PASTED_WORDING"));
    let f = [
        ("csrf", "csrf"),
        ("step", "text"),
        ("text", pasted.as_str()),
    ];
    let r = srv.post("/supervise/orders/O-0002/provisions/new", Some("ds"), &f);
    pages.push(
        "provisions: pasted wording",
        200,
        text(r.await).await,
        vec!["PASTED_WORDING", "COURT_REF"],
    );
    let var_court = p("VARIATION_COURT_TYPED");
    let f = [
        ("csrf", "csrf"),
        ("step", "decision"),
        ("kind", "variation"),
        ("court", var_court.as_str()),
        ("made-day", "10"),
        ("made-month", "1"),
        ("made-year", "2027"),
        ("effect-day", "10"),
        ("effect-month", "1"),
        ("effect-year", "2027"),
        ("summary", "Varied"),
    ];
    let r = srv.post("/supervise/orders/O-0002/variations/new", Some("ds"), &f);
    pages.push(
        "variation: its provisions",
        200,
        text(r.await).await,
        vec!["VARIATION_COURT_TYPED", "PROVISION", "VERBATIM"],
    );
}

/// The team's forms sent back or checked, a code made, and an officer's own nominals, in
/// `pages`.
pub async fn team_forms(srv: &Http, db: &TestDb, pages: &mut Pages) {
    let s = db.storage.as_ref();
    let typed = p("NEW_NAME");
    let add = [("csrf", "csrf"), ("name", &typed), ("officer_id", "a b")];
    let r = text(srv.post("/supervise/team/new", Some("ds"), &add).await).await;
    pages.push("team: add sent back", 400, r, vec!["NEW_NAME"]);
    let rights = [
        ("csrf", "csrf"),
        ("role", "supervisor"),
        ("keeps_cohort", "yes"),
    ];
    let r = srv.post("/supervise/team/PC-DEMO-01/rights", Some("ds"), &rights);
    pages.push(
        "team: check the change",
        200,
        text(r.await).await,
        vec!["OFFICER_NAME"],
    );
    let code = [("csrf", "csrf"), ("made_for", "passkey")];
    let r = srv.post("/supervise/team/PC-DEMO-02/codes", Some("ds"), &code);
    pages.push(
        "team: one-time code",
        200,
        text(r.await).await,
        vec!["OFFICER2_NAME"],
    );
    start_sessions(s, &[("pc", "PC-DEMO-01", "pc-csrf")], at(60)).await;
    let r = srv.html("/supervise/mine", "pc").await;
    pages.push("/supervise/mine (officer)", 200, r, vec!["OFFICER_NAME"]);
}
