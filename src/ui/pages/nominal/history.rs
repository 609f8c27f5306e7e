//! `/nominal/:id/history`: the nominal's full history, newest first. One tap from their page,
//! which shows the last three entries.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{NominalNotFound, Page, Timeline};
use crate::ui::{routes, AppState};

/// The page, for the nominal `id` (not found when they are not in the cohort).
pub(super) fn history_page(app: AppState, id: String, today: NaiveDate) -> AnyView {
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
