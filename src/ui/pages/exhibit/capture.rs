//! The browser at capture: the photo's bytes, the two clocks, the place (asked for only when
//! the officer taps), the space left, and showing or exporting the photo without it reaching
//! the gallery or downloads unasked.

use std::sync::Arc;

use chrono::{NaiveDateTime, TimeZone};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::exhibit::photo::CapturePlace;
use crate::domain::exhibit::rules::{check_photo, size_text};
use crate::ui::device_now;

/// A photo as chosen, with its capture record so far.
/// (Default: none; the check step is reached only with a photo, and the store refuses
/// an empty one.)
#[derive(Clone, PartialEq, Default)]
pub struct Captured {
    pub bytes: Arc<Vec<u8>>,
    pub sha256: String,
    pub media_type: String,
    pub captured_at: NaiveDateTime,
    pub app_started_at: NaiveDateTime,
    pub elapsed_ms: u64,
}

/// The wall clock when the app started (`performance.timeOrigin`) and milliseconds since then
/// on the monotonic clock (`performance.now()`).
fn clocks() -> (NaiveDateTime, u64) {
    let perf = leptos::prelude::window().performance();
    let origin = perf.as_ref().map_or(0.0, web_sys::Performance::time_origin);
    let elapsed = perf.as_ref().map_or(0.0, web_sys::Performance::now);
    let started = chrono::Local
        .timestamp_millis_opt(origin as i64)
        .single()
        .map_or_else(device_now, |t| t.naive_local());
    (started, elapsed.max(0.0) as u64)
}

/// Read the chosen photo, hash it (WebCrypto) and note the clocks. `Ok(None)`: none chosen.
pub async fn read_photo(input: &web_sys::HtmlInputElement) -> Result<Option<Captured>, String> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let captured_at = device_now();
    let (app_started_at, elapsed_ms) = clocks();
    let media_type = file.type_();
    check_photo(file.size() as u64, &media_type).map_err(|p| p.to_string())?;
    let unreadable = |_| "The photo could not be read. Take or choose it again.".to_string();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(unreadable)?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let sha256 = crate::store::crypto::sha256_hex(&bytes)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Some(Captured {
        bytes: Arc::new(bytes),
        sha256,
        media_type,
        captured_at,
        app_started_at,
        elapsed_ms,
    }))
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Ask the phone where it is (Geolocation, high accuracy, a fresh fix). Only called when the
/// officer taps "Add the place".
pub async fn ask_place() -> Result<CapturePlace, String> {
    let failed = "The place could not be found (location may be off or not allowed). You can \
                  save the exhibit without it.";
    let geo = get(&get(&js_sys::global(), "navigator"), "geolocation");
    let get_position: Function = get(&geo, "getCurrentPosition")
        .dyn_into()
        .map_err(|_| failed.to_string())?;
    let promise = Promise::new(&mut |resolve, reject| {
        let options = Object::new();
        let _ = Reflect::set(&options, &"enableHighAccuracy".into(), &JsValue::TRUE);
        let _ = Reflect::set(&options, &"timeout".into(), &JsValue::from(30_000));
        let _ = Reflect::set(&options, &"maximumAge".into(), &JsValue::from(0));
        let _ = get_position.call3(&geo, &resolve, &reject, &options);
    });
    let position = JsFuture::from(promise)
        .await
        .map_err(|_| failed.to_string())?;
    let coords = get(&position, "coords");
    let num = |k| get(&coords, k).as_f64().ok_or_else(|| failed.to_string());
    let place = CapturePlace {
        latitude_e6: (num("latitude")? * 1e6).round() as i64,
        longitude_e6: (num("longitude")? * 1e6).round() as i64,
        accuracy_m: num("accuracy")?.max(0.0).ceil() as u32,
    };
    place.is_valid().then_some(place).ok_or(failed.to_string())
}

/// "51.501364, -0.141890, to within 12 m".
pub fn place_text(p: &CapturePlace) -> String {
    let deg = |e6: i64| {
        let sign = if e6 < 0 { "-" } else { "" };
        format!("{sign}{}.{:06}", e6.abs() / 1_000_000, e6.abs() % 1_000_000)
    };
    format!(
        "{}, {}, to within {} m",
        deg(p.latitude_e6),
        deg(p.longitude_e6),
        p.accuracy_m
    )
}

/// The photo as an object URL for an `<img>` (revoke it when the page goes).
pub fn object_url(bytes: &[u8], media_type: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Save the original photo as a file, when the officer asks (the only way it leaves the app).
pub fn export(bytes: &[u8], media_type: &str, file_name: &str) -> bool {
    let Some(url) = object_url(bytes, media_type) else {
        return false;
    };
    let document = leptos::prelude::document();
    let Ok(a) = document.create_element("a") else {
        return false;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// "About 1.2 GB left on this phone for the app", when the browser says.
pub async fn space_left(store: crate::store::Store) -> Option<String> {
    let s = store.storage_status().await.ok()?;
    let left = (s.quota_bytes? - s.usage_bytes.unwrap_or(0.0)).max(0.0) as u64;
    let text = if left >= 1024 * 1024 * 1024 {
        format!("{}.{} GB", left >> 30, (left % (1 << 30)) * 10 / (1 << 30))
    } else {
        size_text(left)
    };
    Some(format!("About {text} left on this phone for the app."))
}
