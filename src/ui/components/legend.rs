use leptos::prelude::*;

/// A fieldset's legend, as GOV.UK's `fieldset.legend`: plain text, small (`--s`), or the
/// page's heading (an `h1`, with an optional caption above it).
pub enum Legend {
    Text(String),
    Small(String),
    PageHeading {
        caption: Option<String>,
        text: String,
    },
}

impl Legend {
    pub fn heading(text: impl Into<String>) -> Self {
        Self::PageHeading {
            caption: None,
            text: text.into(),
        }
    }

    pub(crate) fn into_view(self) -> AnyView {
        match self {
            Self::Text(t) => view! { <legend class="fieldset__legend">{t}</legend> }.into_any(),
            Self::Small(t) => {
                view! { <legend class="fieldset__legend fieldset__legend--s">{t}</legend> }
                    .into_any()
            }
            Self::PageHeading { caption, text } => view! {
                <legend class="fieldset__legend fieldset__legend--page">
                    {caption.map(|c| view! { <span class="caption">{c}</span> })}
                    <h1 class="heading-l">{text}</h1>
                </legend>
            }
            .into_any(),
        }
    }
}

impl From<&str> for Legend {
    fn from(t: &str) -> Self {
        Self::Text(t.to_string())
    }
}

impl From<String> for Legend {
    fn from(t: String) -> Self {
        Self::Text(t)
    }
}
