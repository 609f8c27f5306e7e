//! `/nominal/:id/exhibits/:exhibit`: one exhibit: the photo (decrypted into an object URL,
//! never into the gallery), its reference, SHA-256, size and capture record; withdrawn or
//! a way to withdraw it with a reason; "Export the photo" saves the original on request.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::exhibit::rules::size_text;
use crate::ui::components::{
    error_for, ErrorSummary, FieldError, NominalNotFound, Page, SummaryList, SummaryRow, Textarea,
};
use crate::ui::{device_now, new_record_id, routes, use_app};

use super::capture::{export, object_url, place_text};
use super::{record_label, when_text};

/// What the two clocks say about the capture time.
fn clock_text(e: &Exhibit) -> String {
    let expected = when_text(e.expected_captured_at());
    if e.clock_agrees() {
        format!("The phone's clock agrees with the time since the app started ({expected}).")
    } else {
        let d = e.clock_difference_s();
        let (amount, way) = (d.unsigned_abs(), if d > 0 { "ahead of" } else { "behind" });
        format!(
            "The phone's clock was {} min {} s {way} the time since the app started \
             ({expected}): it may have been changed.",
            amount / 60,
            amount % 60
        )
    }
}

#[component]
pub fn ExhibitPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let exhibit_id = move || params.read().get("exhibit").unwrap_or_default();
    let found = Memo::new(move |_| {
        app.cohort.with(|c| {
            let e = c.exhibit(&exhibit_id()).filter(|e| e.nominal_id == id())?;
            let label = record_label(c, &e.nominal_id, &e.record_id)
                .map_or_else(|| e.record_id.clone(), |(_, l)| l);
            Some((e.clone(), label, c.withdrawal_of(&e.id).cloned()))
        })
    });
    // The photo, decrypted once; `None` inside: not on this phone.
    let photo = RwSignal::new(None::<Option<Arc<Vec<u8>>>>);
    let url = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (Some(store), Some((e, _, _))) = (app.store(), found.get()) else {
            return;
        };
        spawn_local(async move {
            let bytes = store.exhibit_photo(&e.id).await.ok().flatten();
            url.try_set(bytes.as_ref().and_then(|b| object_url(b, &e.media_type)));
            photo.try_set(Some(bytes.map(Arc::new)));
        });
    });
    on_cleanup(move || {
        if let Some(Some(u)) = url.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });

    let reason = RwSignal::new(String::new());
    let withdrawing = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let withdraw = Action::new_local(move |_: &()| async move {
        let (Some(store), Some((e, _, _))) = (app.store(), found.get_untracked()) else {
            return;
        };
        let officer = app.officer();
        let w = ExhibitWithdrawal {
            id: new_record_id("EXW"),
            nominal_id: e.nominal_id.clone(),
            exhibit_id: e.id.clone(),
            reason: reason.get_untracked().trim().to_string(),
            withdrawn_at: device_now(),
            officer_id: officer.id,
            officer_name: officer.name,
        };
        if let Err(p) = app.cohort.with_untracked(|c| c.check_withdrawal(&w)) {
            return errors.set(vec![FieldError::new("reason", p.to_string())]);
        }
        match store.submit(&w, None).await {
            Ok(_) => {
                errors.try_set(vec![]);
                app.cohort.try_update(|c| c.add(w));
            }
            Err(e) => {
                errors.try_set(vec![FieldError::new("reason", e.to_string())]);
            }
        }
    });

    move || {
        let Some((e, label, withdrawal)) = found.get() else {
            return view! { <NominalNotFound /> }.into_any();
        };
        let back = match e.record_kind.as_str() {
            "breach_report" => routes::breach_report(&e.nominal_id, &e.record_id),
            _ => routes::nominal(&e.nominal_id),
        };
        let alt = format!("Photo exhibit {}: {}", e.reference, e.description);
        let file_name = format!(
            "{}.{}",
            e.reference.replace('/', "-"),
            e.media_type.rsplit('/').next().unwrap_or("img")
        );
        let media_type = e.media_type.clone();
        let (reference, description, sha256) =
            (e.reference.clone(), e.description.clone(), e.sha256.clone());
        let size = format!(
            "{} ({} bytes), {}",
            size_text(e.size_bytes),
            e.size_bytes,
            e.media_type
        );
        let (captured, clock) = (when_text(e.captured_at), clock_text(&e));
        let place = e.place.as_ref().map_or("Not recorded".into(), place_text);
        let officer = format!("{} ({})", e.officer_name, e.officer_id);
        let on_export = move |_| {
            if let Some(Some(b)) = photo.get_untracked() {
                export(&b, &media_type, &file_name);
            }
        };
        let on_withdraw = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !withdraw.pending().get_untracked() {
                withdraw.dispatch_local(());
            }
        };
        view! {
            <Page title=format!("Exhibit {} – {}", e.reference, e.nominal_id)>
            <ErrorSummary errors=errors.into() />
            <span class="caption">{format!("Photo exhibit for the {label}")}</span>
            <h1 class="heading-l">{format!("Exhibit {}", e.reference)}</h1>
            {withdrawal.clone().map(|w| view! {
                <p><strong class="tag">"Withdrawn"</strong></p>
                <div class="inset-text">
                    <p class="body">{format!("Withdrawn {} by {}.", when_text(w.withdrawn_at), w.officer_name)}</p>
                    <p class="body">{format!("Reason: {}", w.reason)}</p>
                </div>
            })}
            {move || match photo.get() {
                None => view! { <p class="body">"Opening the photo…"</p> }.into_any(),
                Some(None) => view! { <p class="body">"The photo is not on this phone (it was taken on another phone)."</p> }.into_any(),
                Some(Some(_)) => view! { <img class="exhibit-photo" src=url.get() alt=alt.clone() /> }.into_any(),
            }}
            <SummaryList>
                <SummaryRow key="Exhibit reference">{reference}</SummaryRow>
                <SummaryRow key="What it shows">{description}</SummaryRow>
                <SummaryRow key="SHA-256"><code class="hash" id="exhibit-sha256">{sha256}</code></SummaryRow>
                <SummaryRow key="Size">{size}</SummaryRow>
                <SummaryRow key="Captured at">{captured}<br />{clock}</SummaryRow>
                <SummaryRow key="Place">{place}</SummaryRow>
                <SummaryRow key="Officer">{officer}</SummaryRow>
            </SummaryList>
            <div class="actions">
                <A href=back attr:class="button button--secondary">{format!("Back to the {label}")}</A>
                <button class="button button--secondary" type="button" on:click=on_export
                    disabled=move || !matches!(photo.get(), Some(Some(_)))>"Export the photo"</button>
            </div>
            {withdrawal.is_none().then(|| view! {
                <h2 class="heading-m">"Withdraw this exhibit"</h2>
                <p class="body">"A withdrawn exhibit is kept, with its photo and the reason, and marked withdrawn."</p>
                {move || if withdrawing.get() {
                    view! {
                        <form novalidate on:submit=on_withdraw>
                        <Textarea id="reason" label="Why is this exhibit being withdrawn?"
                            error_message=error_for(errors.into(), "reason")
                            value=reason on_input=move |v| reason.set(v) />
                        <button class="button button--warning" type="submit">"Withdraw exhibit"</button>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <button class="button button--secondary" type="button"
                            on:click=move |_| withdrawing.set(true)>"Withdraw this exhibit"</button>
                    }.into_any()
                }}
            })}
            </Page>
        }
        .into_any()
    }
}
