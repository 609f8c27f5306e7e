//! The session: open the store, set a passcode or unlock, load the cohort, and lock again
//! after five minutes without interaction or a minute in the background.

pub mod sync;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::AppState;
use crate::domain::{Cohort, OfficerRef};
use crate::store::{Store, StoreError};

/// Minutes without interaction before the app locks itself, unless the officer chose another.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 5;
/// Seconds in the background before the app locks itself.
pub const BACKGROUND_LOCK_SECONDS: f64 = 60.0;
/// Where the officer's lock-after choice is kept. Not personal data.
const LOCK_AFTER_KEY: &str = "scpo-field.lock-after-minutes";

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Opening the database.
    Opening,
    /// The database cannot be used here; the message says why.
    Unavailable(String),
    /// First run (or after a wipe): set a passcode.
    SetPasscode,
    Locked,
    /// Unlocked but no cohort on the phone yet.
    NoCohort,
    Unlocked,
    /// The team server revoked this phone; everything on it has been deleted.
    Revoked,
}

pub(super) fn start(app: AppState) {
    super::browser::take_enrol_link();
    spawn_local(async move {
        match Store::open().await {
            Ok(store) => {
                let set_up = store.is_set_up().await.unwrap_or(false);
                sync::hook_store(app, &store);
                app.store.set_value(Some(store));
                app.phase.set(if set_up {
                    Phase::Locked
                } else {
                    Phase::SetPasscode
                });
            }
            Err(e) => app.phase.set(Phase::Unavailable(e.to_string())),
        }
    });
    watch_for_idle(app);
}

/// After the key is in memory: load the cohort and open the app.
pub async fn enter(app: AppState) -> Result<(), StoreError> {
    let store = app.store().ok_or(StoreError::Locked)?;
    match store.load_cohort().await? {
        Some(cohort) => {
            app.cohort.set(cohort);
            app.phase.set(Phase::Unlocked);
        }
        None => app.phase.set(Phase::NoCohort),
    }
    let _ = store.request_persistence().await;
    sync::sync_soon(app, false);
    Ok(())
}

/// Lock: drop the key and clear every personal detail from memory and the screen.
pub fn lock_now(app: AppState) {
    if let Some(store) = app.store() {
        store.lock();
    }
    app.cohort.set(Cohort::empty(OfficerRef {
        id: String::new(),
        name: String::new(),
    }));
    if matches!(app.phase.get_untracked(), Phase::Unlocked | Phase::NoCohort) {
        app.phase.set(Phase::Locked);
    }
}

/// The officer's lock-after choice in minutes.
pub fn lock_after_minutes() -> u32 {
    local_storage()
        .and_then(|s| s.get_item(LOCK_AFTER_KEY).ok().flatten())
        .and_then(|v| v.parse().ok())
        .filter(|m| (1..=60).contains(m))
        .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES)
}

pub fn set_lock_after_minutes(minutes: u32) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(LOCK_AFTER_KEY, &minutes.to_string());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

fn watch_for_idle(app: AppState) {
    let last_active = StoredValue::new(now_seconds());
    let hidden_since = StoredValue::new(None::<f64>);
    let touch = move || last_active.set_value(now_seconds());
    for event in ["pointerdown", "keydown", "input", "scroll"] {
        let listener = gloo::events::EventListener::new(&window(), event, move |_| touch());
        listener.forget();
    }
    let document = document();
    let doc = document.clone();
    gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
        if doc.hidden() {
            hidden_since.set_value(Some(now_seconds()));
        } else {
            let away = hidden_since
                .get_value()
                .map(|t| now_seconds() - t)
                .unwrap_or(0.0);
            hidden_since.set_value(None);
            if away > BACKGROUND_LOCK_SECONDS {
                lock_now(app);
            } else {
                touch();
            }
        }
    })
    .forget();
    gloo::timers::callback::Interval::new(5_000, move || {
        let idle = now_seconds() - last_active.get_value();
        if idle > f64::from(lock_after_minutes()) * 60.0 {
            lock_now(app);
        }
    })
    .forget();
}
