//! An import's check-answers page counts schedules as it counts the other records, on both
//! backends: a cohort file that adds one schedule to a nominal's order and changes another says
//! so in the summary (records to add and to change, each by kind), not as nameless records.

#[macro_use]
mod common;
mod upkeep_support;

use common::*;
use scpo_field::domain::cohort::demo::demo_cohort;
use upkeep_support::*;

/// The summary row `key`'s value, as the page shows it (markup included).
fn row<'a>(html: &'a str, key: &str) -> &'a str {
    let at = html
        .find(&format!("{key}</dt>"))
        .unwrap_or_else(|| panic!("no row {key}: {html}"));
    let value = &html[at..];
    let end = value.find("</dd>").unwrap_or(value.len());
    &value[..end]
}

async fn the_preview_counts_the_schedules_it_adds_and_changes(b: Backend) {
    let d = desk(b).await;
    // N-0008 as the demo unit holds it, with Schedule 2 changed and a Schedule 3 added.
    let mut file = demo_cohort(today());
    file.nominals.retain(|n| n.id == "N-0008");
    file.orders.retain(|o| o.nominal_id == "N-0008");
    file.conditions.retain(|c| c.order_id == "O-0008");
    file.contact_plans.retain(|p| p.nominal_id == "N-0008");
    file.schedules.retain(|s| s.order_id == "O-0008");
    file.contacts.clear();
    file.notifications.clear();
    file.briefings.clear();
    file.breach_reports.clear();
    file.breach_decisions.clear();
    file.recall_referrals.clear();
    file.referral_statuses.clear();
    let second = file
        .schedules
        .iter_mut()
        .find(|s| s.id == "S-0008-2")
        .expect("the demo's N-0008 has a Schedule 2");
    second.premises[0].description = "Changed at the test".into();
    let mut third = second.clone();
    third.id = "S-0008-3".into();
    third.number = "Schedule 3".into();
    file.schedules.push(third);
    let r = d
        .post_multipart(
            "/supervise/cohort/import",
            "ds-token",
            &[("csrf", "the-csrf", None), ("paste", &file.to_json(), None)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        row(&html, "Records to add").contains("1 (1 schedule)"),
        "{html}"
    );
    assert!(
        row(&html, "Records to change").contains("1 (1 schedule)"),
        "{html}"
    );
}

on_both_backends!(the_preview_counts_the_schedules_it_adds_and_changes);
