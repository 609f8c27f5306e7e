//! Device and data: export the outbox, storage, lock, passcode, import, wipe.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::start_again::export_file_name;
use super::sync_panel::SyncSection;
use crate::store::StorageStatus;
use crate::ui::browser::download_text;
use crate::ui::components::{
    CheckboxItem, Checkboxes, ErrorSummary, FieldError, ImportCohort, Page, PasswordField, Select,
};
use crate::ui::records::run_on_submit;
use crate::ui::session::{lock_after_minutes, set_lock_after_minutes};
use crate::ui::{lock_now, use_app, Phase};

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

#[component]
pub fn DevicePage() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<u32>);
    let storage = RwSignal::new(None::<StorageStatus>);
    let message = RwSignal::new(None::<String>);
    let refresh = move || {
        if let Some(store) = app.store() {
            spawn_local(async move {
                pending.set(store.outbox_pending_count().await.ok());
                storage.set(store.storage_status().await.ok());
            });
        }
    };
    // Again after every sync: what a wipe would lose changes as the server acknowledges.
    Effect::new(move |_| {
        app.sync.changed.track();
        refresh();
    });
    let export = move |_| {
        let Some(store) = app.store() else { return };
        spawn_local(async move {
            // Marked exported only once the browser has the file: a failed download leaves the
            // records counted as waiting.
            let result = async {
                let export = store
                    .prepare_outbox_export()
                    .await
                    .map_err(|e| e.to_string())?;
                let name = export_file_name(app.today.get_untracked());
                download_text(&name, &export.json, "application/json")?;
                store
                    .mark_exported(&export)
                    .await
                    .map_err(|e| e.to_string())
            }
            .await;
            message.set(Some(match result {
                Ok(()) => {
                    "Records exported. They stay on this phone until the team server acknowledges them."
                        .into()
                }
                Err(e) => e,
            }));
            refresh();
        });
    };
    let storage_text = move || match storage.get() {
        None => "Checking…".to_string(),
        Some(s) => {
            let kept = if s.persisted {
                "Persistent storage granted: the browser will not clear the app's data to free space."
            } else {
                "Persistent storage not granted: the browser may clear the app's data when the phone is low on space. Installing the app usually grants it."
            };
            match (s.usage_bytes, s.quota_bytes) {
                (Some(u), Some(q)) => format!(
                    "{kept} Using {} of {} available.",
                    megabytes(u),
                    megabytes(q)
                ),
                _ => kept.to_string(),
            }
        }
    };
    view! {
        <Page title="Device and data">
        <h1 class="heading-l">"Device and data"</h1>
        {move || message.get().map(|m| view! { <div class="panel panel--success" role="status">{m}</div> })}

        <SyncSection />

        <h2 class="heading-m">"Records to send to the team"</h2>
        <p class="body">{move || match pending.get() {
            None => "Counting…".to_string(),
            Some(0) => "No records are waiting.".to_string(),
            Some(1) => "1 record is waiting to be sent.".to_string(),
            Some(n) => format!("{n} records are waiting to be sent."),
        }}</p>
        <p class="hint">"The file holds personal data in clear. Save it only to your force's secure systems."</p>
        <button class="button" type="button" on:click=export>"Export records"</button>

        <h2 class="heading-m">"Storage"</h2>
        <p class="body" id="storage-status">{storage_text}</p>

        <h2 class="heading-m">"Lock"</h2>
        <LockAfter />
        <button class="button button--secondary" type="button" on:click=move |_| lock_now(app)>"Lock now"</button>

        <h2 class="heading-m">"Change passcode"</h2>
        <ChangePasscode />

        <h2 class="heading-m">"Import a cohort"</h2>
        <ImportCohort />

        <h2 class="heading-m">"Delete everything on this phone"</h2>
        <Wipe pending />
        </Page>
    }
}

#[component]
fn LockAfter() -> impl IntoView {
    let minutes = RwSignal::new(lock_after_minutes());
    view! {
        <Select id="lock-after" label="Lock after this long without use" on_change=move |v: String| {
                if let Ok(m) = v.parse::<u32>() {
                    set_lock_after_minutes(m);
                    minutes.set(m);
                }
            }>
                {[1u32, 2, 5, 10, 15].into_iter().map(|m| view! {
                    <option value=m.to_string() selected=move || minutes.get() == m>
                        {format!("{m} minute{}", if m == 1 { "" } else { "s" })}
                    </option>
                }).collect_view()}
        </Select>
    }
}

#[component]
fn ChangePasscode() -> impl IntoView {
    let app = use_app();
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(false);
    let change = Action::new_local(move |_: &()| async move {
        done.try_set(false);
        let Some(store) = app.store() else { return };
        let result = store
            .change_passcode(
                &old.get_untracked(),
                &new.get_untracked(),
                &confirm.get_untracked(),
            )
            .await;
        match result {
            Ok(()) => {
                errors.try_set(vec![]);
                for s in [old, new, confirm] {
                    s.try_set(String::new());
                }
                done.try_set(true);
            }
            Err(e) => {
                use crate::store::StoreError::*;
                let field = match e {
                    WrongPasscode { .. } | TryAgainLater { .. } => "old-passcode",
                    PasscodesDoNotMatch => "confirm-passcode",
                    Wiped => {
                        app.phase.set(Phase::SetPasscode);
                        return;
                    }
                    _ => "new-passcode",
                };
                errors.try_set(vec![FieldError::new(field, e.to_string())]);
            }
        }
    });
    let changing = change.pending();
    let submit = run_on_submit(change);
    view! {
        <ErrorSummary errors=errors.into() />
        <form on:submit=submit novalidate>
            <PasswordField id="old-passcode" label="Current passcode" value=old
                autocomplete="current-password" errors=errors.into() />
            <PasswordField id="new-passcode" label="New passcode" value=new
                autocomplete="new-password" errors=errors.into() />
            <PasswordField id="confirm-passcode" label="Confirm new passcode" value=confirm
                autocomplete="new-password" errors=errors.into() />
            <button class="button button--secondary" type="submit" disabled=move || changing.get()>"Change passcode"</button>
        </form>
        <Show when=move || done.get()>
            <p class="body" role="status">"Passcode changed."</p>
        </Show>
    }
}

#[component]
fn Wipe(pending: RwSignal<Option<u32>>) -> impl IntoView {
    let app = use_app();
    let confirmed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let wipe = move |_| {
        if !confirmed.get_untracked() {
            error.set(Some(
                "Tick the box to confirm you want to delete everything".into(),
            ));
            return;
        }
        let Some(store) = app.store() else { return };
        spawn_local(async move {
            match store.wipe().await {
                Ok(()) => {
                    lock_now(app);
                    app.phase.set(Phase::SetPasscode);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <div class="warning-text">
            <strong>{move || match pending.get() {
                Some(1) => "1 record made on this phone has not reached the team or been exported and will be lost. ".to_string(),
                Some(n) if n > 0 => format!("{n} records made on this phone have not reached the team or been exported and will be lost. "),
                _ => String::new(),
            }}</strong>
            "This deletes the cohort, every record, every draft and the passcode from this phone. It cannot be undone."
        </div>
        <Checkboxes id="wipe-confirm" error_message=error items=vec![CheckboxItem::new(
            "wipe-confirm",
            "I understand that everything on this phone will be deleted",
            confirmed.into(),
            Callback::new(move |on| confirmed.set(on)),
        )] />
        <button class="button button--warning" type="button" on:click=wipe>"Delete everything on this phone"</button>
    }
}
