//! The briefing's place on the nominal page: "Start release-day briefing" (or "Continue
//! briefing" when a draft is on the phone) once the nominal is released and until a briefing is
//! signed off; after that, when and by whom it was signed off. Before that, for a nominal in
//! custody whose order waits for release, "Released today?" (released.rs).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::Step;
use crate::domain::time::dates::format_date_time;
use crate::ui::draft::DraftKey;
use crate::ui::use_app;

#[component]
pub fn BriefingAction(#[prop(into)] nominal_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(nominal_id);
    // Whether a draft is on the phone; `None` until known. Listing drafts needs no decryption.
    let has_draft = RwSignal::new(None::<bool>);
    if let Some(store) = app.store() {
        let key = DraftKey::Briefing(id.get_value());
        spawn_local(async move {
            let found = store
                .drafts()
                .await
                .map(|ds| ds.iter().any(|d| d.key == key))
                .unwrap_or(false);
            let _ = has_draft.try_set(Some(found));
        });
    }
    let state = Memo::new(move |_| {
        let today = app.today.get();
        app.cohort.with(|c| {
            let id = id.read_value();
            let signed = c
                .signed_briefing(&id, today)
                .and_then(|b| b.signed_off.clone());
            (
                c.briefing_opens(&id, today),
                signed,
                c.briefing_note(&id, today),
            )
        })
    });
    let asks = Memo::new(move |_| {
        let today = app.today.get();
        app.cohort
            .with(|c| c.asks_released_today(&id.read_value(), today))
    });
    move || {
        if asks.get() {
            return view! { <super::released::ReleasedToday nominal_id=id.get_value() /> }
                .into_any();
        }
        let href = Step::TaskList.path(&id.read_value());
        match state.get() {
            (_, Some(s), _) => view! {
                <p class="body briefing-signed">
                    <strong class="tag tag--green">"Briefing signed off"</strong>
                    {format!(" Release-day briefing signed off {} by {}.", format_date_time(s.at), s.officer_name)}
                </p>
            }
            .into_any(),
            (true, None, _) => match has_draft.get() {
                Some(true) => view! { <A href attr:class="button">"Continue briefing"</A> }.into_any(),
                Some(false) => {
                    view! { <A href attr:class="button">"Start release-day briefing"</A> }.into_any()
                }
                None => ().into_any(),
            },
            (false, None, Some(note)) => view! { <p class="body">{note}</p> }.into_any(),
            (false, None, None) => ().into_any(),
        }
    }
}
