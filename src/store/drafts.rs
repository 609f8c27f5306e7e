//! Drafts: half-written forms saved as the officer types, so they come back after a reload, a
//! crash or an app update. A draft is any serialisable value under a key such as
//! `breach:N-001` or `contact:N-001` (a [`DraftKey`] names the form and the nominal). The key
//! is stored in clear (it holds an opaque id, never a name); the value is encrypted.
//! Row: `{ id: key, iv, ct, at: saved (ms) }`.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::domain::common::json;

use super::error::{StoreError, StoreResult};
use super::js::{get, now_ms};
use super::records::{self, Read, ToSeal, Write};
use super::schema::stores::DRAFTS;
use super::Store;

/// Longest nominal id accepted in a draft key.
const MAX_KEY_LEN: usize = 200;

/// Which form a draft belongs to, and for which nominal: one draft per form and nominal.
/// Stored as `contact:N-0001` and so on (nominal ids are opaque, so the key may be in clear).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DraftKey {
    Contact(String),
    Breach(String),
    Briefing(String),
    Notification(String),
    /// A recall referral to probation, keyed by its breach report's id (opaque like a
    /// nominal's): one referral draft per report.
    Referral(String),
}

impl DraftKey {
    /// The key as stored, back into its form and nominal (`None`: not a key this app makes).
    pub fn parse(key: &str) -> Option<Self> {
        let (form, id) = key.split_once(':')?;
        let id = id.to_owned();
        Some(match form {
            _ if id.is_empty() => return None,
            "contact" => Self::Contact(id),
            "breach" => Self::Breach(id),
            "briefing" => Self::Briefing(id),
            "notification" => Self::Notification(id),
            "referral" => Self::Referral(id),
            _ => return None,
        })
    }

    /// The nominal the draft is about (for a referral, its breach report).
    pub fn nominal_id(&self) -> &str {
        match self {
            Self::Contact(id)
            | Self::Breach(id)
            | Self::Briefing(id)
            | Self::Notification(id)
            | Self::Referral(id) => id,
        }
    }

    fn form(&self) -> &'static str {
        match self {
            Self::Contact(_) => "contact",
            Self::Breach(_) => "breach",
            Self::Briefing(_) => "briefing",
            Self::Notification(_) => "notification",
            Self::Referral(_) => "referral",
        }
    }
}

impl std::fmt::Display for DraftKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.form(), self.nominal_id())
    }
}

/// A saved draft, without its content (listing drafts needs no decryption).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftInfo {
    pub key: DraftKey,
    pub saved_at: Option<DateTime<Utc>>,
}

/// The key as stored, refused when the nominal id is empty or too long.
fn checked(key: &DraftKey) -> StoreResult<String> {
    let id = key.nominal_id();
    if id.is_empty() || id.len() > MAX_KEY_LEN {
        return Err(StoreError::NotFound);
    }
    Ok(key.to_string())
}

impl Store {
    /// Save (or replace) the draft under `key`. Call it debounced as the officer types.
    pub async fn save_draft<T: Serialize + ?Sized>(
        &self,
        key: &DraftKey,
        draft: &T,
    ) -> StoreResult<()> {
        let json = serde_json::to_vec(draft).map_err(|_| StoreError::Unreadable)?;
        self.save_draft_json(key, json).await
    }

    /// [`Store::save_draft`] with the draft already JSON text (compiled once for every form).
    pub async fn save_draft_json(&self, key: &DraftKey, json: Vec<u8>) -> StoreResult<()> {
        let key = checked(key)?;
        let data_key = self.key()?;
        let item = ToSeal {
            store: DRAFTS,
            id: key,
            json,
            clear: Vec::new(),
        }
        .clear("at", now_ms());
        let (store, row) = records::seal(&data_key, item).await?;
        self.write(vec![Write::Put(store, row)]).await
    }

    /// The draft under `key`, if there is one.
    pub async fn load_draft<T: DeserializeOwned>(&self, key: &DraftKey) -> StoreResult<Option<T>> {
        match self.load_draft_json(key).await? {
            Some(v) => json::read(&v).map(Some).map_err(|_| StoreError::Unreadable),
            None => Ok(None),
        }
    }

    /// [`Store::load_draft`] as a JSON tree (compiled once for every form).
    pub async fn load_draft_json(&self, key: &DraftKey) -> StoreResult<Option<Value>> {
        let key = checked(key)?;
        let data_key = self.key()?;
        let Some(row) = records::read_one(self.db(), DRAFTS, &key).await? else {
            return Ok(None);
        };
        let plain = records::decrypt_groups(&data_key, &[(DRAFTS, std::slice::from_ref(&row))])
            .await?
            .pop()
            .and_then(|mut g| g.pop())
            .ok_or(StoreError::Unreadable)?;
        json::parse(&plain)
            .map(Some)
            .map_err(|_| StoreError::Unreadable)
    }

    /// Delete the draft under `key` (no error if there is none).
    pub async fn discard_draft(&self, key: &DraftKey) -> StoreResult<()> {
        let key = checked(key)?;
        self.write(vec![Write::Delete(DRAFTS, key)]).await
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
                    key: DraftKey::parse(&get(r, "id").as_string()?)?,
                    saved_at: get(r, "at")
                        .as_f64()
                        .and_then(|ms| DateTime::from_timestamp_millis(ms as i64)),
                })
            })
            .collect();
        crate::domain::common::sort::sort_by_key(&mut out, |d| std::cmp::Reverse(d.saved_at));
        Ok(out)
    }
}
