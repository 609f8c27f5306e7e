use leptos::prelude::*;

use super::{error_for, FieldError, Input};

/// A labelled passcode input with its error message, bound to `value`. Shared by the
/// set-passcode, unlock, start-again and change-passcode forms so they cannot drift apart.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    autocomplete: &'static str,
    errors: Signal<Vec<FieldError>>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let on_input = Callback::new(move |v| value.set(v));
    match hint {
        Some(hint) => view! {
            <Input id label hint error_message=error_for(errors, id) value input_type="password"
                autocomplete on_input />
        }
        .into_any(),
        None => view! {
            <Input id label error_message=error_for(errors, id) value input_type="password"
                autocomplete on_input />
        }
        .into_any(),
    }
}
