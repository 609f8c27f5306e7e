//! A record that no longer reads as its kind is in the records but not the cohort, as
//! [`cohort_of`] leaves it out; records moved on around it still go to their places.

use std::sync::Arc;

use scpo_field::domain::cohort::demo::demo_cohort;
use serde_json::json;

use super::*;
use crate::records::records_of;

fn contact(id: &str, nominal: &str, body: serde_json::Value) -> StoredRecord {
    StoredRecord {
        kind: "contact".into(),
        id: id.into(),
        nominal_id: nominal.into(),
        record: body,
    }
}

/// The held unit is its records in order and the domain's cohort of them.
fn assert_as_built(held: &HeldUnit, mut all: Vec<StoredRecord>, step: &str) {
    all.sort_by(|a, b| order(a).cmp(&order(b)));
    assert_eq!(*held.records, all, "{step}: records");
    assert!(*held.cohort == cohort_of(&all), "{step}: cohort");
}

#[test]
fn a_record_that_does_not_read_is_left_out_and_the_rest_still_go_to_their_places() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let (mut all, _) = records_of(&demo_cohort(day));
    let good = all.iter().find(|r| r.kind == "contact").cloned().unwrap();
    let n = good.nominal_id.clone();
    all.push(contact("K-MMM", &n, json!({"id": "K-MMM"})));
    let held = Arc::new(HeldUnit::read(1, all.clone()));
    assert_as_built(&held, all.clone(), "read with a record that does not read");
    assert_eq!(
        held.cohort.contacts.len(),
        held.records.iter().filter(|r| r.kind == "contact").count() - 1
    );

    // A new contact sorting after the one that does not read, and another before it.
    let mut after = good.clone();
    after.id = "K-ZZZ".into();
    after.record["id"] = json!("K-ZZZ");
    after.record["notes"] = json!("After the unreadable one");
    let mut before = good.clone();
    before.id = "K-000-A".into();
    before.record["id"] = json!("K-000-A");
    all.push(after.clone());
    all.push(before.clone());
    let held = Arc::new(HeldUnit::moved_on(held, vec![(2, after), (3, before)]));
    assert_as_built(&held, all.clone(), "records around it");

    // The one that did not read, written again whole: now in the cohort at its place.
    let mut mended = good.clone();
    mended.id = "K-MMM".into();
    mended.record["id"] = json!("K-MMM");
    all.retain(|r| r.id != "K-MMM");
    all.push(mended.clone());
    let held = HeldUnit::moved_on(held, vec![(4, mended)]);
    assert_eq!(held.at, 4);
    assert_as_built(&held, all, "mended");
}
