use leptos::prelude::*;
use leptos::task::spawn_local;

use super::FormGroup;
use crate::domain::{Cohort, ImportSummary};
use crate::ui::browser::read_chosen_file;
use crate::ui::session::enter;
use crate::ui::{use_app, Phase};

/// Choose a cohort file, see every problem or a summary of what will change, then apply it.
/// Nothing changes on the phone until the officer confirms, and not at all if the file is bad.
#[component]
pub fn ImportCohort() -> impl IntoView {
    let app = use_app();
    let problems = RwSignal::new(Vec::<String>::new());
    let pending = RwSignal::new(None::<(Cohort, ImportSummary)>);
    let done = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        done.set(None);
        spawn_local(async move {
            pending.set(None);
            match read_chosen_file(&input).await {
                Ok(None) => problems.set(vec![]),
                Err(e) => problems.set(vec![e]),
                Ok(Some(text)) => match Cohort::from_json(&text) {
                    Ok(cohort) => {
                        let current = (app.phase.get_untracked() == Phase::Unlocked)
                            .then(|| app.cohort.get_untracked());
                        let summary = cohort.import_summary(current.as_ref());
                        problems.set(vec![]);
                        pending.set(Some((cohort, summary)));
                    }
                    Err(e) => problems.set(e.problems.iter().map(ToString::to_string).collect()),
                },
            }
        });
    };
    let import = Action::new_local(move |cohort: &Cohort| {
        let cohort = cohort.clone();
        async move {
            let Some(store) = app.store() else { return };
            let result = match store.import_cohort(&cohort).await {
                Ok(()) => enter(app).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    pending.try_set(None);
                    done.try_set(Some(format!(
                        "Cohort imported: {} nominals.",
                        cohort.nominals.len()
                    )));
                }
                Err(e) => {
                    problems.try_set(vec![e.to_string()]);
                }
            }
        }
    });
    let importing = import.pending();
    let apply = move |_| {
        if let (false, Some((cohort, _))) = (importing.get_untracked(), pending.get_untracked()) {
            import.dispatch_local(cohort);
        }
    };
    view! {
        <FormGroup id="cohort-file" label="Cohort file"
            hint=Some("A .json file from your team. Nothing changes until you confirm.".into())>
            <input class="file-upload" id="cohort-file" type="file" accept=".json,application/json"
                aria-describedby="cohort-file-hint" on:change=on_change />
        </FormGroup>
        <Show when=move || !problems.with(Vec::is_empty)>
            <div class="error-summary" role="alert">
                <h3 class="error-summary__title">"The file cannot be imported. Nothing was changed."</h3>
                <ul class="error-summary__list error-summary__list--plain">
                    {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
        {move || pending.get().map(|(_, s)| view! {
            <div class="panel" role="status">
                <h3 class="heading-s">"Check before you import"</h3>
                <ul class="list">
                    <li>{format!("{} nominals stay", s.kept)}</li>
                    <li>{format!("{} new: {}", s.added.len(), s.added.join("; "))}</li>
                    <li>{format!("{} removed: {}", s.removed.len(), s.removed.join("; "))}</li>
                    <li>{format!("{} orders, {} conditions, {} history records", s.orders, s.conditions, s.history_records)}</li>
                    <li>"Records you made on this phone are kept."</li>
                </ul>
                <button class="button" type="button" on:click=apply disabled=move || importing.get()>"Import cohort"</button>
                <button class="button button--secondary" type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
            </div>
        })}
        {move || done.get().map(|d| view! { <p class="body" role="status">{d}</p> })}
    }
}
