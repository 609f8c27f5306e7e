//! Registers the service worker and offers a new release when one is waiting. A waiting
//! worker takes over only when the officer taps "Update now", so a record being typed is never
//! cut off: drafts are saved as the officer types and come back after the reload.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Longer than the drafts' debounce, so the last keystrokes are saved before the reload.
const DRAFT_FLUSH_MS: u32 = 800;

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Missing on insecure origins and some browsers: the app still works online.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Calls `ready` once a new worker has installed while an old one controls the page.
fn watch_registration(reg: &ServiceWorkerRegistration, waiting: RwSignal<bool>) {
    if reg.waiting().is_some() {
        waiting.set(true);
    }
    let reg_clone = reg.clone();
    let on_update = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg_clone.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            let has_controller = container().and_then(|c| c.controller()).is_some();
            if worker.state() == ServiceWorkerState::Installed && has_controller {
                waiting.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
}

/// Register `/sw.js` and show the update banner when a new release is waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting = RwSignal::new(false);
    // Set when the officer accepts: the first worker also takes control (clients.claim) on the
    // very first visit, and that must not reload the page under the officer's fingers.
    let accepted = StoredValue::new(false);
    if let Some(c) = container() {
        let register = c.register("/sw.js");
        leptos::task::spawn_local(async move {
            if let Ok(reg) = JsFuture::from(register).await {
                watch_registration(&reg.unchecked_into(), waiting);
            }
        });
        // When the accepted worker takes control, load the new release.
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if accepted.get_value() {
                let _ = window().location().reload();
            }
        });
        c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    let update_now = move |_| {
        let Some(c) = container() else { return };
        accepted.set_value(true);
        leptos::task::spawn_local(async move {
            let Ok(reg) = JsFuture::from(c.get_registration()).await else {
                return;
            };
            let reg: ServiceWorkerRegistration = reg.unchecked_into();
            if let Some(w) = reg.waiting() {
                // Let a draft save that is still debouncing reach IndexedDB first.
                gloo::timers::future::TimeoutFuture::new(DRAFT_FLUSH_MS).await;
                post_skip_waiting(&w);
            }
        });
    };
    view! {
        <Show when=move || waiting.get()>
            <div class="update-banner" role="region" aria-label="App update">
                <p class="body">"A new version of the app is ready. Anything you are typing is kept."</p>
                <button class="button" type="button" on:click=update_now>"Update now"</button>
                <button class="button button--secondary" type="button" on:click=move |_| waiting.set(false)>
                    "Later"
                </button>
            </div>
        </Show>
    }
}

fn post_skip_waiting(worker: &ServiceWorker) {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
    let _ = worker.post_message(&msg);
}
