//! First run with no cohort: enrol with the team server, import a file, or use the demo cohort.
//!
//! On a phone that is enrolled (its cohort has not come yet) or about to be (opened from an
//! enrolment link), "Enrol this phone" comes first and the demo cohort is a small link under
//! it, marked as invented people. Otherwise the demo comes first, to try the app.

use leptos::prelude::*;

use super::sync_panel::{sync_status, SyncSection};
use crate::domain::cohort::demo::demo_cohort;
use crate::ui::browser::enrol_link_code;
use crate::ui::components::{ImportCohort, Page};
use crate::ui::session::enter;
use crate::ui::use_app;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let import = Action::new_local(move |_: &()| async move {
        let Some(store) = app.store() else { return };
        let cohort = demo_cohort(app.today.get_untracked());
        let result = match store.import_cohort(&cohort).await {
            Ok(()) => enter(app).await,
            Err(e) => Err(e),
        };
        error.try_set(result.err().map(|e| e.to_string()));
    });
    let importing = import.pending();
    let use_demo = move |_| {
        if !importing.get_untracked() {
            import.dispatch_local(());
        }
    };
    let status = sync_status();
    // `None` while the sync record is read; then whether the team server comes first.
    let team_first = Memo::new(move |_| {
        status.with(|s| {
            s.as_ref()
                .map(|s| s.enrolment.is_some() || enrol_link_code().is_some())
        })
    });
    let team = || {
        view! {
            <SyncSection />
            <p class="body">"Once this phone is enrolled, your cohort comes from the team server and your records go back to it."</p>
        }
    };
    view! {
        <Page title="No cohort on this phone yet">
        <h1 class="heading-l">"No cohort on this phone yet"</h1>
        {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        {move || match team_first.get() {
            None => None,
            Some(true) => Some(view! {
                {team()}
                <p class="body-s" id="demo-link">
                    <button class="link-button" type="button" on:click=use_demo disabled=move || importing.get()>
                        "Use the demo cohort"
                    </button>
                    " instead: invented people, not your cohort, to try the app."
                </p>
            }.into_any()),
            Some(false) => Some(view! {
                <h2 class="heading-m">"Try the app"</h2>
                <p class="body">"The demo cohort is made up: invented people, no real ones. Its dates are set from today."</p>
                <button class="button" type="button" on:click=use_demo disabled=move || importing.get()>
                    "Use the demo cohort"
                </button>
                {team()}
            }.into_any()),
        }}
        <h2 class="heading-m">"Import your cohort"</h2>
        <ImportCohort />
        </Page>
    }
}
