//! `/nominal/:id/history`: the nominal's full history, newest first. One tap from their page,
//! which shows the last three entries.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::ui::components::{NominalNotFound, Page, Timeline};
use crate::ui::{routes, use_app};

#[component]
pub fn NominalHistoryPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let today = app.today.get();
        let id = params.read().get("id").unwrap_or_default();
        let found = app.cohort.with(|c| {
            c.nominal(&id)
                .map(|n| (n.display_name(), c.timeline(&id, today)))
        });
        let Some((name, entries)) = found else {
            return view! { <NominalNotFound /> }.into_any();
        };
        let title = format!("History – {id}");
        view! {
            <Page title>
            <A href=routes::nominal(&id) attr:class="back-link">{format!("Back to {name}")}</A>
            <span class="caption">{name}</span>
            <h1 class="heading-l">"History"</h1>
            <p class="hint">"Newest first."</p>
            <Timeline entries nominal_id=id.clone() />
            </Page>
        }
        .into_any()
    }
}
