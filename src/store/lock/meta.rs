//! The passcode lock's rows in the `meta` store, and how they are read and written.
//!
//! `meta` holds, in clear (none of it is personal, none of it helps guess the passcode):
//! - `lock`: `{ kdf: "PBKDF2-SHA256", iterations, salt (16 bytes), wrap: "AES-KW", wrapped_key,
//!   passcode_form: "nfc" }`. The key is derived from the passcode in Unicode NFC
//!   ([`crypto::normalize_passcode`]), so it unlocks however a keyboard composes an accented
//!   letter. A lock without `passcode_form` was made before that, from the passcode as typed:
//!   unlock tries the passcode as typed, then its NFC form, and on success re-wraps the key under
//!   the NFC form and marks the lock (one wrong try is still counted once).
//! - `attempts`: `{ failures, next_try_at }` (milliseconds since 1970), so the count and the
//!   delay survive a reload. An attempt is counted *before* the key derivation starts, so
//!   closing the tab mid-try does not give a free try; a right passcode resets the count.

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CryptoKey;

use super::MAX_DELAY_SECONDS;
use crate::store::crypto::{self, SALT_LEN};
use crate::store::error::{StoreError, StoreResult};
use crate::store::js::{get, obj};
use crate::store::records::{self, Read};
use crate::store::schema::meta::{ATTEMPTS, LOCK};
use crate::store::schema::stores::META;
use crate::store::Store;

/// `passcode_form` of a lock whose key was derived from the NFC form of the passcode.
const FORM_NFC: &str = "nfc";

pub(super) struct LockRow {
    pub(super) iterations: u32,
    pub(super) salt: Vec<u8>,
    pub(super) wrapped: Vec<u8>,
    /// The key was derived from the passcode's NFC form (`false`: as typed, before this app
    /// normalised passcodes).
    pub(super) nfc: bool,
}

impl LockRow {
    pub(super) fn to_js(&self) -> JsValue {
        let mut fields = vec![
            ("id", LOCK.into()),
            ("kdf", "PBKDF2-SHA256".into()),
            ("iterations", self.iterations.into()),
            ("salt", Uint8Array::from(self.salt.as_slice()).into()),
            ("wrap", "AES-KW".into()),
            (
                "wrapped_key",
                Uint8Array::from(self.wrapped.as_slice()).into(),
            ),
        ];
        if self.nfc {
            fields.push(("passcode_form", FORM_NFC.into()));
        }
        obj(&fields).into()
    }

    pub(super) fn from_js(row: &JsValue) -> StoreResult<Self> {
        let bytes = |k| {
            get(row, k)
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .map_err(|_| StoreError::Unreadable)
        };
        Ok(Self {
            iterations: get(row, "iterations")
                .as_f64()
                .ok_or(StoreError::Unreadable)? as u32,
            salt: bytes("salt")?,
            wrapped: bytes("wrapped_key")?,
            nfc: get(row, "passcode_form").as_string().as_deref() == Some(FORM_NFC),
        })
    }
}

/// Wrap an extractable data key under a key derived from `passcode` (already NFC) with a fresh
/// salt: the lock row to store, and the same data key unwrapped non-extractable, to keep.
pub(super) async fn wrap_under(
    data_key: &CryptoKey,
    passcode: &str,
    iterations: u32,
) -> StoreResult<(LockRow, CryptoKey)> {
    let salt = crypto::random_bytes(SALT_LEN)?;
    let kek = crypto::derive_kek(passcode, &salt, iterations).await?;
    let wrapped = crypto::wrap_data_key(data_key, &kek).await?;
    let key = crypto::unwrap_data_key(&wrapped, &kek, false)
        .await?
        .ok_or(StoreError::Crypto {
            detail: "UnwrapAfterWrap".into(),
        })?;
    let lock = LockRow {
        iterations,
        salt,
        wrapped,
        nfc: true,
    };
    Ok((lock, key))
}

#[derive(Default, Clone, Copy)]
pub(super) struct Attempts {
    pub(super) failures: u32,
    pub(super) next_try_at: f64,
}

impl Attempts {
    /// The next allowed try, never more than the longest delay from `now`: if the phone's
    /// clock was wound back, a stored time far in the future must not lock the officer out.
    pub(super) fn next_try_clamped(self, now: f64) -> f64 {
        self.next_try_at
            .min(now + f64::from(MAX_DELAY_SECONDS) * 1000.0)
    }

    pub(super) fn to_js(self) -> JsValue {
        obj(&[
            ("id", ATTEMPTS.into()),
            ("failures", self.failures.into()),
            ("next_try_at", self.next_try_at.into()),
        ])
        .into()
    }

    pub(super) fn from_js(row: Option<&JsValue>) -> Self {
        row.map_or_else(Self::default, |r| Self {
            failures: get(r, "failures").as_f64().unwrap_or(0.0) as u32,
            next_try_at: get(r, "next_try_at").as_f64().unwrap_or(0.0),
        })
    }
}

impl Store {
    pub(super) async fn read_lock(&self) -> StoreResult<(Option<LockRow>, Attempts)> {
        let rows = records::read_all(
            self.db(),
            &[Read::One(META, LOCK), Read::One(META, ATTEMPTS)],
        )
        .await?;
        let lock = rows[0].first().map(LockRow::from_js).transpose()?;
        Ok((lock, Attempts::from_js(rows[1].first())))
    }
}
