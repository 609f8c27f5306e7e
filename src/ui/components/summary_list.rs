use leptos::prelude::*;

/// A GOV.UK summary list: key and value rows.
#[component]
pub fn SummaryList(children: Children) -> impl IntoView {
    view! { <dl class="summary-list">{children()}</dl> }
}

#[component]
pub fn SummaryRow(#[prop(into)] key: String, children: Children) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{children()}</dd>
        </div>
    }
}
