use leptos::prelude::*;
use leptos_router::components::A;

use super::Page;
use crate::ui::routes;

/// The page for an address naming a nominal who is not in the cohort on this device.
#[component]
pub fn NominalNotFound() -> impl IntoView {
    view! {
        <Page title="Nominal not found">
            <h1 class="heading-l">"Nominal not found"</h1>
            <p class="body">"This nominal is not in the cohort on this device."</p>
            <p class="body"><A href=routes::COHORT>"Back to the cohort"</A></p>
        </Page>
    }
}
