//! Encrypted records ("sealed rows") and the transaction helpers every writer and reader uses.
//!
//! A sealed row is the object IndexedDB sees:
//! `{ id: "<opaque id>", iv: Uint8Array(12), ct: Uint8Array, ...clear }` where `ct` is the
//! AES-GCM encryption of the value's JSON, with additional data `scpo-field|<store>|<id>`, and
//! `clear` holds only what must be queried without the key: opaque ids and numbers.
//!
//! Encryption happens before a transaction opens and decryption after it completes: awaiting
//! WebCrypto inside an IndexedDB transaction lets it auto-commit (TransactionInactiveError).

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use js_sys::{Object, Uint8Array};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CryptoKey;

use crate::domain::common::json;

use super::crypto;
use super::error::{from_dom_name, StoreError, StoreResult};
use super::js::{get, set};

/// Additional authenticated data binding a ciphertext to its store and id.
fn aad(store: &str, id: &str) -> Vec<u8> {
    format!("scpo-field|{store}|{id}").into_bytes()
}

/// One value to seal: where it goes, its id, its JSON, and its clear fields.
pub(crate) struct ToSeal {
    pub store: &'static str,
    pub id: String,
    pub json: Vec<u8>,
    pub clear: Vec<(&'static str, JsValue)>,
}

impl ToSeal {
    pub fn new<T: Serialize + ?Sized>(
        store: &'static str,
        id: impl Into<String>,
        value: &T,
    ) -> StoreResult<Self> {
        Ok(Self {
            store,
            id: id.into(),
            json: serde_json::to_vec(value).map_err(|_| StoreError::Unreadable)?,
            clear: Vec::new(),
        })
    }

    /// Add a clear (unencrypted, indexable) field. Only opaque ids and numbers belong here.
    pub fn clear(mut self, name: &'static str, value: impl Into<JsValue>) -> Self {
        self.clear.push((name, value.into()));
        self
    }
}

/// Encrypt values (concurrently) into rows ready to be written.
pub(crate) async fn seal_all(
    key: &CryptoKey,
    items: Vec<ToSeal>,
) -> StoreResult<Vec<(&'static str, JsValue)>> {
    let inputs: Vec<(Vec<u8>, Vec<u8>)> = items
        .iter()
        .map(|t| (aad(t.store, &t.id), t.json.clone()))
        .collect();
    let sealed = crypto::encrypt_many(key, &inputs).await?;
    Ok(items
        .into_iter()
        .zip(sealed)
        .map(|(t, (iv, ct))| {
            let o = Object::new();
            set(&o, "id", &JsValue::from_str(&t.id));
            set(&o, "iv", &Uint8Array::from(iv.as_slice()));
            set(&o, "ct", &Uint8Array::from(ct.as_slice()));
            for (k, v) in &t.clear {
                set(&o, k, v);
            }
            (t.store, o.into())
        })
        .collect())
}

/// Encrypt one value into a row.
pub(crate) async fn seal(key: &CryptoKey, item: ToSeal) -> StoreResult<(&'static str, JsValue)> {
    let mut rows = seal_all(key, vec![item]).await?;
    rows.pop().ok_or(StoreError::Unreadable)
}

/// Decrypt rows read from `store` (concurrently) into values, in the same order.
pub(crate) async fn unseal_all<T: DeserializeOwned>(
    key: &CryptoKey,
    store: &str,
    rows: &[JsValue],
) -> StoreResult<Vec<T>> {
    let plains = decrypt_groups(key, &[(store, rows)]).await?;
    parse_all(plains.first().map_or(&[][..], Vec::as_slice))
}

/// Decrypt the rows of several stores in one batch: one wait for WebCrypto, not one per store
/// (each wait is a round trip through the event loop, which a slow phone feels at unlock). The
/// plaintexts come back grouped and ordered as given.
pub(crate) async fn decrypt_groups(
    key: &CryptoKey,
    groups: &[(&str, &[JsValue])],
) -> StoreResult<Vec<Vec<Vec<u8>>>> {
    let mut inputs = Vec::new();
    for (store, rows) in groups {
        for row in *rows {
            let id = get(row, "id").as_string().ok_or(StoreError::Unreadable)?;
            let iv = get(row, "iv")
                .dyn_into::<Uint8Array>()
                .map_err(|_| StoreError::Unreadable)?;
            let ct = get(row, "ct")
                .dyn_into::<Uint8Array>()
                .map_err(|_| StoreError::Unreadable)?;
            inputs.push((aad(store, &id), iv, ct));
        }
    }
    let mut plains = if inputs.is_empty() {
        Vec::new()
    } else {
        crypto::decrypt_many(key, &inputs).await?
    }
    .into_iter();
    Ok(groups
        .iter()
        .map(|(_, rows)| plains.by_ref().take(rows.len()).collect())
        .collect())
}

/// Plaintexts (JSON) as values, in the same order.
pub(crate) fn parse_all<T: DeserializeOwned>(plains: &[Vec<u8>]) -> StoreResult<Vec<T>> {
    plains
        .iter()
        .map(|plain| json::from_bytes(plain).ok_or(StoreError::Unreadable))
        .collect()
}

/// Decrypt one row.
pub(crate) async fn unseal<T: DeserializeOwned>(
    key: &CryptoKey,
    store: &str,
    row: &JsValue,
) -> StoreResult<T> {
    let mut v = unseal_all(key, store, std::slice::from_ref(row)).await?;
    v.pop().ok_or(StoreError::Unreadable)
}

/// One write inside a readwrite transaction.
pub(crate) enum Write {
    /// Insert or replace.
    Put(&'static str, JsValue),
    /// Insert; fails (and aborts everything) if the id exists: field records are immutable.
    Add(&'static str, JsValue),
    /// Delete one record by id.
    Delete(&'static str, String),
    /// Delete every record of a store.
    Clear(&'static str),
}

impl Write {
    fn store(&self) -> &'static str {
        match self {
            Self::Put(s, _) | Self::Add(s, _) | Self::Delete(s, _) | Self::Clear(s) => s,
        }
    }
}

/// Apply every write in ONE readwrite transaction: all of them happen, or none.
///
/// `fail_after`: test-only fault injection. After that many put/add writes have completed
/// inside the transaction, one more request is made that IndexedDB rejects (a duplicate `add`),
/// which aborts the transaction exactly as a real failure half-way would.
pub(crate) async fn write_all(
    db: &Database,
    writes: Vec<Write>,
    fail_after: Option<u32>,
) -> StoreResult<()> {
    if writes.is_empty() {
        return Ok(());
    }
    let mut scope: Vec<&'static str> = writes.iter().map(Write::store).collect();
    crate::domain::common::sort::sort_by(&mut scope, Ord::cmp);
    scope.dedup();
    let tx = db
        .transaction(scope.as_slice())
        .with_mode(TransactionMode::Readwrite)
        .build()?;
    let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
    // Request errors also bubble to the transaction; its cause is read from `tx.error` after
    // the abort, so stop them here (this does not prevent the abort).
    let swallow =
        Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.stop_propagation());
    let mut injected = false;
    let mut puts = 0u32;
    for w in writes {
        let os = tx.object_store(w.store())?;
        let (req, row): (web_sys::IdbRequest, Option<JsValue>) = match w {
            Write::Put(_, v) => (os.put(v.clone()).primitive()?.as_sys().clone(), Some(v)),
            Write::Add(_, v) => (os.add(v.clone()).primitive()?.as_sys().clone(), Some(v)),
            Write::Delete(_, id) => (os.delete(id).primitive()?.as_sys().clone(), None),
            Write::Clear(_) => (os.clear()?.as_sys().clone(), None),
        };
        req.set_onerror(Some(swallow.as_ref().unchecked_ref()));
        if let Some(row) = row {
            puts += 1;
            if fail_after.is_some_and(|n| puts >= n.max(1)) && !injected {
                injected = true;
                // Let the writes so far complete inside the transaction, then fail one.
                wait_request(&req).await;
                let dup = os.add(row).primitive()?;
                dup.as_sys()
                    .set_onerror(Some(swallow.as_ref().unchecked_ref()));
            }
        }
    }
    let result = tx.commit().await;
    drop(swallow);
    match result {
        Ok(()) => Ok(()),
        Err(_) if injected => Err(StoreError::Storage {
            detail: "InjectedFault".into(),
        }),
        Err(e) => Err(match raw_tx.error() {
            Some(dom) => from_dom_name(&dom.name()),
            None => StoreError::from(e),
        }),
    }
}

/// Wait for one raw request to finish (success or error) without consuming the error event.
async fn wait_request(req: &web_sys::IdbRequest) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let r2 = resolve.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let err = Closure::once_into_js(move |e: web_sys::Event| {
            e.stop_propagation();
            let _ = r2.call0(&JsValue::UNDEFINED);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What to read from one store.
pub(crate) enum Read<'a> {
    /// Every row.
    All(&'static str),
    /// One row by id (zero or one result).
    One(&'static str, &'a str),
    /// Rows of an index matching a key or key range.
    Index(&'static str, &'static str, JsValue),
}

impl Read<'_> {
    fn store(&self) -> &'static str {
        match self {
            Self::All(s) | Self::One(s, _) | Self::Index(s, _, _) => s,
        }
    }
}

/// Run reads in ONE readonly transaction (a consistent snapshot); rows come back per read.
pub(crate) async fn read_all(db: &Database, reads: &[Read<'_>]) -> StoreResult<Vec<Vec<JsValue>>> {
    let mut scope: Vec<&'static str> = reads.iter().map(Read::store).collect();
    crate::domain::common::sort::sort_by(&mut scope, Ord::cmp);
    scope.dedup();
    let tx = db.transaction(scope.as_slice()).build()?;
    let mut out = Vec::with_capacity(reads.len());
    for r in reads {
        let os = tx.object_store(r.store())?;
        let rows: Vec<JsValue> = match r {
            Read::All(_) => os
                .get_all::<JsValue>()
                .primitive()?
                .await?
                .collect::<Result<_, _>>()?,
            Read::One(_, id) => os
                .get::<JsValue, _, _>(*id)
                .primitive()?
                .await?
                .into_iter()
                .collect(),
            Read::Index(_, index, key) => os
                .index(index)?
                .get_all::<JsValue>()
                .with_query::<JsValue, _>(KeyRange::Only(key.clone()))
                .primitive()?
                .await?
                .collect::<Result<_, _>>()?,
        };
        out.push(rows);
    }
    tx.commit().await?;
    Ok(out)
}

/// Read one row by id.
pub(crate) async fn read_one(
    db: &Database,
    store: &'static str,
    id: &str,
) -> StoreResult<Option<JsValue>> {
    let mut rows = read_all(db, &[Read::One(store, id)]).await?;
    Ok(rows.pop().and_then(|mut r| r.pop()))
}

/// Count rows of an index matching a key.
pub(crate) async fn count_index(
    db: &Database,
    store: &'static str,
    index: &str,
    key: JsValue,
) -> StoreResult<u32> {
    let tx = db.transaction(store).build()?;
    let os = tx.object_store(store)?;
    let n = os
        .index(index)?
        .count()
        .with_query::<JsValue, _>(KeyRange::Only(key))
        .primitive()?
        .await?;
    tx.commit().await?;
    Ok(n)
}
