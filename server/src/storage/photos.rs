//! Storage for photo exhibits' original bytes (PROTOCOL.md, Photos). A part of
//! [`Storage`](super::Storage) (its supertrait), so every backend has it and a `dyn Storage`
//! answers it; implemented for both backends in `backend/photos.rs`. A photo is kept under the
//! officer who uploaded it and the exhibit id, and is never replaced or deleted.

use async_trait::async_trait;

use super::{Device, StorageResult};

/// Most photos an officer may hold whose exhibit record has not arrived.
pub const MAX_UNCLAIMED_PHOTOS: i64 = 100;

/// A photo as it arrives, its SHA-256 computed by the server.
#[derive(Debug, Clone)]
pub struct NewPhoto<'a> {
    pub exhibit_id: &'a str,
    pub sha256: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// What the server holds about a photo (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoInfo {
    pub officer_id: String,
    pub device_id: String,
    pub sha256: String,
    pub size_bytes: i64,
    pub content_type: String,
    pub received_at: i64,
}

/// The answer to an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoPut {
    /// Kept now.
    Kept,
    /// The same bytes were kept already: nothing changed.
    Same,
    /// Different bytes are held for this officer and exhibit: nothing changed.
    Different,
    /// The officer holds [`MAX_UNCLAIMED_PHOTOS`] photos with no exhibit record: nothing kept.
    TooMany,
}

#[async_trait]
pub trait Photos: Send + Sync {
    /// Keep a photo uploaded by the device's officer, in one transaction with a `created`
    /// audit line (ids only).
    async fn put_photo(
        &self,
        device: &Device,
        photo: &NewPhoto<'_>,
        now: i64,
    ) -> StorageResult<PhotoPut>;

    /// The photo the officer uploaded for the exhibit, without its bytes.
    async fn photo_info(
        &self,
        officer_id: &str,
        exhibit_id: &str,
    ) -> StorageResult<Option<PhotoInfo>>;

    /// The photo the officer uploaded for the exhibit, with its bytes.
    async fn photo_bytes(
        &self,
        officer_id: &str,
        exhibit_id: &str,
    ) -> StorageResult<Option<(PhotoInfo, Vec<u8>)>>;
}
