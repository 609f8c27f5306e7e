//! The sync engine: talks to the team server (`server/PROTOCOL.md`) on the app's own origin.
//!
//! It runs only while unlocked, online and enrolled (an unenrolled phone makes no network call
//! at all): on unlock, after each field record is submitted, when the phone comes back online,
//! on "Sync now" and every 3 minutes; after a failure it waits 30 s, doubling to 15 minutes. It
//! never blocks a screen. Push first (batches of 50 waiting or sent entries, each exhibit's photo
//! uploaded first, marked sent before the request, each answer applied), then pull until `more` is false; each call tells the server
//! how many outbox entries are not yet acknowledged (`waiting=N`, for the supervisor's Devices
//! page). A revoked phone is wiped after the officer is told (see `Phase::Revoked`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{enter, lock_now, Phase};
use crate::domain::common::json;
use crate::store::{
    sync_now, Enrolment, OutboxEntry, PullPage, PushEntry, PushResult, Store, StoreError, SyncEvent,
};
use crate::ui::AppState;

/// Entries per push.
pub const PUSH_BATCH: usize = 50;
/// Between syncs while all is well, in milliseconds.
pub const EVERY_MS: f64 = 3.0 * 60_000.0;
/// First wait after a failure, and the longest, in milliseconds.
pub const BACKOFF_FIRST_MS: f64 = 30_000.0;
pub const BACKOFF_MAX_MS: f64 = 15.0 * 60_000.0;

/// The wait after `failures` failures in a row: 30 s, 1 min, 2 min... up to 15 minutes.
pub fn backoff_ms(failures: u32) -> f64 {
    let doublings = failures.saturating_sub(1).min(10);
    (BACKOFF_FIRST_MS * f64::from(1u32 << doublings)).min(BACKOFF_MAX_MS)
}

/// What the pages read about sync. `Copy`; provided through context by [`start`].
#[derive(Clone, Copy)]
pub struct SyncState {
    /// A sync is under way.
    pub running: RwSignal<bool>,
    /// Bumped after every attempt, so pages read the store's sync status again.
    pub changed: RwSignal<u32>,
    failures: StoredValue<u32>,
    /// No automatic sync before this time (ms since 1970).
    next_at: StoredValue<f64>,
}

impl SyncState {
    pub fn new() -> Self {
        Self {
            running: RwSignal::new(false),
            changed: RwSignal::new(0),
            failures: StoredValue::new(0),
            next_at: StoredValue::new(0.0),
        }
    }
}

impl Default for SyncState {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a sync did not finish.
enum Failure {
    /// No network, or the server did not answer.
    Offline,
    /// The device was revoked: wipe.
    Revoked,
    /// Anything else, in words.
    Other(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Self::Other(e.to_string())
    }
}

impl Failure {
    fn words(&self) -> String {
        match self {
            Self::Offline => "No connection to the team server".into(),
            Self::Revoked => "This phone has been revoked".into(),
            Self::Other(s) => s.clone(),
        }
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// One call to the API: the status and the JSON body (`Null` if none).
async fn call(
    method: &str,
    path: &str,
    credential: Option<&str>,
    body: Option<(&str, JsValue)>,
) -> Result<(u16, serde_json::Value), Failure> {
    let window = web_sys::window().ok_or(Failure::Offline)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(|_| Failure::Offline)?;
    if let Some(c) = credential {
        let _ = headers.set("Authorization", &format!("Bearer {c}"));
    }
    if let Some((content_type, b)) = body {
        let _ = headers.set("Content-Type", content_type);
        init.set_body(&b);
    }
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(path, &init).map_err(|_| Failure::Offline)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| Failure::Offline)?
        .unchecked_into();
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    let json = text
        .and_then(|t| json::parse(t.as_bytes()).ok())
        .unwrap_or(serde_json::Value::Null);
    if status == 401 {
        if json.get("error").and_then(|e| e.as_str()) == Some("revoked") {
            return Err(Failure::Revoked);
        }
        return Err(Failure::Other(
            "The team server does not know this phone. Enrol it again.".into(),
        ));
    }
    Ok((status, json))
}

fn server_error(status: u16, json: &serde_json::Value) -> Failure {
    if status >= 500 || status == 0 {
        return Failure::Other(format!("The team server had a problem ({status})"));
    }
    match json.get("error").and_then(|e| e.as_str()) {
        Some(e) => Failure::Other(e.to_owned()),
        None => Failure::Other(format!("The team server refused the request ({status})")),
    }
}

#[derive(Default)]
struct Counts {
    pushed: u32,
    accepted: u32,
    rejected: u32,
    pulled: u32,
    /// The cohort on the phone changed.
    cohort_changed: bool,
    /// Outbox entries not yet acknowledged, told to the server with each call (`waiting=N`).
    waiting: u32,
}

async fn push(store: &Store, e: &Enrolment, counts: &mut Counts) -> Result<(), Failure> {
    #[derive(Serialize)]
    struct Body {
        entries: Vec<PushEntry>,
    }
    // Bounded: a server that never answers some entries cannot keep the loop going.
    for _ in 0..100 {
        let mut batch = store.outbox_to_push(usize::MAX).await?;
        counts.waiting = batch.len() as u32;
        if batch.is_empty() {
            break;
        }
        batch.truncate(PUSH_BATCH);
        upload_photos(store, e, &batch).await?;
        let uuids: Vec<_> = batch.iter().map(|e| e.uuid).collect();
        store.mark_sent(&uuids).await?;
        let body = Body {
            entries: batch
                .into_iter()
                .map(|e| PushEntry {
                    uuid: e.uuid,
                    kind: e.kind,
                    record: e.record,
                })
                .collect(),
        };
        let body = serde_json::to_string(&body).map_err(|_| Failure::Other("Bad record".into()))?;
        counts.pushed += uuids.len() as u32;
        let path = format!("/api/sync/push?waiting={}", counts.waiting);
        let body = Some(("application/json", JsValue::from_str(&body)));
        let (status, json) = call("POST", &path, Some(&e.credential), body).await?;
        if status != 200 {
            return Err(server_error(status, &json));
        }
        let results: Vec<PushResult> = json
            .get("results")
            .and_then(|r| json::read(r).ok())
            .ok_or_else(|| Failure::Other("The team server's answer was not understood".into()))?;
        store.apply_push_results(&results).await?;
        counts.waiting = counts.waiting.saturating_sub(results.len() as u32);
        for r in &results {
            match r.status.as_str() {
                "accepted" => counts.accepted += 1,
                "rejected" => counts.rejected += 1,
                _ => {}
            }
        }
        if results.len() < uuids.len() {
            break;
        }
    }
    Ok(())
}

/// Each exhibit's photo goes up before the push that carries its record (PROTOCOL.md,
/// Photos). No answer, a 5xx or a 429 stops the sync before anything is marked sent, so the
/// entry stays waiting; a refusal lets the entry go, for the server to reject with its reason.
async fn upload_photos(store: &Store, e: &Enrolment, batch: &[OutboxEntry]) -> Result<(), Failure> {
    for entry in batch.iter().filter(|x| x.kind == "exhibit") {
        let id = entry.record["id"].as_str().unwrap_or_default();
        let Some(bytes) = store.exhibit_photo(id).await? else {
            continue;
        };
        let media = entry.record["media_type"].as_str().unwrap_or_default();
        let body = js_sys::Uint8Array::from(&bytes[..]).into();
        let path = format!("/api/sync/photos/{}", js_sys::encode_uri_component(id));
        let (status, json) = call("PUT", &path, Some(&e.credential), Some((media, body))).await?;
        if status >= 500 || status == 429 || status == 0 {
            return Err(server_error(status, &json));
        }
    }
    Ok(())
}

async fn pull(store: &Store, e: &Enrolment, counts: &mut Counts) -> Result<(), Failure> {
    let mut cursor = store.sync_cursor().await?;
    for _ in 0..1000 {
        let mut path = format!("/api/sync/pull?waiting={}", counts.waiting);
        if let Some(c) = &cursor {
            path.push_str("&since=");
            path.push_str(&String::from(js_sys::encode_uri_component(c)));
        }
        let (status, json) = call("GET", &path, Some(&e.credential), None).await?;
        if status != 200 {
            return Err(server_error(status, &json));
        }
        let page: PullPage = json::read(&json)
            .map_err(|_| Failure::Other("The team server's answer was not understood".into()))?;
        let applied = store.apply_pull_page(&page).await?;
        counts.pulled += applied.records;
        counts.cohort_changed |= applied.records > 0 || !applied.removed.is_empty() || page.resync;
        if !page.more {
            break;
        }
        cursor = Some(page.cursor);
    }
    Ok(())
}

/// Start the engine's timer and its "back online" listener.
pub fn start(app: AppState) {
    let sync = app.sync;
    gloo::timers::callback::Interval::new(10_000, move || {
        if js_sys::Date::now() >= sync.next_at.get_value() {
            sync_soon(app, false);
        }
    })
    .forget();
    gloo::events::EventListener::new(&window(), "online", move |_| sync_soon(app, true)).forget();
}

/// Called once the store is open: sync after each submission.
pub fn hook_store(app: AppState, store: &Store) {
    store.on_submit(move || sync_soon(app, false));
}

/// Sync in the background if the phone is unlocked, online and enrolled. `force` ("Sync now",
/// back online, just enrolled) skips the wait after a failure.
pub fn sync_soon(app: AppState, force: bool) {
    let sync = app.sync;
    if sync.running.get_untracked()
        || !matches!(app.phase.get_untracked(), Phase::Unlocked | Phase::NoCohort)
        || !online()
        || (!force
            && sync.failures.get_value() > 0
            && js_sys::Date::now() < sync.next_at.get_value())
    {
        return;
    }
    let Some(store) = app.store() else { return };
    spawn_local(async move {
        // Not enrolled (or locked meanwhile): no network call at all, and the timer looks again
        // only in 3 minutes (enrolling syncs at once).
        let Ok(Some(enrolment)) = store.enrolment().await else {
            sync.next_at.set_value(js_sys::Date::now() + EVERY_MS);
            return;
        };
        sync.running.set(true);
        let mut counts = Counts::default();
        let result = async {
            push(&store, &enrolment, &mut counts).await?;
            pull(&store, &enrolment, &mut counts).await?;
            let _ = store.prune_acknowledged(sync_now()).await;
            Ok::<_, Failure>(())
        }
        .await;
        let now = js_sys::Date::now();
        if !store.is_unlocked() {
            // Locked half-way: not the server's fault, and nothing can be logged. Unlocking
            // syncs again.
            sync.running.set(false);
            return;
        }
        if let Err(Failure::Revoked) = result {
            revoked(app, &store).await;
            sync.running.set(false);
            return;
        }
        let error = result.as_ref().err().map(Failure::words);
        if error.is_some() {
            let failures = sync.failures.get_value() + 1;
            sync.failures.set_value(failures);
            sync.next_at.set_value(now + backoff_ms(failures));
        } else {
            sync.failures.set_value(0);
            sync.next_at.set_value(now + EVERY_MS);
        }
        let _ = store
            .log_sync(SyncEvent {
                at: sync_now(),
                pushed: counts.pushed,
                accepted: counts.accepted,
                rejected: counts.rejected,
                pulled: counts.pulled,
                error,
            })
            .await;
        if counts.cohort_changed && store.is_unlocked() {
            if app.phase.get_untracked() == Phase::NoCohort {
                // The first cohort from the server: open the app.
                let _ = enter(app).await;
            } else if let Ok(Some(cohort)) = store.load_cohort().await {
                // Only the data changes: the page on screen stays (a form keeps what is typed).
                app.cohort.set(cohort);
            }
        }
        sync.running.set(false);
        sync.changed.update(|n| *n += 1);
    });
}

/// The server says this phone is revoked: delete everything, then tell the officer.
async fn revoked(app: AppState, store: &Store) {
    let _ = store.wipe().await;
    lock_now(app);
    app.phase.set(Phase::Revoked);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_from_30_seconds_to_15_minutes() {
        let waits: Vec<f64> = (1..=8).map(|f| backoff_ms(f) / 1000.0).collect();
        assert_eq!(
            waits,
            [30.0, 60.0, 120.0, 240.0, 480.0, 900.0, 900.0, 900.0]
        );
        assert_eq!(backoff_ms(u32::MAX), BACKOFF_MAX_MS);
    }
}
