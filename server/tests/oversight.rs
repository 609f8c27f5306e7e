//! The supervisor's dashboard, lists, audit log and outcomes, below the pages: the filtered
//! audit query in SQL (one unit's lines only), and that nothing but a supervisor's session opens
//! the pages (signed out, an officer's session or phone credential: sent to sign in). On both
//! backends. The pages themselves: `oversight_pages.rs`.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use scpo_server::storage::AuditFilter;

fn filter(unit: &str) -> AuditFilter {
    AuditFilter {
        unit_id: unit.into(),
        ..Default::default()
    }
}

async fn the_audit_query_filters_in_the_database_and_keeps_to_the_unit(b: Backend) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    other_unit(s).await;
    let line = |actor: &'static str,
                action: &'static str,
                nominal: Option<&'static str>,
                t: i64| async move {
        s.audit(
            actor,
            None,
            action,
            "nominal",
            nominal.unwrap_or("-"),
            nominal,
            t,
        )
        .await
        .unwrap()
    };
    line("PC-DEMO-01", "consulted", Some("N-0001"), at(10)).await;
    line("DS-DEMO-01", "disclosed", None, at(20)).await;
    line("PC-OTHER", "consulted", Some("N-9001"), at(30)).await;
    line("cli", "altered", Some("N-0002"), at(40)).await;
    line("cli", "disclosed", None, at(50)).await;
    s.audit_many(
        "DS-DEMO-01",
        "consulted",
        &[
            ("nominal".into(), "N-0003".into(), Some("N-0003".into())),
            ("nominal".into(), "N-0004".into(), Some("N-0004".into())),
        ],
        at(60),
    )
    .await
    .unwrap();

    // From noon plus 5 minutes on: this unit's lines only, newest first.
    let recent = AuditFilter {
        from: Some(at(5)),
        ..filter("U-DEMO")
    };
    let rows = s.audit_query(&recent, 100).await.unwrap();
    let seen: Vec<(&str, Option<&str>)> = rows
        .iter()
        .map(|r| (r.actor.as_str(), r.nominal_id.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("DS-DEMO-01", Some("N-0004")),
            ("DS-DEMO-01", Some("N-0003")),
            ("cli", Some("N-0002")),
            ("DS-DEMO-01", None),
            ("PC-DEMO-01", Some("N-0001")),
        ]
    );
    // The other unit sees its own officer's line and nothing of this unit's.
    let theirs = s.audit_query(&filter("U-OTHER"), 100).await.unwrap();
    assert!(!theirs.is_empty());
    assert!(theirs
        .iter()
        .all(|r| r.actor == "PC-OTHER" || r.nominal_id.as_deref() == Some("N-9001")));
    // By person, by nominal, by date (until is exclusive), and paged.
    let by = |f: AuditFilter| async move { s.audit_query(&f, 100).await.unwrap() };
    let ds = by(AuditFilter {
        actor: Some("DS-DEMO-01".into()),
        ..recent.clone()
    })
    .await;
    assert_eq!(ds.len(), 3);
    let n2 = by(AuditFilter {
        nominal_id: Some("N-0002".into()),
        ..filter("U-DEMO")
    })
    .await;
    assert!(n2.iter().all(|r| r.nominal_id.as_deref() == Some("N-0002")));
    assert_eq!(n2.first().map(|r| r.actor.as_str()), Some("cli"));
    let window = by(AuditFilter {
        from: Some(at(10)),
        until: Some(at(40)),
        ..filter("U-DEMO")
    })
    .await;
    assert_eq!(window.len(), 2);
    let first = s.audit_query(&recent, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    let next = by(AuditFilter {
        before_seq: Some(first[1].seq),
        ..recent.clone()
    })
    .await;
    assert_eq!(next.len(), 3);
    assert!(next.iter().all(|r| r.seq < first[1].seq));
    // Nobody: nothing.
    assert!(by(AuditFilter {
        actor: Some("NOBODY".into()),
        ..filter("U-DEMO")
    })
    .await
    .is_empty());
}

const PAGES: [&str; 5] = [
    "/supervise",
    "/supervise/lists/contacts-overdue",
    "/supervise/audit",
    "/supervise/audit.csv",
    "/supervise/outcomes",
];

async fn only_a_supervisor_s_session_opens_the_dashboard_audit_and_outcomes(b: Backend) {
    let srv = serve(b).await;
    let (_, credential) = enrol(srv.db.storage.as_ref(), "PC-DEMO-01").await;
    for path in PAGES {
        assert!(to_sign_in(&srv.get(path, None).await), "{path} signed out");
        assert!(
            refused_to_officer(path, &srv.get(path, Some("pc")).await),
            "{path} officer's session"
        );
        let phone = srv.get_as_phone(path, &credential).await;
        assert!(to_sign_in(&phone), "{path} phone credential");
    }
}

on_both_backends!(
    the_audit_query_filters_in_the_database_and_keeps_to_the_unit,
    only_a_supervisor_s_session_opens_the_dashboard_audit_and_outcomes,
);
