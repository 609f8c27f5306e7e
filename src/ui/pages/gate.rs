use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use super::lock::{SetPasscodePage, UnlockPage};
use super::start_again::StartAgainPage;
use super::welcome::WelcomePage;
use crate::ui::components::Page;
use crate::ui::{routes, use_app, Phase};

/// Shows the routes only while unlocked with a cohort; otherwise the passcode screens. When the
/// app locks, the routes are removed from the page, so nothing personal stays on screen.
#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let children = StoredValue::new(children);
    move || {
        match app.phase.get() {
        Phase::Opening => view! { <p class="body" role="status">"Opening…"</p> }.into_any(),
        Phase::Unavailable(why) => view! {
            <Page title="This phone cannot store records safely">
            <h1 class="heading-l">"This phone cannot store records safely"</h1>
            <p class="body">{why}</p>
            <p class="body">"Open the app in the phone's main browser, not a private window."</p>
            </Page>
        }
        .into_any(),
        Phase::SetPasscode => view! { <SetPasscodePage /> }.into_any(),
        Phase::Locked => view! { <Locked /> }.into_any(),
        Phase::NoCohort => view! { <WelcomePage /> }.into_any(),
        Phase::Unlocked => children.with_value(|c| c()).into_any(),
        Phase::Revoked => view! {
            <Page title="This phone has been revoked">
            <h1 class="heading-l">"This phone has been revoked"</h1>
            <p class="body" role="alert">
                "This phone has been revoked by your team. Everything on it has been deleted."
            </p>
            <p class="body">"If you did not expect this, speak to your supervisor."</p>
            <button class="button" type="button" on:click=move |_| app.phase.set(Phase::SetPasscode)>
                "Start again"
            </button>
            </Page>
        }
        .into_any(),
    }
    }
}

/// While locked: the unlock screen, or the way out that exports the records and starts again
/// without showing the cohort. Only this part follows the URL, so navigating while unlocked
/// does not re-render the gate.
#[component]
fn Locked() -> impl IntoView {
    let location = use_location();
    let browser_url = use_context::<BrowserUrl>();
    move || {
        let path = location.pathname.get();
        // The router updates the address bar only once the page for the new URL is shown, which
        // its `Routes` report; while locked they are not on the page, so this does.
        if let Some(url) = &browser_url {
            url.ready_to_complete();
        }
        if path.trim_end_matches('/') == routes::START_AGAIN {
            view! { <StartAgainPage /> }.into_any()
        } else {
            view! { <UnlockPage /> }.into_any()
        }
    }
}
