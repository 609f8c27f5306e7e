use leptos::prelude::*;

use super::{FieldError, FieldMessage};

/// A labelled passcode input with its error message, bound to `value`. Shared by the
/// set-passcode, unlock and change-passcode forms so they cannot drift apart.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    autocomplete: &'static str,
    errors: Signal<Vec<FieldError>>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldMessage errors field=id />
            <input class="input" id=id type="password" autocomplete=autocomplete
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
