//! The IndexedDB schema: object stores, indexes and the upgrade path between versions.
//!
//! Every object store uses the key path `id` (a string). Records are stored as
//! `{ id, iv, ct, ...clear fields }` (see `records.rs`). Indexes exist only on clear fields that
//! say nothing about a person: opaque ids and numbers (IndexedDB cannot index booleans or null).
//!
//! ## Versions
//! - **v1**: the ten object stores; index `nominal_id` on orders, conditions and the four
//!   field-record stores.
//! - **v2**: index `nominal_day` (`[nominal_id, day]`) on the four field-record
//!   stores, so a nominal's timeline comes back in date order without decrypting everything;
//!   index `state` on the outbox, so the unexported count is known while the app is locked.
//!   v1 rows already carried `day` and `state`, so IndexedDB fills the new indexes itself.
//! - **v3**: the `breach_decisions` store (the DS's decisions, pulled from the team
//!   server, never pushed), with its `nominal_id` index.
//! - **v4**: photo exhibits: `exhibits` and `exhibit_withdrawals` (field records,
//!   with the `nominal_id` and `nominal_day` indexes) and `exhibit_photos` (the original bytes,
//!   sealed under the exhibit's id, with `nominal_id`).
//! - **v5**: the recall referral: the `recall_referrals` and
//!   `referral_statuses` stores (field records), with `nominal_id` and `nominal_day` indexes.
//! - **v6**: the `schedules` store (the orders' schedules, cohort data replaced with
//!   the cohort), with its `nominal_id` index.
//! - **v7** (current): the `releases` store ("Released today", recorded at the release-day
//!   briefing: field records), with `nominal_id` and `nominal_day` indexes.
//!
//! A new database runs every step in order (v1 to v7), so fresh installs and upgraded ones end
//! with the same schema through the same code.

use std::cell::RefCell;
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

use super::error::{StoreError, StoreResult};

/// The database the app uses.
pub const DB_NAME: &str = "scpo-field";
/// The current schema version.
pub const SCHEMA_VERSION: u32 = 7;

/// Object store names.
pub mod stores {
    pub const NOMINALS: &str = "nominals";
    pub const ORDERS: &str = "orders";
    pub const CONDITIONS: &str = "conditions";
    pub const CONTACT_PLANS: &str = "contact_plans";
    pub const CONTACTS: &str = "contacts";
    pub const NOTIFICATIONS: &str = "notifications";
    pub const BRIEFINGS: &str = "briefings";
    pub const BREACH_REPORTS: &str = "breach_reports";
    /// v3: the DS's decisions on breach reports (server-authored).
    pub const BREACH_DECISIONS: &str = "breach_decisions";
    /// v4: photo exhibits, their withdrawals, and the photos' original bytes.
    pub const EXHIBITS: &str = "exhibits";
    pub const EXHIBIT_WITHDRAWALS: &str = "exhibit_withdrawals";
    pub const EXHIBIT_PHOTOS: &str = "exhibit_photos";
    /// v5: recall referrals to probation and their status updates (field records).
    pub const RECALL_REFERRALS: &str = "recall_referrals";
    pub const REFERRAL_STATUSES: &str = "referral_statuses";
    /// v6: the orders' schedules (people, premises, vehicles).
    pub const SCHEDULES: &str = "schedules";
    /// v7: releases recorded on the phone (field records).
    pub const RELEASES: &str = "releases";
    pub const DRAFTS: &str = "drafts";
    pub const OUTBOX: &str = "outbox";
    pub const META: &str = "meta";
}
use stores::*;

/// Ids of the rows of the `meta` store.
pub mod meta {
    /// The wrapped key and the passcode's salt (in clear: needed before the passcode).
    pub const LOCK: &str = "lock";
    /// Wrong passcodes in a row and the next allowed try (in clear).
    pub const ATTEMPTS: &str = "attempts";
    /// The cohort's metadata (encrypted).
    pub const COHORT: &str = "cohort";
    /// The sync record: enrolment, cursor, transmission log (encrypted).
    pub const SYNC: &str = "sync";
    /// The officer's own email and phone for the next recall referral (encrypted).
    pub const OFFICER_CONTACT: &str = "officer_contact";
}

/// Stores replaced as a whole by a cohort import (server-owned data).
pub const COHORT_STORES: [&str; 5] = [NOMINALS, ORDERS, CONDITIONS, CONTACT_PLANS, SCHEDULES];
/// Stores of immutable field records written by the officer.
pub const FIELD_STORES: [&str; 4] = [CONTACTS, NOTIFICATIONS, BRIEFINGS, BREACH_REPORTS];
/// Field-record stores added by v5 (not in the v1/v2 steps, which must not touch them).
pub const REFERRAL_STORES: [&str; 2] = [RECALL_REFERRALS, REFERRAL_STATUSES];
/// Every object store (what a wipe clears).
pub const ALL_STORES: [&str; 19] = [
    NOMINALS,
    ORDERS,
    CONDITIONS,
    CONTACT_PLANS,
    CONTACTS,
    NOTIFICATIONS,
    BRIEFINGS,
    BREACH_REPORTS,
    DRAFTS,
    OUTBOX,
    META,
    BREACH_DECISIONS,
    EXHIBITS,
    EXHIBIT_WITHDRAWALS,
    EXHIBIT_PHOTOS,
    RECALL_REFERRALS,
    REFERRAL_STATUSES,
    SCHEDULES,
    RELEASES,
];

/// The stores of [`ALL_STORES`] this database has: all of them, except in a database a test
/// opened at an older schema version (which lacks the stores later versions add).
pub(crate) fn stores_in(db: &Database) -> Vec<&'static str> {
    let names: Vec<String> = db.object_store_names().collect();
    ALL_STORES
        .into_iter()
        .filter(|s| names.iter().any(|n| n == s))
        .collect()
}

/// The stores schema v1 made (later versions add theirs in their own step).
const V1_STORES: [&str; 11] = [
    NOMINALS,
    ORDERS,
    CONDITIONS,
    CONTACT_PLANS,
    CONTACTS,
    NOTIFICATIONS,
    BRIEFINGS,
    BREACH_REPORTS,
    DRAFTS,
    OUTBOX,
    META,
];

/// Index names.
pub mod indexes {
    /// `nominal_id` (v1): records about one nominal.
    pub const BY_NOMINAL: &str = "nominal_id";
    /// `[nominal_id, day]` (v2): a nominal's field records in date order.
    pub const BY_NOMINAL_DAY: &str = "nominal_day";
    /// `state` (v2) on the outbox: 0 not yet exported, 1 exported, 2 acknowledged.
    pub const OUTBOX_STATE: &str = "state";
}

/// v1: create the object stores and the `nominal_id` indexes.
fn step_v1(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    for name in V1_STORES {
        let store = db.create_object_store_with_optional_parameters(name, &params)?;
        if name == ORDERS
            || name == CONDITIONS
            || name == CONTACT_PLANS
            || FIELD_STORES.contains(&name)
        {
            store.create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
        }
    }
    Ok(())
}

/// The timeline's index on a field-record store: by nominal, then day.
fn by_nominal_day(store: &web_sys::IdbObjectStore) -> Result<(), JsValue> {
    let path: Array = ["nominal_id", "day"]
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    store.create_index_with_str_sequence(indexes::BY_NOMINAL_DAY, &path)?;
    Ok(())
}

/// v2: date-ordered timeline index and the outbox state index, on existing stores.
fn step_v2(tx: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    for name in FIELD_STORES {
        let store = tx.object_store(name)?;
        by_nominal_day(&store)?;
    }
    tx.object_store(OUTBOX)?
        .create_index_with_str(indexes::OUTBOX_STATE, "state")?;
    Ok(())
}

/// v3: the store of the DS's breach decisions, by nominal.
fn step_v3(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(BREACH_DECISIONS, &params)?
        .create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
    Ok(())
}

/// v4: photo exhibits (see the module documentation).
fn step_v4(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    for name in [EXHIBITS, EXHIBIT_WITHDRAWALS, EXHIBIT_PHOTOS] {
        let store = db.create_object_store_with_optional_parameters(name, &params)?;
        store.create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
        if name != EXHIBIT_PHOTOS {
            by_nominal_day(&store)?;
        }
    }
    Ok(())
}

/// v5: the recall referral stores, indexed like the other field-record stores.
fn step_v5(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    for name in REFERRAL_STORES {
        let store = db.create_object_store_with_optional_parameters(name, &params)?;
        store.create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
        by_nominal_day(&store)?;
    }
    Ok(())
}

/// v6: the schedules store, by nominal.
fn step_v6(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(SCHEDULES, &params)?
        .create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
    Ok(())
}

/// v7: the releases store, indexed like the other field-record stores.
fn step_v7(db: &web_sys::IdbDatabase) -> Result<(), JsValue> {
    let params = web_sys::IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    let store = db.create_object_store_with_optional_parameters(RELEASES, &params)?;
    store.create_index_with_str(indexes::BY_NOMINAL, "nominal_id")?;
    by_nominal_day(&store)
}

/// Run the upgrade steps from `old` to `new` inside the `versionchange` transaction.
fn upgrade(
    db: &web_sys::IdbDatabase,
    tx: &web_sys::IdbTransaction,
    old: u32,
    new: u32,
) -> Result<(), JsValue> {
    if old < 1 && new >= 1 {
        step_v1(db)?;
    }
    if old < 2 && new >= 2 {
        step_v2(tx)?;
    }
    if old < 3 && new >= 3 {
        step_v3(db)?;
    }
    if old < 4 && new >= 4 {
        step_v4(db)?;
    }
    if old < 5 && new >= 5 {
        step_v5(db)?;
    }
    if old < 6 && new >= 6 {
        step_v6(db)?;
    }
    if old < 7 && new >= 7 {
        step_v7(db)?;
    }
    Ok(())
}

/// Open (creating or upgrading) the database at `version` (the current one except in the
/// migration test, which builds a v1 database first).
pub(crate) async fn open_db(name: &str, version: u32) -> StoreResult<Database> {
    if !(1..=SCHEMA_VERSION).contains(&version) {
        return Err(StoreError::Storage {
            detail: "UnknownSchemaVersion".into(),
        });
    }
    // The upgrade callback needs the `versionchange` transaction to add indexes to existing
    // stores; it hangs off the open request, which exists only once the builder is built.
    let request: Rc<RefCell<Option<web_sys::IdbRequest>>> = Rc::default();
    let req_for_cb = request.clone();
    let open = Database::open(name)
        .with_version(version)
        .with_on_blocked(|_| Ok(()))
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            let new = event.new_version().unwrap_or(f64::from(version)) as u32;
            let tx = req_for_cb
                .borrow()
                .as_ref()
                .and_then(web_sys::IdbRequest::transaction)
                .ok_or(indexed_db_futures::error::UnexpectedDataError::NoEventTarget)?;
            let raw_db: &web_sys::IdbDatabase = db.as_sys();
            upgrade(raw_db, &tx, old, new).map_err(indexed_db_futures::error::Error::from)
        })
        .build()?;
    let raw_req: &web_sys::IdbOpenDbRequest = open.as_sys();
    *request.borrow_mut() = Some(raw_req.clone().unchecked_into());
    let db = open.await?;

    // When a newer version of the app (another tab) upgrades the schema, close this connection
    // instead of blocking it; this tab's next request fails and the UI asks for a reload.
    let raw: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
    let closer = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
        let raw = raw.clone();
        move || raw.close()
    });
    raw.set_onversionchange(Some(closer.as_ref().unchecked_ref()));
    closer.forget();
    Ok(db)
}

/// Delete a whole database by name (used by tests to start clean).
pub async fn delete_database(name: &str) -> StoreResult<()> {
    Database::delete_by_name(name)?
        .await
        .map_err(StoreError::from)
}
