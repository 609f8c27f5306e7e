//! Smoke tests for the browser platform the store relies on, run in headless Chromium by
//! `make test-wasm` (wasm-bindgen-test-runner). They compile to nothing natively.
//!
//! If one of these fails, the store's own tests (tests/store_*.rs) cannot pass either: the page is
//! not a secure context, or WebCrypto / IndexedDB are missing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().expect("tests run in a browser window")
}

#[wasm_bindgen_test]
fn page_is_a_secure_context() {
    // WebCrypto's `subtle` and service workers exist only in secure contexts (https or localhost).
    assert!(window().is_secure_context());
}

#[wasm_bindgen_test]
fn crypto_fills_random_bytes() {
    let crypto = window().crypto().expect("window.crypto");
    let mut bytes = [0u8; 32];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("getRandomValues");
    // 32 zero bytes from a working generator has probability 2^-256.
    assert!(bytes.iter().any(|&b| b != 0));
}

#[wasm_bindgen_test]
async fn subtle_crypto_digests_sha256() {
    let subtle = window().crypto().expect("window.crypto").subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", b"abc")
        .expect("digest starts");
    let buffer = JsFuture::from(promise).await.expect("digest resolves");
    let digest = js_sys::Uint8Array::new(&buffer).to_vec();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    // FIPS 180-2, appendix B.1.
    assert_eq!(
        hex,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[wasm_bindgen_test]
async fn indexed_db_opens_a_database() {
    // Reflection keeps this test independent of which web-sys IndexedDB features are enabled.
    let factory = js_sys::Reflect::get(&window(), &JsValue::from_str("indexedDB"))
        .expect("window.indexedDB readable");
    assert!(factory.is_object(), "window.indexedDB is missing");
    let open: js_sys::Function = js_sys::Reflect::get(&factory, &JsValue::from_str("open"))
        .expect("indexedDB.open readable")
        .dyn_into()
        .expect("indexedDB.open is a function");
    let request = open
        .call1(&factory, &JsValue::from_str("scpo-field-smoke"))
        .expect("indexedDB.open called");

    // Resolve when the open request succeeds, reject on error.
    let opened = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = js_sys::Reflect::set(&request, &JsValue::from_str("onsuccess"), &resolve);
        let _ = js_sys::Reflect::set(&request, &JsValue::from_str("onerror"), &reject);
    });
    JsFuture::from(opened).await.expect("database opens");

    let db = js_sys::Reflect::get(&request, &JsValue::from_str("result")).expect("request.result");
    let name = js_sys::Reflect::get(&db, &JsValue::from_str("name")).expect("db.name");
    assert_eq!(name.as_string().as_deref(), Some("scpo-field-smoke"));
    let close: js_sys::Function = js_sys::Reflect::get(&db, &JsValue::from_str("close"))
        .expect("db.close readable")
        .dyn_into()
        .expect("db.close is a function");
    close.call0(&db).expect("db.close called");
}
