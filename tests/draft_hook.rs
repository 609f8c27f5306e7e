//! The draft hook (`ui::draft`) against a real IndexedDB in headless Chromium: a draft comes
//! back after a reload, a blank form deletes it, and above all a save still in flight when the
//! officer submits cannot bring the submitted draft back.
#![cfg(target_arch = "wasm32")]

mod store_support;

use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use scpo_field::store::{DraftKey, Store};
use scpo_field::ui::draft::{Draft, DraftState, SAVE_AFTER_MS};
use store_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A reactive owner, with Leptos' executor running (mounting starts it), as in the app.
fn owner() -> Owner {
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    owner.set();
    owner
}

fn open_draft(store: &Store, key: &DraftKey) -> Draft<String> {
    Draft::open_with(
        Some(store.clone()),
        key.clone(),
        String::new(),
        String::is_empty,
        |_| true,
    )
}

/// Wait (at most a few seconds) until `done` holds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

#[wasm_bindgen_test]
async fn a_save_in_flight_cannot_bring_a_submitted_draft_back() {
    let owner = owner();
    let (name, store) = fresh("draft-late-save").await;
    store.import_cohort(&demo()).await.unwrap();
    let key = DraftKey::Contact("N-0001".into());
    let draft = open_draft(&store, &key);
    until("the draft is read", || draft.loaded.get_untracked()).await;

    // A tick saves at once: the save is under way when the officer taps submit.
    draft.edit_now(|v| v.push_str("Seen at home, second handset"));
    assert_eq!(draft.status.get_untracked(), DraftState::Saving);

    // Submitting as `ui::records` does: close the draft (the save in flight lands first), then
    // the record, its outbox entry and the draft's deletion in one transaction.
    draft.close().await;
    assert!(matches!(draft.status.get_untracked(), DraftState::Saved(_)));
    store
        .submit(&new_contact("K-NEW-1", "N-0001"), Some(&key))
        .await
        .unwrap();

    // Nothing after the submit saves it again: typing, a save asked for, the page going.
    draft.edit(|v| v.push_str(" and more"));
    draft.save_now();
    owner.cleanup();
    TimeoutFuture::new(SAVE_AFTER_MS + 300).await;
    assert_eq!(store.load_draft::<String>(&key).await, Ok(None));
    assert!(store.drafts().await.unwrap().is_empty());

    // The control: a draft left open is saved again after a submit, which is what `close`
    // prevents (so the test above would see a late save).
    let owner = self::owner();
    let key = DraftKey::Contact("N-0002".into());
    let open = open_draft(&store, &key);
    until("the draft is read", || open.loaded.get_untracked()).await;
    open.edit_now(|v| v.push_str("typed"));
    store
        .submit(&new_contact("K-NEW-2", "N-0002"), Some(&key))
        .await
        .unwrap();
    open.edit(|v| v.push_str(" again"));
    open.flush().await.unwrap();
    assert_eq!(
        store.load_draft::<String>(&key).await,
        Ok(Some("typed again".to_string()))
    );
    owner.cleanup();
    store.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_draft_is_saved_as_the_officer_types_and_comes_back() {
    let owner = owner();
    let (name, store) = fresh("draft-restore").await;
    let key = DraftKey::Breach("N-0003".into());
    let draft = open_draft(&store, &key);
    until("the draft is read", || draft.loaded.get_untracked()).await;
    assert!(!draft.restored.get_untracked());

    // Typing: saved once the pause has passed.
    draft.edit(|v| v.push_str("Seen outside"));
    draft.edit(|v| v.push_str(" the gym"));
    until("the draft is saved", || {
        matches!(draft.status.get_untracked(), DraftState::Saved(_))
    })
    .await;
    assert!(DraftState::Saved(now())
        .text()
        .starts_with("Draft saved on this phone at "));
    owner.cleanup();

    // A reload: the form comes back as it was.
    let owner = self::owner();
    let again = open_draft(&store, &key);
    until("the draft is read", || again.loaded.get_untracked()).await;
    assert!(again.restored.get_untracked());
    assert_eq!(again.value.get_untracked(), "Seen outside the gym");

    // Emptied: the draft is deleted rather than kept.
    again.edit_now(String::clear);
    again.flush().await.unwrap();
    assert_eq!(store.load_draft::<String>(&key).await, Ok(None));

    // "Start again" and discarding forget it too.
    again.edit_now(|v| v.push('x'));
    again.flush().await.unwrap();
    again.start_again();
    until("the draft is forgotten", || {
        again.value.with_untracked(String::is_empty)
    })
    .await;
    again.discard().await.unwrap();
    assert_eq!(store.load_draft::<String>(&key).await, Ok(None));
    owner.cleanup();
    store.close();
    delete(&name).await;
}
