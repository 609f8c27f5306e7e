//! Raw IndexedDB access through web-sys that bypasses the store entirely (to see, and edit,
//! exactly what is on disk): await a request, open a database, read every row, dump it as text,
//! get and put one row.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Await an IDBRequest (or IDBOpenDBRequest) with raw web-sys.
pub async fn request(req: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let p = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::UNDEFINED,
                &r.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let r = req.clone();
        let err = Closure::once_into_js(move || {
            let e: JsValue = r
                .error()
                .ok()
                .flatten()
                .map(Into::into)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(p).await
}

/// Open a database with raw web-sys (no version: whatever is on disk).
pub async fn raw_open(name: &str) -> web_sys::IdbDatabase {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let req = factory.open(name).unwrap();
    request(&req).await.unwrap().unchecked_into()
}

/// Every object store's every row, read with raw web-sys: `(store, rows)`.
pub async fn raw_rows(name: &str) -> Vec<(String, Vec<JsValue>)> {
    let db = raw_open(name).await;
    let names: Vec<String> = (0..db.object_store_names().length())
        .filter_map(|i| db.object_store_names().get(i))
        .collect();
    let arr: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    let tx = db.transaction_with_str_sequence(&arr).unwrap();
    let mut out = Vec::new();
    for n in &names {
        let req = tx.object_store(n).unwrap().get_all().unwrap();
        let rows: Array = request(&req).await.unwrap().unchecked_into();
        out.push((n.clone(), rows.iter().collect()));
    }
    db.close();
    out
}

/// Everything on disk as text, in two parts: `clear` is every row with byte arrays shown as
/// hex (what anyone reading the disk sees directly); `bytes` is every byte array decoded as
/// (lossy) UTF-8, so plaintext hidden in a binary field would show too.
pub struct Dump {
    pub clear: String,
    pub bytes: String,
}

impl Dump {
    /// The needles found. Short needles (under 6 bytes) are only searched in `clear`: random
    /// ciphertext matches a given 3-byte string about once per 16 MB.
    pub fn find(&self, needles: &[String]) -> Vec<String> {
        needles
            .iter()
            .filter(|n| {
                self.clear.contains(n.as_str()) || (n.len() >= 6 && self.bytes.contains(n.as_str()))
            })
            .cloned()
            .collect()
    }
}

pub async fn raw_dump(name: &str) -> Dump {
    let mut d = Dump {
        clear: String::new(),
        bytes: String::new(),
    };
    for (store, rows) in raw_rows(name).await {
        d.clear.push_str(&format!("## {store}\n"));
        for row in rows {
            dump_value(&row, &mut d);
            d.clear.push('\n');
        }
    }
    d
}

fn dump_value(v: &JsValue, d: &mut Dump) {
    if let Some(bytes) = v.dyn_ref::<Uint8Array>() {
        let b = bytes.to_vec();
        d.bytes.push_str(&String::from_utf8_lossy(&b));
        d.bytes.push('\n');
        d.clear.push_str(&format!(
            "<{}>",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ));
    } else if Array::is_array(v) {
        d.clear.push('[');
        for x in Array::from(v).iter() {
            dump_value(&x, d);
            d.clear.push(',');
        }
        d.clear.push(']');
    } else if v.is_object() {
        d.clear.push('{');
        let o: &Object = v.unchecked_ref();
        for k in Object::keys(o).iter() {
            d.clear.push_str(&k.as_string().unwrap_or_default());
            d.clear.push(':');
            dump_value(&Reflect::get(o, &k).unwrap(), d);
            d.clear.push(',');
        }
        d.clear.push('}');
    } else {
        d.clear.push_str(
            &js_sys::JSON::stringify(v)
                .map(String::from)
                .unwrap_or_default(),
        );
    }
}

/// Read one row with raw web-sys.
pub async fn raw_get(name: &str, store: &str, key: &str) -> JsValue {
    let db = raw_open(name).await;
    let tx = db.transaction_with_str(store).unwrap();
    let req = tx
        .object_store(store)
        .unwrap()
        .get(&JsValue::from_str(key))
        .unwrap();
    let v = request(&req).await.unwrap();
    db.close();
    v
}

/// Write one row with raw web-sys (the store must be closed or not blocking).
pub async fn raw_put(name: &str, store: &str, row: &JsValue) {
    let db = raw_open(name).await;
    let tx = db
        .transaction_with_str_and_mode(store, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let req = tx.object_store(store).unwrap().put(row).unwrap();
    request(&req).await.unwrap();
    db.close();
}

/// Pretend the wait after wrong passcodes is over (as if time passed): the `attempts` row in
/// `meta` is clear data, so a test can edit it the way a clock would.
pub async fn skip_wait(name: &str) {
    let row = raw_get(name, "meta", "attempts").await;
    Reflect::set(&row, &"next_try_at".into(), &0.into()).unwrap();
    raw_put(name, "meta", &row).await;
}
