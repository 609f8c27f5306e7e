//! Small browser helpers the pages share: reading a chosen file and offering a download.

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
