//! The passcode lock: passcodes normalised to Unicode NFC, however the keyboard composes
//! accents, with locks made before that still unlocking (and moved to NFC when they do). The
//! rest of the lock's rules are in store_lock.rs.

#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::store::{Store, StoreError, MAX_ATTEMPTS};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// "café au lait" with a precomposed "é" (U+00E9), as most keyboards type it (Unicode NFC).
const PRECOMPOSED: &str = "caf\u{e9} au lait";
/// The same passcode with "e" followed by a combining acute accent (U+0301), as some keyboards
/// and input methods type it (Unicode NFD).
const DECOMPOSED: &str = "cafe\u{301} au lait";

/// A field of the raw `meta.lock` row, as stored on disk.
async fn lock_field(name: &str, field: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&raw_get(name, "meta", "lock").await, &field.into()).unwrap()
}

/// Whether a key derived from `passcode` unwraps the data key in the raw `meta.lock` row now.
async fn stored_lock_opens_with(name: &str, passcode: &str) -> bool {
    use scpo_field::store::crypto;
    let bytes = |v: wasm_bindgen::JsValue| js_sys::Uint8Array::new(&v).to_vec();
    let salt = bytes(lock_field(name, "salt").await);
    let wrapped = bytes(lock_field(name, "wrapped_key").await);
    let kek = crypto::derive_kek(passcode, &salt, TEST_ITERATIONS)
        .await
        .unwrap();
    crypto::unwrap_data_key(&wrapped, &kek, false)
        .await
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn a_passcode_unlocks_however_the_keyboard_composes_its_accents() {
    assert_ne!(
        PRECOMPOSED, DECOMPOSED,
        "the two spellings differ byte for byte"
    );
    for (set_as, typed_as) in [(DECOMPOSED, PRECOMPOSED), (PRECOMPOSED, DECOMPOSED)] {
        let name = unique_name("nfc");
        let store = open(&name).await;
        // The confirmation may come from another keyboard too.
        store.set_passcode(set_as, typed_as).await.unwrap();
        assert_eq!(lock_field(&name, "passcode_form").await, "nfc");
        store.import_cohort(&demo()).await.unwrap();
        store.close();

        let store = open(&name).await;
        store.unlock(typed_as).await.unwrap();
        assert_eq!(
            normalised(store.load_cohort().await.unwrap().unwrap()),
            normalised(demo())
        );
        store.lock();
        store.unlock(set_as).await.unwrap();
        store.lock();
        assert_eq!(
            store.unlock("cafe au lait").await,
            Err(StoreError::WrongPasscode {
                attempts_left: MAX_ATTEMPTS - 1
            }),
            "an accent left out is another passcode"
        );
        store.close();
        delete(&name).await;
    }
}

#[wasm_bindgen_test]
async fn passcode_length_counts_the_characters_of_the_normalised_form() {
    let name = unique_name("nfc-length");
    let store = open(&name).await;
    // Five "é" typed as "e" + accent: ten code points, five characters once normalised.
    let five = "e\u{301}".repeat(5);
    assert_eq!(
        store.set_passcode(&five, &five).await,
        Err(StoreError::PasscodeTooShort { min: 6 })
    );
    let six = "e\u{301}".repeat(6);
    store.set_passcode(&six, &"\u{e9}".repeat(6)).await.unwrap();
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_lock_made_before_passcodes_were_normalised_still_unlocks_and_moves_to_nfc() {
    let name = unique_name("pre-nfc");
    let store = open(&name).await;
    // The old way: the key derived from the passcode exactly as typed (here decomposed), and
    // no `passcode_form` in the lock.
    store
        .set_passcode_unnormalised_for_tests(DECOMPOSED)
        .await
        .unwrap();
    assert!(lock_field(&name, "passcode_form").await.is_undefined());
    assert!(stored_lock_opens_with(&name, DECOMPOSED).await);
    assert!(!stored_lock_opens_with(&name, PRECOMPOSED).await);
    store.import_cohort(&demo()).await.unwrap();
    store
        .submit(&new_contact("K-OLD-1", "N-0004"), None)
        .await
        .unwrap();
    store.close();

    let store = open(&name).await;
    // A wrong passcode with a combining accent derives two keys (as typed, then NFC) but
    // counts one wrong try.
    assert_eq!(
        store.unlock("cafe\u{301} noir").await,
        Err(StoreError::WrongPasscode {
            attempts_left: MAX_ATTEMPTS - 1
        })
    );
    assert_eq!(store.unlock_state().await.unwrap().failures, 1);
    assert!(lock_field(&name, "passcode_form").await.is_undefined());

    // The passcode as typed then (the stored form) unlocks, with the same data key: what was
    // written before reads back.
    store.unlock(DECOMPOSED).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(loaded.nominals, demo().nominals);
    assert!(loaded.contacts.iter().any(|c| c.id == "K-OLD-1"));
    assert_eq!(store.outbox().await.unwrap().len(), 1);
    assert_eq!(store.unlock_state().await.unwrap().failures, 0);
    // The key is now wrapped under the NFC form only, and the lock says so.
    assert_eq!(lock_field(&name, "passcode_form").await, "nfc");
    assert!(stored_lock_opens_with(&name, PRECOMPOSED).await);
    assert!(!stored_lock_opens_with(&name, DECOMPOSED).await);
    store.close();

    // Later unlocks use the NFC form: typed either way.
    for typed in [PRECOMPOSED, DECOMPOSED] {
        let store = open(&name).await;
        store.unlock(typed).await.unwrap();
        assert_eq!(store.outbox().await.unwrap().len(), 1);
        store.close();
    }
    let store = open(&name).await;
    assert_eq!(
        store.unlock("not the passcode").await,
        Err(StoreError::WrongPasscode {
            attempts_left: MAX_ATTEMPTS - 1
        })
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn an_old_lock_typed_precomposed_then_opens_when_typed_decomposed_now() {
    let name = unique_name("pre-nfc-composed");
    let store = open(&name).await;
    store
        .set_passcode_unnormalised_for_tests(PRECOMPOSED)
        .await
        .unwrap();
    store.import_cohort(&demo()).await.unwrap();
    let wrapped_before = js_sys::JSON::stringify(&lock_field(&name, "wrapped_key").await).unwrap();
    store.close();

    // Typed decomposed now: not the stored form, but its NFC form is.
    let store = open(&name).await;
    store.unlock(DECOMPOSED).await.unwrap();
    assert!(store.load_cohort().await.unwrap().is_some());
    // Already derived from the NFC form: marked, not re-wrapped.
    assert_eq!(lock_field(&name, "passcode_form").await, "nfc");
    assert_eq!(
        js_sys::JSON::stringify(&lock_field(&name, "wrapped_key").await).unwrap(),
        wrapped_before
    );
    store.lock();
    store.unlock(PRECOMPOSED).await.unwrap();
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn the_old_way_of_setting_a_passcode_is_refused_for_real_use() {
    let name = unique_name("pre-nfc-real");
    let real = Store::open_named(&name).await.unwrap();
    assert_eq!(
        real.set_passcode_unnormalised_for_tests(PASS).await,
        Err(StoreError::InsecureSettings)
    );
    assert!(!real.is_set_up().await.unwrap());
    real.close();
    delete(&name).await;
}
