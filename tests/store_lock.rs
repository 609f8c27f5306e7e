//! The passcode lock: setup rules, unlock, lock, wrong passcodes (delay, count surviving a
//! reopen, wipe after ten), passcode change, and test settings refused for real use. Passcodes
//! normalised to Unicode NFC are in store_passcode_nfc.rs.
#![cfg(target_arch = "wasm32")]

mod store_support;

use scpo_field::store::DraftKey;
use scpo_field::store::{Store, StoreError, TestOptions, MAX_ATTEMPTS};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn first_run_needs_a_long_enough_confirmed_passcode() {
    let name = unique_name("setup");
    let store = open(&name).await;
    assert!(!store.is_set_up().await.unwrap());
    assert!(!store.is_unlocked());
    assert_eq!(store.unlock(PASS).await, Err(StoreError::NotSetUp));
    assert_eq!(
        store.set_passcode("12345", "12345").await,
        Err(StoreError::PasscodeTooShort { min: 6 })
    );
    assert_eq!(
        store.set_passcode("123456", "123465").await,
        Err(StoreError::PasscodesDoNotMatch)
    );
    assert!(!store.is_set_up().await.unwrap());
    store.set_passcode(PASS, PASS).await.unwrap();
    assert!(store.is_set_up().await.unwrap());
    assert!(store.is_unlocked());
    assert_eq!(
        store.set_passcode("another one", "another one").await,
        Err(StoreError::AlreadySetUp)
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn lock_drops_the_key_and_unlock_brings_data_back() {
    let (name, store) = fresh("lock").await;
    store.import_cohort(&demo()).await.unwrap();
    store.lock();
    assert!(!store.is_unlocked());
    assert_eq!(store.load_cohort().await, Err(StoreError::Locked));
    assert_eq!(
        store
            .save_draft(&DraftKey::Contact("N-0001".into()), "typing")
            .await,
        Err(StoreError::Locked)
    );
    store.unlock(PASS).await.unwrap();
    let loaded = store.load_cohort().await.unwrap().unwrap();
    assert_eq!(normalised(loaded), normalised(demo()));

    // A new connection (a reload) starts locked.
    store.close();
    let again = open(&name).await;
    assert!(again.is_set_up().await.unwrap());
    assert!(!again.is_unlocked());
    assert_eq!(again.load_cohort().await, Err(StoreError::Locked));
    again.unlock(PASS).await.unwrap();
    assert!(again.load_cohort().await.unwrap().is_some());
    again.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn wrong_passcode_cannot_read_anything() {
    let (name, store) = fresh("wrong").await;
    store.import_cohort(&demo()).await.unwrap();
    store
        .submit(&new_contact("K-NEW-1", "N-0004"), None)
        .await
        .unwrap();
    store
        .save_draft(
            &DraftKey::Breach("N-0004".into()),
            &new_breach("B-D", "N-0004"),
        )
        .await
        .unwrap();
    store.close();

    let store = open(&name).await;
    assert_eq!(
        store.unlock("not the passcode").await,
        Err(StoreError::WrongPasscode { attempts_left: 9 })
    );
    assert!(!store.is_unlocked());
    assert_eq!(store.load_cohort().await, Err(StoreError::Locked));
    assert_eq!(
        store
            .load_draft::<String>(&DraftKey::Breach("N-0004".into()))
            .await,
        Err(StoreError::Locked)
    );
    assert_eq!(store.outbox().await, Err(StoreError::Locked));
    assert_eq!(store.export_outbox().await, Err(StoreError::Locked));
    // What is readable while locked says nothing about anyone.
    let state = store.unlock_state().await.unwrap();
    assert_eq!(state.unexported_records, 1);
    assert_eq!(state.attempts_left, 9);
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn wrong_tries_slow_down_and_the_count_survives_a_reopen() {
    let (name, store) = fresh("delay").await;
    store.lock();
    for i in 1..=3 {
        assert_eq!(
            store.unlock("wrong-passcode").await,
            Err(StoreError::WrongPasscode {
                attempts_left: MAX_ATTEMPTS - i
            })
        );
    }
    let state = store.unlock_state().await.unwrap();
    assert_eq!((state.failures, state.wait_seconds), (3, 0));
    // The fourth wrong try starts a one-second wait.
    assert!(store.unlock("wrong-passcode").await.is_err());
    let state = store.unlock_state().await.unwrap();
    assert_eq!(state.failures, 4);
    assert_eq!(state.attempts_left, 6);
    assert!(state.next_try_at.is_some());
    assert!((1..=2).contains(&state.wait_seconds), "{state:?}");
    // During the wait even the right passcode is refused, and the refusal is not counted.
    assert!(matches!(
        store.unlock(PASS).await,
        Err(StoreError::TryAgainLater {
            wait_seconds: 1..=2
        })
    ));
    store.close();

    // Reopening (a reload) keeps the count and the wait.
    let store = open(&name).await;
    let state = store.unlock_state().await.unwrap();
    assert_eq!(state.failures, 4);
    assert!(state.wait_seconds >= 1);
    store.close();

    skip_wait(&name).await;
    let store = open(&name).await;
    store.unlock(PASS).await.unwrap();
    let state = store.unlock_state().await.unwrap();
    assert_eq!((state.failures, state.attempts_left), (0, MAX_ATTEMPTS));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn ten_wrong_tries_in_a_row_wipe_everything() {
    let (name, store) = fresh("wipe").await;
    store.import_cohort(&demo()).await.unwrap();
    store
        .submit(&new_contact("K-NEW-1", "N-0001"), None)
        .await
        .unwrap();
    store
        .save_draft(&DraftKey::Contact("N-0002".into()), "half typed")
        .await
        .unwrap();
    store.close();

    for i in 1..=MAX_ATTEMPTS {
        skip_wait(&name).await;
        let store = open(&name).await;
        let before = store.unlock_state().await.unwrap();
        assert_eq!(before.attempts_left, MAX_ATTEMPTS - (i - 1));
        // The warning before the last tries can say what a wipe would lose.
        assert_eq!(before.unexported_records, 1);
        let result = store.unlock("wrong-passcode").await;
        if i < MAX_ATTEMPTS {
            assert_eq!(
                result,
                Err(StoreError::WrongPasscode {
                    attempts_left: MAX_ATTEMPTS - i
                })
            );
        } else {
            assert_eq!(result, Err(StoreError::Wiped));
        }
        store.close();
    }

    // Nothing is left but empty stores: no wrapped key, no records, no drafts, no outbox.
    for (store_name, rows) in raw_rows(&name).await {
        assert!(
            rows.is_empty(),
            "{store_name} still has {} rows",
            rows.len()
        );
    }
    let store = open(&name).await;
    assert!(!store.is_set_up().await.unwrap());
    assert_eq!(store.unlock(PASS).await, Err(StoreError::NotSetUp));
    // Start again: a new passcode, an empty phone.
    store
        .set_passcode("a new passcode", "a new passcode")
        .await
        .unwrap();
    assert_eq!(store.load_cohort().await, Ok(None));
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_right_passcode_resets_the_count() {
    let (name, store) = fresh("reset").await;
    store.lock();
    for _ in 0..3 {
        assert!(store.unlock("wrong-passcode").await.is_err());
    }
    store.unlock(PASS).await.unwrap();
    store.lock();
    assert_eq!(
        store.unlock("wrong-passcode").await,
        Err(StoreError::WrongPasscode {
            attempts_left: MAX_ATTEMPTS - 1
        })
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn changing_the_passcode_rewraps_the_key_only() {
    let (name, store) = fresh("change").await;
    store.import_cohort(&demo()).await.unwrap();
    let nominal_before = raw_get(&name, "nominals", "N-0001").await;
    let lock_before = raw_get(&name, "meta", "lock").await;

    assert_eq!(
        store.change_passcode(PASS, "new-pass", "new-pass!").await,
        Err(StoreError::PasscodesDoNotMatch)
    );
    assert_eq!(
        store
            .change_passcode("wrong-passcode", "new-passcode", "new-passcode")
            .await,
        Err(StoreError::WrongPasscode {
            attempts_left: MAX_ATTEMPTS - 1
        })
    );
    store
        .change_passcode(PASS, "new-passcode", "new-passcode")
        .await
        .unwrap();
    assert!(store.is_unlocked());
    assert!(store.load_cohort().await.unwrap().is_some());

    // Records were not re-encrypted; the wrapped key and the salt changed.
    let nominal_after = raw_get(&name, "nominals", "N-0001").await;
    assert_eq!(
        js_sys::JSON::stringify(&nominal_before).unwrap(),
        js_sys::JSON::stringify(&nominal_after).unwrap()
    );
    let lock_after = raw_get(&name, "meta", "lock").await;
    assert_ne!(
        js_sys::JSON::stringify(&lock_before).unwrap(),
        js_sys::JSON::stringify(&lock_after).unwrap()
    );

    store.lock();
    assert!(store.unlock(PASS).await.is_err());
    store.unlock("new-passcode").await.unwrap();
    assert_eq!(
        normalised(store.load_cohort().await.unwrap().unwrap()),
        normalised(demo())
    );
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn test_settings_are_refused_for_real_use() {
    // The fast key derivation is only available on databases named `test-...`.
    let refused = Store::open_for_tests(TestOptions {
        name: "scpo-field".into(),
        kdf_iterations: 1_000,
        schema_version: scpo_field::store::schema::SCHEMA_VERSION,
    })
    .await;
    assert!(matches!(refused, Err(StoreError::InsecureSettings)));

    // A lock made with few iterations is refused by a store opened for real use.
    let (name, store) = fresh("weak").await;
    store.close();
    let real = Store::open_named(&name).await.unwrap();
    assert_eq!(real.unlock(PASS).await, Err(StoreError::InsecureSettings));
    assert!(!real.is_unlocked());
    real.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn wipe_on_request_forgets_everything() {
    let (name, store) = fresh("wipe-request").await;
    store.import_cohort(&demo()).await.unwrap();
    store.wipe().await.unwrap();
    assert!(!store.is_unlocked());
    assert!(!store.is_set_up().await.unwrap());
    for (store_name, rows) in raw_rows(&name).await {
        assert!(rows.is_empty(), "{store_name} still has rows");
    }
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_clock_wound_back_does_not_lock_the_officer_out() {
    let (name, store) = fresh("clock").await;
    store.close();
    // A wait stored while the clock was a day ahead.
    let row = raw_get(&name, "meta", "attempts").await;
    let day_ahead = js_sys::Date::now() + 86_400_000.0;
    js_sys::Reflect::set(&row, &"failures".into(), &5.into()).unwrap();
    js_sys::Reflect::set(&row, &"next_try_at".into(), &day_ahead.into()).unwrap();
    raw_put(&name, "meta", &row).await;

    let store = open(&name).await;
    let state = store.unlock_state().await.unwrap();
    assert!(state.wait_seconds <= 30, "{state:?}");
    assert!(matches!(
        store.unlock(PASS).await,
        Err(StoreError::TryAgainLater {
            wait_seconds: 1..=30
        })
    ));
    // The stored wait was brought back within 30 seconds of now.
    let stored = js_sys::Reflect::get(
        &raw_get(&name, "meta", "attempts").await,
        &"next_try_at".into(),
    )
    .unwrap()
    .as_f64()
    .unwrap();
    assert!(stored <= js_sys::Date::now() + 30_000.0);
    store.close();
    delete(&name).await;
}
