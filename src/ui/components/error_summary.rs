use leptos::prelude::*;

/// One problem on a form: the id of the field it is about and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// The GOV.UK error summary: shown at the top of a form, focused when it appears, each
/// problem a link to its field.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                <ul class="error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let href = format!("#{}", e.field);
                                view! { <li><a href=href>{e.message}</a></li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message under a field, when the field has a problem.
#[component]
pub fn FieldMessage(errors: Signal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    let message = move || {
        errors.with(|es| {
            es.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };
    view! {
        {move || message().map(|m| view! {
            <p class="error-message" id=format!("{field}-error")>
                <span class="visually-hidden">"Error: "</span>{m}
            </p>
        })}
    }
}
