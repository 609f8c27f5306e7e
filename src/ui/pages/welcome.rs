//! First run with no cohort: use the demo cohort or import a file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::demo::demo_cohort;
use crate::ui::components::{ImportCohort, Page};
use crate::ui::session::enter;
use crate::ui::use_app;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let use_demo = move |_| {
        let Some(store) = app.store() else { return };
        busy.set(true);
        spawn_local(async move {
            let cohort = demo_cohort(app.today.get_untracked());
            let result = match store.import_cohort(&cohort).await {
                Ok(()) => enter(app).await,
                Err(e) => Err(e),
            };
            busy.set(false);
            error.set(result.err().map(|e| e.to_string()));
        });
    };
    view! {
        <Page title="No cohort on this phone yet">
        <h1 class="heading-l">"No cohort on this phone yet"</h1>
        {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <h2 class="heading-m">"Try the app"</h2>
        <p class="body">"The demo cohort is made up: no real people. Its dates are set from today."</p>
        <button class="button" type="button" on:click=use_demo disabled=move || busy.get()>
            "Use the demo cohort"
        </button>
        <super::sync_panel::SyncSection />
        <p class="body">"Once this phone is enrolled, your cohort comes from the team server and your records go back to it."</p>
        <h2 class="heading-m">"Import your cohort"</h2>
        <ImportCohort />
        </Page>
    }
}
