//! Photo exhibits' bytes (see [`Photos`](crate::storage::Photos)). Expanded once per backend by
//! `storage_impl!` in the parent module, which brings every name used here into scope (and the
//! helper `audit_in` of the audit part).

macro_rules! photos_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl Photos for $ty {
            async fn put_photo(
                &self,
                device: &Device,
                photo: &NewPhoto<'_>,
                now: i64,
            ) -> StorageResult<PhotoPut> {
                let officer_id = device.officer.id.as_str();
                let mut tx = self.begin_write().await?;
                let held: Option<String> = sqlx::query_scalar(
                    "SELECT sha256 FROM exhibit_photos WHERE officer_id = $1 AND exhibit_id = $2",
                )
                .bind(officer_id)
                .bind(photo.exhibit_id)
                .fetch_optional(&mut *tx)
                .await?;
                match held {
                    Some(h) if h == photo.sha256 => return Ok(PhotoPut::Same),
                    Some(_) => return Ok(PhotoPut::Different),
                    None => {}
                }
                let unclaimed: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM exhibit_photos p WHERE p.officer_id = $1 AND NOT EXISTS (SELECT 1 FROM records r WHERE r.kind = 'exhibit' AND r.id = p.exhibit_id)",
                )
                .bind(officer_id)
                .fetch_one(&mut *tx)
                .await?;
                if unclaimed >= MAX_UNCLAIMED_PHOTOS {
                    return Ok(PhotoPut::TooMany);
                }
                sqlx::query(
                    "INSERT INTO exhibit_photos (officer_id, exhibit_id, device_id, sha256, size_bytes, content_type, received_at, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(officer_id)
                .bind(photo.exhibit_id)
                .bind(&device.id)
                .bind(photo.sha256)
                .bind(i64::try_from(photo.bytes.len()).unwrap_or(i64::MAX))
                .bind(photo.content_type)
                .bind(now)
                .bind(photo.bytes)
                .execute(&mut *tx)
                .await?;
                Self::audit_in(&mut tx, officer_id, Some(&device.id), "created", "exhibit_photo", photo.exhibit_id, None, now).await?;
                tx.commit().await?;
                Ok(PhotoPut::Kept)
            }

            async fn photo_info(
                &self,
                officer_id: &str,
                exhibit_id: &str,
            ) -> StorageResult<Option<PhotoInfo>> {
                Ok(self.photo_bytes_or_not(officer_id, exhibit_id, false).await?.map(|(i, _)| i))
            }

            async fn photo_bytes(
                &self,
                officer_id: &str,
                exhibit_id: &str,
            ) -> StorageResult<Option<(PhotoInfo, Vec<u8>)>> {
                self.photo_bytes_or_not(officer_id, exhibit_id, true).await
            }
        }

        impl $ty {
            /// The photo's row; its bytes only when asked (they may be megabytes).
            async fn photo_bytes_or_not(
                &self,
                officer_id: &str,
                exhibit_id: &str,
                with_bytes: bool,
            ) -> StorageResult<Option<(PhotoInfo, Vec<u8>)>> {
                let sql = if with_bytes {
                    "SELECT officer_id, device_id, sha256, size_bytes, content_type, received_at, bytes FROM exhibit_photos WHERE officer_id = $1 AND exhibit_id = $2"
                } else {
                    "SELECT officer_id, device_id, sha256, size_bytes, content_type, received_at FROM exhibit_photos WHERE officer_id = $1 AND exhibit_id = $2"
                };
                let Some(r) = sqlx::query(sql)
                    .bind(officer_id)
                    .bind(exhibit_id)
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                let info = PhotoInfo {
                    officer_id: r.try_get(0)?,
                    device_id: r.try_get(1)?,
                    sha256: r.try_get(2)?,
                    size_bytes: r.try_get(3)?,
                    content_type: r.try_get(4)?,
                    received_at: r.try_get(5)?,
                };
                let bytes = if with_bytes { r.try_get(6)? } else { Vec::new() };
                Ok(Some((info, bytes)))
            }
        }
    };
}
