use leptos::prelude::*;

use super::{described_by, FormGroup};

/// A GOV.UK select in its form group; `children` are its `<option>`s, each marking itself
/// selected.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<String>,
    children: Children,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error_message);
    view! {
        <FormGroup id=id.clone() label hint error_message>
            <select class="select" id=id aria-describedby=described
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {children()}
            </select>
        </FormGroup>
    }
}
