use leptos::prelude::*;

/// What the page's error messages and summaries report, so the title can say "Error: ".
#[derive(Clone, Copy)]
pub(crate) struct PageErrors(RwSignal<Vec<Signal<bool>>>);

/// Register a sign that the page shows an error (an error summary or a field's message) with
/// the [`Page`] around it, for as long as the caller lives.
pub(crate) fn report_error(shown: Signal<bool>) {
    if let Some(PageErrors(list)) = use_context::<PageErrors>() {
        list.update(|l| l.push(shown));
        on_cleanup(move || {
            list.try_update(|l| l.retain(|s| *s != shown));
        });
    }
}

/// Every screen renders through a `Page`: it names the screen in the document's title, e.g.
/// "Log a contact – N-0003 – SCPO Field" (screen readers announce it, and it is what the
/// browser's history and tabs show: an id, never a name), with "Error: " in front while the
/// page shows an error, as GOV.UK does.
#[component]
pub fn Page(#[prop(into)] title: Signal<String>, children: Children) -> impl IntoView {
    let errors = PageErrors(RwSignal::new(vec![]));
    provide_context(errors);
    Effect::new(move |_| {
        let failing = errors
            .0
            .with(|l| l.iter().any(|s| s.try_get().unwrap_or(false)));
        let prefix = if failing { "Error: " } else { "" };
        document().set_title(&format!("{prefix}{} – SCPO Field", title.get()));
    });
    children()
}
