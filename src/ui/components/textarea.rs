use leptos::prelude::*;

use super::{described_by, error_classes, FormGroup};

/// A GOV.UK textarea in its form group, bound to `value`.
#[component]
pub fn Textarea(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// When the field loses focus after a change (e.g. to save at once).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    #[prop(default = 4)] rows: u8,
    /// More classes for the group, e.g. `radios__conditional`.
    #[prop(optional)]
    group_classes: &'static str,
    #[prop(optional, into)] group_id: Option<String>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error_message);
    view! {
        <FormGroup id=id.clone() label hint error_message
            classes=group_classes group_id>
            <textarea class=move || error_classes("textarea", "", error_message.with(Option::is_some))
                id=id rows=rows
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |_| if let Some(f) = on_change { f.run(()) }></textarea>
        </FormGroup>
    }
}
