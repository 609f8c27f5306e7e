use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::{lock_now, routes, use_app, Phase};

/// The service header, with a skip link, and navigation while unlocked.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let unlocked = move || matches!(app.phase.get(), Phase::Unlocked | Phase::NoCohort);
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header header--app">
            <A href=routes::COHORT attr:class="header__service">"SCPO Field"</A>
            <Show when=unlocked>
                <nav class="header__nav" aria-label="Menu">
                    <A href=routes::COHORT>"Cohort"</A>
                    <A href=routes::DEVICE>"Device"</A>
                    <button class="header__lock" type="button" on:click=move |_| lock_now(app)>"Lock"</button>
                </nav>
            </Show>
        </header>
    }
}
