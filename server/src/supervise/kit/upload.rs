//! Taking a file's contents (GOV.UK): a file upload, and a textarea to paste text that is data
//! rather than prose (a cohort file), with its label, hint and error message.

use maud::{html, Markup};

use super::field::{described_by, error_message};

fn group(error: bool) -> &'static str {
    if error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

/// A file upload. `id` is also its `name`; `accept` the types offered in the browser's chooser.
pub fn file_upload(
    id: &str,
    label: &str,
    hint: Option<&str>,
    accept: &str,
    error: Option<&str>,
) -> Markup {
    html! {
        div class=(group(error.is_some())) {
            label class="label" for=(id) { (label) }
            @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
            @if let Some(e) = error { (error_message(id, e)) }
            input class="file-upload" id=(id) name=(id) type="file" accept=(accept)
                aria-describedby=[described_by(id, hint.is_some(), error.is_some())];
        }
    }
}

/// A textarea of `rows` lines for pasted data: no spelling check (the browser neither marks
/// every word of it nor sends it to a spelling service). `id` is also its `name`.
pub fn pasted_text(id: &str, label: &str, value: &str, rows: u8, error: Option<&str>) -> Markup {
    let class = if error.is_some() {
        "textarea textarea--error"
    } else {
        "textarea"
    };
    html! {
        div class=(group(error.is_some())) {
            label class="label" for=(id) { (label) }
            @if let Some(e) = error { (error_message(id, e)) }
            textarea class=(class) id=(id) name=(id) rows=(rows) spellcheck="false"
                autocomplete="off" aria-describedby=[described_by(id, false, error.is_some())] { (value) }
        }
    }
}
