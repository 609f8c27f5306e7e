//! Field records: contacts, notifications, briefings and breach reports, all written one way,
//! [`Store::submit`], for any [`FieldRecord`].
//!
//! Each is written with `add` (never `put`), in ONE transaction with its outbox entry (and,
//! when asked, the deletion of the draft it came from). A record id that exists already is
//! refused: submitted records are immutable, and a correction is a new record whose `corrects`
//! names the one it corrects (which must be on this phone).
//!
//! Row: `{ id, iv, ct, nominal_id, day }`, `day` being the record's date as `yyyymmdd` (a day,
//! not a time, is enough to order a timeline and says less).

use chrono::Datelike;
use uuid::Uuid;

use crate::domain::FieldRecord;

use super::drafts::DraftKey;
use super::error::{StoreError, StoreResult};
use super::outbox;
use super::records::{self, ToSeal, Write};
use super::schema::stores::*;
use super::Store;

/// The object store that keeps records of this kind.
pub(crate) fn store_of<R: FieldRecord>() -> &'static str {
    match R::KIND {
        "contact" => CONTACTS,
        "notification" => NOTIFICATIONS,
        "briefing" => BRIEFINGS,
        "exhibit" => EXHIBITS,
        "exhibit_withdrawal" => EXHIBIT_WITHDRAWALS,
        "recall_referral" => RECALL_REFERRALS,
        "referral_status" => REFERRAL_STATUSES,
        "release" => RELEASES,
        _ => BREACH_REPORTS,
    }
}

/// The row to write for a field record: sealed under its id, with the nominal and the day
/// in clear.
pub(crate) fn to_seal<R: FieldRecord>(record: &R) -> StoreResult<ToSeal> {
    Ok(ToSeal::new(store_of::<R>(), record.id(), record)?
        .clear("nominal_id", record.nominal_id())
        .clear("day", day_of(record)))
}

/// The record's day as the timeline index keys it: 20261124.
fn day_of<R: FieldRecord>(record: &R) -> i32 {
    let d = record.at().date();
    d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
}

/// What [`Store::submit`] writes for a record, read off it before anything is awaited, so the
/// writing (one async path, compiled once) does not depend on the record's type.
pub(crate) struct Prepared {
    kind: &'static str,
    store: &'static str,
    id: String,
    nominal_id: String,
    corrects: Option<String>,
    officer_id: Option<String>,
    day: i32,
    record: serde_json::Value,
}

impl Prepared {
    pub(crate) fn of<R: FieldRecord>(record: &R) -> StoreResult<Self> {
        Ok(Self {
            kind: R::KIND,
            store: store_of::<R>(),
            id: record.id().to_owned(),
            nominal_id: record.nominal_id().to_owned(),
            corrects: record.corrects().map(str::to_owned),
            officer_id: record.officer_id().map(str::to_owned),
            day: day_of(record),
            // Written as text and read back, not `serde_json::to_value`: every record type is
            // already compiled for the text writer (the store seals text), and a second writer
            // would compile each one again (about 5 kB gzip of the wasm).
            record: serde_json::to_vec(record)
                .ok()
                .and_then(|bytes| crate::domain::common::json::parse(&bytes).ok())
                .ok_or(StoreError::Unreadable)?,
        })
    }
}

impl Store {
    /// Submit a field record: it and its outbox entry are written in ONE transaction, with
    /// the deletion of the draft it was typed in (`draft`), so all of it happens or none.
    /// Returns the outbox UUID. Refused when the id is taken (records are immutable) or when
    /// the record it corrects is not on this phone.
    pub fn submit<'a, R: FieldRecord>(
        &'a self,
        record: &R,
        draft: Option<&DraftKey>,
    ) -> impl std::future::Future<Output = StoreResult<Uuid>> + 'a {
        // An exhibit is never kept without its photo: `submit_exhibit` writes both.
        let prepared = if R::KIND == "exhibit" {
            Err(StoreError::NotFound)
        } else {
            Prepared::of(record)
        };
        self.submit_with(prepared, draft.map(DraftKey::to_string), vec![])
    }

    /// [`Store::submit`], with more rows (`extra`, sealed here) written in the same
    /// transaction, after the record and its outbox entry.
    pub(crate) async fn submit_with(
        &self,
        record: StoreResult<Prepared>,
        draft: Option<String>,
        extra: Vec<ToSeal>,
    ) -> StoreResult<Uuid> {
        let record = record?;
        let key = self.key()?;
        if record.id.trim().is_empty() || record.nominal_id.trim().is_empty() {
            return Err(StoreError::NotFound);
        }
        if let Some(original) = &record.corrects {
            if records::read_one(self.db(), record.store, original)
                .await?
                .is_none()
            {
                return Err(StoreError::NotFound);
            }
        }
        let officer_id = match record.officer_id {
            Some(id) => id,
            None => self
                .cohort_meta()
                .await?
                .map(|m| m.officer.id)
                .unwrap_or_default(),
        };
        let (uuid, entry) =
            outbox::entry_for(record.kind, &record.id, &officer_id, record.record.clone())?;
        let row = ToSeal::new(record.store, record.id, &record.record)?
            .clear("nominal_id", record.nominal_id)
            .clear("day", record.day);
        let mut items = vec![row, entry];
        items.extend(extra);
        let rows = records::seal_all(&key, items).await?;
        let mut writes: Vec<Write> = rows
            .into_iter()
            .map(|(s, row)| Write::Add(s, row))
            .collect();
        if let Some(draft) = draft {
            writes.push(Write::Delete(DRAFTS, draft));
        }
        self.write(writes).await?;
        self.submitted();
        Ok(uuid)
    }
}
