//! Keeps a form as a draft on the phone: saved half a second after the last change (at once
//! when the officer moves to another page), restored when the page opens again after a reload,
//! a lock or a crash. A draft with nothing in it is not kept. Submitting deletes the draft in
//! the same transaction as the record (the store does it), so the keeper is stopped first.

use chrono::NaiveDateTime;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::store::Store;
use crate::ui::{device_now, use_app};

/// Milliseconds after the last change before the draft is saved.
const SAVE_AFTER_MS: u32 = 500;

pub struct Keeper<T: Send + Sync + 'static> {
    key: StoredValue<String>,
    /// What the form holds now.
    pub draft: RwSignal<T>,
    /// The store has been read (show the form only then).
    pub loaded: RwSignal<bool>,
    /// The form came back from an earlier visit.
    pub restored: RwSignal<bool>,
    /// When the draft was last saved on this phone.
    pub saved_at: RwSignal<Option<NaiveDateTime>>,
    /// Why the last save failed, if it did.
    pub error: RwSignal<Option<String>>,
    /// A change is waiting to be saved.
    pub pending: RwSignal<bool>,
    blank: StoredValue<fn(&T) -> bool>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    stopped: StoredValue<bool>,
    /// Timers run outside any component, where the app's context cannot be read.
    store: StoredValue<Option<Store>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Keeper<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Keeper<T> {}

impl<T> Keeper<T>
where
    T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Keep the form under `key`, starting from `fresh` unless a saved draft is found.
    /// `blank` says when the form holds nothing worth keeping.
    pub fn open(key: String, fresh: T, blank: fn(&T) -> bool) -> Self {
        let app = use_app();
        let keeper = Self {
            key: StoredValue::new(key),
            draft: RwSignal::new(fresh),
            loaded: RwSignal::new(false),
            restored: RwSignal::new(false),
            saved_at: RwSignal::new(None),
            error: RwSignal::new(None),
            pending: RwSignal::new(false),
            blank: StoredValue::new(blank),
            timer: StoredValue::new_local(None),
            stopped: StoredValue::new(false),
            store: StoredValue::new_local(app.store()),
        };
        match app.store() {
            Some(store) => {
                let key = keeper.key.get_value();
                spawn_local(async move {
                    match store.load_draft::<T>(&key).await {
                        Ok(Some(d)) => {
                            keeper.draft.try_set(d);
                            keeper.restored.try_set(true);
                        }
                        Ok(None) => {}
                        Err(e) => {
                            keeper.error.try_set(Some(e.to_string()));
                        }
                    }
                    keeper.loaded.try_set(true);
                });
            }
            None => keeper.loaded.set(true),
        }
        on_cleanup(move || {
            // Leaving the page within half a second of a change: save it now.
            if keeper.timer.try_update_value(|t| t.take().is_some()) == Some(true) {
                keeper.save_in_background();
            }
        });
        keeper
    }

    /// Change the form and save it shortly.
    pub fn edit(&self, f: impl FnOnce(&mut T)) {
        self.draft.update(f);
        self.schedule();
    }

    fn schedule(&self) {
        if self.stopped.get_value() {
            return;
        }
        let keeper = *self;
        self.pending.set(true);
        let timer = Timeout::new(SAVE_AFTER_MS, move || {
            keeper.timer.try_update_value(|t| t.take());
            keeper.save_in_background();
        });
        self.timer.set_value(Some(timer));
    }

    fn save_in_background(&self) {
        let keeper = *self;
        spawn_local(async move {
            let _ = keeper.save().await;
        });
    }

    /// Save now (a blank form deletes the draft instead).
    pub async fn save(&self) -> Result<(), String> {
        let Some(store) = self.store.try_get_value().flatten() else {
            return Ok(());
        };
        let (Some(key), Some(draft), Some(blank)) = (
            self.key.try_get_value(),
            self.draft.try_get_untracked(),
            self.blank.try_get_value(),
        ) else {
            return Ok(());
        };
        self.pending.try_set(false);
        let result = if blank(&draft) {
            store.discard_draft(&key).await
        } else {
            store.save_draft(&key, &draft).await
        };
        match result {
            Ok(()) => {
                self.saved_at.try_set((!blank(&draft)).then(device_now));
                self.error.try_set(None);
                Ok(())
            }
            Err(e) => {
                let message = format!("Your answers could not be saved on this phone: {e}");
                self.error.try_set(Some(message.clone()));
                Err(message)
            }
        }
    }

    /// Save now, cancelling any save waiting: call before moving to another page.
    pub async fn flush(&self) -> Result<(), String> {
        self.timer.try_update_value(|t| t.take());
        if self.stopped.try_get_value().unwrap_or(true) {
            return Ok(());
        }
        self.save().await
    }

    /// Stop saving: the record is being submitted (the store deletes the draft with it).
    pub fn stop(&self) {
        self.timer.try_update_value(|t| t.take());
        self.pending.set(false);
        self.stopped.set_value(true);
    }

    /// Start saving again (submitting failed).
    pub fn resume(&self) {
        self.stopped.set_value(false);
    }

    /// Delete the draft and stop saving.
    pub async fn discard(&self) -> Result<(), String> {
        self.stop();
        let Some(store) = self.store.try_get_value().flatten() else {
            return Ok(());
        };
        let key = self.key.get_value();
        store.discard_draft(&key).await.map_err(|e| e.to_string())
    }

    /// The draft's key in the store.
    pub fn key(&self) -> String {
        self.key.get_value()
    }
}

/// "Saved on this phone at 14:05", for a status line under the form.
#[component]
pub fn SavedStatus<T: Send + Sync + 'static>(keeper: Keeper<T>) -> impl IntoView {
    view! {
        <p class="body-s draft-status" role="status">
            {move || match (keeper.error.get(), keeper.pending.get(), keeper.saved_at.get()) {
                (Some(e), _, _) => e,
                (None, true, _) => "Saving…".to_string(),
                (None, false, Some(t)) => format!("Draft saved on this phone at {}", t.format("%H:%M:%S")),
                (None, false, None) => String::new(),
            }}
        </p>
    }
}
