//! A pull page (`GET /api/sync/pull`) applied in ONE IndexedDB transaction with its cursor:
//! every record checked against its domain type and encrypted before the transaction opens; a
//! resync replaces the cohort stores; a nominal reassigned away leaves the phone once nothing
//! about it is left to send.

use std::collections::HashSet;

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::domain::{
    BreachDecision, BreachReport, Briefing, Condition, Contact, ContactPlan, FieldRecord, Nominal,
    Notification, OfficerRef, Order, Schedule,
};

use crate::domain::common::json;
use crate::domain::exhibit::photo::{Exhibit, ExhibitWithdrawal};
use crate::domain::referral::record::{RecallReferral, ReferralStatusUpdate};

use super::cohort::CohortMeta;
use super::error::{StoreError, StoreResult};
use super::field;
use super::js::get;
use super::outbox::{OutboxEntry, OutboxStatus};
use super::records::{self, Read, ToSeal, Write};
use super::schema::{indexes, meta, stores::*, COHORT_STORES, FIELD_STORES, REFERRAL_STORES};
use super::Store;

/// One record of a pull page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PulledRecord {
    pub kind: String,
    pub id: String,
    pub nominal_id: String,
    pub record: serde_json::Value,
}

/// A page of `GET /api/sync/pull`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PullPage {
    pub cursor: String,
    #[serde(default)]
    pub resync: bool,
    #[serde(default)]
    pub more: bool,
    pub officer: Option<OfficerRef>,
    #[serde(default)]
    pub in_scope: Vec<String>,
    #[serde(default)]
    pub records: Vec<PulledRecord>,
}

/// What applying a pull page did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullApplied {
    /// Records written.
    pub records: u32,
    /// Nominals removed from the phone (reassigned away, nothing left to send about them).
    pub removed: Vec<String>,
    /// Nominals reassigned away but kept until their outbox entries are acknowledged.
    pub kept: Vec<String>,
}

fn field_seal<R: FieldRecord>(value: &serde_json::Value) -> StoreResult<ToSeal> {
    field::to_seal(&parse::<R>(value)?)
}

fn parse<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> StoreResult<T> {
    json::read(value).map_err(|_| StoreError::Unreadable)
}

/// The row to write for a pulled record, checked against its domain type (`None`: a kind
/// this app does not know, skipped).
fn seal_pulled(r: &PulledRecord) -> StoreResult<Option<ToSeal>> {
    let nominal = r.nominal_id.as_str();
    Ok(Some(match r.kind.as_str() {
        "nominal" => {
            let n: Nominal = parse(&r.record)?;
            ToSeal::new(NOMINALS, &n.id, &n)?
        }
        "order" => {
            let o: Order = parse(&r.record)?;
            ToSeal::new(ORDERS, &o.id, &o)?.clear("nominal_id", o.nominal_id.as_str())
        }
        "condition" => {
            let c: Condition = parse(&r.record)?;
            ToSeal::new(CONDITIONS, &c.id, &c)?.clear("nominal_id", nominal)
        }
        "schedule" => {
            let s: Schedule = parse(&r.record)?;
            ToSeal::new(SCHEDULES, &s.id, &s)?.clear("nominal_id", nominal)
        }
        "contact_plan" => {
            let p: ContactPlan = parse(&r.record)?;
            ToSeal::new(CONTACT_PLANS, &p.nominal_id, &p)?
                .clear("nominal_id", p.nominal_id.as_str())
        }
        "contact" => field_seal::<Contact>(&r.record)?,
        "notification" => field_seal::<Notification>(&r.record)?,
        "briefing" => field_seal::<Briefing>(&r.record)?,
        "breach_report" => field_seal::<BreachReport>(&r.record)?,
        // Another officer's exhibit comes without its photo (the phone shows it has none).
        "exhibit" => field_seal::<Exhibit>(&r.record)?,
        "exhibit_withdrawal" => field_seal::<ExhibitWithdrawal>(&r.record)?,
        "recall_referral" => field_seal::<RecallReferral>(&r.record)?,
        "referral_status" => field_seal::<ReferralStatusUpdate>(&r.record)?,
        "release" => field_seal::<crate::domain::field::release::Release>(&r.record)?,
        // The DS's decision: kept like a field record, but never pushed (not a FieldRecord).
        "breach_decision" => {
            let d: BreachDecision = parse(&r.record)?;
            ToSeal::new(BREACH_DECISIONS, &d.id, &d)?.clear("nominal_id", d.nominal_id.as_str())
        }
        _ => return Ok(None),
    }))
}

impl Store {
    /// Apply one pull page in ONE transaction with its cursor: every record written to its
    /// store; with `resync`, the cohort stores replaced by what is pulled (drafts, field records
    /// and the outbox kept); a nominal not in `in_scope` removed with its records in every
    /// store (but a rejected outbox entry, whose reason the officer must see), unless an outbox
    /// entry about it is still waiting or sent. Everything is encrypted
    /// before the transaction opens. A record that does not read as its kind refuses the page.
    pub async fn apply_pull_page(&self, page: &PullPage) -> StoreResult<PullApplied> {
        let key = self.key()?;
        let mut items = Vec::new();
        for r in &page.records {
            items.extend(seal_pulled(r)?);
        }
        let mut applied = PullApplied {
            records: items.len() as u32,
            ..PullApplied::default()
        };

        // Nominals reassigned away.
        let in_scope: HashSet<&str> = page.in_scope.iter().map(String::as_str).collect();
        let on_phone = records::read_all(self.db(), &[Read::All(NOMINALS)])
            .await?
            .remove(0);
        let outbox = self.outbox().await?;
        let pending: HashSet<&str> = outbox
            .iter()
            .filter(|e| e.status.to_push())
            .filter_map(OutboxEntry::nominal_id)
            .collect();
        let mut deletes = Vec::new();
        for id in on_phone.iter().filter_map(|r| get(r, "id").as_string()) {
            if in_scope.contains(id.as_str()) {
                continue;
            }
            if pending.contains(id.as_str()) {
                applied.kept.push(id);
                continue;
            }
            deletes.extend(self.deletes_for_nominal(&id, &outbox).await?);
            applied.removed.push(id);
        }

        let mut meta = self.sync_meta().await?;
        meta.cursor = Some(page.cursor.clone());
        items.push(ToSeal::new(META, meta::SYNC, &meta)?);
        let previous = self.cohort_meta().await?;
        if let Some(officer) = page
            .officer
            .clone()
            .or(previous.as_ref().map(|m| m.officer.clone()))
        {
            let cohort_meta = CohortMeta {
                officer,
                imported_at: previous.map_or_else(Utc::now, |m| m.imported_at),
            };
            items.push(ToSeal::new(META, meta::COHORT, &cohort_meta)?);
        }
        let rows = records::seal_all(&key, items).await?;

        let mut writes: Vec<Write> = Vec::new();
        if page.resync {
            writes.extend(COHORT_STORES.iter().map(|s| Write::Clear(s)));
        }
        writes.extend(deletes);
        writes.extend(rows.into_iter().map(|(s, row)| Write::Put(s, row)));
        self.write(writes).await?;
        Ok(applied)
    }

    /// Deletions of one nominal and every record about it (cohort, field records, exhibits
    /// and their photos, accepted outbox entries).
    async fn deletes_for_nominal(
        &self,
        nominal_id: &str,
        outbox: &[OutboxEntry],
    ) -> StoreResult<Vec<Write>> {
        let by = |store| Read::Index(store, indexes::BY_NOMINAL, nominal_id.into());
        let stores: Vec<&'static str> = [ORDERS, CONDITIONS, CONTACT_PLANS, SCHEDULES]
            .into_iter()
            .chain(FIELD_STORES)
            .chain(REFERRAL_STORES)
            .chain([
                BREACH_DECISIONS,
                EXHIBITS,
                EXHIBIT_WITHDRAWALS,
                EXHIBIT_PHOTOS,
                RELEASES,
            ])
            .collect();
        let reads: Vec<Read> = stores.iter().map(|s| by(*s)).collect();
        let found = records::read_all(self.db(), &reads).await?;
        let mut writes = vec![Write::Delete(NOMINALS, nominal_id.to_owned())];
        for (store, rows) in stores.iter().zip(found) {
            for id in rows.iter().filter_map(|r| get(r, "id").as_string()) {
                writes.push(Write::Delete(store, id));
            }
        }
        // Accepted entries go with the nominal; a rejected one stays, so the officer still sees
        // the server's reason (and can export it).
        let about = |e: &&OutboxEntry| e.nominal_id() == Some(nominal_id);
        for e in outbox.iter().filter(about) {
            if e.status == OutboxStatus::Acknowledged {
                writes.push(Write::Delete(OUTBOX, e.uuid.to_string()));
            }
        }
        Ok(writes)
    }
}
