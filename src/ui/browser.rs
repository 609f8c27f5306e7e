//! Small browser helpers the pages share: reading a chosen file, offering a download, and the
//! enrolment code of the link the app was opened from.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of the first file chosen in a file input, if any.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read. Choose it again.".to_string())?;
    Ok(text.as_string())
}

/// Offer `text` as a file download. Nothing is sent anywhere.
pub fn download_text(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| "The file could not be saved on this phone.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

thread_local! {
    static LINK_CODE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// At start: when the app was opened from an enrolment link (`/#enrol=K7Q2-9XHM`), keep the
/// code in memory and take it off the address bar, so it stays in no history entry. A fragment
/// never reaches a server, nor its logs. Anything but letters, digits and a dash is ignored.
pub fn take_enrol_link() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    let Some(code) = hash.strip_prefix("#enrol=") else {
        return;
    };
    let code = code.trim().to_uppercase();
    if !code.is_empty()
        && code.len() <= 20
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        LINK_CODE.with(|l| *l.borrow_mut() = Some(code));
    }
    let bare = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare));
    }
}

/// The code of the enrolment link the app was opened from, if any: the phone is about to be
/// enrolled.
pub fn enrol_link_code() -> Option<String> {
    LINK_CODE.with(|l| l.borrow().clone())
}

/// Forget the enrolment link's code: the phone is enrolled.
pub fn forget_enrol_link() {
    LINK_CODE.with(|l| l.borrow_mut().take());
}
