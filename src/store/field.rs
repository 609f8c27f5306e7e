//! Field records: contacts, notifications, briefings and breach reports.
//!
//! Each is written with `add` (never `put`), in ONE transaction with its outbox entry (and,
//! when asked, the deletion of the draft it came from). A record id that exists already is
//! refused: submitted records are immutable, and a correction is a new record whose `corrects`
//! names the one it corrects (which must be on this phone).
//!
//! Row: `{ id, iv, ct, nominal_id, day }`, `day` being the record's date as `yyyymmdd` (a day,
//! not a time, is enough to order a timeline and says less).

use chrono::{Datelike, NaiveDateTime};
use js_sys::Array;
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use crate::domain::{BreachReport, Briefing, Contact, Notification};

use super::error::{StoreError, StoreResult};
use super::outbox;
use super::records::{self, Read, ToSeal, Write};
use super::schema::{indexes, stores::*};
use super::Store;

/// What the store needs to know about a kind of field record.
pub(crate) trait FieldKind: Serialize + DeserializeOwned {
    const STORE: &'static str;
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn nominal_id(&self) -> &str;
    /// When it happened (orders the timeline).
    fn at(&self) -> NaiveDateTime;
    fn corrects(&self) -> Option<&str>;
    fn officer_id(&self) -> Option<&str>;

    fn to_seal(&self) -> StoreResult<ToSeal> {
        let d = self.at().date();
        let day = d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32;
        Ok(ToSeal::new(Self::STORE, self.id(), self)?
            .clear("nominal_id", self.nominal_id())
            .clear("day", day))
    }
}

impl FieldKind for Contact {
    const STORE: &'static str = CONTACTS;
    const KIND: &'static str = "contact";
    fn id(&self) -> &str {
        &self.id
    }
    fn nominal_id(&self) -> &str {
        &self.nominal_id
    }
    fn at(&self) -> NaiveDateTime {
        self.at
    }
    fn corrects(&self) -> Option<&str> {
        self.corrects.as_deref()
    }
    fn officer_id(&self) -> Option<&str> {
        Some(&self.officer_id)
    }
}

impl FieldKind for Notification {
    const STORE: &'static str = NOTIFICATIONS;
    const KIND: &'static str = "notification";
    fn id(&self) -> &str {
        &self.id
    }
    fn nominal_id(&self) -> &str {
        &self.nominal_id
    }
    fn at(&self) -> NaiveDateTime {
        self.recorded_at
    }
    fn corrects(&self) -> Option<&str> {
        self.corrects.as_deref()
    }
    fn officer_id(&self) -> Option<&str> {
        Some(&self.officer_id)
    }
}

impl FieldKind for Briefing {
    const STORE: &'static str = BRIEFINGS;
    const KIND: &'static str = "briefing";
    fn id(&self) -> &str {
        &self.id
    }
    fn nominal_id(&self) -> &str {
        &self.nominal_id
    }
    fn at(&self) -> NaiveDateTime {
        self.started_at
    }
    fn corrects(&self) -> Option<&str> {
        None
    }
    fn officer_id(&self) -> Option<&str> {
        self.signed_off.as_ref().map(|s| s.officer_id.as_str())
    }
}

impl FieldKind for BreachReport {
    const STORE: &'static str = BREACH_REPORTS;
    const KIND: &'static str = "breach_report";
    fn id(&self) -> &str {
        &self.id
    }
    fn nominal_id(&self) -> &str {
        &self.nominal_id
    }
    fn at(&self) -> NaiveDateTime {
        self.occurred_at
    }
    fn corrects(&self) -> Option<&str> {
        self.corrects.as_deref()
    }
    fn officer_id(&self) -> Option<&str> {
        Some(&self.officer_id)
    }
}

/// Oldest first, then by id, so the order is stable.
pub(crate) fn sort_field_records<T: FieldKind>(records: &mut [T]) {
    records.sort_by(|a, b| a.at().cmp(&b.at()).then_with(|| a.id().cmp(b.id())));
}

/// Any field record, for a nominal's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldRecord {
    Contact(Contact),
    Notification(Notification),
    Briefing(Briefing),
    BreachReport(BreachReport),
}

impl FieldRecord {
    pub fn id(&self) -> &str {
        match self {
            Self::Contact(r) => r.id(),
            Self::Notification(r) => r.id(),
            Self::Briefing(r) => r.id(),
            Self::BreachReport(r) => r.id(),
        }
    }

    /// When it happened.
    pub fn at(&self) -> NaiveDateTime {
        match self {
            Self::Contact(r) => r.at(),
            Self::Notification(r) => r.at(),
            Self::Briefing(r) => r.at(),
            Self::BreachReport(r) => r.at(),
        }
    }

    /// The record this one corrects, if it is a correction.
    pub fn corrects(&self) -> Option<&str> {
        match self {
            Self::Contact(r) => r.corrects(),
            Self::Notification(r) => r.corrects(),
            Self::Briefing(r) => r.corrects(),
            Self::BreachReport(r) => r.corrects(),
        }
    }
}

/// A nominal's field records by kind, each oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldRecords {
    pub contacts: Vec<Contact>,
    pub notifications: Vec<Notification>,
    pub briefings: Vec<Briefing>,
    pub breach_reports: Vec<BreachReport>,
}

impl FieldRecords {
    /// Every record, newest first.
    pub fn timeline(self) -> Vec<FieldRecord> {
        let mut all: Vec<FieldRecord> = self
            .contacts
            .into_iter()
            .map(FieldRecord::Contact)
            .chain(
                self.notifications
                    .into_iter()
                    .map(FieldRecord::Notification),
            )
            .chain(self.briefings.into_iter().map(FieldRecord::Briefing))
            .chain(
                self.breach_reports
                    .into_iter()
                    .map(FieldRecord::BreachReport),
            )
            .collect();
        all.sort_by(|a, b| b.at().cmp(&a.at()).then_with(|| b.id().cmp(a.id())));
        all
    }
}

/// Key range over `[nominal_id, day]` for every day of one nominal.
fn nominal_days(nominal_id: &str) -> StoreResult<JsValue> {
    let bound = |day: f64| -> JsValue {
        let a = Array::new();
        a.push(&JsValue::from_str(nominal_id));
        a.push(&JsValue::from_f64(day));
        a.into()
    };
    web_sys::IdbKeyRange::bound(&bound(f64::NEG_INFINITY), &bound(f64::INFINITY))
        .map(Into::into)
        .map_err(|e| records::raw_err(&e))
}

impl Store {
    async fn submit<T: FieldKind>(
        &self,
        record: &T,
        discard_draft: Option<&str>,
    ) -> StoreResult<Uuid> {
        let key = self.key()?;
        if record.id().trim().is_empty() || record.nominal_id().trim().is_empty() {
            return Err(StoreError::NotFound);
        }
        if let Some(original) = record.corrects() {
            if records::read_one(self.db(), T::STORE, original)
                .await?
                .is_none()
            {
                return Err(StoreError::NotFound);
            }
        }
        let officer_id = match record.officer_id() {
            Some(id) => id.to_owned(),
            None => self
                .cohort_meta()
                .await?
                .map(|m| m.officer.id)
                .unwrap_or_default(),
        };
        let (uuid, entry) = outbox::entry_for(T::KIND, record.id(), &officer_id, record)?;
        let rows = records::seal_all(&key, vec![record.to_seal()?, entry]).await?;
        let mut writes: Vec<Write> = rows
            .into_iter()
            .map(|(s, row)| Write::Add(s, row))
            .collect();
        if let Some(draft) = discard_draft {
            writes.push(Write::Delete(DRAFTS, draft.to_owned()));
        }
        self.write(writes).await?;
        self.submitted();
        Ok(uuid)
    }

    /// Record a contact (and its outbox entry) in one transaction. `discard_draft` names the
    /// draft it was typed in, deleted in the same transaction. Returns the outbox UUID.
    pub async fn record_contact(
        &self,
        contact: &Contact,
        discard_draft: Option<&str>,
    ) -> StoreResult<Uuid> {
        self.submit(contact, discard_draft).await
    }

    /// Record a notification or request from the nominal (see [`Store::record_contact`]).
    pub async fn record_notification(
        &self,
        n: &Notification,
        discard_draft: Option<&str>,
    ) -> StoreResult<Uuid> {
        self.submit(n, discard_draft).await
    }

    /// Record a release-day briefing (see [`Store::record_contact`]).
    pub async fn record_briefing(
        &self,
        b: &Briefing,
        discard_draft: Option<&str>,
    ) -> StoreResult<Uuid> {
        self.submit(b, discard_draft).await
    }

    /// Submit a breach report (see [`Store::record_contact`]).
    pub async fn submit_breach_report(
        &self,
        r: &BreachReport,
        discard_draft: Option<&str>,
    ) -> StoreResult<Uuid> {
        self.submit(r, discard_draft).await
    }

    /// Every field record about one nominal, by kind, in one read.
    pub async fn field_records(&self, nominal_id: &str) -> StoreResult<FieldRecords> {
        let key = self.key()?;
        let range = nominal_days(nominal_id)?;
        let q = |store| Read::Index(store, indexes::BY_NOMINAL_DAY, range.clone());
        let rows = records::read_all(
            self.db(),
            &[
                q(CONTACTS),
                q(NOTIFICATIONS),
                q(BRIEFINGS),
                q(BREACH_REPORTS),
            ],
        )
        .await?;
        let mut out = FieldRecords {
            contacts: records::unseal_all(&key, CONTACTS, &rows[0]).await?,
            notifications: records::unseal_all(&key, NOTIFICATIONS, &rows[1]).await?,
            briefings: records::unseal_all(&key, BRIEFINGS, &rows[2]).await?,
            breach_reports: records::unseal_all(&key, BREACH_REPORTS, &rows[3]).await?,
        };
        sort_field_records(&mut out.contacts);
        sort_field_records(&mut out.notifications);
        sort_field_records(&mut out.briefings);
        sort_field_records(&mut out.breach_reports);
        Ok(out)
    }

    /// One nominal's field records of every kind, newest first.
    pub async fn timeline(&self, nominal_id: &str) -> StoreResult<Vec<FieldRecord>> {
        Ok(self.field_records(nominal_id).await?.timeline())
    }
}
