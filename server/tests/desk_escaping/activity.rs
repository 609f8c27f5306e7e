//! The unit's day for `desk_escaping`: a phone enrolled with a hostile label (the devices
//! page's one-time code on the way) sends exhibits and a contact, the DS decides two breach
//! reports and has the third's form sent back, assigns a nominal and transfers one out (and
//! has a transfer without a date sent back).

use crate::check::*;
use crate::common::*;
use crate::data::*;
use crate::reached::DECIDED;
use serde_json::json;

/// The pages on the way, in `pages`; the enrolled phone's device id.
pub async fn the_unit_s_day(srv: &Http, db: &TestDb, pages: &mut Pages) -> String {
    // A phone enrolled with a hostile label sends exhibits and a contact.
    let enrol = [("csrf", "csrf"), ("officer", "PC-DEMO-01")];
    let code_page = text(
        srv.post("/supervise/devices/enrol", Some("ds"), &enrol)
            .await,
    )
    .await;
    pages.push(
        "devices: one-time code",
        200,
        code_page,
        vec!["OFFICER_NAME"],
    );
    let s = db.storage.as_ref();
    let code = scpo_server::new_enrolment_code(s, "PC-DEMO-01", at(60))
        .await
        .unwrap();
    let label = p("DEVICE_LABEL");
    let (status, phone) = srv
        .post_json("/api/enrol", json!({"code": code, "label": label}))
        .await;
    assert_eq!(status, 200, "{phone}");
    let cred = phone["credential"].as_str().unwrap();
    let device = phone["device_id"].as_str().unwrap().to_string();
    from_the_phone(srv, cred).await;

    // The DS decides two reports, sends the third's form back, assigns and transfers out.
    for (report, level) in [("BR-0002-1", Some("charge")), ("BR-0002-2", None)] {
        let f = decision(level);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let path = format!("/supervise/breaches/{report}");
        let r = srv.post(&path, Some("ds"), &f).await;
        assert_eq!(r.status(), 303, "{report}: {}", r.text().await.unwrap());
    }
    let undecided: Vec<(&str, String)> = decision(None)
        .into_iter()
        .filter(|(k, _)| *k != "agrees")
        .collect();
    let f: Vec<(&str, &str)> = undecided.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let sent_back = text(
        srv.post("/supervise/breaches/BR-0002-3", Some("ds"), &f)
            .await,
    )
    .await;
    let typed = DECIDED[..5].to_vec();
    pages.push(
        "breach BR-0002-3: decision sent back",
        422,
        sent_back,
        typed,
    );
    let assign = [("csrf", "csrf"), ("officer", "PC-DEMO-02")];
    let r = srv
        .post("/supervise/cohort/N-0001/assign", Some("ds"), &assign)
        .await;
    assert_eq!(r.status(), 303);
    let force = p("FORCE");
    let out = [
        ("csrf", "csrf"),
        ("day", "24"),
        ("month", "11"),
        ("year", "2026"),
        ("force", force.as_str()),
    ];
    let r = srv
        .post("/supervise/cohort/N-0012/transfer", Some("ds"), &out)
        .await;
    assert_eq!(r.status(), 303);
    let typed = p("FORCE_TYPED");
    let no_date = [("csrf", "csrf"), ("day", ""), ("force", typed.as_str())];
    let r = srv.post("/supervise/cohort/N-0011/transfer", Some("ds"), &no_date);
    pages.push(
        "nominal N-0011: transfer sent back",
        400,
        text(r.await).await,
        vec!["FORCE_TYPED"],
    );

    device
}
