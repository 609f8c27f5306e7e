//! What the breach report adds to other pages: the buttons on the nominal page, and which
//! nominals have a breach awaiting decision (a saved breach draft) for the cohort list.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::ui::draft::DraftKey;
use crate::ui::{routes, use_app};

/// "Report a breach" and "Notifications", for the nominal page's actions.
#[component]
pub fn BreachActions(nominal_id: String) -> impl IntoView {
    view! {
        <A href=routes::report_breach(&nominal_id) attr:class="button button--secondary">"Report a breach"</A>
        <A href=routes::notifications(&nominal_id) attr:class="button button--secondary">"Notifications"</A>
    }
}

/// The ids of nominals with a breach report saved as a draft, read from the store when called
/// (empty until the read completes).
pub fn pending_breaches() -> RwSignal<HashSet<String>> {
    let pending = RwSignal::new(HashSet::new());
    if let Some(store) = use_app().store() {
        spawn_local(async move {
            if let Ok(drafts) = store.drafts().await {
                let ids = drafts
                    .into_iter()
                    .filter_map(|d| match d.key {
                        DraftKey::Breach(id) => Some(id),
                        _ => None,
                    })
                    .collect();
                pending.try_set(ids);
            }
        });
    }
    pending
}
