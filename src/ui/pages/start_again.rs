//! "Export records and start again": the way out, from the unlock screen, when the app cannot
//! show the cohort (a bad cohort once made the cohort page fail on every unlock, so the officer
//! could never reach the Device page and every unexported record was trapped).
//!
//! This path never loads or shows the cohort: it unlocks the key with the passcode (a wrong one
//! counts against the same limit as the unlock screen), exports the outbox as the same file the
//! Device page makes, and only once that file has been handed to the browser deletes everything
//! on the phone. If the export fails, nothing is deleted.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::lock::tries_warning;
use crate::store::{Store, StoreError};
use crate::ui::browser::download_text;
use crate::ui::components::{ErrorSummary, FieldError, Page, PasswordField};
use crate::ui::records::run_on_submit;
use crate::ui::{lock_now, routes, use_app, Phase};

/// The name of the exported file, as the Device page names it.
pub fn export_file_name(today: NaiveDate) -> String {
    format!(
        "scpo-field-records-{}.json",
        crate::domain::time::dates::iso_date(today)
    )
}

/// Why the records were not exported, or the phone not cleared.
enum Failure {
    /// The passcode was refused (wrong, too soon): the store's own message.
    Unlock(StoreError),
    /// The last allowed wrong passcode: everything was deleted by the lock, not by this page.
    Wiped,
    /// The export file was not produced: nothing was deleted.
    Export(String),
    /// The file was produced but the phone could not be cleared.
    Wipe(StoreError),
}

/// Unlock, export, then wipe, in that order; never the cohort. Returns how many records the
/// file holds.
async fn export_and_wipe(store: &Store, passcode: &str, file_name: &str) -> Result<usize, Failure> {
    match store.unlock(passcode).await {
        Ok(()) => {}
        Err(StoreError::Wiped) => return Err(Failure::Wiped),
        Err(e) => return Err(Failure::Unlock(e)),
    }
    // The same file as the Device page's export, marked exported only once the browser has it.
    let exported = async {
        let export = store
            .prepare_outbox_export()
            .await
            .map_err(|e| e.to_string())?;
        download_text(file_name, &export.json, "application/json")?;
        // The file exists: a failure to count it exported must not stop the wipe.
        let _ = store.mark_exported(&export).await;
        Ok::<_, String>(export.entries)
    }
    .await;
    match exported {
        Ok(count) => {
            store.wipe().await.map_err(Failure::Wipe)?;
            Ok(count)
        }
        Err(why) => {
            store.lock();
            Err(Failure::Export(why))
        }
    }
}

/// What the set-passcode screen says afterwards.
fn exported_notice(count: usize, file_name: &str) -> String {
    let what = match count {
        0 => "There were no records to export.".to_string(),
        1 => format!("1 record was exported to the file {file_name}."),
        n => format!("{n} records were exported to the file {file_name}."),
    };
    let (deleted, send) = if count == 0 {
        ("Everything on this phone has been deleted.", "")
    } else {
        (
            "Everything else on this phone has been deleted.",
            " Send the file to your force's secure systems, then delete it from this phone.",
        )
    };
    format!("{what} {deleted}{send} Set a new passcode, then import your cohort again.")
}

#[component]
pub fn StartAgainPage() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let passcode = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let (state, refresh) = super::lock::unlock_state(app);
    let start = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let Some(store) = app.store() else { return };
            let file_name = export_file_name(app.today.get_untracked());
            let outcome = export_and_wipe(&store, &passcode.get_untracked(), &file_name).await;
            passcode.set(String::new());
            let error = match outcome {
                Ok(count) => {
                    app.notice.set(Some(exported_notice(count, &file_name)));
                    lock_now(app);
                    app.phase.set(Phase::SetPasscode);
                    navigate(routes::COHORT, Default::default());
                    return;
                }
                Err(Failure::Wiped) => {
                    app.phase.set(Phase::SetPasscode);
                    navigate(routes::COHORT, Default::default());
                    return;
                }
                Err(Failure::Unlock(e)) => FieldError::new("passcode", e.to_string()),
                Err(Failure::Export(why)) => FieldError::new(
                    "start-again",
                    format!("The records could not be exported, so nothing was deleted. {why}"),
                ),
                Err(Failure::Wipe(e)) => FieldError::new(
                    "start-again",
                    format!(
                        "The records were exported, but the phone could not be cleared. {e} \
                         Keep the exported file."
                    ),
                ),
            };
            errors.set(vec![error]);
            refresh();
        }
    });
    let starting = start.pending();
    let submit = run_on_submit(start);
    let pending = move || {
        state.get().map(|s| match s.unexported_records {
            0 => "No records made on this phone are waiting to be exported.".to_string(),
            1 => "1 record made on this phone has not been exported yet.".to_string(),
            n => format!("{n} records made on this phone have not been exported yet."),
        })
    };
    view! {
        <Page title="Export records and start again">
        <A href=routes::COHORT attr:class="back-link">"Back"</A>
        <ErrorSummary errors=errors.into() />
        <h1 class="heading-l">"Export records and start again"</h1>
        <p class="body">
            "Use this if the app stops working after you unlock it. Your cohort is not opened: "
            "the records made on this phone are saved to a file, then the app starts again."
        </p>
        <p class="body">{pending}</p>
        <div class="warning-text">
            <span class="visually-hidden">"Warning: "</span>
            <strong>
                "After the export, everything on this phone is deleted: the cohort, every record, "
                "every draft and the passcode. It cannot be undone."
            </strong>
            " You will set a new passcode and import your cohort again."
        </div>
        <p class="hint">"The file holds personal data in clear. Save it only to your force's secure systems."</p>
        {move || state.get().and_then(tries_warning)}
        <form on:submit=submit novalidate>
            <PasswordField id="passcode" label="Passcode" value=passcode autocomplete="current-password"
                errors=errors.into() />
            <button class="button button--warning" id="start-again" type="submit" disabled=move || starting.get()>
                {move || if starting.get() { "Exporting…" } else { "Export records and delete everything" }}
            </button>
        </form>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_counts_the_exported_records_and_names_the_file() {
        let file = export_file_name(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert_eq!(file, "scpo-field-records-2026-11-24.json");
        assert!(exported_notice(1, &file)
            .starts_with("1 record was exported to the file scpo-field-records-2026-11-24.json."));
        assert!(exported_notice(3, &file).starts_with("3 records were exported"));
        let none = exported_notice(0, &file);
        assert!(none.starts_with(
            "There were no records to export. Everything on this phone has been deleted."
        ));
        assert!(!none.contains("Send the file"));
    }
}
