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

mod saver;

use std::cell::RefCell;
use std::future::Future;

use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use self::saver::{Core, Form, Handle, Json, Snap, State};
use crate::domain::common::json;
pub use crate::store::DraftKey;
use crate::store::{Store, StoreError, StoreResult};
use crate::ui::use_app;

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
                crate::domain::time::dates::clock_time(at)
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
///
/// Only the edges are typed: the form's value goes to the core as JSON text
/// (`serde_json::to_vec`) and a saved draft comes back through [`json::read`], so each form
/// type adds its conversions to the wasm and nothing else (`saver` does the saving).
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
    core: Handle,
}

impl<T: Send + Sync + 'static> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Draft<T> {}

/// The typed form behind the core: its value, fresh state and the page's rules.
struct Typed<T: Send + Sync + 'static, B, K> {
    value: RwSignal<T>,
    fresh: T,
    blank: B,
    keep: K,
}

fn to_json<T: Serialize>(v: &T) -> Json {
    serde_json::to_vec(v).ok()
}

impl<T, B, K> Form for Typed<T, B, K>
where
    T: DraftValue,
    B: Fn(&T) -> bool,
    K: Fn(&T) -> bool,
{
    fn now(&self) -> Option<Snap> {
        self.value.try_with_untracked(|v| Snap {
            json: to_json(v),
            blank: (self.blank)(v),
        })
    }

    fn restore(&self, saved: &Value) -> StoreResult<Option<Json>> {
        let d: T = json::read(saved).map_err(|_| StoreError::Unreadable)?;
        if !(self.keep)(&d) {
            return Ok(None);
        }
        let saved = to_json(&d);
        self.value.try_set(d);
        Ok(Some(saved))
    }

    fn reset(&self) {
        self.value.set(self.fresh.clone());
    }
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
        let value = RwSignal::new(fresh.clone());
        let loaded = RwSignal::new(false);
        let restored = RwSignal::new(false);
        let status = RwSignal::new(DraftState::Idle);
        let fresh_json = to_json(&fresh);
        let core = Handle::open(Core {
            store,
            key: key.clone(),
            fresh: fresh_json.clone(),
            form: Box::new(Typed {
                value,
                fresh,
                blank,
                keep,
            }),
            loaded,
            restored,
            status,
            state: RefCell::new(State::new(fresh_json)),
        });
        // Any change to the value, however it is made, is saved shortly.
        Effect::new(move |_| {
            value.track();
            core.changed();
        });
        Self {
            key: StoredValue::new(key),
            value,
            loaded,
            restored,
            status,
            core,
        }
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
        self.core.save_now();
    }

    /// Save now and wait until it is on the phone: call before moving to another page.
    pub fn flush(&self) -> impl Future<Output = Result<(), String>> {
        self.core.flush()
    }

    /// Stop saving (the record is being submitted, which deletes the draft) and wait for a
    /// save in flight to land, so it cannot bring the draft back after the record removed it.
    pub fn close(&self) -> impl Future<Output = ()> {
        self.core.close()
    }

    /// Saving again after [`close`](Draft::close) (submitting failed: the draft is kept).
    pub fn reopen(&self) {
        self.core.reopen();
    }

    /// Back to the fresh form, forgetting the saved draft; saving goes on from there.
    pub fn start_again(&self) {
        self.core.start_again();
    }

    /// Delete the draft and stop saving.
    pub fn discard(&self) -> impl Future<Output = Result<(), String>> {
        self.core.discard()
    }
}

/// How the form's draft stands on the phone, in one wording for every form.
#[component]
pub fn DraftStatus(#[prop(into)] status: Signal<DraftState>) -> impl IntoView {
    view! { <p class="hint draft-status" role="status">{move || status.get().text()}</p> }
}
