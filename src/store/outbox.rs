//! The outbox: every field record the officer submits also goes, in the same transaction, into
//! an outbox entry with a client-generated UUID, so it can reach the team (today by an exported
//! file, later by a sync server that de-duplicates by UUID).
//!
//! Entries are never deleted by the app before they are acknowledged; exporting only marks
//! them exported. Row shape: `{ id: uuid, iv, ct, state, at, exported_at? }` where `state` is
//! 0 (not yet exported), 1 (exported) or 2 (acknowledged), `at` the creation time and
//! `exported_at` the first export time (milliseconds since 1970). The encrypted part holds the
//! officer id, the kind, the record id and a copy of the record.

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
use super::lock::now_ms;
use super::records::{self, get, Read, ToSeal};
use super::schema::stores::OUTBOX;
use super::Store;

/// `format` of an exported outbox file.
pub const OUTBOX_FORMAT: &str = "scpo-field-outbox";
/// Version of the exported outbox file format.
pub const OUTBOX_FORMAT_VERSION: u32 = 1;

const PENDING: u32 = 0;
const EXPORTED: u32 = 1;
const ACKNOWLEDGED: u32 = 2;

/// The encrypted part of an outbox entry.
#[derive(Serialize, Deserialize)]
struct Payload {
    uuid: Uuid,
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
    pub created_at: DateTime<Utc>,
    pub officer_id: String,
    /// `contact`, `notification`, `briefing` or `breach_report`.
    pub kind: String,
    pub record_id: String,
    /// When the entry was first exported.
    pub exported_at: Option<DateTime<Utc>>,
    pub acknowledged: bool,
    /// A copy of the field record.
    pub record: serde_json::Value,
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
pub(crate) fn entry_for<T: Serialize>(
    kind: &str,
    record_id: &str,
    officer_id: &str,
    record: &T,
) -> StoreResult<(Uuid, ToSeal)> {
    let uuid = Uuid::new_v4();
    let now = now_ms();
    let payload = Payload {
        uuid,
        created_at: millis_to_time(now).unwrap_or_else(Utc::now),
        officer_id: officer_id.to_owned(),
        kind: kind.to_owned(),
        record_id: record_id.to_owned(),
        record: serde_json::to_value(record).map_err(|_| StoreError::Unreadable)?,
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
                record: p.record,
            })
            .collect();
        entries.sort_by_key(|e| e.created_at);
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
        self.update_outbox_state(&export.first_time, EXPORTED, Some(export.at))
            .await?;
        Ok(())
    }

    /// Mark an entry as acknowledged by the team (the sync server, later). Nothing calls
    /// this yet. The entry is kept; only acknowledged entries may ever be pruned.
    pub async fn acknowledge(&self, uuid: Uuid) -> StoreResult<()> {
        let ids = HashSet::from([uuid.to_string()]);
        if self.update_outbox_state(&ids, ACKNOWLEDGED, None).await? == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Set the clear `state` (and first `exported_at`) of the given entries, reading and
    /// writing them in one readwrite transaction (no WebCrypto in between). Returns how many
    /// entries were found.
    async fn update_outbox_state(
        &self,
        ids: &HashSet<String>,
        state: u32,
        exported_at: Option<f64>,
    ) -> StoreResult<usize> {
        if ids.is_empty() {
            return Ok(0);
        }
        let tx = self
            .db()
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let raw_tx: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
        let os = tx.object_store(OUTBOX)?;
        let mut found = 0;
        for id in ids {
            let Some(row) = os.get::<JsValue, _, _>(id.as_str()).primitive()?.await? else {
                continue;
            };
            found += 1;
            let current = get(&row, "state").as_f64().unwrap_or(0.0) as u32;
            if current >= state {
                continue;
            }
            let _ = Reflect::set(&row, &"state".into(), &state.into());
            if let (Some(t), true) = (exported_at, get(&row, "exported_at").is_undefined()) {
                let _ = Reflect::set(&row, &"exported_at".into(), &t.into());
            }
            os.put(row).primitive()?.await?;
        }
        match tx.commit().await {
            Ok(()) => Ok(found),
            Err(e) => Err(raw_tx
                .error()
                .map_or_else(|| StoreError::from(e), |d| from_dom_name(&d.name()))),
        }
    }
}
