//! First run: set a passcode. Later: unlock. There is no recovery of a forgotten passcode.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::store::{StoreError, UnlockState, MIN_PASSCODE_LEN};
use crate::ui::components::{ErrorSummary, FieldError, Page, PasswordField};
use crate::ui::records::run_on_submit;
use crate::ui::session::enter;
use crate::ui::{routes, use_app, Phase};

#[component]
pub fn SetPasscodePage() -> impl IntoView {
    let app = use_app();
    let passcode = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let set = Action::new_local(move |_: &()| async move {
        let Some(store) = app.store() else { return };
        let result = store
            .set_passcode(&passcode.get_untracked(), &confirm.get_untracked())
            .await;
        let result = match result {
            Ok(()) => {
                app.notice.set(None);
                enter(app).await
            }
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            let field = match e {
                StoreError::PasscodesDoNotMatch => "confirm",
                _ => "passcode",
            };
            errors.try_set(vec![FieldError::new(field, e.to_string())]);
        }
    });
    let setting = set.pending();
    let submit = run_on_submit(set);
    let notice = move || {
        app.notice.get().map(|m| {
            view! { <div class="panel panel--success" role="status"><p class="body">{m}</p></div> }
        })
    };
    view! {
        <Page title="Set a passcode">
        <ErrorSummary errors=errors.into() />
        {notice}
        <h1 class="heading-l">"Set a passcode for this phone"</h1>
        <p class="body">
            "Everything the app keeps is encrypted with a key that only your passcode unlocks."
        </p>
        <div class="warning-text">
            <strong>"If you forget your passcode, nobody can recover it. "</strong>
            "You would delete the app's data on this phone, set a new passcode and import your cohort again."
        </div>
        <form on:submit=submit novalidate>
            <PasswordField id="passcode" label="Passcode" value=passcode autocomplete="new-password"
                errors=errors.into() hint=format!("At least {MIN_PASSCODE_LEN} characters.") />
            <PasswordField id="confirm" label="Confirm passcode" value=confirm autocomplete="new-password"
                errors=errors.into() />
            <button class="button" type="submit" disabled=move || setting.get()>
                {move || if setting.get() { "Setting passcode…" } else { "Set passcode" }}
            </button>
        </form>
        </Page>
    }
}

/// The lock's state (wrong tries so far, the wait before the next), read now, and a way to read
/// it again after a try. Shared by the unlock page and "Export records and start again", whose
/// tries count against the same limit.
pub(super) fn unlock_state(
    app: crate::ui::AppState,
) -> (RwSignal<Option<UnlockState>>, impl Fn() + Copy + 'static) {
    let state = RwSignal::new(None::<UnlockState>);
    let refresh = move || {
        if let Some(store) = app.store() {
            spawn_local(async move {
                state.set(store.unlock_state().await.ok());
            });
        }
    };
    refresh();
    (state, refresh)
}

#[component]
pub fn UnlockPage() -> impl IntoView {
    let app = use_app();
    let passcode = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let (state, refresh) = unlock_state(app);
    let unlock = Action::new_local(move |_: &()| async move {
        let Some(store) = app.store() else { return };
        let result = match store.unlock(&passcode.get_untracked()).await {
            Ok(()) => enter(app).await,
            Err(e) => Err(e),
        };
        passcode.try_set(String::new());
        match result {
            Ok(()) => {
                errors.try_set(vec![]);
            }
            Err(StoreError::Wiped) => app.phase.set(Phase::SetPasscode),
            Err(e) => {
                errors.try_set(vec![FieldError::new("passcode", e.to_string())]);
                refresh();
            }
        }
    });
    let unlocking = unlock.pending();
    let submit = run_on_submit(unlock);
    view! {
        <Page title="Enter your passcode">
        <ErrorSummary errors=errors.into() />
        <h1 class="heading-l">"Enter your passcode"</h1>
        <p class="body">"The app is locked. Your records are encrypted on this phone."</p>
        {move || state.get().and_then(tries_warning)}
        <form on:submit=submit novalidate>
            <PasswordField id="passcode" label="Passcode" value=passcode autocomplete="current-password"
                errors=errors.into() />
            <button class="button" type="submit" disabled=move || unlocking.get()>
                {move || if unlocking.get() { "Unlocking…" } else { "Unlock" }}
            </button>
        </form>
        <h2 class="heading-m">"If the app stops working after you unlock it"</h2>
        <p class="body">
            "You can save the records made on this phone to a file without opening your cohort, "
            "then delete everything and start again."
        </p>
        <p class="body">
            <A href=routes::START_AGAIN attr:class="tap-link">"Export records and start again"</A>
        </p>
        </Page>
    }
}

/// The warning before the last wrong tries: how many are left and what a wipe would lose.
pub(super) fn tries_warning(s: UnlockState) -> Option<impl IntoView> {
    if s.attempts_left > 3 {
        return None;
    }
    let records = match s.unexported_records {
        0 => "There are no records waiting to be exported.".to_string(),
        1 => "1 record made on this phone has not been exported and would be lost.".to_string(),
        n => format!("{n} records made on this phone have not been exported and would be lost."),
    };
    Some(view! {
        <div class="warning-text" role="status">
            <strong>{format!(
                "{} {} left. After that, everything on this phone is deleted. ",
                s.attempts_left,
                if s.attempts_left == 1 { "try" } else { "tries" }
            )}</strong>
            {records}
        </div>
    })
}
