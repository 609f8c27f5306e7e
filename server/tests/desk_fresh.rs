//! The desk keeps each unit's parsed records between pages (supervise/unit.rs) and must never show
//! a page older than the database. On both backends, with the pages served by one server and
//! every change made through a second server's storage on the same database (so nothing in the
//! first server's memory hears of it): a phone's push, a desk change through
//! `cohort_change::apply`, an import, an assignment, a transfer out and a breach decision are each
//! on the very next page.

#[macro_use]
mod common;

use common::*;
use scpo_field::domain::OfficerRef;
use scpo_server::cohort_change::{apply, Keeper};
use scpo_server::export::{cohort_of_unit, text_of, ExportFile};
use scpo_server::storage::{EntryStatus, Storage, StoredRecord, VersionedRecord};
use serde_json::json;

fn ds_ref() -> OfficerRef {
    OfficerRef {
        id: "DS-DEMO-01".into(),
        name: "DS Demo Supervisor".into(),
    }
}

/// The page in the DS's session: it must answer 200.
async fn page(http: &Http, path: &str) -> String {
    let (status, html) = http.html(path, "ds-token").await;
    assert_eq!(status, 200, "{path}: {html}");
    html
}

/// `path` shows `fact` only after `change` (made elsewhere): the page before lacks it, the next
/// page has it.
macro_rules! seen_next {
    ($http:expr, $path:expr, $fact:expr, $change:expr) => {{
        let before = page($http, $path).await;
        assert!(
            !before.contains($fact),
            "{} shows {:?} already",
            $path,
            $fact
        );
        // Twice, so the unit is held as read when the change comes.
        page($http, $path).await;
        $change;
        let after = page($http, $path).await;
        assert!(after.contains($fact), "{} is stale: no {:?}", $path, $fact);
    }};
}

/// The demo DS's decision agreeing with the officer on N-0002's report, as the page makes it.
async fn decision(s: &dyn Storage) -> StoredRecord {
    let cohort = scpo_server::records::cohort_of(&s.unit_records("U-DEMO").await.unwrap());
    let action = "Agree: request recall from the other server.";
    ds_decision(&cohort, "BR-0002-1", "BD-FRESH-1", None, action)
}

async fn every_change_made_by_another_server_is_on_the_next_page(b: Backend) {
    let db = with_demo(b).await;
    let mut state = scpo_server::state::AppState::new(db.storage.clone());
    state.clock = std::sync::Arc::new(|| at(60));
    let http = Http::start(state).await;
    start_sessions(
        db.storage.as_ref(),
        &[("ds-token", "DS-DEMO-01", "the-csrf")],
        at(60),
    )
    .await;
    // The other server: its own storage on the same database.
    let other = scpo_server::open_storage(db.url.as_deref(), &db.dir)
        .await
        .unwrap();
    let o = other.as_ref();

    // A phone's push.
    let (device, _) = enrol(o, "PC-DEMO-01").await;
    let mut c = contact("K-FRESH-1", "N-0001", "PC-DEMO-01");
    c["notes"] = json!("Checked the new flat from the other server");
    seen_next!(
        &http,
        "/supervise/nominals/N-0001",
        "Checked the new flat from the other server",
        {
            let r = push(o, &device, &entry("u-fresh-1", "contact", c), at(61)).await;
            assert_eq!(r.status, EntryStatus::Accepted, "{r:?}");
        }
    );

    // A desk change, through the one function every keeping form uses.
    let ds = o.officer("DS-DEMO-01").await.unwrap().unwrap();
    let mut nominal = o
        .records_of_nominal("N-0001")
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == "nominal")
        .unwrap();
    nominal.record["phone"] = json!("07700 900777");
    seen_next!(&http, "/supervise/nominals/N-0001", "07700 900777", {
        let keeper = Keeper {
            officer: &ds,
            whole_unit: true,
        };
        let changed = vec![VersionedRecord {
            record: nominal.clone(),
            expected: Some(1),
        }];
        apply(o, keeper, "N-0001", "New phone", changed, None, at(62))
            .await
            .unwrap();
    });

    // An import of the unit's file with one nominal's phone changed.
    let mut file = cohort_of_unit(&o.unit_records("U-DEMO").await.unwrap(), ds_ref());
    let n4 = file.nominals.iter_mut().find(|n| n.id == "N-0004").unwrap();
    n4.phone = Some("07700 900888".into());
    let text = text_of(ExportFile::Cohort, &file);
    seen_next!(&http, "/supervise/nominals/N-0004", "07700 900888", {
        let counts = scpo_server::import_cohort(o, "U-DEMO", &text, None, "DS-DEMO-01", at(63))
            .await
            .unwrap();
        assert_eq!(counts.altered, 1, "{counts:?}");
    });

    // An assignment to another officer: the page's "Assigned to" row.
    let holder = |html: &str| {
        let row = &html[html.find("Assigned to").expect("an Assigned to row")..];
        row[..row.find("</dd>").expect("its value")].to_string()
    };
    let path = "/supervise/nominals/N-0002";
    assert!(holder(&page(&http, path).await).contains("PC Demo Officer (PC-DEMO-01)"));
    o.assign("N-0002", "PC-DEMO-02", "DS-DEMO-01", at(64))
        .await
        .unwrap();
    let after = holder(&page(&http, path).await);
    assert!(after.contains("PC Second Demo (PC-DEMO-02)"), "{after}");

    // A transfer out.
    let transfer = StoredRecord {
        kind: "transfer".into(),
        id: "T-FRESH-1".into(),
        nominal_id: "N-0003".into(),
        record: json!({
            "id": "T-FRESH-1",
            "nominal_id": "N-0003",
            "transferred_on": "2026-11-24",
            "receiving_force": "Kent Police",
            "recorded_by": "DS-DEMO-01",
            "recorded_at": at(65),
        }),
    };
    seen_next!(
        &http,
        "/supervise/nominals/N-0003",
        "Transferred out to Kent Police",
        o.transfer_out("U-DEMO", &transfer, "DS-DEMO-01", at(65))
            .await
            .unwrap()
    );
    // A breach decision.
    let d = decision(o).await;
    seen_next!(
        &http,
        "/supervise/breaches/BR-0002-1",
        "Agree: request recall from the other server.",
        o.add_decision("U-DEMO", &d, "DS-DEMO-01", at(66))
            .await
            .unwrap()
    );
}

on_both_backends!(every_change_made_by_another_server_is_on_the_next_page);
