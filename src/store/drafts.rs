//! Drafts: half-written forms saved as the officer types, so they come back after a reload, a
//! crash or an app update. A draft is any serialisable value under a key chosen by the UI,
//! such as `breach:N-001` or `contact:N-001`. The key is stored in clear (it must be an opaque
//! id, never a name); the value is encrypted. Row: `{ id: key, iv, ct, at: saved (ms) }`.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::error::{StoreError, StoreResult};
use super::lock::now_ms;
use super::records::{self, get, Read, ToSeal, Write};
use super::schema::stores::DRAFTS;
use super::Store;

/// Longest draft key accepted.
const MAX_KEY_LEN: usize = 200;

/// A saved draft, without its content (listing drafts needs no decryption).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftInfo {
    pub key: String,
    pub saved_at: Option<DateTime<Utc>>,
}

fn check_key(key: &str) -> StoreResult<()> {
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

impl Store {
    /// Save (or replace) the draft under `key`. Call it debounced as the officer types.
    pub async fn save_draft<T: Serialize + ?Sized>(&self, key: &str, draft: &T) -> StoreResult<()> {
        check_key(key)?;
        let data_key = self.key()?;
        let item = ToSeal::new(DRAFTS, key, draft)?.clear("at", now_ms());
        let (store, row) = records::seal(&data_key, item).await?;
        self.write(vec![Write::Put(store, row)]).await
    }

    /// The draft under `key`, if there is one.
    pub async fn load_draft<T: DeserializeOwned>(&self, key: &str) -> StoreResult<Option<T>> {
        check_key(key)?;
        let data_key = self.key()?;
        match records::read_one(self.db(), DRAFTS, key).await? {
            Some(row) => Ok(Some(records::unseal(&data_key, DRAFTS, &row).await?)),
            None => Ok(None),
        }
    }

    /// Delete the draft under `key` (no error if there is none).
    pub async fn discard_draft(&self, key: &str) -> StoreResult<()> {
        check_key(key)?;
        self.write(vec![Write::Delete(DRAFTS, key.to_owned())])
            .await
    }

    /// Every saved draft's key and time, newest first.
    pub async fn drafts(&self) -> StoreResult<Vec<DraftInfo>> {
        self.key()?;
        let rows = records::read_all(self.db(), &[Read::All(DRAFTS)])
            .await?
            .remove(0);
        let mut out: Vec<DraftInfo> = rows
            .iter()
            .filter_map(|r| {
                Some(DraftInfo {
                    key: get(r, "id").as_string()?,
                    saved_at: get(r, "at")
                        .as_f64()
                        .and_then(|ms| DateTime::from_timestamp_millis(ms as i64)),
                })
            })
            .collect();
        out.sort_by_key(|d| std::cmp::Reverse(d.saved_at));
        Ok(out)
    }
}
