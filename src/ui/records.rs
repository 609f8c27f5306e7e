//! Submitting a field record from a form, one way for every kind: close the form's draft (a
//! save in flight lands first), let the store write the record, its outbox entry and the
//! draft's deletion in one transaction, then put the record into the cohort on screen. On
//! failure the draft is kept and saving goes on.
//!
//! It is a Leptos [`Action`]: `action.pending()` is true from the tap until the page has done
//! what follows, so the submit button is disabled while saving and a second tap does nothing.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::FieldRecord;
use crate::store::StoreError;
use crate::ui::draft::{Draft, DraftValue};
use crate::ui::use_app;

/// An action that submits a record typed in `draft`, then calls `then` with the outcome
/// (the record as kept, or why it was not).
pub fn submit_record<R, T>(
    draft: Draft<T>,
    then: impl Fn(Result<R, StoreError>) + 'static,
) -> Action<R, ()>
where
    R: FieldRecord,
    T: DraftValue,
{
    let app = use_app();
    let then = Rc::new(then);
    Action::new_local(move |record: &R| {
        let record = record.clone();
        let then = then.clone();
        async move {
            if app.store().is_none() {
                return then(Err(StoreError::Locked));
            }
            draft.close().await;
            // The store is read again: the app may have locked while the save landed.
            let result = match app.store() {
                Some(store) => store.submit(&record, Some(&draft.key())).await,
                None => Err(StoreError::Locked),
            };
            match result {
                Ok(_) => {
                    app.cohort.try_update(|c| c.add(record.clone()));
                    then(Ok(record));
                }
                Err(e) => {
                    draft.reopen();
                    then(Err(e));
                }
            }
        }
    })
}

/// [`submit_record`], then open the page `href` names for the record kept (replacing the
/// form in the history, so "Back" does not return to it), or say why it was not kept.
pub fn submit_and_open<R, T>(
    draft: Draft<T>,
    href: impl Fn(&R) -> String + 'static,
    failed: impl Fn(StoreError) + 'static,
) -> Action<R, ()>
where
    R: FieldRecord,
    T: DraftValue,
{
    let navigate = use_navigate();
    submit_record(draft, move |result: Result<R, StoreError>| match result {
        Ok(record) => navigate(
            &href(&record),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        ),
        Err(e) => failed(e),
    })
}

/// A form's submit handler that runs `action` (one taking no input) unless it is running.
pub fn run_on_submit<O: 'static>(
    action: Action<(), O>,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    let running = action.pending();
    move |ev| {
        ev.prevent_default();
        if !running.get_untracked() {
            action.dispatch_local(());
        }
    }
}
