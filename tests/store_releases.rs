//! "Released today?" on the phone (schema v7): the release recorded at the release-day briefing
//! is written with its outbox entry, encrypted at rest (the probation practitioner's name is not
//! in clear), read back into the cohort with the nominal shown on licence and the order in force
//! from that day (until the team server's versions arrive), refused a second time under the same
//! id, and a database from schema v6 upgrades to the releases store.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::domain::field::release::make_release;
use scpo_field::domain::people::nominal::CustodyStatus;
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
async fn a_schema_v6_database_upgrades_to_the_releases_store() {
    let (name, store, stores) = upgraded_from("release-v6", 6).await;
    assert!(stores.contains(&"releases".to_string()), "{stores:?}");
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.nominals.len(), demo().nominals.len());
    assert!(loaded.releases.is_empty());
    store.close();
    delete(&name).await;
}
