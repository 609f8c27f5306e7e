//! "Released today?" on the phone (schema v7): the release recorded at the release-day briefing
//! is written with its outbox entry, encrypted at rest (the probation practitioner's name is not
//! in clear), read back into the cohort with the nominal shown on licence and the order in force
//! from that day (until the team server's versions arrive), refused a second time under the same
//! id, and a database from schema v6 upgrades to the releases store. After a recall, "Released
//! today?" is asked again and the release shown keeps the recall and the order in force.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::field::release::make_release;
use scpo_field::domain::people::nominal::{CustodyStatus, Recall};
use scpo_field::domain::OfficerRef;
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const PRACTITIONER: &str = "Practitioner Quillfeather-Sample";

#[wasm_bindgen_test]
async fn a_release_is_kept_encrypted_with_its_outbox_entry_and_shown_applied() {
    let (name, store) = fresh("release").await;
    let cohort = demo();
    // N-0006 is in custody in the demo, due out in four days.
    let held = cohort.nominal("N-0006").unwrap();
    assert!(matches!(held.custody, CustodyStatus::InCustody { .. }));
    store.import_cohort(&cohort).await.unwrap();
    let officer = OfficerRef {
        id: cohort.officer.id.clone(),
        name: cohort.officer.name.clone(),
    };
    let ends = today() + chrono::Duration::days(365);
    let release = make_release(
        "yes",
        Ok(ends),
        PRACTITIONER,
        "N-0006",
        "REL-1".into(),
        &officer,
        now(),
    )
    .unwrap()
    .unwrap();
    let uuid = store.submit(&release, None).await.unwrap();

    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.releases, vec![release.clone()]);
    // Shown as the server will make it: on licence from today, the order in force today.
    match &loaded.nominal("N-0006").unwrap().custody {
        CustodyStatus::OnLicence {
            released_on,
            licence_ends,
            probation,
            ..
        } => {
            assert_eq!((*released_on, *licence_ends), (today(), ends));
            assert_eq!(probation.name, PRACTITIONER);
        }
        other => panic!("N-0006 is not shown on licence: {other:?}"),
    }
    let order = loaded
        .orders
        .iter()
        .find(|o| o.nominal_id == "N-0006")
        .unwrap();
    assert_eq!(order.comes_into_force(), Some(today()));

    let outbox = store.outbox().await.unwrap();
    let entry = outbox.iter().find(|e| e.uuid == uuid).unwrap();
    assert_eq!(
        (entry.kind.as_str(), entry.record_id.as_str()),
        ("release", "REL-1")
    );
    // Recorded once: the same id again is refused, and nothing more is queued.
    assert!(store.submit(&release, None).await.is_err());
    assert_eq!(store.outbox().await.unwrap().len(), outbox.len());
    let dump = raw_dump(&name).await;
    assert!(dump.find(&[PRACTITIONER.to_string()]).is_empty());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_release_after_a_recall_is_shown_keeping_the_recall_and_the_order_in_force() {
    let (name, store) = fresh("release-recall").await;
    let mut cohort = demo();
    // N-0002: on licence since 200 days ago, the order in force from that release; recalled
    // 30 days ago and due out today.
    let first = cohort.nominal("N-0002").unwrap().custody.release_date();
    let recall = Recall {
        released_on: first,
        recalled_on: today() - chrono::Duration::days(30),
        first_released_on: None,
    };
    let n = cohort
        .nominals
        .iter_mut()
        .find(|n| n.id == "N-0002")
        .unwrap();
    n.custody = CustodyStatus::InCustody {
        expected_release: today(),
        recall: Some(recall),
    };
    let officer = OfficerRef {
        id: cohort.officer.id.clone(),
        name: cohort.officer.name.clone(),
    };
    store.import_cohort(&cohort).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert!(loaded.asks_released_today("N-0002", today()));
    let ends = today() + chrono::Duration::days(200);
    let release = make_release(
        "yes",
        Ok(ends),
        PRACTITIONER,
        "N-0002",
        "REL-2".into(),
        &officer,
        now(),
    )
    .unwrap()
    .unwrap();
    store.submit(&release, None).await.unwrap();

    let loaded = store.load_cohort().await.unwrap().unwrap();
    let custody = &loaded.nominal("N-0002").unwrap().custody;
    assert_eq!(custody.release_date(), today());
    assert_eq!(custody.recall(), Some(&recall));
    assert_eq!(custody.first_release(), first);
    assert!(custody.on_licence_on(today()));
    assert!(!loaded.asks_released_today("N-0002", today()));
    let order = loaded.order_for("N-0002", today()).unwrap();
    assert!(order.is_live_on(today()));
    assert_eq!(order.comes_into_force(), Some(first));
    assert!(loaded.validate().is_empty(), "{:?}", loaded.validate());
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_schema_v6_database_upgrades_to_the_releases_store() {
    let (name, store, stores) = upgraded_from("release-v6", 6).await;
    assert!(stores.contains(&"releases".to_string()), "{stores:?}");
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.nominals.len(), demo().nominals.len());
    assert!(loaded.releases.is_empty());
    store.close();
    delete(&name).await;
}
