//! Cohort upkeep and devices as a supervisor uses them over HTTP, on both backends: viewing a
//! nominal (logged as a consultation), assigning, transferring out, importing a cohort file
//! (every problem listed and nothing applied; what would change shown first; into the
//! session's unit only), and enrolling, watching and revoking a phone.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_field::domain::Cohort;
use serde_json::Value;
use upkeep_support::*;

const DS: Option<&str> = Some("ds-token");

async fn assigning_and_transferring_out_from_the_desk(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let (phone, _) = enrol(s, "PC-DEMO-01").await;
    // Viewing a nominal is a consultation.
    let page = d.get("/supervise/cohort/N-0001", DS).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let name = scpo_field::domain::cohort::demo::demo_cohort(today()).nominals[0].display_name();
    assert!(html.contains(&esc(&name)));
    assert!(s
        .audit_since(at(60))
        .await
        .unwrap()
        .iter()
        .any(|a| a.actor == "DS-DEMO-01"
            && a.action == "consulted"
            && a.nominal_id.as_deref() == Some("N-0001")));
    // Assign: only an officer of the unit.
    let r = d
        .post(
            "/supervise/cohort/N-0001/assign",
            DS,
            &[("csrf", "the-csrf"), ("officer", "")],
        )
        .await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("Choose an officer"));
    let f = [("csrf", "the-csrf"), ("officer", "DS-DEMO-01")];
    assert_eq!(
        d.post("/supervise/cohort/N-0001/assign", DS, &f)
            .await
            .status(),
        400
    );
    let f = [("csrf", "the-csrf"), ("officer", "PC-DEMO-02")];
    let r = d.post("/supervise/cohort/N-0001/assign", DS, &f).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/supervise/nominals/N-0001?done=assigned"
    );
    assert!(s
        .assigned_nominals("PC-DEMO-02")
        .await
        .unwrap()
        .contains(&"N-0001".into()));
    // Transfer out: every problem at once, nothing done.
    let transfer = "/supervise/cohort/N-0001/transfer";
    let r = d
        .post(transfer, DS, &[("csrf", "the-csrf"), ("force", " ")])
        .await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    assert!(html.contains("<title>Error: "));
    assert!(html.contains("<a href=\"#transfer-day\">Enter the date of the transfer</a>"));
    assert!(html.contains("<a href=\"#force\">Enter the force the nominal is transferred to</a>"));
    let later = [
        ("csrf", "the-csrf"),
        ("day", "1"),
        ("month", "1"),
        ("year", "2027"),
        ("force", "Kent Police"),
    ];
    let r = d.post(transfer, DS, &later).await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("must be today or in the past"));
    assert_eq!(s.count_records("transfer").await.unwrap(), 0);
    let ok = [
        ("csrf", "the-csrf"),
        ("day", "24"),
        ("month", "11"),
        ("year", "2026"),
        ("force", "Kent Police"),
    ];
    let r = d.post(transfer, DS, &ok).await;
    assert_eq!(r.status(), 303);
    // Listed apart, with its date and force; the page has no form to assign it any more.
    let list = d.get("/supervise/cohort", DS).await.text().await.unwrap();
    let (active, out) = list.split_once("Transferred out").unwrap();
    assert!(!active.contains("N-0001"));
    assert!(out.contains("N-0001") && out.contains("24 Nov 2026") && out.contains("Kent Police"));
    let html = d
        .get("/supervise/cohort/N-0001", DS)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Transferred out to Kent Police on 24 Nov 2026"));
    assert!(!html.contains("/supervise/cohort/N-0001/assign"));
    let f = [("csrf", "the-csrf"), ("officer", "PC-DEMO-01")];
    let r = d.post("/supervise/cohort/N-0001/assign", DS, &f).await;
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("cannot be assigned to an officer"));
    assert_eq!(d.post(transfer, DS, &ok).await.status(), 400);
    // Off every phone.
    let (phone2, _) = enrol(s, "PC-DEMO-02").await;
    for p in [&phone, &phone2] {
        let scope = s.pull(p, 0, 500, at(61)).await.unwrap().in_scope;
        assert!(!scope.contains(&"N-0001".to_string()));
    }
}

/// Every problem the domain finds in `text`.
fn problems(text: &str) -> Vec<String> {
    Cohort::from_json(text)
        .err()
        .map(|e| e.problems.iter().map(|p| p.to_string()).collect())
        .unwrap_or_default()
}

async fn importing_a_cohort_file_from_the_desk(b: Backend) {
    let d = desk(b).await;
    let s = d.db.storage.as_ref();
    let import = "/supervise/cohort/import";
    let good = one_nominal(2, "9102", "PC-DEMO-02").to_json();
    // A bad file: every problem listed, nothing applied.
    let mut bad: Value = serde_json::from_str(&good).unwrap();
    bad["nominals"][0]["risk"] = "extreme".into();
    bad["contact_plans"][0]["every_days"] = 0.into();
    bad["conditions"][0]["order_id"] = "O-NONE".into();
    let bad = bad.to_string();
    let expected = problems(&bad);
    assert!(expected.len() >= 2, "{expected:?}");
    let before = s.unit_records("U-DEMO").await.unwrap();
    let r = d
        .post_multipart(
            import,
            "ds-token",
            &[("csrf", "the-csrf", None), ("file", &bad, Some("bad.json"))],
        )
        .await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    for p in &expected {
        assert!(
            html.contains(&format!("<a href=\"#file\">{}</a>", esc(p))),
            "{p}"
        );
    }
    assert_eq!(s.unit_records("U-DEMO").await.unwrap(), before);
    // Neither a file nor a paste; both.
    let r = d
        .post_multipart(
            import,
            "ds-token",
            &[("csrf", "the-csrf", None), ("file", "", Some(""))],
        )
        .await;
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Choose a cohort file, or paste its contents"));
    // A good file (pasted): what would change, then applied into the session's unit.
    let r = d
        .post_multipart(
            import,
            "ds-token",
            &[("csrf", "the-csrf", None), ("paste", &good, None)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Check the import before it is applied"));
    let name = Cohort::from_json(&good).unwrap().nominals[0].display_name();
    assert!(html.contains(&format!("<li>{}</li>", esc(&name))));
    assert_eq!(
        s.unit_records("U-DEMO").await.unwrap(),
        before,
        "nothing applied yet"
    );
    // The form claims another unit: the session's unit is the one used.
    let confirm = [
        ("csrf", "the-csrf"),
        ("cohort", good.as_str()),
        ("unit", OTHER_UNIT),
    ];
    let r = d
        .post("/supervise/cohort/import/confirm", DS, &confirm)
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Cohort imported"), "{html}");
    let nominals = |unit: &'static str| async move {
        s.unit_records(unit)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.nominal_id)
            .collect::<Vec<_>>()
    };
    assert!(nominals("U-DEMO").await.contains(&"N-9102".to_string()));
    assert!(!nominals(OTHER_UNIT).await.contains(&"N-9102".to_string()));
    assert!(s
        .assigned_nominals("PC-DEMO-02")
        .await
        .unwrap()
        .contains(&"N-9102".into()));
    // The same file again changes nothing, and says so before.
    let r = d
        .post_multipart(
            import,
            "ds-token",
            &[("csrf", "the-csrf", None), ("file", &good, Some("c.json"))],
        )
        .await;
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("importing it changes nothing"));
    // Another unit's ids: refused whole, without naming that unit.
    let theirs = one_nominal(1, "9001", "PC-DEMO-01").to_json();
    let confirm = [("csrf", "the-csrf"), ("cohort", theirs.as_str())];
    let r = d
        .post("/supervise/cohort/import/confirm", DS, &confirm)
        .await;
    assert_eq!(r.status(), 400);
    let html = r.text().await.unwrap();
    assert!(html.contains("is held by another unit") && !html.contains(OTHER_UNIT));
    assert_eq!(s.assigned_nominals(OTHER_PC).await.unwrap(), vec!["N-9001"]);
}

async fn enrolling_watching_and_revoking_a_phone_from_the_desk(b: Backend) {
    let d = desk(b).await;
    let r = d
        .post(
            "/supervise/devices/enrol",
            DS,
            &[("csrf", "the-csrf"), ("officer", "PC-DEMO-03")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let code = html
        .split("id=\"code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(code.len(), 9, "{code}");
    // 15 minutes from at(60), 13:00 GMT.
    assert!(html.contains("until 24 Nov 2026, 13:15"), "{html}");
    // The phone uses it.
    let r = d
        .client
        .post(format!("{}/api/enrol", d.base))
        .json(&serde_json::json!({"code": code, "label": "Pixel"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let enrolled: Value = r.json().await.unwrap();
    let credential = enrolled["credential"].as_str().unwrap().to_string();
    let device = enrolled["device_id"].as_str().unwrap().to_string();
    let call = |path: &'static str, push: bool| {
        let (d, credential) = (&d, credential.clone());
        async move {
            let url = format!("{}{path}", d.base);
            let req = if push {
                d.client.post(url).json(&serde_json::json!({"entries": []}))
            } else {
                d.client.get(url)
            };
            req.bearer_auth(credential).send().await.unwrap()
        }
    };
    let row = |html: String| -> String {
        let at = html
            .find(&format!("Pixel ({device})"))
            .expect("the phone is listed");
        html[at..].split("</tr>").next().unwrap().to_string()
    };
    let list = d.get("/supervise/devices", DS).await.text().await.unwrap();
    assert!(row(list.clone()).contains("Never") && row(list).contains("Not reported"));
    assert_eq!(call("/api/sync/pull?waiting=4", false).await.status(), 200);
    let listed = row(d.get("/supervise/devices", DS).await.text().await.unwrap());
    assert!(
        listed.contains(">4<br><span class=\"body-s\">at 24 Nov 2026, 13:00</span>"),
        "{listed}"
    );
    assert!(listed.contains("Active"));
    // A garbled count is ignored; a push reports too.
    assert_eq!(
        call("/api/sync/pull?waiting=lots", false).await.status(),
        200
    );
    assert!(row(d.get("/supervise/devices", DS).await.text().await.unwrap()).contains(">4<br>"));
    assert_eq!(call("/api/sync/push?waiting=2", true).await.status(), 200);
    assert!(row(d.get("/supervise/devices", DS).await.text().await.unwrap()).contains(">2<br>"));
    // Revoke: a warning first, then the phone is refused and told to wipe.
    let path = format!("/supervise/devices/{device}/revoke");
    let warn = d.get(&path, DS).await.text().await.unwrap();
    assert!(warn.contains("held 2 records not yet on the server"));
    let r = d.post(&path, DS, &[("csrf", "the-csrf")]).await;
    assert_eq!(r.status(), 303);
    let r = call("/api/sync/pull", false).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["wipe"], true);
    assert!(row(d.get("/supervise/devices", DS).await.text().await.unwrap()).contains("Revoked"));
}

on_both_backends!(
    assigning_and_transferring_out_from_the_desk,
    importing_a_cohort_file_from_the_desk,
    enrolling_watching_and_revoking_a_phone_from_the_desk,
);
