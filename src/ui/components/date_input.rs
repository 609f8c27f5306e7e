use leptos::prelude::*;

use super::{described_by, error_classes, ErrorMessage, Legend};

/// One box of a date input: day, month or year (or hour and minute), `width` characters wide.
pub struct DateItem {
    pub id: String,
    pub label: &'static str,
    pub width: u8,
    pub value: Signal<String>,
    pub on_input: Callback<String>,
}

impl DateItem {
    /// The day, month and year boxes of a date asked as `id` (the day box; `{id}-month`,
    /// `{id}-year`), each bound to its signal.
    pub fn day_month_year(id: &str, parts: [RwSignal<String>; 3]) -> Vec<DateItem> {
        [
            (id.to_string(), "Day", 2u8),
            (format!("{id}-month"), "Month", 2),
            (format!("{id}-year"), "Year", 4),
        ]
        .into_iter()
        .zip(parts)
        .map(|((id, label, width), v)| DateItem {
            id,
            label,
            width,
            value: v.into(),
            on_input: Callback::new(move |x| v.set(x)),
        })
        .collect()
    }
}

/// GOV.UK's date input: a fieldset of boxes, digits only, with a hint (`{id}-hint`) and an error
/// message (`{id}-error`) named by the fieldset. `id` is the first box's.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: Legend,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error_message: Signal<Option<String>>,
    items: Vec<DateItem>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let failing = move || error_message.with(Option::is_some);
    let described = described_by(&id, hint.is_some(), error_message);
    let items = items
        .into_iter()
        .map(|item| {
            let width = item.width;
            let width = format!("input--width-{width}");
            let class = move || error_classes("input", &width, failing());
            let (value, on_input) = (item.value, item.on_input);
            view! {
                <div class="date-input__item">
                    <label class="label date-input__label" for=item.id.clone()>{item.label}</label>
                    <input class=class id=item.id type="text" inputmode="numeric" autocomplete="off"
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev)) />
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=failing>
            <fieldset class="fieldset" role="group" aria-describedby=described>
                {legend.into_view()}
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                <ErrorMessage id=error_id message=error_message />
                <div class="date-input">{items}</div>
            </fieldset>
        </div>
    }
}
