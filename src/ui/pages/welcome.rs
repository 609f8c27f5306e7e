//! First run with no cohort: use the demo cohort or import a file.

use leptos::prelude::*;

use crate::domain::demo::demo_cohort;
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
    view! {
        <Page title="No cohort on this phone yet">
        <h1 class="heading-l">"No cohort on this phone yet"</h1>
        {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <h2 class="heading-m">"Try the app"</h2>
        <p class="body">"The demo cohort is made up: no real people. Its dates are set from today."</p>
        <button class="button" type="button" on:click=use_demo disabled=move || importing.get()>
            "Use the demo cohort"
        </button>
        <super::sync_panel::SyncSection />
        <p class="body">"Once this phone is enrolled, your cohort comes from the team server and your records go back to it."</p>
        <h2 class="heading-m">"Import your cohort"</h2>
        <ImportCohort />
        </Page>
    }
}
