use leptos::prelude::*;

use super::{error_classes, ErrorMessage};

/// A GOV.UK form group: the label, hint and error message of one field, then the field itself
/// (`children`), which names `{id}-hint` and `{id}-error` in its `aria-describedby` (see
/// [`super::described_by`]). `Input`, `Textarea` and `Select` are built on it.
#[component]
pub fn FormGroup(
    /// The field's id: the label points at it; the hint is `{id}-hint`, the error `{id}-error`.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    /// More classes for the group, e.g. `radios__conditional`.
    #[prop(optional)]
    classes: &'static str,
    /// An id for the group itself.
    #[prop(optional_no_strip)]
    group_id: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = move || error_classes("form-group", classes, error_message.with(Option::is_some));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class=class id=group_id>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <ErrorMessage id=error_id message=error_message />
            {children()}
        </div>
    }
}
