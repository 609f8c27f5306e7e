use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::page::report_error;
use super::ErrorMessage;

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

/// The message for one field among a form's problems, if it has one.
pub fn error_for(errors: Signal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|es| {
            es.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}

/// Whether any of `fields` has a problem.
pub fn has_error(errors: Signal<Vec<FieldError>>, fields: &'static [&'static str]) -> Signal<bool> {
    Signal::derive(move || errors.with(|es| es.iter().any(|e| fields.contains(&e.field))))
}

/// The GOV.UK error summary: shown at the top of a form, focused when it appears, each
/// problem a link to its field.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let items = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|e| (format!("#{}", e.field), e.message))
            .collect::<Vec<_>>()
    });
    view! { <ErrorSummaryList items /> }
}

/// The error summary with its parts given: a title, an optional description, and each
/// problem as (link, message). The links may lead to other pages.
#[component]
pub fn ErrorSummaryList(
    items: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional, into)] description: Option<String>,
) -> impl IntoView {
    let shown = Signal::derive(move || !items.with(Vec::is_empty));
    report_error(shown);
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if shown.get() {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    let title = title.unwrap_or_else(|| "There is a problem".to_string());
    // A page may show more than one summary (the Device page's forms): each its own title id.
    static SUMMARIES: AtomicUsize = AtomicUsize::new(0);
    let title_id = format!(
        "error-summary-title-{}",
        SUMMARIES.fetch_add(1, Ordering::Relaxed)
    );
    view! {
        <Show when=move || shown.get()>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby=title_id.clone()>
                <h2 class="error-summary__title" id=title_id.clone()>{title.clone()}</h2>
                {description.clone().map(|d| view! { <p class="body">{d}</p> })}
                <ul class="error-summary__list">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|(href, message)| view! { <li><a href=href>{message}</a></li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message under a field, when the field has a problem: `{field}-error`.
#[component]
pub fn FieldMessage(errors: Signal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    view! { <ErrorMessage id=format!("{field}-error") message=error_for(errors, field) /> }
}
