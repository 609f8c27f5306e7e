//! Log a contact: a routine one ("home visit, seen, no concerns, now") is the form as it opens,
//! so it takes two taps from the nominal page: "Log a contact", then "Save contact". Anything
//! else is a tap or a few words more. The form is a draft while it is filled in.

mod fields;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::common::words::where_the_record_goes;
use crate::domain::field::contact_form::{
    next_due_text, usual_contact_kind, ContactDraft, ContactField,
};
use crate::domain::time::dates::format_date_time;
use crate::domain::{Contact, Nominal};
use crate::ui::components::{ErrorSummary, FieldError, NominalNotFound, Page};
use crate::ui::draft::{Draft, DraftKey, DraftStatus};
use crate::ui::records::submit_record;
use crate::ui::{device_now, new_record_id, routes, use_app};

/// The id of the element each field's problems point at.
fn field_id(field: ContactField) -> &'static str {
    match field {
        ContactField::Date => "contact-date",
        ContactField::Time => "contact-time",
        ContactField::Notes => "contact-notes",
    }
}

/// Route `/nominal/:id/contact`.
#[component]
pub fn ContactPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match app.cohort.with_untracked(|c| c.nominal(&id).cloned()) {
            Some(nominal) => view! { <LogContact nominal /> }.into_any(),
            None => view! { <NominalNotFound /> }.into_any(),
        }
    }
}

#[component]
fn LogContact(nominal: Nominal) -> impl IntoView {
    let app = use_app();
    let nominal_id = nominal.id.clone();
    let kind = app
        .cohort
        .with_untracked(|c| usual_contact_kind(&c.contacts_of(&nominal_id)));
    // The routine contact is the form as it opens: nothing to keep as a draft.
    let routine = ContactDraft::routine(kind);
    let draft = Draft::open(
        DraftKey::Contact(nominal_id.clone()),
        routine.clone(),
        move |d| *d == routine,
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(None::<Contact>);
    let save = submit_record(draft, move |result: Result<Contact, _>| match result {
        Ok(contact) => {
            errors.try_set(vec![]);
            saved.try_set(Some(contact));
        }
        Err(e) => {
            errors.try_set(vec![FieldError::new("save-contact", e.to_string())]);
        }
    });
    let saving = save.pending();
    let back = routes::nominal(&nominal_id);
    let name = nominal.display_name();

    let next_due = {
        let id = nominal_id.clone();
        move || {
            let today = app.today.get();
            app.cohort
                .with(|c| c.contact_status(&id, today))
                .map(|s| next_due_text(s, today))
        }
    };

    let submit = {
        let nominal_id = nominal_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            let id = new_record_id("K");
            let contact = draft
                .value
                .with_untracked(|d| d.to_contact(id, &nominal_id, &app.officer().id, device_now()));
            let contact = match contact {
                Ok(c) => c,
                Err(problems) => {
                    errors.set(
                        problems
                            .into_iter()
                            .map(|p| FieldError::new(field_id(p.field), p.message))
                            .collect(),
                    );
                    return;
                }
            };
            save.dispatch_local(contact);
        }
    };

    let form_name = name.clone();
    let form_back = back.clone();
    let form_next_due = next_due.clone();
    let form = move || {
        let given = nominal.given_name.clone();
        view! {
            <Page title=format!("Log a contact – {}", nominal.id)>
            <A href=form_back.clone() attr:class="back-link">{format!("Back to {form_name}")}</A>
            <ErrorSummary errors=errors.into() />
            <span class="caption">{form_name.clone()}</span>
            <h1 class="heading-l">"Log a contact"</h1>
            <p class="body">"Next contact due: " <strong>{form_next_due.clone()}</strong></p>
            {move || draft.restored.get().then(|| view! {
                <div class="panel panel--info" role="status">
                    <p class="body">"We kept what you entered last time. Check it, then save the contact."</p>
                    <button class="button button--secondary" type="button" on:click=move |_| draft.start_again()>
                        "Start again"
                    </button>
                </div>
            })}
            <Show
                when=move || draft.loaded.get()
                fallback=|| view! { <p class="body" role="status">"Opening the form…"</p> }
            >
                <form class="contact-form" on:submit=submit.clone() novalidate>
                    <fields::ContactFields draft=draft.value errors=errors.into() given=given.clone() />
                    <button class="button" type="submit" id="save-contact" disabled=move || saving.get()>
                        {move || if saving.get() { "Saving…" } else { "Save contact" }}
                    </button>
                    <DraftStatus status=draft.status />
                </form>
            </Show>
            </Page>
        }
    };

    move || {
        match saved.get() {
        None => form.clone()().into_any(),
        Some(contact) => {
            view! { <Confirmation contact name=name.clone() back=back.clone() next_due=next_due.clone()() /> }
                .into_any()
        }
    }
    }
}

/// What was saved and when the next contact is now due.
#[component]
fn Confirmation(
    contact: Contact,
    name: String,
    back: String,
    next_due: Option<String>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let how = if contact.seen {
        format!("seen, {}", contact.outcome.label().to_lowercase())
    } else {
        "not seen".to_string()
    };
    let what = format!(
        "{}, {how}: {}.",
        contact.kind.label(),
        format_date_time(contact.at)
    );
    let title = format!("Contact saved – {}", contact.nominal_id);
    let status = crate::ui::pages::sync_panel::sync_status();
    view! {
        <Page title>
        <div class="panel panel--confirmation">
            <h1 class="panel__title" tabindex="-1" node_ref=heading>"Contact saved"</h1>
            <p class="panel__body">"Next contact due" <br /> <strong class="next-due">{next_due}</strong></p>
        </div>
        <p class="body">{what}</p>
        <p class="body">{move || status.get().map(|s| where_the_record_goes(s.enrolment.is_some()))}</p>
        <div class="actions">
            <A href=back attr:class="button">{format!("Back to {name}")}</A>
            <A href=routes::COHORT attr:class="button button--secondary">"Back to the cohort"</A>
        </div>
        </Page>
    }
}
