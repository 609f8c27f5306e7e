//! `/nominal/:id/exhibits/new/:record`: add a photo exhibit to a breach report or a contact.
//! Three steps on one address: the photo (camera or file), what it shows and (if the officer
//! taps for it) the place, then check and save. The photo is hashed and timed when chosen;
//! nothing is written until "Save exhibit", and then the photo, the record and its outbox
//! entry are written together.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::domain::exhibit::photo::{CapturePlace, Exhibit};
use crate::domain::exhibit::rules::{size_text, MAX_PHOTO_BYTES};
use crate::ui::components::{
    error_for, ErrorSummary, FieldError, FormGroup, NominalNotFound, Page, SummaryList, SummaryRow,
    Textarea,
};
use crate::ui::{new_record_id, routes, use_app};

use super::capture::{ask_place, object_url, place_text, read_photo, space_left, Captured};
use super::{record_label, when_text};

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Photo,
    Describe,
    Check,
}

#[component]
pub fn AddExhibitPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let record_id = move || params.read().get("record").unwrap_or_default();
    let target = Memo::new(move |_| app.cohort.with(|c| record_label(c, &id(), &record_id())));
    let step = RwSignal::new(Step::Photo);
    let photo = RwSignal::new(None::<Captured>);
    let description = RwSignal::new(String::new());
    let place = RwSignal::new(None::<CapturePlace>);
    let place_note = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let space = RwSignal::new(None::<String>);
    if let Some(store) = app.store() {
        spawn_local(async move {
            space.try_set(space_left(store).await);
        });
    }
    // The chosen photo as an object URL, to show it on the check page (revoked when another
    // is chosen or the page is left).
    let preview = RwSignal::new(None::<String>);
    let show = move |p: Option<&Captured>| {
        let url = p.and_then(|p| object_url(&p.bytes, &p.media_type));
        if let Some(Some(old)) = preview.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        preview.try_set(url);
    };
    on_cleanup(move || show(None));
    let fail = move |field, message: String| errors.set(vec![FieldError::new(field, message)]);
    let go = move |s| {
        errors.set(vec![]);
        step.set(s);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match read_photo(&input).await {
                Ok(p) => {
                    errors.try_set(vec![]);
                    show(p.as_ref());
                    photo.try_set(p);
                }
                Err(e) => {
                    show(None);
                    photo.try_set(None);
                    input.set_value("");
                    fail("photo", e);
                }
            }
        });
    };
    let add_place = move |_| {
        place_note.set(Some("Finding the place…".into()));
        spawn_local(async move {
            match ask_place().await {
                Ok(p) => {
                    place_note.try_set(None);
                    place.try_set(Some(p));
                }
                Err(e) => {
                    place_note.try_set(Some(e));
                }
            }
        });
    };

    let navigate = use_navigate();
    let save = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let (Some(store), Some(p), Some((kind, _))) =
                (app.store(), photo.get_untracked(), target.get_untracked())
            else {
                return;
            };
            let officer = app.officer();
            let exhibit = Exhibit {
                id: new_record_id("EX"),
                nominal_id: id(),
                record_kind: kind.into(),
                record_id: record_id(),
                reference: app
                    .cohort
                    .with_untracked(|c| c.next_exhibit_reference(&officer.name)),
                description: description.get_untracked().trim().to_string(),
                sha256: p.sha256.clone(),
                media_type: p.media_type.clone(),
                size_bytes: p.bytes.len() as u64,
                captured_at: p.captured_at,
                app_started_at: p.app_started_at,
                elapsed_ms: p.elapsed_ms,
                place: place.get_untracked(),
                officer_id: officer.id,
                officer_name: officer.name,
            };
            if let Err(e) = app.cohort.with_untracked(|c| c.check_exhibit(&exhibit)) {
                return fail("save", e.to_string());
            }
            match store.submit_exhibit(&exhibit, &p.bytes, None).await {
                Ok(_) => {
                    let href = routes::exhibit(&exhibit.nominal_id, &exhibit.id);
                    app.cohort.try_update(|c| c.add(exhibit));
                    navigate(
                        &href,
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                Err(e) => fail("save", e.to_string()),
            }
        }
    });
    let saving = save.pending();

    let body = move || {
        let Some((kind, label)) = target.get() else {
            return view! { <NominalNotFound /> }.into_any();
        };
        // A way back from each step: to the record from the first, else to the step before
        // (the photo and answers are kept).
        let back = move |to: Step, text: &'static str| {
            view! {
                <a class="back-link" href="#" on:click=move |ev| {
                    ev.prevent_default();
                    go(to);
                }>{text}</a>
            }
        };
        let caption =
            view! { <span class="caption">{format!("Photo exhibit for the {label}")}</span> };
        match step.get() {
            Step::Photo => {
                let hint = format!(
                    "Take a photo or choose one. It is kept on this phone, encrypted, exactly as \
                     taken, and is not saved to the gallery. Up to {}. {}",
                    size_text(MAX_PHOTO_BYTES),
                    space.get().unwrap_or_default()
                );
                let next = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if photo.with_untracked(Option::is_some) {
                        go(Step::Describe);
                    } else {
                        fail("photo", "Select or take a photo".into());
                    }
                };
                let record = if kind == "breach_report" {
                    routes::breach_report(&id(), &record_id())
                } else {
                    routes::nominal(&id())
                };
                view! {
                    <A href=record attr:class="back-link">{format!("Back to the {label}")}</A>
                    <form novalidate on:submit=next>
                    {caption}
                    <h1 class="heading-l">"Add a photo exhibit"</h1>
                    <FormGroup id="photo" label="Photo" hint=Some(hint.into())
                        error_message=error_for(errors.into(), "photo")>
                        <input class="file-upload" id="photo" type="file" accept="image/*"
                            capture="environment" aria-describedby="photo-hint" on:change=on_file />
                    </FormGroup>
                    {move || photo.get().map(|p| view! {
                        <p class="body" role="status">{format!("Photo ready: {}. SHA-256 {}", size_text(p.bytes.len() as u64), p.sha256)}</p>
                    })}
                    <button class="button" type="submit">"Continue"</button>
                    </form>
                }
                .into_any()
            }
            Step::Describe => {
                let next = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if description.with_untracked(|d| d.trim().is_empty()) {
                        fail("description", "Enter what the photo shows".into());
                    } else {
                        go(Step::Check);
                    }
                };
                view! {
                    {back(Step::Photo, "Back to the photo")}
                    <form novalidate on:submit=next>
                    {caption}
                    <h1 class="heading-l">"Describe the exhibit"</h1>
                    <Textarea id="description" label="What does the photo show?"
                        hint="Where it was taken and what it shows, for the exhibit label."
                        error_message=error_for(errors.into(), "description")
                        value=description on_input=move |v| description.set(v) />
                    <h2 class="heading-m">"Place (optional)"</h2>
                    <p class="body">{move || place.get().map_or_else(
                        || "The phone is asked for its location only if you tap the button.".to_string(),
                        |p| format!("Place: {}", place_text(&p)))}</p>
                    {move || place_note.get().map(|n| view! { <p class="body" role="status">{n}</p> })}
                    <button class="button button--secondary" type="button" on:click=add_place>"Add the place"</button>
                    <div class="actions">
                        <button class="button" type="submit">"Continue"</button>
                    </div>
                    </form>
                }
                .into_any()
            }
            Step::Check => {
                let p = photo.get().unwrap_or_default();
                let officer = app.officer();
                let reference = app.cohort.with(|c| c.next_exhibit_reference(&officer.name));
                let change = Callback::new(move |_: String| go(Step::Describe));
                let on_save = move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if !saving.get_untracked() {
                        save.dispatch_local(());
                    }
                };
                let alt = format!("The photo to be saved as exhibit {reference}");
                view! {
                    {back(Step::Describe, "Back to the description")}
                    <form novalidate on:submit=on_save id="save">
                    {caption}
                    <h1 class="heading-l">"Check the exhibit before you save it"</h1>
                    {move || preview.get().map(|src| view! {
                        <img class="exhibit-photo" src=src alt=alt.clone() />
                    })}
                    <SummaryList classes="summary-list--actions">
                        <SummaryRow key="Exhibit reference">{reference}</SummaryRow>
                        <SummaryRow key="What it shows" action_href="#description"
                            action_hidden="what it shows" on_action=change>{description.get()}</SummaryRow>
                        <SummaryRow key="Place" action_href="#description" action_hidden="place"
                            on_action=change>{place.get().map_or("Not recorded".into(), |p| place_text(&p))}</SummaryRow>
                        <SummaryRow key="Photo">{format!("{}, {}", size_text(p.bytes.len() as u64), p.media_type)}</SummaryRow>
                        <SummaryRow key="SHA-256"><code class="hash">{p.sha256.clone()}</code></SummaryRow>
                        <SummaryRow key="Captured at">{when_text(p.captured_at)}</SummaryRow>
                        <SummaryRow key="Officer">{format!("{} ({})", officer.name, officer.id)}</SummaryRow>
                    </SummaryList>
                    <p class="warning-text">"Once saved, an exhibit cannot be changed or deleted. It can only be withdrawn, with a reason."</p>
                    <button class="button" type="submit" disabled=move || saving.get()>"Save exhibit"</button>
                    </form>
                }
                .into_any()
            }
        }
    };
    view! {
        <Page title=Signal::derive(move || format!("Add a photo exhibit – {}", id()))>
        <ErrorSummary errors=errors.into() />
        {body}
        </Page>
    }
}
