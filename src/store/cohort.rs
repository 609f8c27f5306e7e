//! The cohort: imported whole and atomically, read back whole.
//!
//! An import validates the file first, encrypts every record (before any transaction), then in
//! ONE readwrite transaction clears the cohort stores (nominals, orders, conditions, contact
//! plans, schedules), writes every record and the cohort's metadata. Field records in the file (the
//! team's history) are added alongside the officer's own; the officer's records are never
//! removed by an import. A file that fails validation, or any write that fails, leaves the
//! store exactly as it was.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::cohort::aggregate::{FORMAT, VERSION};
use crate::domain::cohort::record::sort_records;
use crate::domain::{Cohort, FieldRecord, OfficerRef};

use super::error::{StoreError, StoreResult};
use super::field;
use super::records::{self, Read, ToSeal, Write};
use super::schema::{meta, stores::*, stores_in, COHORT_STORES};
use super::Store;

/// Encrypted in `meta`: who the cohort belongs to and when it was imported.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CohortMeta {
    pub officer: OfficerRef,
    #[serde(deserialize_with = "crate::domain::time::iso::utc")]
    pub imported_at: DateTime<Utc>,
}

fn field_rows<R: FieldRecord>(records: &[R]) -> StoreResult<Vec<ToSeal>> {
    records.iter().map(field::to_seal).collect()
}

impl Store {
    /// Replace the cohort with the one in the file, atomically. Needs the store unlocked.
    pub async fn import_cohort(&self, cohort: &Cohort) -> StoreResult<()> {
        let key = self.key()?;
        let mut problems: Vec<String> = Vec::new();
        if cohort.format != FORMAT || cohort.version != VERSION {
            problems.push(format!("format: this app reads {FORMAT} version {VERSION}"));
        }
        problems.extend(cohort.validate().iter().map(ToString::to_string));
        if !problems.is_empty() {
            return Err(StoreError::InvalidCohort { problems });
        }

        let order_owner: HashMap<&str, &str> = cohort
            .orders
            .iter()
            .map(|o| (o.id.as_str(), o.nominal_id.as_str()))
            .collect();
        let mut items = Vec::new();
        for n in &cohort.nominals {
            items.push(ToSeal::new(NOMINALS, &n.id, n)?);
        }
        for o in &cohort.orders {
            items.push(ToSeal::new(ORDERS, &o.id, o)?.clear("nominal_id", o.nominal_id.as_str()));
        }
        for c in &cohort.conditions {
            let mut item = ToSeal::new(CONDITIONS, &c.id, c)?;
            if let Some(nominal) = order_owner.get(c.order_id.as_str()) {
                item = item.clear("nominal_id", *nominal);
            }
            items.push(item);
        }
        for s in &cohort.schedules {
            let mut item = ToSeal::new(SCHEDULES, &s.id, s)?;
            if let Some(nominal) = order_owner.get(s.order_id.as_str()) {
                item = item.clear("nominal_id", *nominal);
            }
            items.push(item);
        }
        for p in &cohort.contact_plans {
            // One plan per nominal (validated), so the nominal id is the plan's id.
            items.push(
                ToSeal::new(CONTACT_PLANS, &p.nominal_id, p)?
                    .clear("nominal_id", p.nominal_id.as_str()),
            );
        }
        items.extend(field_rows(&cohort.contacts)?);
        items.extend(field_rows(&cohort.notifications)?);
        items.extend(field_rows(&cohort.briefings)?);
        items.extend(field_rows(&cohort.breach_reports)?);
        items.extend(field_rows(&cohort.exhibits)?);
        items.extend(field_rows(&cohort.exhibit_withdrawals)?);
        items.extend(field_rows(&cohort.recall_referrals)?);
        items.extend(field_rows(&cohort.referral_statuses)?);
        items.extend(field_rows(&cohort.releases)?);
        for d in &cohort.breach_decisions {
            items.push(
                ToSeal::new(BREACH_DECISIONS, &d.id, d)?.clear("nominal_id", d.nominal_id.as_str()),
            );
        }
        let meta = CohortMeta {
            officer: cohort.officer.clone(),
            imported_at: Utc::now(),
        };
        items.push(ToSeal::new(META, meta::COHORT, &meta)?);

        // A database a test opened at an older schema has no store for what later versions add.
        let here = stores_in(self.db());
        items.retain(|i| here.contains(&i.store));
        let rows = records::seal_all(&key, items).await?;
        let mut writes: Vec<Write> = COHORT_STORES
            .iter()
            .filter(|s| here.contains(s))
            .map(|s| Write::Clear(s))
            .collect();
        writes.extend(rows.into_iter().map(|(store, row)| Write::Put(store, row)));
        self.write(writes).await
    }

    /// The cohort on this phone with every field record (the team's and the officer's own),
    /// or `None` if none was imported yet. Needs the store unlocked.
    pub async fn load_cohort(&self) -> StoreResult<Option<Cohort>> {
        let key = self.key()?;
        let mut rows = records::read_all(
            self.db(),
            &[
                Read::One(META, meta::COHORT),
                Read::All(NOMINALS),
                Read::All(ORDERS),
                Read::All(CONDITIONS),
                Read::All(CONTACT_PLANS),
                Read::All(CONTACTS),
                Read::All(NOTIFICATIONS),
                Read::All(BRIEFINGS),
                Read::All(BREACH_REPORTS),
                Read::All(BREACH_DECISIONS),
                Read::All(EXHIBITS),
                Read::All(EXHIBIT_WITHDRAWALS),
                Read::All(RECALL_REFERRALS),
                Read::All(REFERRAL_STATUSES),
                Read::All(SCHEDULES),
                Read::All(RELEASES),
            ],
        )
        .await?
        .into_iter();
        let mut next = || rows.next().unwrap_or_default();
        let meta_rows = next();
        if meta_rows.is_empty() {
            return Ok(None);
        }
        let (n, o, c, p) = (next(), next(), next(), next());
        let (k, nt, b, br, bd) = (next(), next(), next(), next(), next());
        let (ex, exw) = (next(), next());
        let (rr, rs, sc, rl) = (next(), next(), next(), next());
        // Every row of every store decrypted in one batch.
        let groups = [
            (META, &meta_rows[..]),
            (NOMINALS, &n[..]),
            (ORDERS, &o[..]),
            (CONDITIONS, &c[..]),
            (CONTACT_PLANS, &p[..]),
            (CONTACTS, &k[..]),
            (NOTIFICATIONS, &nt[..]),
            (BRIEFINGS, &b[..]),
            (BREACH_REPORTS, &br[..]),
            (BREACH_DECISIONS, &bd[..]),
            (EXHIBITS, &ex[..]),
            (EXHIBIT_WITHDRAWALS, &exw[..]),
            (RECALL_REFERRALS, &rr[..]),
            (REFERRAL_STATUSES, &rs[..]),
            (SCHEDULES, &sc[..]),
            (RELEASES, &rl[..]),
        ];
        let plain = records::decrypt_groups(&key, &groups).await?;
        let group = |i: usize| plain.get(i).map_or(&[][..], Vec::as_slice);
        let meta: CohortMeta = records::parse_all(group(0))?
            .pop()
            .ok_or(StoreError::Unreadable)?;
        let mut cohort = Cohort {
            nominals: records::parse_all(group(1))?,
            orders: records::parse_all(group(2))?,
            conditions: records::parse_all(group(3))?,
            contact_plans: records::parse_all(group(4))?,
            contacts: records::parse_all(group(5))?,
            notifications: records::parse_all(group(6))?,
            briefings: records::parse_all(group(7))?,
            breach_reports: records::parse_all(group(8))?,
            breach_decisions: records::parse_all(group(9))?,
            exhibits: records::parse_all(group(10))?,
            exhibit_withdrawals: records::parse_all(group(11))?,
            recall_referrals: records::parse_all(group(12))?,
            referral_statuses: records::parse_all(group(13))?,
            schedules: records::parse_all(group(14))?,
            releases: records::parse_all(group(15))?,
            ..Cohort::empty(meta.officer)
        };
        sort_records(&mut cohort.contacts);
        sort_records(&mut cohort.notifications);
        sort_records(&mut cohort.briefings);
        sort_records(&mut cohort.breach_reports);
        sort_records(&mut cohort.exhibits);
        sort_records(&mut cohort.exhibit_withdrawals);
        sort_records(&mut cohort.recall_referrals);
        sort_records(&mut cohort.referral_statuses);
        sort_records(&mut cohort.releases);
        // A release recorded here shows (on licence, the order in force) until the team
        // server's versions of the nominal and order arrive.
        cohort.apply_releases();
        // Decisions need no order: the one standing follows `replaces` (`decision_for`), and
        // the timeline orders its entries itself.
        Ok(Some(cohort))
    }

    pub(crate) async fn cohort_meta(&self) -> StoreResult<Option<CohortMeta>> {
        let key = self.key()?;
        match records::read_one(self.db(), META, meta::COHORT).await? {
            Some(row) => Ok(Some(records::unseal(&key, META, &row).await?)),
            None => Ok(None),
        }
    }
}
