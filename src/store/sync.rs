//! The phone's side of sync with the team server (`server/PROTOCOL.md`): the enrolment, the
//! pull cursor, the last successful sync and a short transmission log, all in ONE encrypted
//! record in `meta` (`sync`), so a locked phone cannot sync and a wiped phone holds nothing;
//! the outbox entries' state towards the server. A pull page is applied in `pull.rs`.
//!
//! The HTTP calls are the UI's (`ui/sync.rs`): the store only keeps and applies.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::OfficerRef;

use super::error::StoreResult;
use super::js::{get, now_ms};
use super::outbox::{acknowledged_change, OutboxEntry, OutboxStatus, RowChange};
use super::outbox::{SYNC_ACKNOWLEDGED, SYNC_REJECTED, SYNC_SENT};
use super::records::{self, Read, ToSeal, Write};
use super::schema::{meta, stores::*};
use super::Store;

/// Events kept in the transmission log.
pub const LOG_LENGTH: usize = 50;
/// Acknowledged outbox entries are deleted this many days after the server's answer.
pub const PRUNE_AFTER_DAYS: i64 = 30;

/// This phone's enrolment with the team server. The credential never leaves the encrypted
/// store except in the `Authorization` header.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub device_id: String,
    pub credential: String,
    pub officer: OfficerRef,
}

impl std::fmt::Debug for Enrolment {
    /// Never the credential.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrolment")
            .field("device_id", &self.device_id)
            .field("officer", &self.officer.id)
            .finish_non_exhaustive()
    }
}

/// One line of the transmission log: counts, or the error in words. Nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncEvent {
    #[serde(deserialize_with = "crate::domain::time::iso::utc")]
    pub at: DateTime<Utc>,
    pub pushed: u32,
    pub accepted: u32,
    pub rejected: u32,
    pub pulled: u32,
    /// `None`: the sync worked.
    pub error: Option<String>,
}

/// The encrypted `sync` record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct SyncMeta {
    pub enrolment: Option<Enrolment>,
    pub cursor: Option<String>,
    #[serde(default, deserialize_with = "crate::domain::time::iso::opt_utc")]
    pub last_synced: Option<DateTime<Utc>>,
    #[serde(default)]
    pub log: Vec<SyncEvent>,
    /// The server's reason for each rejected outbox entry, by UUID.
    #[serde(default)]
    pub rejections: BTreeMap<String, String>,
}

/// Outbox entries by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: u32,
    pub sent: u32,
    pub acknowledged: u32,
    pub rejected: u32,
}

impl OutboxCounts {
    /// Not yet acknowledged by the server (waiting or sent).
    pub fn unacknowledged(&self) -> u32 {
        self.waiting + self.sent
    }
}

/// What the Device and Cohort pages show about sync.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    pub enrolment: Option<Enrolment>,
    pub last_synced: Option<DateTime<Utc>>,
    /// Newest first.
    pub log: Vec<SyncEvent>,
    pub counts: OutboxCounts,
}

/// One entry of a push (`POST /api/sync/push`).
#[derive(Debug, Clone, Serialize)]
pub struct PushEntry {
    pub uuid: Uuid,
    pub kind: String,
    pub record: serde_json::Value,
}

/// The server's answer for one pushed entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResult {
    pub uuid: Uuid,
    /// `accepted` or `rejected`.
    pub status: String,
    #[serde(default)]
    pub reason: Option<String>,
}

impl Store {
    pub(crate) async fn sync_meta(&self) -> StoreResult<SyncMeta> {
        let key = self.key()?;
        match records::read_one(self.db(), META, meta::SYNC).await? {
            Some(row) => records::unseal(&key, META, &row).await,
            None => Ok(SyncMeta::default()),
        }
    }

    async fn put_sync_meta(&self, meta: &SyncMeta) -> StoreResult<()> {
        let key = self.key()?;
        let row = records::seal(&key, ToSeal::new(META, meta::SYNC, meta)?).await?;
        self.write(vec![Write::Put(row.0, row.1)]).await
    }

    /// This phone's enrolment, if any. Needs the store unlocked.
    pub async fn enrolment(&self) -> StoreResult<Option<Enrolment>> {
        Ok(self.sync_meta().await?.enrolment)
    }

    /// Keep the enrolment the server gave (encrypted). The next pull starts from the beginning.
    pub async fn save_enrolment(&self, enrolment: Enrolment) -> StoreResult<()> {
        let mut meta = self.sync_meta().await?;
        meta.enrolment = Some(enrolment);
        meta.cursor = None;
        self.put_sync_meta(&meta).await
    }

    /// The pull cursor (`None`: pull from the beginning).
    pub async fn sync_cursor(&self) -> StoreResult<Option<String>> {
        Ok(self.sync_meta().await?.cursor)
    }

    /// Enrolment, last sync, the log (newest first) and the outbox by state.
    pub async fn sync_status(&self) -> StoreResult<SyncStatus> {
        let meta = self.sync_meta().await?;
        let mut counts = OutboxCounts::default();
        for e in self.outbox().await? {
            match e.status {
                OutboxStatus::Waiting => counts.waiting += 1,
                OutboxStatus::Sent => counts.sent += 1,
                OutboxStatus::Acknowledged => counts.acknowledged += 1,
                OutboxStatus::Rejected { .. } => counts.rejected += 1,
            }
        }
        let mut log = meta.log;
        log.reverse();
        Ok(SyncStatus {
            enrolment: meta.enrolment,
            last_synced: meta.last_synced,
            log,
            counts,
        })
    }

    /// Add an event to the transmission log (the last [`LOG_LENGTH`] are kept); a sync that
    /// worked also becomes the last successful sync.
    pub async fn log_sync(&self, event: SyncEvent) -> StoreResult<()> {
        let mut meta = self.sync_meta().await?;
        if event.error.is_none() {
            meta.last_synced = Some(event.at);
        }
        meta.log.push(event);
        let extra = meta.log.len().saturating_sub(LOG_LENGTH);
        meta.log.drain(..extra);
        self.put_sync_meta(&meta).await
    }

    /// The next batch to push, oldest first: entries waiting, or sent without an answer.
    pub async fn outbox_to_push(&self, limit: usize) -> StoreResult<Vec<OutboxEntry>> {
        let mut entries: Vec<OutboxEntry> = self
            .outbox()
            .await?
            .into_iter()
            .filter(|e| e.status.to_push())
            .collect();
        entries.truncate(limit);
        Ok(entries)
    }

    /// Mark entries as sent, before the request that carries them.
    pub async fn mark_sent(&self, uuids: &[Uuid]) -> StoreResult<()> {
        let change = RowChange {
            sync: Some(SYNC_SENT),
            ..RowChange::default()
        };
        let changes = uuids.iter().map(|u| (u.to_string(), change)).collect();
        self.update_outbox(changes, Vec::new()).await?;
        Ok(())
    }

    /// Apply the server's answers: accepted → acknowledged, rejected → rejected with the
    /// reason, in one transaction with the reasons. Answers for unknown UUIDs are ignored.
    pub async fn apply_push_results(&self, results: &[PushResult]) -> StoreResult<()> {
        let key = self.key()?;
        let mut meta = self.sync_meta().await?;
        let mut changes = Vec::new();
        for r in results {
            let sync = match r.status.as_str() {
                "accepted" => SYNC_ACKNOWLEDGED,
                "rejected" => {
                    let reason = r.reason.clone().unwrap_or_else(|| "No reason given".into());
                    meta.rejections.insert(r.uuid.to_string(), reason);
                    SYNC_REJECTED
                }
                _ => continue,
            };
            changes.push((r.uuid.to_string(), acknowledged_change(sync)));
        }
        let row = records::seal(&key, ToSeal::new(META, meta::SYNC, &meta)?).await?;
        self.update_outbox(changes, vec![row]).await?;
        Ok(())
    }

    /// Delete acknowledged (accepted) entries answered more than [`PRUNE_AFTER_DAYS`] before
    /// `now`. Waiting, sent and rejected entries are never pruned. Returns how many went.
    pub async fn prune_acknowledged(&self, now: DateTime<Utc>) -> StoreResult<u32> {
        let cutoff = (now - Duration::days(PRUNE_AFTER_DAYS)).timestamp_millis() as f64;
        let rows = records::read_all(self.db(), &[Read::All(OUTBOX)])
            .await?
            .remove(0);
        let old: Vec<Write> = rows
            .iter()
            .filter(|r| get(r, "sync").as_f64() == Some(f64::from(SYNC_ACKNOWLEDGED)))
            .filter(|r| get(r, "acked_at").as_f64().is_some_and(|t| t < cutoff))
            .filter_map(|r| get(r, "id").as_string())
            .map(|id| Write::Delete(OUTBOX, id))
            .collect();
        let n = old.len() as u32;
        self.write(old).await?;
        Ok(n)
    }
}

/// The time now, for log events.
pub fn sync_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_else(Utc::now)
}
