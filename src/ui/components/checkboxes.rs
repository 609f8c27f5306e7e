use leptos::prelude::*;

use super::{described_by, ErrorMessage, Legend};

/// One checkbox: its id, label (any view: a condition's summary and kind, say), whether it is
/// ticked, what ticking or unticking does, and an error message of its own if it has one.
pub struct CheckboxItem {
    pub id: String,
    pub label: AnyView,
    pub value: Option<String>,
    pub checked: Signal<bool>,
    pub on_toggle: Callback<bool>,
    pub error_message: Option<Signal<Option<String>>>,
    /// More classes for the item, e.g. `condition-choice`.
    pub classes: &'static str,
}

impl CheckboxItem {
    pub fn new(
        id: impl Into<String>,
        label: impl IntoView + 'static,
        checked: Signal<bool>,
        on_toggle: Callback<bool>,
    ) -> Self {
        Self {
            id: id.into(),
            label: label.into_view().into_any(),
            value: None,
            checked,
            on_toggle,
            error_message: None,
            classes: "",
        }
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// The item's own error message, shown above it as `{id}-error`.
    pub fn error_message(mut self, message: Signal<Option<String>>) -> Self {
        self.error_message = Some(message);
        self
    }

    pub fn classes(mut self, classes: &'static str) -> Self {
        self.classes = classes;
        self
    }

    /// The checkbox alone, as GOV.UK marks it up, for a box inside another field's group.
    pub fn into_view(self) -> AnyView {
        self.view_in(None)
    }

    /// The checkbox, described by its own error message and, when the group has no fieldset to
    /// carry them, by the group's hint and error (`group`).
    fn view_in(self, group: Option<Signal<Option<String>>>) -> AnyView {
        let error_id = format!("{}-error", self.id);
        let own = self.error_message;
        let described = move || {
            let own = own
                .filter(|m| m.with(Option::is_some))
                .map(|_| error_id.clone());
            let group = group.and_then(|g| g.get());
            match (group, own) {
                (None, None) => None,
                (Some(g), None) => Some(g),
                (None, Some(o)) => Some(o),
                (Some(g), Some(o)) => Some(format!("{g} {o}")),
            }
        };
        let error_id = format!("{}-error", self.id);
        let message = own.map(|m| view! { <ErrorMessage id=error_id message=m /> });
        let checked = self.checked;
        let on_toggle = self.on_toggle;
        let class = if self.classes.is_empty() {
            "checkboxes__item".to_string()
        } else {
            format!("checkboxes__item {}", self.classes)
        };
        view! {
            {message}
            <div class=class>
                <input class="checkboxes__input" type="checkbox" id=self.id.clone() value=self.value
                    aria-describedby=described
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev)) />
                <label class="checkboxes__label" for=self.id>{self.label}</label>
            </div>
        }
        .into_any()
    }
}

/// GOV.UK checkboxes: in a fieldset when there is a legend, with a hint and an error message
/// (`{id}-hint`, `{id}-error`), then one checkbox per item.
#[component]
pub fn Checkboxes(
    #[prop(into)] id: String,
    #[prop(optional, into)] legend: Option<Legend>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    items: Vec<CheckboxItem>,
) -> impl IntoView {
    let item_errors: Vec<Signal<Option<String>>> =
        items.iter().filter_map(|i| i.error_message).collect();
    let failing = move || {
        error_message.with(Option::is_some) || item_errors.iter().any(|m| m.with(Option::is_some))
    };
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described = Signal::derive(described_by(&id, hint.is_some(), error_message));
    // Without a fieldset, each box carries the group's hint and error.
    let group = legend.is_none().then_some(described);
    let body = view! {
        {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        <ErrorMessage id=error_id message=error_message />
        {items.into_iter().map(|i| i.view_in(group)).collect_view()}
    };
    let inner = match legend {
        Some(legend) => view! {
            <fieldset class="fieldset" aria-describedby=described>
                {legend.into_view()}
                {body}
            </fieldset>
        }
        .into_any(),
        None => body.into_any(),
    };
    view! {
        <div class="form-group" class:form-group--error=failing>
            {inner}
        </div>
    }
}
