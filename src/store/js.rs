//! Small helpers over JavaScript values and the clock, shared by the store's modules (they
//! import nothing from the store, so every module may use them).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Now, in milliseconds since the epoch (the device's clock).
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A plain object with these properties.
pub(crate) fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        set(&o, k, v);
    }
    o
}

/// Set a property of a plain object.
pub(crate) fn set(o: &Object, k: &str, v: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

/// Read a property of a stored row (`undefined` when it has none).
pub(crate) fn get(row: &JsValue, k: &str) -> JsValue {
    Reflect::get(row, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

/// Best-effort classification of a JS error value by its `name` property only (never its
/// message, which may echo data).
pub(crate) fn js_error_name(value: &JsValue) -> String {
    get(value, "name")
        .as_string()
        .unwrap_or_else(|| "UnknownError".to_owned())
}
