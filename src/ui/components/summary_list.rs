use leptos::prelude::*;

/// A GOV.UK summary list: key and value rows.
#[component]
pub fn SummaryList(
    /// More classes, e.g. `summary-list--compact`.
    #[prop(optional)]
    classes: &'static str,
    #[prop(optional, into)] id: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = if classes.is_empty() {
        "summary-list".to_string()
    } else {
        format!("summary-list {classes}")
    };
    view! { <dl class=class id=id>{children()}</dl> }
}

/// A row of a summary list, with an optional action: a "Change" link to where the answer is
/// given (`action_hidden` finishes its text for screen readers, e.g. "Change when it
/// happened"). With `on_action`, the link runs it (given its address) instead of following
/// itself, e.g. to save a draft first.
#[component]
pub fn SummaryRow(
    #[prop(into)] key: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] action_href: Option<String>,
    #[prop(optional, into)] action_hidden: String,
    #[prop(optional)] on_action: Option<Callback<String>>,
    children: Children,
) -> impl IntoView {
    let actions = action_href.is_some();
    let action = action_href.map(|href| {
        let go = href.clone();
        view! {
            <dd class="summary-list__actions">
                <a href=href on:click=move |ev| {
                    if let Some(f) = on_action {
                        ev.prevent_default();
                        f.run(go.clone());
                    }
                }>
                    "Change"<span class="visually-hidden">{format!(" {action_hidden}")}</span>
                </a>
            </dd>
        }
    });
    view! {
        <div class="summary-list__row" class:summary-list__row--actions=actions id=id>
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{children()}</dd>
            {action}
        </div>
    }
}
