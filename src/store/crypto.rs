//! WebCrypto through web-sys: no home-made cryptography.
//!
//! - Records: AES-GCM-256, a fresh random 12-byte IV for every encryption, and additional
//!   authenticated data naming the object store and record id, so a ciphertext moved to another
//!   record or store fails to decrypt.
//! - Data key: random (`generateKey`), wrapped with AES-KW by a key-encryption key derived from the
//!   passcode with PBKDF2-SHA256 and a random 16-byte salt. AES-KW's integrity check makes a wrong
//!   passcode fail to unwrap, so no separate "passcode check" value is stored.
//! - The data key held in memory is always non-extractable; it is only extractable for the
//!   moment it takes to wrap it (first setup, passcode change).

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use super::error::{StoreError, StoreResult};
use super::js::{js_error_name, obj};

/// PBKDF2 iterations for real use (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Length of the PBKDF2 salt in bytes.
pub const SALT_LEN: usize = 16;
/// Length of the AES-GCM IV in bytes.
pub const IV_LEN: usize = 12;

fn crypto_err(e: JsValue) -> StoreError {
    StoreError::Crypto {
        detail: js_error_name(&e),
    }
}

fn crypto() -> StoreResult<web_sys::Crypto> {
    let global = js_sys::global();
    Reflect::get(&global, &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| !c.is_undefined())
        .map(JsCast::unchecked_into)
        .ok_or(StoreError::Crypto {
            detail: "NoCrypto".into(),
        })
}

fn subtle() -> StoreResult<SubtleCrypto> {
    let s = crypto()?.subtle();
    if JsValue::from(s.clone()).is_undefined() {
        // `crypto.subtle` only exists in secure contexts (https or localhost).
        return Err(StoreError::Crypto {
            detail: "NoSubtleCrypto".into(),
        });
    }
    Ok(s)
}

async fn run(p: Result<Promise, JsValue>) -> StoreResult<JsValue> {
    let p = p.map_err(crypto_err)?;
    JsFuture::from(p).await.map_err(crypto_err)
}

/// Cryptographically random bytes from `crypto.getRandomValues`.
pub fn random_bytes(n: usize) -> StoreResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(crypto_err)?;
    Ok(buf)
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

fn aes_gcm_256() -> Object {
    obj(&[("name", "AES-GCM".into()), ("length", 256.into())])
}

fn aes_kw() -> Object {
    obj(&[("name", "AES-KW".into())])
}

/// The form a passcode is given to the key derivation in: Unicode NFC, so the same passcode
/// typed on another keyboard (a precomposed "é" or "e" + a combining accent) gives the same key.
/// JavaScript's `String.prototype.normalize` does it, so the app carries no Unicode tables.
/// Only in a browser (it calls JavaScript).
pub fn normalize_passcode(passcode: &str) -> String {
    js_sys::JsString::from(passcode).normalize("NFC").into()
}

/// Derive the key-encryption key (AES-KW-256, non-extractable) from a passcode, exactly as
/// given: callers normalise it first ([`normalize_passcode`]), except to unlock a lock made
/// before passcodes were normalised.
pub async fn derive_kek(passcode: &str, salt: &[u8], iterations: u32) -> StoreResult<CryptoKey> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passcode.as_bytes());
    let base =
        run(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])))
            .await?;
    let params = obj(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let kek = run(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &obj(&[("name", "AES-KW".into()), ("length", 256.into())]),
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await?;
    Ok(kek.unchecked_into())
}

/// A new random AES-GCM-256 data key. Extractable only so that it can be wrapped once; callers
/// must wrap it and then use [`unwrap_data_key`] to obtain the non-extractable key they keep.
pub async fn generate_data_key_for_wrapping() -> StoreResult<CryptoKey> {
    let key = run(subtle()?.generate_key_with_object(
        &aes_gcm_256(),
        true,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// Wrap (AES-KW) an extractable data key under the key-encryption key.
pub async fn wrap_data_key(data_key: &CryptoKey, kek: &CryptoKey) -> StoreResult<Vec<u8>> {
    let wrapped = run(subtle()?.wrap_key_with_object("raw", data_key, kek, &aes_kw())).await?;
    Ok(Uint8Array::new(&wrapped).to_vec())
}

/// Unwrap the data key. `extractable` is true only while re-wrapping for a passcode change.
/// A wrong passcode (wrong KEK) fails AES-KW's integrity check: `Ok(None)`.
pub async fn unwrap_data_key(
    wrapped: &[u8],
    kek: &CryptoKey,
    extractable: bool,
) -> StoreResult<Option<CryptoKey>> {
    let subtle = subtle()?;
    let p = subtle
        .unwrap_key_with_js_u8_array_and_object_and_object(
            "raw",
            &Uint8Array::from(wrapped),
            kek,
            &aes_kw(),
            &aes_gcm_256(),
            extractable,
            &usages(&["encrypt", "decrypt"]),
        )
        .map_err(crypto_err)?;
    match JsFuture::from(p).await {
        Ok(k) => Ok(Some(k.unchecked_into())),
        Err(e) if js_error_name(&e) == "OperationError" => Ok(None),
        Err(e) => Err(crypto_err(e)),
    }
}

fn gcm_params(iv: &[u8], aad: &[u8]) -> Object {
    obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
        ("additionalData", Uint8Array::from(aad).into()),
        ("tagLength", 128.into()),
    ])
}

/// Start one encryption under a fresh random IV: `(iv, promise of ciphertext)`.
fn start_encrypt(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    aad: &[u8],
    plain: &[u8],
) -> StoreResult<(Vec<u8>, Promise)> {
    let iv = random_bytes(IV_LEN)?;
    let p = subtle
        .encrypt_with_object_and_js_u8_array(&gcm_params(&iv, aad), key, &Uint8Array::from(plain))
        .map_err(crypto_err)?;
    Ok((iv, p))
}

/// Encrypt with AES-GCM under a fresh random IV. Returns `(iv, ciphertext)`.
pub async fn encrypt(key: &CryptoKey, aad: &[u8], plain: &[u8]) -> StoreResult<(Vec<u8>, Vec<u8>)> {
    let (iv, p) = start_encrypt(&subtle()?, key, aad, plain)?;
    let ct = JsFuture::from(p).await.map_err(crypto_err)?;
    Ok((iv, Uint8Array::new(&ct).to_vec()))
}

/// Encrypt many `(aad, plaintext)` pairs concurrently (one `Promise.all`), each with its own
/// fresh IV. Output order matches input order.
pub async fn encrypt_many(
    key: &CryptoKey,
    items: &[(Vec<u8>, Vec<u8>)],
) -> StoreResult<Vec<(Vec<u8>, Vec<u8>)>> {
    let subtle = subtle()?;
    let mut ivs = Vec::with_capacity(items.len());
    let promises = Array::new();
    for (aad, plain) in items {
        let (iv, p) = start_encrypt(&subtle, key, aad, plain)?;
        ivs.push(iv);
        promises.push(&p);
    }
    let all = JsFuture::from(Promise::all(&promises))
        .await
        .map_err(crypto_err)?;
    let cts: Array = all.unchecked_into();
    Ok(ivs
        .into_iter()
        .zip(cts.iter())
        .map(|(iv, ct)| (iv, Uint8Array::new(&ct).to_vec()))
        .collect())
}

fn decrypt_failure(e: JsValue) -> StoreError {
    if js_error_name(&e) == "OperationError" {
        StoreError::Unreadable
    } else {
        crypto_err(e)
    }
}

/// Decrypt and authenticate. Any tampering, a wrong key or wrong `aad` gives
/// [`StoreError::Unreadable`].
pub async fn decrypt(key: &CryptoKey, aad: &[u8], iv: &[u8], ct: &[u8]) -> StoreResult<Vec<u8>> {
    if iv.len() != IV_LEN {
        return Err(StoreError::Unreadable);
    }
    let p = subtle()?
        .decrypt_with_object_and_js_u8_array(&gcm_params(iv, aad), key, &Uint8Array::from(ct))
        .map_err(crypto_err)?;
    let plain = JsFuture::from(p).await.map_err(decrypt_failure)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// Decrypt many `(aad, iv, ciphertext)` triples concurrently. Fails whole if any one fails.
/// The ciphertexts are passed as the `Uint8Array`s read from IndexedDB, without a copy.
pub async fn decrypt_many(
    key: &CryptoKey,
    items: &[(Vec<u8>, Uint8Array, Uint8Array)],
) -> StoreResult<Vec<Vec<u8>>> {
    let subtle = subtle()?;
    let promises = Array::new();
    for (aad, iv, ct) in items {
        if iv.length() as usize != IV_LEN {
            return Err(StoreError::Unreadable);
        }
        let params = obj(&[
            ("name", "AES-GCM".into()),
            ("iv", iv.into()),
            ("additionalData", Uint8Array::from(aad.as_slice()).into()),
            ("tagLength", 128.into()),
        ]);
        let p = subtle
            .decrypt_with_object_and_js_u8_array(&params, key, ct)
            .map_err(crypto_err)?;
        promises.push(&p);
    }
    let all = JsFuture::from(Promise::all(&promises))
        .await
        .map_err(decrypt_failure)?;
    let plains: Array = all.unchecked_into();
    Ok(plains
        .iter()
        .map(|p| Uint8Array::new(&p).to_vec())
        .collect())
}

/// SHA-256 of `bytes` (WebCrypto), as 64 lower-case hex digits.
pub async fn sha256_hex(bytes: &[u8]) -> StoreResult<String> {
    let digest = run(subtle()?.digest_with_str_and_u8_array("SHA-256", bytes)).await?;
    Ok(Uint8Array::new(&digest)
        .to_vec()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
