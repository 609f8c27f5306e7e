//! Photo exhibits: the original photo is kept as captured, encrypted like every record, in
//! `exhibit_photos` under the exhibit's id (row `{ id, iv, ct, nominal_id }`, the AES-GCM
//! additional data binding it to that store and id). The exhibit's record, its outbox entry
//! and the photo are written in ONE transaction ([`Store::submit_exhibit`]): an exhibit is
//! never on the phone without its photo, nor a photo without its record. Nothing here alters
//! or deletes either; a withdrawal is a field record of its own ([`Store::submit`]).

use uuid::Uuid;

use crate::domain::exhibit::photo::Exhibit;
use crate::domain::exhibit::rules::check_photo;

use super::crypto;
use super::drafts::DraftKey;
use super::error::{StoreError, StoreResult};
use super::records::{self, ToSeal};
use super::schema::stores::EXHIBIT_PHOTOS;
use super::Store;

impl Store {
    /// Keep a photo exhibit with its original bytes. Refused, with nothing written, when the
    /// photo is empty, too large or not an image, or when its SHA-256 is not the one the
    /// exhibit records (`StoreError::Storage { detail: "HashMismatch" }`).
    pub async fn submit_exhibit(
        &self,
        exhibit: &Exhibit,
        photo: &[u8],
        draft: Option<&DraftKey>,
    ) -> StoreResult<Uuid> {
        check_photo(photo.len() as u64, &exhibit.media_type).map_err(|p| StoreError::Storage {
            detail: format!("{p:?}"),
        })?;
        if photo.len() as u64 != exhibit.size_bytes
            || crypto::sha256_hex(photo).await? != exhibit.sha256
        {
            return Err(StoreError::Storage {
                detail: "HashMismatch".into(),
            });
        }
        let bytes = ToSeal {
            store: EXHIBIT_PHOTOS,
            id: exhibit.id.clone(),
            json: photo.to_vec(),
            clear: vec![],
        }
        .clear("nominal_id", exhibit.nominal_id.as_str());
        self.submit_with(
            super::field::Prepared::of(exhibit),
            draft.map(DraftKey::to_string),
            vec![bytes],
        )
        .await
    }

    /// The original bytes of an exhibit's photo, decrypted; `None` when this phone does not
    /// hold them (an exhibit another officer captured, imported with the team's history).
    pub async fn exhibit_photo(&self, exhibit_id: &str) -> StoreResult<Option<Vec<u8>>> {
        let key = self.key()?;
        let Some(row) = records::read_one(self.db(), EXHIBIT_PHOTOS, exhibit_id).await? else {
            return Ok(None);
        };
        let rows = [row];
        let mut plain = records::decrypt_groups(&key, &[(EXHIBIT_PHOTOS, &rows[..])]).await?;
        Ok(plain.pop().and_then(|mut g| g.pop()))
    }
}
