//! One way to keep a form as a draft on the phone, for every form (contact, breach report,
//! briefing, notification).
//!
//! [`Draft::open`] reads the saved draft for a [`DraftKey`] (the form and the nominal) and then
//! keeps what the form holds saved as the officer goes: half a second after the last change
//! ([`Draft::edit`], or any change to [`Draft::value`]), at once after a tick or a choice
//! ([`Draft::edit_now`]) and when the page goes. A form back to nothing worth keeping
//! (`blank`) deletes the draft instead. Saves never overlap: one asked for while another runs
//! follows it with the latest value.
//!
//! Submitting deletes the draft in the same transaction as the record (the store does it), so
//! the submit first [`close`](Draft::close)s the draft: no more saves start, and the one in
//! flight, if any, lands first. Without that a late save could bring a submitted draft back.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDateTime;
use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use crate::store::DraftKey;
use crate::store::Store;
use crate::ui::{device_now, use_app};

/// Milliseconds after the last change before the draft is saved.
pub const SAVE_AFTER_MS: u32 = 500;

/// How the draft stands on the phone, for [`DraftStatus`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftState {
    /// Nothing saved on this visit yet.
    Idle,
    /// A change is waiting to be saved, or being saved.
    Saving,
    /// Saved on this phone at that time.
    Saved(NaiveDateTime),
    /// The last save failed, and why.
    Failed(String),
    /// The saved draft could not be read, and why.
    Unreadable(String),
}

impl DraftState {
    /// The one wording every form shows under it.
    pub fn text(&self) -> String {
        match self {
            Self::Idle => "What you enter is saved on this phone as you go.".into(),
            Self::Saving => "Saving…".into(),
            Self::Saved(at) => format!(
                "Draft saved on this phone at {}",
                crate::domain::dates::clock_time(at)
            ),
            Self::Failed(why) => format!("Your answers could not be saved on this phone: {why}"),
            Self::Unreadable(why) => format!("The saved draft could not be read: {why}"),
        }
    }
}

/// What a draft may hold.
pub trait DraftValue:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
}

impl<T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static> DraftValue for T {}

/// A form kept as a draft. `Copy`: closures capture it freely.
pub struct Draft<T: Send + Sync + 'static> {
    key: StoredValue<DraftKey>,
    /// What the form holds now. Changing it saves it shortly.
    pub value: RwSignal<T>,
    /// The saved draft has been read (show the form only then).
    pub loaded: RwSignal<bool>,
    /// The form came back from an earlier visit.
    pub restored: RwSignal<bool>,
    /// How the draft stands on the phone.
    pub status: RwSignal<DraftState>,
    saver: StoredValue<Rc<Saver<T>>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Draft<T> {}

/// The saving half, shared by the page and the saves it starts (which may outlive the page).
struct Saver<T> {
    store: Option<Store>,
    key: DraftKey,
    fresh: T,
    blank: Box<dyn Fn(&T) -> bool>,
    state: RefCell<SaverState<T>>,
}

struct SaverState<T> {
    /// What the store holds (`fresh` when it holds nothing).
    last_saved: T,
    timer: Option<Timeout>,
    /// Submitting (or discarded): no more saves start.
    closed: bool,
    /// A save is in flight.
    saving: bool,
    /// Another change came while saving: save again after.
    again: bool,
}

impl<T: DraftValue> Draft<T> {
    /// Keep the form under `key`, starting from `fresh` unless a draft is saved. `blank` says
    /// when the form holds nothing worth keeping.
    pub fn open(key: DraftKey, fresh: T, blank: impl Fn(&T) -> bool + 'static) -> Self {
        Self::open_with(use_app().store(), key, fresh, blank, |_| true)
    }

    /// [`Draft::open`] with the store given, and `keep` saying whether a saved draft still
    /// belongs to this form (one that does not is replaced at the first save).
    pub fn open_with(
        store: Option<Store>,
        key: DraftKey,
        fresh: T,
        blank: impl Fn(&T) -> bool + 'static,
        keep: impl Fn(&T) -> bool + 'static,
    ) -> Self {
        let saver = Rc::new(Saver {
            store: store.clone(),
            key: key.clone(),
            fresh: fresh.clone(),
            blank: Box::new(blank),
            state: RefCell::new(SaverState {
                last_saved: fresh.clone(),
                timer: None,
                closed: false,
                saving: false,
                again: false,
            }),
        });
        let draft = Self {
            key: StoredValue::new(key.clone()),
            value: RwSignal::new(fresh),
            loaded: RwSignal::new(false),
            restored: RwSignal::new(false),
            status: RwSignal::new(DraftState::Idle),
            saver: StoredValue::new_local(saver.clone()),
        };
        match store {
            Some(store) => spawn_local(async move {
                match store.load_draft::<T>(&key).await {
                    Ok(Some(d)) if keep(&d) => {
                        saver.state.borrow_mut().last_saved = d.clone();
                        draft.value.try_set(d);
                        draft.restored.try_set(true);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        draft.status.try_set(DraftState::Unreadable(e.to_string()));
                    }
                }
                draft.loaded.try_set(true);
            }),
            None => draft.loaded.set(true),
        }
        // Any change to the value, however it is made, is saved shortly.
        Effect::new(move |_| {
            let changed = draft.value.with(|v| draft.differs(v));
            if changed && draft.loaded.get_untracked() {
                draft.schedule();
            }
        });
        // Leaving the page before the pause has passed: save now.
        on_cleanup(move || {
            if let Some(saver) = draft.saver.try_get_value() {
                let pending = saver.state.borrow_mut().timer.take().is_some();
                if pending {
                    if let Some(v) = draft.value.try_get_untracked() {
                        start_save(saver, v, draft);
                    }
                }
            }
        });
        draft
    }

    /// The draft's key.
    pub fn key(&self) -> DraftKey {
        self.key.get_value()
    }

    /// Change the form; saved when the officer pauses.
    pub fn edit(&self, f: impl FnOnce(&mut T)) {
        self.value.update(f);
    }

    /// Change the form after a tick or a choice; saved at once.
    pub fn edit_now(&self, f: impl FnOnce(&mut T)) {
        self.value.update(f);
        self.save_now();
    }

    /// Save what the form holds now (a save waiting for the pause is folded into it).
    pub fn save_now(&self) {
        let (Some(saver), Some(v)) = (self.saver.try_get_value(), self.value.try_get_untracked())
        else {
            return;
        };
        if let Some(t) = saver.state.borrow_mut().timer.take() {
            t.cancel();
        }
        start_save(saver, v, *self);
    }

    /// Save now and wait until it is on the phone: call before moving to another page.
    pub async fn flush(&self) -> Result<(), String> {
        let changed = self.value.with_untracked(|v| self.differs(v));
        let pending = self
            .saver
            .try_with_value(|s| s.state.borrow().timer.is_some())
            .unwrap_or(false);
        if changed || pending {
            self.save_now();
        }
        self.settled().await;
        match self.status.get_untracked() {
            DraftState::Failed(why) => Err(why),
            _ => Ok(()),
        }
    }

    /// Stop saving (the record is being submitted, which deletes the draft) and wait for a
    /// save in flight to land, so it cannot bring the draft back after the record removed it.
    pub async fn close(&self) {
        self.saver.try_with_value(|s| {
            let mut st = s.state.borrow_mut();
            st.closed = true;
            if let Some(t) = st.timer.take() {
                t.cancel();
            }
        });
        self.settled().await;
    }

    /// Saving again after [`close`](Draft::close) (submitting failed: the draft is kept).
    pub fn reopen(&self) {
        self.saver
            .try_with_value(|s| s.state.borrow_mut().closed = false);
        if self.value.with_untracked(|v| self.differs(v)) {
            self.schedule();
        }
    }

    /// Back to the fresh form, forgetting the saved draft; saving goes on from there.
    pub fn start_again(&self) {
        let Some(saver) = self.saver.try_get_value() else {
            return;
        };
        let draft = *self;
        {
            let mut st = saver.state.borrow_mut();
            if let Some(t) = st.timer.take() {
                t.cancel();
            }
            st.last_saved = saver.fresh.clone();
        }
        self.value.set(saver.fresh.clone());
        self.restored.set(false);
        self.status.set(DraftState::Idle);
        spawn_local(async move {
            draft.settled().await;
            if let Some(store) = &saver.store {
                let _ = store.discard_draft(&saver.key).await;
            }
        });
    }

    /// Delete the draft and stop saving.
    pub async fn discard(&self) -> Result<(), String> {
        self.close().await;
        let Some(saver) = self.saver.try_get_value() else {
            return Ok(());
        };
        match &saver.store {
            Some(store) => store
                .discard_draft(&saver.key)
                .await
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// Is `v` other than what the store holds?
    fn differs(&self, v: &T) -> bool {
        self.saver
            .try_with_value(|s| s.state.borrow().last_saved != *v)
            .unwrap_or(false)
    }

    fn schedule(&self) {
        let Some(saver) = self.saver.try_get_value() else {
            return;
        };
        let mut st = saver.state.borrow_mut();
        if st.closed {
            return;
        }
        let draft = *self;
        // Replacing the timer drops (cancels) the one before.
        st.timer = Some(Timeout::new(SAVE_AFTER_MS, move || {
            if let Some(saver) = draft.saver.try_get_value() {
                saver.state.borrow_mut().timer = None;
            }
            draft.save_now();
        }));
        drop(st);
        self.status.set(DraftState::Saving);
    }

    /// Wait until no save is in flight.
    async fn settled(&self) {
        let Some(saver) = self.saver.try_get_value() else {
            return;
        };
        while saver.state.borrow().saving {
            TimeoutFuture::new(10).await;
        }
    }
}

/// Save `v` unless the draft is closed; one save at a time, the latest value last.
fn start_save<T: DraftValue>(saver: Rc<Saver<T>>, v: T, draft: Draft<T>) {
    let Some(store) = saver.store.clone() else {
        return;
    };
    {
        let mut st = saver.state.borrow_mut();
        if st.closed {
            return;
        }
        // Taken as saved from now, so the change is not scheduled again.
        st.last_saved = v.clone();
        if st.saving {
            st.again = true;
            return;
        }
        st.saving = true;
    }
    draft.status.try_set(DraftState::Saving);
    spawn_local(async move {
        let mut v = v;
        loop {
            let blank = (saver.blank)(&v);
            let result = if blank {
                store.discard_draft(&saver.key).await
            } else {
                store.save_draft(&saver.key, &v).await
            };
            draft.status.try_set(match result {
                Ok(()) if blank => DraftState::Idle,
                Ok(()) => DraftState::Saved(device_now()),
                Err(e) => DraftState::Failed(e.to_string()),
            });
            let mut st = saver.state.borrow_mut();
            if st.closed || !st.again {
                break;
            }
            st.again = false;
            match draft.value.try_get_untracked() {
                Some(next) => {
                    st.last_saved = next.clone();
                    v = next;
                }
                None => break,
            }
        }
        saver.state.borrow_mut().saving = false;
    });
}

/// How the form's draft stands on the phone, in one wording for every form.
#[component]
pub fn DraftStatus(#[prop(into)] status: Signal<DraftState>) -> impl IntoView {
    view! { <p class="hint draft-status" role="status">{move || status.get().text()}</p> }
}
