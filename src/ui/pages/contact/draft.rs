//! Keeps the contact form as a draft: saved half a second after the last change, restored when
//! the page opens again (after a reload, a lock, a crash), deleted when the contact is saved
//! (by the store, in the same transaction) or when it is back to the routine defaults.

use chrono::NaiveDateTime;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::contact_form::ContactDraft;
use crate::store::Store;
use crate::ui::{device_now, use_app};

/// Milliseconds after the last change before the draft is saved.
const SAVE_AFTER_MS: u32 = 500;

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    key: StoredValue<String>,
    routine: StoredValue<ContactDraft>,
    /// What the form holds now.
    pub draft: RwSignal<ContactDraft>,
    /// The draft has been read from the store (the form is shown only then).
    pub loaded: RwSignal<bool>,
    /// The form came back from an earlier visit.
    pub restored: RwSignal<bool>,
    saved_at: RwSignal<Option<NaiveDateTime>>,
    /// What the store holds (the routine defaults when it holds nothing).
    last_saved: StoredValue<ContactDraft>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// Saving the contact: no more draft saves.
    stopped: StoredValue<bool>,
    /// Timers run outside any component, where the app's context cannot be read.
    store: StoredValue<Option<Store>, LocalStorage>,
}

impl DraftKeeper {
    /// Start keeping the draft under `key`, loading any saved one.
    pub fn open(key: String, routine: ContactDraft) -> Self {
        let app = use_app();
        let keeper = Self {
            key: StoredValue::new(key),
            routine: StoredValue::new(routine.clone()),
            draft: RwSignal::new(routine.clone()),
            loaded: RwSignal::new(false),
            restored: RwSignal::new(false),
            saved_at: RwSignal::new(None),
            last_saved: StoredValue::new(routine),
            timer: StoredValue::new_local(None),
            stopped: StoredValue::new(false),
            store: StoredValue::new_local(app.store()),
        };
        if let Some(store) = app.store() {
            let key = keeper.key();
            spawn_local(async move {
                if let Ok(Some(d)) = store.load_draft::<ContactDraft>(&key).await {
                    keeper.last_saved.try_set_value(d.clone());
                    keeper.draft.try_set(d);
                    keeper.restored.try_set(true);
                }
                keeper.loaded.try_set(true);
            });
        } else {
            keeper.loaded.set(true);
        }
        Effect::new(move |_| {
            let changed = keeper
                .draft
                .with(|d| Some(d) != keeper.last_saved.try_with_value(|s| s.clone()).as_ref());
            if changed && keeper.loaded.get_untracked() {
                keeper.schedule();
            }
        });
        on_cleanup(move || {
            // Leaving the page within half a second of a change: save it now.
            if keeper.timer.try_update_value(|t| t.take().is_some()) == Some(true) {
                keeper.save_now();
            }
        });
        keeper
    }

    pub fn key(&self) -> String {
        self.key.get_value()
    }

    fn schedule(self) {
        let timer = Timeout::new(SAVE_AFTER_MS, move || {
            self.timer.try_update_value(|t| t.take());
            self.save_now();
        });
        // Replacing the old timer drops it, which cancels it.
        self.timer.try_set_value(Some(timer));
    }

    fn save_now(self) {
        if self.stopped.try_get_value() != Some(false) {
            return;
        }
        let (Some(draft), Some(routine), Some(key)) = (
            self.draft.try_get_untracked(),
            self.routine.try_get_value(),
            self.key.try_get_value(),
        ) else {
            return;
        };
        let Some(store) = self.store.try_get_value().flatten() else {
            return;
        };
        self.last_saved.try_set_value(draft.clone());
        spawn_local(async move {
            let result = if draft == routine {
                store.discard_draft(&key).await.map(|_| None)
            } else {
                store
                    .save_draft(&key, &draft)
                    .await
                    .map(|_| Some(device_now()))
            };
            if let Ok(at) = result {
                self.saved_at.try_set(at);
            }
        });
    }

    /// Stop saving drafts (the contact is being saved, which deletes the draft).
    pub fn stop(self) {
        self.stopped.set_value(true);
        self.timer.update_value(|t| drop(t.take()));
    }

    /// Saving the contact failed: keep the draft going.
    pub fn resume(self) {
        self.stopped.set_value(false);
        self.schedule();
    }

    /// Back to the routine defaults, forgetting the saved draft.
    pub fn start_again(self) {
        self.timer.update_value(|t| drop(t.take()));
        let routine = self.routine.get_value();
        self.last_saved.set_value(routine.clone());
        self.draft.set(routine);
        self.restored.set(false);
        self.saved_at.set(None);
        if let Some(store) = self.store.get_value() {
            let key = self.key();
            spawn_local(async move {
                let _ = store.discard_draft(&key).await;
            });
        }
    }

    /// "Draft saved at 21:50…", once a draft has been saved on this visit.
    pub fn status(self) -> Option<String> {
        self.saved_at.get().map(|at| {
            format!(
                "Draft saved at {}. It stays on this phone until you save the contact.",
                at.format("%H:%M")
            )
        })
    }
}
