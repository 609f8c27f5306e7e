use leptos::prelude::*;
use leptos_router::components::A;

/// The service header, with a skip link for keyboard and screen-reader users.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header" role="banner">
            <A href="/" attr:class="header__service">"SCPO Field"</A>
        </header>
    }
}
