//! The officer's own email and phone, remembered for the next recall referral: kept encrypted
//! (neither is on disk in clear, nor in localStorage), only for the officer they were given
//! with, unreadable while locked, kept through a passcode change, replaced by the next, and
//! gone with a wipe.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::store::{OfficerContact, StoreError};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const EMAIL: &str = "pc.remembered@police.example";
const PHONE: &str = "07700 900417";

fn contact(email: &str, phone: &str) -> OfficerContact {
    OfficerContact {
        officer_id: "O-0001".into(),
        email: email.into(),
        phone: phone.into(),
    }
}

fn local_storage_text() -> String {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .map(|k| format!("{k}={}", s.get_item(&k).unwrap().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[wasm_bindgen_test]
async fn the_officers_contact_is_kept_encrypted_for_that_officer_only() {
    let (name, store) = fresh("officer-contact").await;
    assert_eq!(store.officer_contact("O-0001").await.unwrap(), None);

    store
        .save_officer_contact(&contact(EMAIL, PHONE))
        .await
        .unwrap();
    assert_eq!(
        store.officer_contact("O-0001").await.unwrap(),
        Some(contact(EMAIL, PHONE))
    );
    // Another officer's cohort on this phone is not given this officer's details.
    assert_eq!(store.officer_contact("O-0002").await.unwrap(), None);

    // Encrypted at rest, and nowhere in localStorage.
    let secrets = [EMAIL.to_string(), PHONE.to_string()];
    assert!(raw_dump(&name).await.find(&secrets).is_empty());
    let local = local_storage_text();
    assert!(!local.contains(EMAIL) && !local.contains(PHONE), "{local}");

    // Locked: not readable. Unlocked, and after a passcode change: still there.
    store.lock();
    assert!(matches!(
        store.officer_contact("O-0001").await,
        Err(StoreError::Locked)
    ));
    store.unlock(PASS).await.unwrap();
    store
        .change_passcode(PASS, "another passcode", "another passcode")
        .await
        .unwrap();
    assert_eq!(
        store.officer_contact("O-0001").await.unwrap(),
        Some(contact(EMAIL, PHONE))
    );

    // The next referral's details replace them.
    let newer = contact("pc.newer@police.example", "07700 900418");
    store.save_officer_contact(&newer).await.unwrap();
    assert_eq!(store.officer_contact("O-0001").await.unwrap(), Some(newer));

    // A wipe deletes them with everything else.
    store.wipe().await.unwrap();
    store.set_passcode(PASS, PASS).await.unwrap();
    assert_eq!(store.officer_contact("O-0001").await.unwrap(), None);
    store.close();
    delete(&name).await;
}
