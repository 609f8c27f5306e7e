use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::Page;
use crate::ui::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
        <h1 class="heading-l">"Page not found"</h1>
        <p class="body">"If you typed the web address, check it is correct."</p>
        <p class="body"><A href=routes::COHORT>"Go to the cohort"</A></p>
        </Page>
    }
}
