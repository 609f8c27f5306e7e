use leptos::prelude::*;

use super::page::report_error;

/// The GOV.UK error message above a field, while there is one. Its `id` is what the field's
/// `aria-describedby` names.
#[component]
pub fn ErrorMessage(
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    report_error(Signal::derive(move || message.with(Option::is_some)));
    move || {
        message.get().map(|m| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    }
}

/// The `aria-describedby` of a field: its hint and, while there is one, its error message.
pub(crate) fn described_by(
    id: &str,
    hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let hint_id = hint.then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    move || {
        let error = error.with(Option::is_some).then_some(error_id.as_str());
        match (hint_id.as_deref(), error) {
            (None, None) => None,
            (Some(h), None) => Some(h.to_string()),
            (None, Some(e)) => Some(e.to_string()),
            (Some(h), Some(e)) => Some(format!("{h} {e}")),
        }
    }
}

/// `base`, the caller's extra `classes`, and `{base}--error` while the field has an error, e.g.
/// "input input--date input--error".
pub(crate) fn error_classes(base: &str, classes: &str, error: bool) -> String {
    let mut class = base.to_string();
    if !classes.is_empty() {
        class.push(' ');
        class.push_str(classes);
    }
    if error {
        class.push_str(&format!(" {base}--error"));
    }
    class
}
