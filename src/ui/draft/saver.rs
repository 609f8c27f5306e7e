//! The draft hook's working part, compiled once for every form: it knows the form only as
//! JSON text (what [`Form`] gives it), so the load, the pause before saving, the save in
//! flight, saving again, closing and flushing are not repeated in the wasm for each form type.
//! The typed [`Draft`](super::Draft) converts at the edges only.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::{DraftState, SAVE_AFTER_MS};
use crate::store::{DraftKey, Store, StoreError, StoreResult};
use crate::ui::device_now;

/// A form's value as JSON text (`None`: it cannot be written as JSON, and saving it fails).
pub(super) type Json = Option<Vec<u8>>;

/// A form's value as saved, and whether it holds nothing worth keeping.
pub(super) struct Snap {
    pub json: Json,
    pub blank: bool,
}

/// The typed side of a draft, as the core sees it.
pub(super) trait Form {
    /// What the form holds now, read without tracking (`None`: the page has gone).
    fn now(&self) -> Option<Snap>;
    /// Put a saved draft into the form if it reads as the form's type and still belongs to
    /// it; the JSON of what was put in, or `None` when it was left out.
    fn restore(&self, saved: &Value) -> StoreResult<Option<Json>>;
    /// Back to the fresh form.
    fn reset(&self);
}

/// The saving half, shared by the page and the saves it starts (which may outlive the page).
pub(super) struct Core {
    pub store: Option<Store>,
    pub key: DraftKey,
    /// The fresh form's JSON.
    pub fresh: Json,
    pub form: Box<dyn Form>,
    pub loaded: RwSignal<bool>,
    pub restored: RwSignal<bool>,
    pub status: RwSignal<DraftState>,
    pub state: RefCell<State>,
}

pub(super) struct State {
    /// What the store holds (the fresh form when it holds nothing), as JSON.
    pub last_saved: Json,
    timer: Option<Timeout>,
    /// Submitting (or discarded): no more saves start.
    closed: bool,
    /// A save is in flight.
    saving: bool,
    /// Another change came while saving: save again after.
    again: bool,
}

impl State {
    pub fn new(last_saved: Json) -> Self {
        Self {
            last_saved,
            timer: None,
            closed: false,
            saving: false,
            again: false,
        }
    }
}

/// The core as the page holds it. `Copy`: closures capture it freely.
#[derive(Clone, Copy)]
pub(super) struct Handle(StoredValue<Rc<Core>, LocalStorage>);

impl Handle {
    /// Start keeping the form: read the saved draft, and save what is left pending when the
    /// page goes.
    pub fn open(core: Core) -> Self {
        let core = Rc::new(core);
        let handle = Self(StoredValue::new_local(core.clone()));
        match core.store.clone() {
            Some(store) => spawn_local(async move {
                match store.load_draft_json(&core.key).await {
                    Ok(Some(saved)) => match core.form.restore(&saved) {
                        Ok(Some(json)) => {
                            core.state.borrow_mut().last_saved = json;
                            core.restored.try_set(true);
                        }
                        Ok(None) => {}
                        Err(e) => {
                            core.status.try_set(DraftState::Unreadable(e.to_string()));
                        }
                    },
                    Ok(None) => {}
                    Err(e) => {
                        core.status.try_set(DraftState::Unreadable(e.to_string()));
                    }
                }
                core.loaded.try_set(true);
            }),
            None => core.loaded.set(true),
        }
        // Leaving the page before the pause has passed: save now.
        on_cleanup(move || {
            if let Some(core) = handle.0.try_get_value() {
                let pending = core.state.borrow_mut().timer.take().is_some();
                if pending {
                    if let Some(snap) = core.form.now() {
                        start_save(core, snap);
                    }
                }
            }
        });
        handle
    }

    fn core(&self) -> Option<Rc<Core>> {
        self.0.try_get_value()
    }

    /// The form has changed: save it shortly if it is other than what the store holds.
    pub fn changed(self) {
        if self.differs() && self.core().is_some_and(|c| c.loaded.get_untracked()) {
            self.schedule();
        }
    }

    /// Save what the form holds now (a save waiting for the pause is folded into it).
    pub fn save_now(self) {
        let Some(core) = self.core() else {
            return;
        };
        let Some(snap) = core.form.now() else {
            return;
        };
        if let Some(t) = core.state.borrow_mut().timer.take() {
            t.cancel();
        }
        start_save(core, snap);
    }

    /// Save now and wait until it is on the phone.
    pub async fn flush(self) -> Result<(), String> {
        let changed = self.differs();
        let pending = self
            .core()
            .is_some_and(|c| c.state.borrow().timer.is_some());
        if changed || pending {
            self.save_now();
        }
        self.settled().await;
        match self.core().map(|c| c.status.get_untracked()) {
            Some(DraftState::Failed(why)) => Err(why),
            _ => Ok(()),
        }
    }

    /// Stop saving and wait for a save in flight to land.
    pub async fn close(self) {
        if let Some(core) = self.core() {
            let mut st = core.state.borrow_mut();
            st.closed = true;
            if let Some(t) = st.timer.take() {
                t.cancel();
            }
        }
        self.settled().await;
    }

    /// Saving again after [`close`](Handle::close).
    pub fn reopen(self) {
        if let Some(core) = self.core() {
            core.state.borrow_mut().closed = false;
        }
        if self.differs() {
            self.schedule();
        }
    }

    /// Back to the fresh form, forgetting the saved draft; saving goes on from there.
    pub fn start_again(self) {
        let Some(core) = self.core() else {
            return;
        };
        {
            let mut st = core.state.borrow_mut();
            if let Some(t) = st.timer.take() {
                t.cancel();
            }
            st.last_saved = core.fresh.clone();
        }
        core.form.reset();
        core.restored.set(false);
        core.status.set(DraftState::Idle);
        spawn_local(async move {
            self.settled().await;
            if let Some(store) = &core.store {
                let _ = store.discard_draft(&core.key).await;
            }
        });
    }

    /// Delete the draft and stop saving.
    pub async fn discard(self) -> Result<(), String> {
        self.close().await;
        let Some(core) = self.core() else {
            return Ok(());
        };
        match &core.store {
            Some(store) => store
                .discard_draft(&core.key)
                .await
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// Is what the form holds other than what the store holds? Judged on the JSON text, which
    /// for the form types (no maps, no floats) is equal exactly when the values are.
    fn differs(&self) -> bool {
        self.core()
            .and_then(|c| Some(c.form.now()?.json != c.state.borrow().last_saved))
            .unwrap_or(false)
    }

    fn schedule(self) {
        let Some(core) = self.core() else {
            return;
        };
        let mut st = core.state.borrow_mut();
        if st.closed {
            return;
        }
        // Replacing the timer drops (cancels) the one before.
        st.timer = Some(Timeout::new(SAVE_AFTER_MS, move || {
            if let Some(core) = self.core() {
                core.state.borrow_mut().timer = None;
            }
            self.save_now();
        }));
        drop(st);
        core.status.set(DraftState::Saving);
    }

    /// Wait until no save is in flight.
    async fn settled(self) {
        let Some(core) = self.core() else {
            return;
        };
        while core.state.borrow().saving {
            TimeoutFuture::new(10).await;
        }
    }
}

/// Save `snap` unless the draft is closed; one save at a time, the latest value last.
fn start_save(core: Rc<Core>, snap: Snap) {
    let Some(store) = core.store.clone() else {
        return;
    };
    {
        let mut st = core.state.borrow_mut();
        if st.closed {
            return;
        }
        // Taken as saved from now, so the change is not scheduled again.
        st.last_saved = snap.json.clone();
        if st.saving {
            st.again = true;
            return;
        }
        st.saving = true;
    }
    core.status.try_set(DraftState::Saving);
    spawn_local(async move {
        let mut snap = snap;
        loop {
            let result = match (snap.blank, snap.json) {
                (true, _) => store.discard_draft(&core.key).await,
                (false, Some(json)) => store.save_draft_json(&core.key, json).await,
                (false, None) => Err(StoreError::Unreadable),
            };
            core.status.try_set(match result {
                Ok(()) if snap.blank => DraftState::Idle,
                Ok(()) => DraftState::Saved(device_now()),
                Err(e) => DraftState::Failed(e.to_string()),
            });
            let mut st = core.state.borrow_mut();
            if st.closed || !st.again {
                break;
            }
            st.again = false;
            match core.form.now() {
                Some(next) => {
                    st.last_saved = next.json.clone();
                    snap = next;
                }
                None => break,
            }
        }
        core.state.borrow_mut().saving = false;
    });
}
