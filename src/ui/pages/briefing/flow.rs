//! The briefing being worked on: loaded from its draft when the flow opens, saved as the
//! officer goes (debounced while typing, at once for a tick or a choice), and shared by every
//! page of the flow through context.

use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Briefing, BriefingTask, Condition};
use crate::store::Store;
use crate::ui::{device_now, new_record_id, use_app, AppState};

/// How long typing must pause before the draft is saved.
const SAVE_AFTER_MS: u32 = 500;

/// The draft key of a nominal's briefing. Nominal ids are opaque, so the key may be in clear.
pub fn draft_key(nominal_id: &str) -> String {
    format!("briefing:{nominal_id}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    Loading,
    Ready,
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing changed since the flow opened.
    Unchanged,
    Saving,
    At(chrono::NaiveDateTime),
    Failed(String),
}

/// Everything the flow's pages share. `Copy`: closures capture it freely.
#[derive(Clone, Copy)]
pub struct Flow {
    app: AppState,
    pub nominal_id: StoredValue<String>,
    /// The briefing as it stands. `None` until the draft has been read.
    pub briefing: RwSignal<Option<Briefing>>,
    pub loaded: RwSignal<Loaded>,
    pub saved: RwSignal<Saved>,
    /// Set by a refused sign-off: the task pages then mark what is missing.
    pub show_gaps: RwSignal<bool>,
    /// The conditions in force today, in the order of the order.
    pub live: Memo<Vec<Condition>>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    saving: StoredValue<bool>,
    save_again: StoredValue<bool>,
    /// After sign-off nothing more is saved to the draft.
    closed: StoredValue<bool>,
}

pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}

impl Flow {
    /// Opens the flow for a nominal: reads the draft, or starts a new briefing in memory (it is
    /// first saved when the officer records something).
    pub fn open(nominal_id: String) -> Self {
        let app = use_app();
        let id = nominal_id.clone();
        let live = Memo::new(move |_| {
            let today = app.today.get();
            app.cohort.with(|c| {
                c.live_conditions(&id, today)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let flow = Flow {
            app,
            nominal_id: StoredValue::new(nominal_id),
            briefing: RwSignal::new(None),
            loaded: RwSignal::new(Loaded::Loading),
            saved: RwSignal::new(Saved::Unchanged),
            show_gaps: RwSignal::new(false),
            live,
            timer: StoredValue::new_local(None),
            saving: StoredValue::new(false),
            save_again: StoredValue::new(false),
            closed: StoredValue::new(false),
        };
        flow.load();
        on_cleanup(move || flow.flush_on_leaving());
        flow
    }

    fn load(self) {
        let app = self.app;
        let Some(store) = app.store() else {
            self.loaded.set(Loaded::Failed("The app is locked.".into()));
            return;
        };
        let key = self.key();
        spawn_local(async move {
            let draft = store.load_draft::<Briefing>(&key).await;
            let today = app.today.get_untracked();
            let nominal_id = self.nominal_id.get_value();
            let order_id = app.cohort.with_untracked(|c| {
                c.order_for(&nominal_id, today)
                    .filter(|o| o.is_live_on(today))
                    .map(|o| o.id.clone())
            });
            let Some(order_id) = order_id else {
                self.loaded.set(Loaded::Ready);
                return;
            };
            match draft {
                // A draft for an order since replaced is not this briefing: start afresh (it is
                // overwritten at the first save).
                Ok(Some(b)) if b.order_id == order_id && b.signed_off.is_none() => {
                    self.briefing.set(Some(b))
                }
                Ok(_) => {
                    let live = app
                        .cohort
                        .with_untracked(|c| c.live_condition_ids(&nominal_id, today));
                    self.briefing.set(Some(Briefing::start(
                        new_record_id("B"),
                        nominal_id,
                        order_id,
                        live,
                        device_now(),
                    )));
                }
                Err(e) => {
                    self.loaded.set(Loaded::Failed(e.to_string()));
                    return;
                }
            }
            self.loaded.set(Loaded::Ready);
        });
    }

    fn store(self) -> Option<Store> {
        self.app.store()
    }

    pub fn key(self) -> String {
        draft_key(&self.nominal_id.get_value())
    }

    pub fn live_ids(self) -> Vec<String> {
        self.live
            .with(|cs| cs.iter().map(|c| c.id.clone()).collect())
    }

    /// The task list's tasks, in order.
    pub fn tasks(self) -> Vec<BriefingTask> {
        Briefing::tasks(&self.live_ids())
    }

    /// Is the task complete? Reactive.
    pub fn task_done(self, task: &BriefingTask) -> bool {
        let live = self.live_ids();
        self.briefing
            .with(|b| b.as_ref().is_some_and(|b| b.task_done(task, &live)))
    }

    /// Read the briefing (reactively), with a default when it is not loaded.
    pub fn read<T: Default>(self, f: impl FnOnce(&Briefing) -> T) -> T {
        self.briefing
            .with(|b| b.as_ref().map(f).unwrap_or_default())
    }

    /// Change the briefing after a tick or a choice: saved at once.
    pub fn choose(self, f: impl FnOnce(&mut Briefing)) {
        if self.change(f) {
            self.save_now();
        }
    }

    /// Change the briefing as the officer types: saved when typing pauses.
    pub fn type_in(self, f: impl FnOnce(&mut Briefing)) {
        if self.change(f) {
            let timer = Timeout::new(SAVE_AFTER_MS, move || self.save_now());
            // Replacing the timer drops (cancels) the one before.
            self.timer.set_value(Some(timer));
        }
    }

    fn change(self, f: impl FnOnce(&mut Briefing)) -> bool {
        if self.closed.get_value() {
            return false;
        }
        let mut changed = false;
        self.briefing.update(|b| {
            if let Some(b) = b {
                f(b);
                changed = true;
            }
        });
        changed
    }

    /// Save the briefing now (a pending debounced save is folded into this one). Saves never
    /// overlap: one asked for while another runs follows it with the latest state.
    pub fn save_now(self) {
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.cancel();
            }
        });
        if self.closed.get_value() {
            return;
        }
        if self.saving.get_value() {
            self.save_again.set_value(true);
            return;
        }
        let Some(store) = self.store() else { return };
        self.saving.set_value(true);
        self.saved.set(Saved::Saving);
        let key = self.key();
        spawn_local(async move {
            loop {
                self.save_again.set_value(false);
                let Some(b) = self.briefing.try_get_untracked().flatten() else {
                    break;
                };
                if self.closed.try_get_value().unwrap_or(true) {
                    break;
                }
                let result = store.save_draft(&key, &b).await;
                let _ = self.saved.try_set(match result {
                    Ok(()) => Saved::At(device_now()),
                    Err(e) => Saved::Failed(e.to_string()),
                });
                if !self.save_again.try_get_value().unwrap_or(false) {
                    break;
                }
            }
            let _ = self.saving.try_set_value(false);
        });
    }

    /// Leaving the flow (another page, or the app locking): save what is pending, if the store
    /// is still open.
    fn flush_on_leaving(self) {
        let pending = self
            .timer
            .try_update_value(|t| t.take().map(Timeout::cancel).is_some())
            .unwrap_or(false);
        if !pending || self.closed.try_get_value().unwrap_or(true) {
            return;
        }
        let (Some(store), Some(Some(b))) = (self.store(), self.briefing.try_get_untracked()) else {
            return;
        };
        let key = self.key();
        spawn_local(async move {
            let _ = store.save_draft(&key, &b).await;
        });
    }

    /// Stop saving the draft (signing off) and wait for a save in progress to land, so it
    /// cannot bring the draft back after the signed record has removed it.
    pub async fn close(self) {
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.cancel();
            }
        });
        self.closed.set_value(true);
        while self.saving.try_get_value().unwrap_or(false) {
            TimeoutFuture::new(20).await;
        }
    }

    /// Signing off failed: the draft is kept and saving goes on.
    pub fn reopen(self) {
        self.closed.set_value(false);
    }
}
