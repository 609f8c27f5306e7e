use leptos::prelude::*;

use super::lock::{SetPasscodePage, UnlockPage};
use super::welcome::WelcomePage;
use crate::ui::{use_app, Phase};

/// Shows the routes only while unlocked with a cohort; otherwise the passcode screens. When the
/// app locks, the routes are removed from the page, so nothing personal stays on screen.
#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let children = StoredValue::new(children);
    move || match app.phase.get() {
        Phase::Opening => view! { <p class="body" role="status">"Opening…"</p> }.into_any(),
        Phase::Unavailable(why) => view! {
            <h1 class="heading-l">"This phone cannot store records safely"</h1>
            <p class="body">{why}</p>
            <p class="body">"Open the app in the phone's main browser, not a private window."</p>
        }
        .into_any(),
        Phase::SetPasscode => view! { <SetPasscodePage /> }.into_any(),
        Phase::Locked => view! { <UnlockPage /> }.into_any(),
        Phase::NoCohort => view! { <WelcomePage /> }.into_any(),
        Phase::Unlocked => children.with_value(|c| c()).into_any(),
    }
}
