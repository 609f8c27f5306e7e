use leptos::prelude::*;

use super::{described_by, ErrorMessage, Legend};

/// One radio button: its id, label, optional hint, whether it is chosen, and what choosing it
/// does.
pub struct RadioItem {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub checked: Signal<bool>,
    pub on_select: Callback<()>,
}

impl RadioItem {
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        checked: Signal<bool>,
        on_select: Callback<()>,
    ) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            hint: None,
            checked,
            on_select,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// GOV.UK radios: a fieldset with its legend, hint and error message, one radio per item, then
/// `children` (what a choice reveals, shown by the caller). The hint is `{id}-hint` and the
/// error `{id}-error`, named by the fieldset's `aria-describedby`; `id` is usually the first
/// radio's, which the error summary links to.
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] legend: Legend,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    items: Vec<RadioItem>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described = described_by(&id, hint.is_some(), error_message);
    let items = items
        .into_iter()
        .map(|item| {
            let item_hint = item.hint.as_ref().map(|_| format!("{}-item-hint", item.id));
            let on_select = item.on_select;
            let checked = item.checked;
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" name=name.clone() id=item.id.clone()
                        aria-describedby=item_hint.clone()
                        prop:checked=move || checked.get()
                        on:change=move |_| on_select.run(()) />
                    <div>
                        <label class="radios__label" for=item.id>{item.label}</label>
                        {item.hint.map(|h| view! { <p class="hint radios__hint" id=item_hint>{h}</p> })}
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error_message.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby=described>
                {legend.into_view()}
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                <ErrorMessage id=error_id message=error_message />
                {items}
                {children.map(|c| c())}
            </fieldset>
        </div>
    }
}
