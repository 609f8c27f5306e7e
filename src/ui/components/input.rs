use leptos::prelude::*;

use super::{described_by, error_classes, FormGroup};

/// A GOV.UK text input in its form group, bound to `value`: `on_input` gets every change
/// (typed, picked from a date picker or autofilled).
#[component]
pub fn Input(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// When the field loses focus after a change (e.g. to save at once).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    /// `text` unless given: `date`, `time`, `password`, `search`.
    #[prop(optional)]
    input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] spellcheck: Option<&'static str>,
    #[prop(optional)] autocapitalize: Option<&'static str>,
    /// More classes for the input, e.g. `input--date`.
    #[prop(optional)]
    classes: &'static str,
    #[prop(optional, into)] max: Option<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// What follows the input inside the group (quick answers, a checkbox).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error_message);
    let class = move || error_classes("input", classes, error_message.with(Option::is_some));
    view! {
        <FormGroup id=id.clone() label hint error_message>
            <input class=class id=id type=input_type.unwrap_or("text")
                autocomplete=autocomplete spellcheck=spellcheck autocapitalize=autocapitalize
                max=max disabled=move || disabled.get()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |ev| {
                    on_input.run(event_target_value(&ev));
                    if let Some(f) = on_change {
                        f.run(());
                    }
                } />
            {children.map(|c| c())}
        </FormGroup>
    }
}
