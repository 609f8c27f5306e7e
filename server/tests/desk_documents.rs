//! A breach report's printouts on the desk, over HTTP on both backends: the breach report, the
//! s.25 evidence pack and the recall referral's police information, each showing every text of
//! the document the domain builds from the same records (what the phone prints), with the
//! condition's wording of the breach day, what the pack lacks first and the NOT FOR DISCLOSURE
//! page; each opening logged as a consultation, ids only; another unit's report, an unknown one
//! and a referral not made are not found, and nothing is logged for them.

#[macro_use]
mod common;
#[path = "support/oversight.rs"]
mod oversight_support;

use common::*;
use oversight_support::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::document::{Block, Document};
use scpo_field::domain::evidence_pack::{evidence_pack, pack_document, report_document};
use scpo_field::domain::referral::referral_document;
use scpo_server::storage::StoredRecord;

const PAGE: &str = "/supervise/breaches/BR-0002-1";
const PHONE: &str =
    "The defendant shall not possess or use more than one mobile telephone or SIM card";

fn texts(b: &Block, out: &mut Vec<String>) {
    match b {
        Block::Rows(rows) => rows
            .iter()
            .for_each(|r| out.extend([r.key.clone(), r.value.clone()])),
        Block::Paragraph { strong, text } => out.extend([strong.clone(), text.clone()]),
        Block::Heading(s) | Block::Hint(s) | Block::Quote(s) | Block::Warning(s) => {
            out.push(s.clone())
        }
        Block::List(items) => out.extend(items.iter().cloned()),
        Block::Group(inner) => inner.iter().for_each(|b| texts(b, out)),
    }
}

/// The page shows every text of the document, escaped, and its sections in order.
fn shows(html: &str, doc: &Document) {
    assert!(html.contains(&esc(&doc.title)), "{}", doc.title);
    assert!(html.contains(&esc(&doc.reference)), "{}", doc.reference);
    let mut at = 0;
    for s in &doc.sections {
        let heading = format!("id=\"{}\">{}</h2>", s.id, esc(&s.title));
        let found = html[at..].find(&heading);
        assert!(found.is_some(), "section {} in order", s.title);
        at += found.unwrap();
        let mut all = Vec::new();
        s.blocks.iter().for_each(|b| texts(b, &mut all));
        for t in all.iter().filter(|t| !t.is_empty()) {
            assert!(html.contains(&esc(t)), "{}: {t}", s.title);
        }
    }
    for b in &doc.intro {
        let mut all = Vec::new();
        texts(b, &mut all);
        assert!(all.iter().all(|t| html.contains(&esc(t))));
    }
}

async fn import(srv: &Server, records: &[StoredRecord]) {
    srv.db
        .storage
        .import_records("U-DEMO", records, &[], "test", at(0))
        .await
        .unwrap();
}

/// The audit log's lines: (actor, action, kind, id, nominal).
async fn log(srv: &Server) -> Vec<(String, String, String, String, Option<String>)> {
    let log = srv.db.storage.audit_since(0).await.unwrap();
    log.into_iter()
        .map(|e| (e.actor, e.action, e.record_kind, e.record_id, e.nominal_id))
        .collect()
}

fn consulted(kind: &str, id: &str) -> (String, String, String, String, Option<String>) {
    (
        "DS-DEMO-01".into(),
        "consulted".into(),
        kind.into(),
        id.into(),
        Some("N-0002".into()),
    )
}

async fn the_desk_shows_a_breach_s_report_pack_and_referral_as_the_phone_prints_them(b: Backend) {
    let srv = serve(b).await;
    let demo = demo_cohort(today());

    // The report page links the report and the pack; no referral is made yet.
    let (_, html) = srv.html(PAGE, "ds").await;
    assert!(html.contains("href=\"/supervise/breaches/BR-0002-1/report\""));
    assert!(html.contains("href=\"/supervise/breaches/BR-0002-1/pack\""));
    assert!(!html.contains("href=\"/supervise/breaches/BR-0002-1/referral\""));

    // The breach report, as printed: the condition's wording and the breach day in words.
    let before = log(&srv).await.len();
    let (status, html) = srv.html(&format!("{PAGE}/report"), "ds").await;
    assert_eq!(status, 200);
    let doc = report_document(&demo, "N-0002", "BR-0002-1").unwrap();
    shows(&html, &doc);
    assert!(html.contains(&format!("<blockquote class=\"report__verbatim\">{PHONE}")));
    let when = demo.breach_reports[0].when();
    assert!(html.contains(&esc(&when)), "{when}");
    assert!(html.contains("<article class=\"report\" aria-labelledby=\"report-title\">"));
    assert!(html.contains(&format!("<title>{}", esc(&doc.page_title))));
    let lines = log(&srv).await;
    assert_eq!(lines.len(), before + 1, "one consultation line per opening");
    assert_eq!(lines.last(), Some(&consulted("breach_report", "BR-0002-1")));

    // The pack: what it lacks first (boxed), then its parts, later ones on new pages.
    let (status, html) = srv.html(&format!("{PAGE}/pack"), "ds").await;
    assert_eq!(status, 200);
    let p = evidence_pack(&demo, "BR-0002-1", today()).unwrap();
    let doc = pack_document(&p);
    shows(&html, &doc);
    let lacks = html.find("What the pack lacks").unwrap();
    assert!(html[..lacks].contains("<section class=\"panel panel--gaps\""));
    assert!(lacks < html.find("pack__section").unwrap());
    assert!(html.contains("pack__section pack__section--new-page"));
    assert!(html.contains(&format!("<blockquote class=\"report__verbatim\">{PHONE}")));
    let lines = log(&srv).await;
    assert_eq!(lines.len(), before + 2);
    assert_eq!(lines.last(), Some(&consulted("evidence_pack", "BR-0002-1")));

    // No referral made yet: none to show, and nothing logged.
    let (status, _) = srv.html(&format!("{PAGE}/referral"), "ds").await;
    assert_eq!(status, 404);
    assert_eq!(log(&srv).await.len(), before + 2);

    // The officer's referral: linked, and its police information with the part not for
    // disclosure on a page of its own, marked.
    let (c, r) = decided_and_referred();
    import(
        &srv,
        &[
            stored("breach_decision", "BD-1", recall_decision()),
            stored("recall_referral", "RR-1", serde_json::to_value(&r).unwrap()),
        ],
    )
    .await;
    let (_, html) = srv.html(PAGE, "ds").await;
    assert!(html.contains("href=\"/supervise/breaches/BR-0002-1/referral\""));
    let before = log(&srv).await.len();
    let (status, html) = srv.html(&format!("{PAGE}/referral"), "ds").await;
    assert_eq!(status, 200);
    let doc = referral_document(&r, c.nominal("N-0002").unwrap());
    shows(&html, &doc);
    let withheld = html
        .split("<section class=\"report__section pack__section pack__section--new-page\" aria-labelledby=\"referral-withheld\">")
        .nth(1)
        .expect("the part not for disclosure on a new page");
    assert!(withheld
        .starts_with("<h2 class=\"heading-m\" id=\"referral-withheld\">NOT FOR DISCLOSURE</h2>"));
    assert!(withheld.contains("referral__withheld-mark"));
    assert!(withheld.contains("Sensitive"));
    let lines = log(&srv).await;
    assert_eq!(lines.len(), before + 1);
    assert_eq!(lines.last(), Some(&consulted("recall_referral", "RR-1")));

    // The report, now decided: the DS's decision is printed in it.
    let (_, html) = srv.html(&format!("{PAGE}/report"), "ds").await;
    shows(&html, &report_document(&c, "N-0002", "BR-0002-1").unwrap());
    assert!(html.contains(">DS's decision</h2>"));
}

async fn another_unit_s_or_an_unknown_report_s_printouts_are_not_found(b: Backend) {
    let srv = serve(b).await;
    let (_, r) = decided_and_referred();
    import(
        &srv,
        &[
            stored("breach_decision", "BD-1", recall_decision()),
            stored("recall_referral", "RR-1", serde_json::to_value(&r).unwrap()),
        ],
    )
    .await;
    let before = log(&srv).await.len();
    for doc in ["report", "pack", "referral"] {
        let (status, html) = srv.html(&format!("{PAGE}/{doc}"), "other").await;
        assert_eq!(status, 404, "{doc}");
        assert!(html.contains("Breach report not found"));
        assert!(!html.contains("MARROWBY"));
        let (status, _) = srv
            .html(&format!("/supervise/breaches/BR-0404/{doc}"), "ds")
            .await;
        assert_eq!(status, 404, "{doc}");
        // An officer is not a supervisor: the desk is not theirs.
        let (status, _) = srv.html(&format!("{PAGE}/{doc}"), "pc").await;
        assert_ne!(status, 200, "{doc}");
    }
    assert_eq!(log(&srv).await.len(), before, "nothing consulted");
}

on_both_backends!(
    the_desk_shows_a_breach_s_report_pack_and_referral_as_the_phone_prints_them,
    another_unit_s_or_an_unknown_report_s_printouts_are_not_found,
);
