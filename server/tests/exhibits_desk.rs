//! A breach report's photo exhibits at the DS's desk, on both backends: listed on the decision
//! page with the SHA-256 recorded at capture and any withdrawal; the photo served as uploaded
//! with a safe type, each view logged; another unit's DS and an officer cannot open it.

#[macro_use]
mod common;

use common::*;
use scpo_server::api::photos::sha256_hex;
use serde_json::{json, Value};

const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n synthetic photo of a second handset";
const REPORT: &str = "/supervise/breaches/BR-0002-1";

async fn serve(db: &TestDb) -> Http {
    let s = db.storage.as_ref();
    add_other_unit_ds(s).await;
    let now = chrono::Utc::now().timestamp_millis();
    let sessions = [
        ("ds", "DS-DEMO-01", "the-csrf"),
        ("pc", "PC-DEMO-01", "the-csrf"),
        ("other", "DS-OTHER", "the-csrf"),
    ];
    start_sessions(s, &sessions, now).await;
    Http::start(scpo_server::state::AppState::new(db.storage.clone())).await
}

fn exhibit(id: &str, reference: &str, content: &str) -> Value {
    json!({
        "id": id, "nominal_id": "N-0002", "record_kind": "breach_report", "record_id": "BR-0002-1",
        "reference": reference, "description": content,
        "sha256": sha256_hex(PHOTO), "media_type": "image/png", "size_bytes": PHOTO.len(),
        "captured_at": "2026-11-24T10:40:00", "app_started_at": "2026-11-24T10:00:00",
        "elapsed_ms": 2_400_000, "place": null, "officer_id": "PC-DEMO-01",
        "officer_name": "PC Demo Officer",
    })
}

/// PC-DEMO-01's phone uploads the photo and pushes the exhibit (and a withdrawal of a second).
async fn from_the_phone(srv: &Http, db: &TestDb) {
    let (_, cred) = enrol(db.storage.as_ref(), "PC-DEMO-01").await;
    for id in ["EX-1", "EX-2"] {
        let r = srv
            .client
            .put(format!("{}/api/sync/photos/{id}", srv.base))
            .bearer_auth(&cred)
            .header("content-type", "image/png")
            .body(PHOTO.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let withdrawal = json!({
        "id": "EXW-1", "nominal_id": "N-0002", "exhibit_id": "EX-2",
        "reason": "Photo of <the wrong> drawer", "withdrawn_at": "2026-11-24T11:00:00",
        "officer_id": "PC-DEMO-01", "officer_name": "PC Demo Officer",
    });
    let entries = json!({"entries": [
        entry("u-1", "exhibit", exhibit("EX-1", "DO/1", "Second handset on the table")),
        entry("u-2", "exhibit", exhibit("EX-2", "DO/2", "Kitchen drawer")),
        entry("u-3", "exhibit_withdrawal", withdrawal),
    ]});
    let r = srv
        .client
        .post(format!("{}/api/sync/push", srv.base))
        .bearer_auth(&cred)
        .json(&entries)
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    for r in body["results"].as_array().unwrap() {
        assert_eq!(r["status"], "accepted", "{r}");
    }
}

async fn the_ds_sees_the_exhibits_and_each_photo_view_is_logged(b: Backend) {
    let db = with_demo(b).await;
    let srv = serve(&db).await;
    from_the_phone(&srv, &db).await;
    let (status, html) = srv.html(REPORT, "ds").await;
    assert_eq!(status, 200);
    for shown in [
        "Exhibit DO/1",
        "Second handset on the table",
        &sha256_hex(PHOTO),
        "24 Nov 2026",
        "PC Demo Officer (PC-DEMO-01)",
        "Exhibit DO/2",
        "Photo of &lt;the wrong&gt; drawer",
        // The way to the photo: the exhibit's page, which shows it.
        "href=\"/supervise/breaches/BR-0002-1/exhibits/EX-1\"",
    ] {
        assert!(html.contains(shown), "{shown} not on the page");
    }
    let path = "/supervise/breaches/BR-0002-1/exhibits/EX-1/photo";
    let r = srv.get(path, Some("ds")).await;
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert_eq!(h["content-type"], "image/png");
    assert_eq!(
        h["content-disposition"],
        "inline; filename=\"exhibit-DO-1.png\""
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(r.bytes().await.unwrap().as_ref(), PHOTO);
    let viewed: Vec<_> = db
        .storage
        .audit_since(0)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.action == "consulted" && l.record_kind == "exhibit_photo")
        .collect();
    assert_eq!(viewed.len(), 1);
    assert_eq!(
        (
            viewed[0].actor.as_str(),
            viewed[0].record_id.as_str(),
            viewed[0].nominal_id.as_deref()
        ),
        ("DS-DEMO-01", "EX-1", Some("N-0002"))
    );
    // Another unit's DS: not found. An officer's session or phone: sent to sign in. An exhibit
    // under another report: not found.
    assert_eq!(srv.get(path, Some("other")).await.status(), 404);
    assert!(refused_to_officer(path, &srv.get(path, Some("pc")).await));
    let wrong = "/supervise/breaches/BR-0001-1/exhibits/EX-1/photo";
    assert_eq!(srv.get(wrong, Some("ds")).await.status(), 404);
}

/// The report's Evidence section at the desk lists every exhibit, photo exhibits first, as the
/// phone's print of the report does (issue 19, 14: it said only the typed evidence).
async fn the_reports_evidence_lists_its_photo_exhibits(b: Backend) {
    let db = with_demo(b).await;
    let srv = serve(&db).await;
    from_the_phone(&srv, &db).await;
    let (status, html) = srv.html(REPORT, "ds").await;
    assert_eq!(status, 200);
    let start = html
        .find("<h2 class=\"heading-m\">Evidence</h2>")
        .expect("an Evidence section");
    let rest = &html[start..];
    let section = &rest[..rest[4..].find("<h2").map_or(rest.len(), |i| i + 4)];
    let items: Vec<&str> = section
        .split("<li>")
        .skip(1)
        .map(|li| li.split("</li>").next().unwrap_or_default())
        .collect();
    assert_eq!(items.len(), 3, "{section}");
    assert!(
        items[0]
            .starts_with("Photo exhibit DO/1: Second handset on the table. Captured 24 Nov 2026"),
        "{section}"
    );
    assert!(items[0].contains(&sha256_hex(PHOTO)), "{section}");
    assert!(
        items[1].starts_with("Photo exhibit DO/2: Kitchen drawer.")
            && items[1].contains("Photo of &lt;the wrong&gt; drawer"),
        "{section}"
    );
    assert_eq!(
        items[2],
        "Phone: Black handset, no SIM. Reference: EXH-DEMO-001."
    );
}

/// An exhibit opens on a desk page of its own, not as a bare photo in place of the desk: the
/// report links to it; it shows the reference, what the photo shows, who took it and when, the
/// hash recorded at capture, the photo itself (from the photo's address) and the way back to
/// the report. Opening it is logged; another unit's DS gets "not found".
async fn an_exhibit_opens_on_a_desk_page_of_its_own(b: Backend) {
    let db = with_demo(b).await;
    let srv = serve(&db).await;
    from_the_phone(&srv, &db).await;
    let (_, report) = srv.html(REPORT, "ds").await;
    let reference = report
        .split("<h1 class=\"heading-l\">Breach report ")
        .nth(1)
        .and_then(|h| h.split("</h1>").next())
        .expect("the report's heading")
        .to_string();
    let page = "/supervise/breaches/BR-0002-1/exhibits/EX-1";
    assert!(
        report.contains(&format!(
            "<a href=\"{page}\">View the photo of exhibit DO/1</a>"
        )),
        "{report}"
    );
    let r = srv.get(page, Some("ds")).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = r.text().await.unwrap();
    for shown in [
        "<h1 class=\"heading-l\">Exhibit DO/1</h1>".to_string(),
        "Second handset on the table".into(),
        sha256_hex(PHOTO),
        "24 Nov 2026, 10:40".into(),
        "PC Demo Officer (PC-DEMO-01)".into(),
        format!(
            "<img class=\"exhibit-photo\" src=\"{page}/photo\" alt=\"Second handset on the table\""
        ),
        format!("<a class=\"back-link\" href=\"{REPORT}\">Back to breach report {reference}</a>"),
        "<a href=\"/supervise/breaches\" aria-current=\"page\">Breaches</a>".into(),
    ] {
        assert!(html.contains(&shown), "{shown} not on the page:\n{html}");
    }
    // The withdrawn exhibit's page says so, with the reason.
    let (status, withdrawn) = srv.html(&format!("{REPORT}/exhibits/EX-2"), "ds").await;
    assert_eq!(status, 200);
    assert!(
        withdrawn.contains("Photo of &lt;the wrong&gt; drawer"),
        "{withdrawn}"
    );
    let consulted: Vec<_> = db
        .storage
        .audit_since(0)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.action == "consulted" && l.record_kind == "exhibit")
        .map(|l| (l.actor, l.record_id, l.nominal_id))
        .collect();
    let ds = |id: &str| {
        (
            "DS-DEMO-01".to_string(),
            id.to_string(),
            Some("N-0002".to_string()),
        )
    };
    assert_eq!(consulted, [ds("EX-1"), ds("EX-2")]);
    // Another unit's DS, or the exhibit under another report: not found.
    assert_eq!(srv.get(page, Some("other")).await.status(), 404);
    let wrong = "/supervise/breaches/BR-0001-1/exhibits/EX-1";
    assert_eq!(srv.get(wrong, Some("ds")).await.status(), 404);
    assert!(refused_to_officer(page, &srv.get(page, Some("pc")).await));
}

on_both_backends!(
    the_ds_sees_the_exhibits_and_each_photo_view_is_logged,
    the_reports_evidence_lists_its_photo_exhibits,
    an_exhibit_opens_on_a_desk_page_of_its_own
);
