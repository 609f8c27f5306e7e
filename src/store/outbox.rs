//! The outbox: every field record the officer submits also goes, in the same transaction, into
//! an outbox entry with a client-generated UUID, so it can reach the team (today by an exported
//! file, later by a sync server that de-duplicates by UUID).
//!
//! Entries are never deleted by the app before they are acknowledged; exporting only marks
//! them exported. Row shape: `{ id: uuid, iv, ct, state, at, exported_at?, sync?, acked_at? }`
//! where `state` is 0 (neither exported nor acknowledged: a wipe would lose it), 1 (exported)
//! or 2 (acknowledged by the team server, accepted or rejected), `at` the creation time and
//! `exported_at` the first export time (milliseconds since 1970). `sync` is the entry's state
//! towards the team server: 0 (or absent) waiting, 1 sent (pushed, no answer yet), 2
//! acknowledged (accepted), 3 rejected; `acked_at` when the server answered. The encrypted part
//! holds the officer id, the kind, the record id and a copy of the record; a rejection's reason
//! (the server's words) is kept encrypted in the sync record in `meta` (see `sync.rs`).

use std::collections::HashSet;

use chrono::{DateTime, SecondsFormat, Utc};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};

use super::error::{from_dom_name, StoreError, StoreResult};
use super::js::{get, now_ms};
use super::records::{self, Read, ToSeal};
use super::schema::stores::OUTBOX;
use super::Store;

/// `format` of an exported outbox file.
pub const OUTBOX_FORMAT: &str = "scpo-field-outbox";
/// Version of the exported outbox file format.
pub const OUTBOX_FORMAT_VERSION: u32 = 1;

const PENDING: u32 = 0;
const EXPORTED: u32 = 1;
const ACKNOWLEDGED: u32 = 2;

/// Pushed, no answer yet: sent again next time.
pub(crate) const SYNC_SENT: u32 = 1;
/// The server accepted it.
pub(crate) const SYNC_ACKNOWLEDGED: u32 = 2;
/// The server rejected it (and keeps it for the supervisor).
pub(crate) const SYNC_REJECTED: u32 = 3;

/// Where an outbox entry stands with the team server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum OutboxStatus {
    /// Not sent yet.
    #[default]
    Waiting,
    /// Sent, and no answer yet: it is sent again at the next sync.
    Sent,
    /// The server has it.
    Acknowledged,
    /// The server refused it, saying why. It keeps it for the supervisor.
    Rejected { reason: String },
}

impl OutboxStatus {
    /// Still to be pushed (waiting, or sent without an answer).
    pub fn to_push(&self) -> bool {
        matches!(self, Self::Waiting | Self::Sent)
    }

    /// In words, for the Device page.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Waiting => "Waiting",
            Self::Sent => "Sent",
            Self::Acknowledged => "Acknowledged",
            Self::Rejected { .. } => "Rejected",
        }
    }
}

/// A change to an outbox row's clear fields, applied inside one readwrite transaction.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RowChange {
    /// Raise `state` to this (never lowered).
    pub state: Option<u32>,
    /// Set `exported_at` if it is not set yet.
    pub exported_at: Option<f64>,
    /// Set `sync` to this, unless the entry is already acknowledged or rejected.
    pub sync: Option<u32>,
    /// When the server answered.
    pub acked_at: Option<f64>,
}

/// The encrypted part of an outbox entry.
#[derive(Serialize, Deserialize)]
struct Payload {
    uuid: Uuid,
    #[serde(deserialize_with = "crate::domain::time::iso::utc")]
    created_at: DateTime<Utc>,
    officer_id: String,
    kind: String,
    record_id: String,
    record: serde_json::Value,
}

/// One outbox entry, as listed and exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// Client-generated (v4); the server de-duplicates by it.
    pub uuid: Uuid,
    #[serde(deserialize_with = "crate::domain::time::iso::utc")]
    pub created_at: DateTime<Utc>,
    pub officer_id: String,
    /// `contact`, `notification`, `briefing` or `breach_report`.
    pub kind: String,
    pub record_id: String,
    /// When the entry was first exported.
    #[serde(default, deserialize_with = "crate::domain::time::iso::opt_utc")]
    pub exported_at: Option<DateTime<Utc>>,
    pub acknowledged: bool,
    /// A copy of the field record.
    pub record: serde_json::Value,
    /// Where it stands with the team server (not part of the exported file).
    #[serde(skip)]
    pub status: OutboxStatus,
}

impl OutboxEntry {
    /// The nominal the record is about.
    pub fn nominal_id(&self) -> Option<&str> {
        self.record.get("nominal_id").and_then(|v| v.as_str())
    }
}

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u32,
    exported_at: String,
    entries: &'a [OutboxEntry],
}

/// An outbox file made but not yet counted as exported: hand `json` to the officer (a download),
/// then [`Store::mark_exported`] only if that worked, so a failed download leaves the entries
/// "not yet exported" and the warnings before a wipe stay true.
#[derive(Debug, Clone)]
pub struct OutboxExport {
    /// The file's text (personal data in clear).
    pub json: String,
    /// How many entries the file holds.
    pub entries: usize,
    /// Entries exported for the first time by this file.
    first_time: HashSet<String>,
    /// When the file was made (milliseconds since 1970).
    at: f64,
}

fn millis_to_time(ms: f64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms as i64)
}

/// Build the outbox entry for a field record: its UUID and the value to seal.
pub(crate) fn entry_for(
    kind: &str,
    record_id: &str,
    officer_id: &str,
    record: serde_json::Value,
) -> StoreResult<(Uuid, ToSeal)> {
    let uuid = Uuid::new_v4();
    let now = now_ms();
    let payload = Payload {
        uuid,
        created_at: millis_to_time(now).unwrap_or_else(Utc::now),
        officer_id: officer_id.to_owned(),
        kind: kind.to_owned(),
        record_id: record_id.to_owned(),
        record,
    };
    let seal = ToSeal::new(OUTBOX, uuid.to_string(), &payload)?
        .clear("state", PENDING)
        .clear("at", now);
    Ok((uuid, seal))
}

impl Store {
    /// Every outbox entry on this phone, oldest first.
    pub async fn outbox(&self) -> StoreResult<Vec<OutboxEntry>> {
        let key = self.key()?;
        let rows = records::read_all(self.db(), &[Read::All(OUTBOX)])
            .await?
            .remove(0);
        let payloads: Vec<Payload> = records::unseal_all(&key, OUTBOX, &rows).await?;
        let rejections = self.sync_meta().await?.rejections;
        let mut entries: Vec<OutboxEntry> = rows
            .iter()
            .zip(payloads)
            .map(|(row, p)| OutboxEntry {
                uuid: p.uuid,
                created_at: p.created_at,
                officer_id: p.officer_id,
                kind: p.kind,
                record_id: p.record_id,
                exported_at: get(row, "exported_at").as_f64().and_then(millis_to_time),
                acknowledged: get(row, "state").as_f64() == Some(f64::from(ACKNOWLEDGED)),
                status: match get(row, "sync").as_f64().unwrap_or(0.0) as u32 {
                    SYNC_SENT => OutboxStatus::Sent,
                    SYNC_ACKNOWLEDGED => OutboxStatus::Acknowledged,
                    SYNC_REJECTED => OutboxStatus::Rejected {
                        reason: rejections
                            .get(&p.uuid.to_string())
                            .cloned()
                            .unwrap_or_default(),
                    },
                    _ => OutboxStatus::Waiting,
                },
                record: p.record,
            })
            .collect();
        crate::domain::common::sort::sort_by_key(&mut entries, |e| e.created_at);
        Ok(entries)
    }

    /// Export every entry not yet acknowledged as one JSON file (the text is returned; the UI
    /// offers it as a download or to the share sheet). Entries are marked exported, never
    /// deleted: exporting again gives a file with the same entries and more.
    ///
    /// The file holds personal data in clear: it is for the team's secure systems only.
    pub async fn export_outbox(&self) -> StoreResult<String> {
        let export = self.prepare_outbox_export().await?;
        self.mark_exported(&export).await?;
        Ok(export.json)
    }

    /// Make the file [`Store::export_outbox`] makes, without marking anything exported yet.
    pub async fn prepare_outbox_export(&self) -> StoreResult<OutboxExport> {
        let mut entries: Vec<OutboxEntry> = self
            .outbox()
            .await?
            .into_iter()
            .filter(|e| !e.acknowledged)
            .collect();
        let now = now_ms();
        let now_time = millis_to_time(now).unwrap_or_else(Utc::now);
        let first_time: HashSet<String> = entries
            .iter()
            .filter(|e| e.exported_at.is_none())
            .map(|e| e.uuid.to_string())
            .collect();
        for e in &mut entries {
            e.exported_at.get_or_insert(now_time);
        }
        let file = ExportFile {
            format: OUTBOX_FORMAT,
            version: OUTBOX_FORMAT_VERSION,
            exported_at: now_time.to_rfc3339_opts(SecondsFormat::Millis, true),
            entries: &entries,
        };
        let json = serde_json::to_string_pretty(&file).map_err(|_| StoreError::Unreadable)?;
        Ok(OutboxExport {
            json,
            entries: entries.len(),
            first_time,
            at: now,
        })
    }

    /// Count the entries of a file made by [`Store::prepare_outbox_export`] as exported, once
    /// it has reached the officer.
    pub async fn mark_exported(&self, export: &OutboxExport) -> StoreResult<()> {
        let change = RowChange {
            state: Some(EXPORTED),
            exported_at: Some(export.at),
            ..RowChange::default()
        };
        let changes = export.first_time.iter().map(|id| (id.clone(), change));
        self.update_outbox(changes.collect(), Vec::new()).await?;
        Ok(())
    }

    /// Apply changes to outbox rows' clear fields, reading and writing them in ONE readwrite
    /// transaction (no WebCrypto in between) together with `extra` writes of already sealed
    /// rows. Returns how many entries were found.
    pub(crate) async fn update_outbox(
        &self,
        changes: Vec<(String, RowChange)>,
        extra: Vec<(&'static str, JsValue)>,
    ) -> StoreResult<usize> {
        if changes.is_empty() && extra.is_empty() {
            return Ok(0);
        }
        let mut scope: Vec<&'static str> = extra.iter().map(|(s, _)| *s).collect();
        scope.push(OUTBOX);
        crate::domain::common::sort::sort_by(&mut scope, Ord::cmp);
        scope.dedup();
        let tx = self
            .db()
            .transaction(scope.as_slice())
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
        let os = tx.object_store(OUTBOX)?;
        let mut found = 0;
        for (id, change) in &changes {
            let Some(row) = os.get::<JsValue, _, _>(id.as_str()).primitive()?.await? else {
                continue;
            };
            found += 1;
            if !apply_change(&row, change) {
                continue;
            }
            os.put(row).primitive()?.await?;
        }
        for (store, row) in extra {
            tx.object_store(store)?.put(row).primitive()?.await?;
        }
        match tx.commit().await {
            Ok(()) => Ok(found),
            Err(e) => Err(raw_tx
                .error()
                .map_or_else(|| StoreError::from(e), |d| from_dom_name(&d.name()))),
        }
    }
}

/// The change that records the server's answer (`sync`: acknowledged or rejected).
pub(crate) fn acknowledged_change(sync: u32) -> RowChange {
    RowChange {
        state: Some(ACKNOWLEDGED),
        exported_at: None,
        sync: Some(sync),
        acked_at: Some(now_ms()),
    }
}

/// Apply a change to a row in place; `false` if nothing changed.
fn apply_change(row: &JsValue, change: &RowChange) -> bool {
    let mut changed = false;
    let mut set = |k: &str, v: JsValue| {
        let _ = Reflect::set(row, &k.into(), &v);
        changed = true;
    };
    if let Some(state) = change.state {
        let current = get(row, "state").as_f64().unwrap_or(0.0) as u32;
        if current < state {
            set("state", state.into());
            if let (Some(t), true) = (change.exported_at, get(row, "exported_at").is_undefined()) {
                set("exported_at", t.into());
            }
        }
    }
    if let Some(sync) = change.sync {
        let current = get(row, "sync").as_f64().unwrap_or(0.0) as u32;
        if current < SYNC_ACKNOWLEDGED && current != sync {
            set("sync", sync.into());
            if let Some(t) = change.acked_at {
                set("acked_at", t.into());
            }
        }
    }
    changed
}
