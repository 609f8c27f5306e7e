//! The briefing being worked on: loaded from its draft when the flow opens, saved as the
//! officer goes (debounced while typing, at once for a tick or a choice; see `ui::draft`), and
//! shared by every page of the flow through context.

use leptos::prelude::*;

use crate::domain::{Briefing, BriefingTask, Condition};
use crate::ui::draft::{Draft, DraftKey, DraftState};
use crate::ui::{device_now, new_record_id, use_app};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    Loading,
    Ready,
    Failed(String),
}

/// Everything the flow's pages share. `Copy`: closures capture it freely.
#[derive(Clone, Copy)]
pub struct Flow {
    pub nominal_id: StoredValue<String>,
    /// The briefing as it stands, kept as a draft. `None` when no order is in force today.
    pub draft: Draft<Option<Briefing>>,
    /// The briefing as it stands (the draft's value).
    pub briefing: RwSignal<Option<Briefing>>,
    /// Set by a refused sign-off: the task pages then mark what is missing.
    pub show_gaps: RwSignal<bool>,
    /// The conditions in force today, in the order of the order.
    pub live: Memo<Vec<Condition>>,
}

pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}

impl Flow {
    /// Opens the flow for a nominal: reads the draft, or starts a new briefing in memory (it is
    /// first saved when the officer records something). A draft for an order since replaced
    /// is not this briefing: the flow starts afresh, and overwrites it at the first save.
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
        let today = app.today.get_untracked();
        let (order_id, live_ids) = app.cohort.with_untracked(|c| {
            let order = c
                .order_for(&nominal_id, today)
                .filter(|o| o.is_live_on(today))
                .map(|o| o.id.clone());
            (order, c.live_condition_ids(&nominal_id, today))
        });
        let fresh = order_id.clone().map(|order_id| {
            Briefing::start(
                new_record_id("B"),
                nominal_id.clone(),
                order_id,
                live_ids,
                device_now(),
            )
        });
        let draft = Draft::open_with(
            app.store(),
            DraftKey::Briefing(nominal_id.clone()),
            fresh,
            Option::is_none,
            move |saved: &Option<Briefing>| match (saved, &order_id) {
                (Some(b), Some(order_id)) => &b.order_id == order_id && b.signed_off.is_none(),
                _ => false,
            },
        );
        Flow {
            nominal_id: StoredValue::new(nominal_id),
            draft,
            briefing: draft.value,
            show_gaps: RwSignal::new(false),
            live,
        }
    }

    /// Whether the draft has been read. Reactive.
    pub fn loaded(self) -> Loaded {
        match (self.draft.loaded.get(), self.draft.status.get()) {
            (false, _) => Loaded::Loading,
            (true, DraftState::Unreadable(why)) => Loaded::Failed(why),
            (true, _) => Loaded::Ready,
        }
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
        if self.started() {
            self.draft.edit_now(|b| {
                if let Some(b) = b {
                    f(b)
                }
            });
        }
    }

    /// Change the briefing as the officer types: saved when typing pauses.
    pub fn type_in(self, f: impl FnOnce(&mut Briefing)) {
        if self.started() {
            self.draft.edit(|b| {
                if let Some(b) = b {
                    f(b)
                }
            });
        }
    }

    /// Save the briefing now (a save waiting for a pause in typing is folded into this one).
    pub fn save_now(self) {
        self.draft.save_now();
    }

    fn started(self) -> bool {
        self.briefing.with_untracked(Option::is_some)
    }
}
