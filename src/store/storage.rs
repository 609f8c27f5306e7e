//! Persistent storage and space used: `navigator.storage.persist()` and `estimate()`.
//!
//! Without persistence the browser may evict the app's data when the phone runs low on space;
//! installed PWAs are usually granted it. A full disk shows up as `QuotaExceededError` on a
//! write, which the store reports as [`StoreError::OutOfSpace`](super::StoreError::OutOfSpace):
//! the transaction is rolled back whole, so nothing half-saved is left behind.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::error::{StoreError, StoreResult};
use super::Store;

/// Whether storage is persistent and how much space is used.
#[derive(Debug, Clone, PartialEq)]
pub struct StorageStatus {
    /// The browser agreed not to evict this app's data.
    pub persisted: bool,
    /// Bytes used by this app (all its storage, not only IndexedDB), if the browser says.
    pub usage_bytes: Option<f64>,
    /// Bytes this app may use, if the browser says.
    pub quota_bytes: Option<f64>,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    (!storage.is_undefined()).then(|| storage.unchecked_into())
}

async fn run(p: Result<Promise, JsValue>) -> StoreResult<JsValue> {
    let p = p.map_err(|_| StoreError::Storage {
        detail: "StorageManager".into(),
    })?;
    JsFuture::from(p).await.map_err(|_| StoreError::Storage {
        detail: "StorageManager".into(),
    })
}

impl Store {
    /// Ask the browser to keep this app's data even when space runs low. Returns whether it
    /// was granted. Browsers decide on their own (Chrome grants installed apps silently;
    /// Firefox may ask the officer).
    pub async fn request_persistence(&self) -> StoreResult<bool> {
        let Some(sm) = storage_manager() else {
            return Ok(false);
        };
        Ok(run(sm.persist()).await?.as_bool().unwrap_or(false))
    }

    /// Whether storage is persistent, and the space used and available.
    pub async fn storage_status(&self) -> StoreResult<StorageStatus> {
        let Some(sm) = storage_manager() else {
            return Ok(StorageStatus {
                persisted: false,
                usage_bytes: None,
                quota_bytes: None,
            });
        };
        let persisted = run(sm.persisted()).await?.as_bool().unwrap_or(false);
        let estimate: web_sys::StorageEstimate = run(sm.estimate()).await?.unchecked_into();
        Ok(StorageStatus {
            persisted,
            usage_bytes: estimate.get_usage(),
            quota_bytes: estimate.get_quota(),
        })
    }
}
