//! Photo exhibits' bytes over the phones' API (PROTOCOL.md, Photos): `PUT
//! /api/sync/photos/{exhibit_id}` keeps the original bytes with their SHA-256 computed on
//! arrival, under the credential's officer; a pushed `exhibit` is then accepted only if the
//! photo its officer uploaded has the SHA-256 and size the record gives.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use scpo_field::domain::exhibit::rules::{check_photo, size_text, ExhibitProblem, MAX_PHOTO_BYTES};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::state::{ApiError, AppState, Authorised};
use crate::storage::{Incoming, NewEntry, NewPhoto, PhotoInfo, PhotoPut, Storage, StorageResult};

/// The largest body the photo route reads: one byte more than the largest photo, so a photo
/// over the limit is refused by the domain's own rule, with its own words.
pub const PHOTO_BODY_LIMIT: usize = MAX_PHOTO_BYTES as usize + 1;

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!(
            "The photo is larger than {}, the largest this service keeps. Nothing was stored.",
            size_text(MAX_PHOTO_BYTES)
        ),
    )
}

/// `PUT /api/sync/photos/{exhibit_id}`.
pub async fn upload(
    State(state): State<AppState>,
    Authorised(device): Authorised,
    Path(exhibit_id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if let Err(e) = scpo_field::domain::common::id::check_id(&exhibit_id) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            &format!("The exhibit id {e}. Nothing was stored."),
        ));
    }
    let bytes = match body {
        Ok(b) => b,
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "The photo did not arrive whole. Nothing was stored.",
            ))
        }
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| v.len() <= 100)
        .unwrap_or_default();
    match check_photo(bytes.len() as u64, &content_type) {
        Ok(()) => {}
        Err(ExhibitProblem::TooLarge { .. }) => return Err(too_large()),
        Err(p) => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                &format!("{p}. Nothing was stored."),
            ))
        }
    }
    let sha256 = sha256_hex(&bytes);
    let photo = NewPhoto {
        exhibit_id: &exhibit_id,
        sha256: &sha256,
        content_type: &content_type,
        bytes: &bytes,
    };
    match state
        .storage
        .put_photo(&device, &photo, state.now())
        .await?
    {
        PhotoPut::Kept | PhotoPut::Same => {}
        PhotoPut::Different => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "A different photo is already held for this exhibit: a photo is never replaced.",
            ))
        }
        PhotoPut::TooMany => {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many photos are held whose exhibit has not arrived. Send the records first.",
            ))
        }
    }
    tracing::info!(device = %device.id, exhibit = %exhibit_id, "photo");
    Ok(Json(json!({
        "exhibit_id": exhibit_id,
        "sha256": sha256,
        "size_bytes": bytes.len(),
    }))
    .into_response())
}

/// The photos the officer uploaded for the `exhibit` entries of a push, by exhibit id. Read
/// before the push's transaction: a photo, once kept, never changes.
pub async fn photos_for(
    storage: &dyn Storage,
    officer_id: &str,
    items: &[Incoming],
) -> StorageResult<HashMap<String, PhotoInfo>> {
    let mut out = HashMap::new();
    for item in items {
        if let Incoming::Entry(e) = item {
            if e.kind == "exhibit" && !out.contains_key(&e.record_id) {
                if let Some(p) = storage.photo_info(officer_id, &e.record_id).await? {
                    out.insert(e.record_id.clone(), p);
                }
            }
        }
    }
    Ok(out)
}

/// An `exhibit` entry is accepted only with the photo its officer uploaded, whose SHA-256 and
/// size are the record's. Other kinds pass.
pub fn judge_photo(entry: &NewEntry, photos: &HashMap<String, PhotoInfo>) -> Result<(), String> {
    if entry.kind != "exhibit" {
        return Ok(());
    }
    let Some(p) = photos.get(&entry.record_id) else {
        return Err(
            "The server holds no photo for this exhibit: the photo is sent before the record"
                .into(),
        );
    };
    let sha = entry.record.get("sha256").and_then(|v| v.as_str());
    let size = entry.record.get("size_bytes").and_then(|v| v.as_i64());
    if sha != Some(p.sha256.as_str()) || size != Some(p.size_bytes) {
        return Err(
            "The photo's SHA-256 on arrival does not match the one recorded at capture".into(),
        );
    }
    Ok(())
}
