//! The device's memory: IndexedDB, encryption at rest, drafts and the outbox.
//!
//! The UI holds one [`Store`] and calls methods named after what an officer does
//! (`unlock`, `import_cohort`, `submit`, `save_draft`, `export_outbox`...). It never
//! touches IndexedDB or keys itself.
//!
//! Seams:
//! - `crypto`: WebCrypto (AES-GCM-256, PBKDF2-SHA256, AES-KW) through web-sys.
//! - `schema`: object stores, indexes, versions and the upgrade path.
//! - `records`: encrypted rows and one-transaction reads and writes.
//! - `lock`: passcode setup, unlock with delay, lock, change, wipe.
//! - `cohort`, `field`, `outbox`, `drafts`, `storage`: what the officer does; `officer`: the
//!   officer's own email and phone for the next referral (encrypted).
//! - `sync`: the enrolment, cursor and transmission log (encrypted), outbox states; `pull`: a
//!   pull page applied in one transaction.
//!
//! `Store` is cheap to clone (all clones share one connection and one lock state). It holds
//! browser objects, so it is neither `Send` nor `Sync`: in Leptos, provide it through
//! `leptos::prelude::send_wrapper::SendWrapper` or `StoredValue::new_local`.

mod cohort;
pub mod crypto;
mod drafts;
mod error;
mod exhibits;
mod field;
mod js;
mod lock;
mod officer;
mod outbox;
mod pull;
mod records;
pub mod schema;
mod storage;
mod sync;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexed_db_futures::database::Database;
use web_sys::CryptoKey;

pub use drafts::{DraftInfo, DraftKey};
pub use error::{StoreError, StoreResult};
pub use lock::{delay_after, validate_new_passcode, UnlockState, MAX_ATTEMPTS, MIN_PASSCODE_LEN};
pub use officer::OfficerContact;
pub use outbox::{OutboxEntry, OutboxExport, OutboxStatus, OUTBOX_FORMAT, OUTBOX_FORMAT_VERSION};
pub use pull::{PullApplied, PullPage, PulledRecord};
pub use storage::StorageStatus;
pub use sync::{
    sync_now, Enrolment, OutboxCounts, PushEntry, PushResult, SyncEvent, SyncStatus, LOG_LENGTH,
    PRUNE_AFTER_DAYS,
};

use crypto::PBKDF2_ITERATIONS;
use records::Write;
use schema::{DB_NAME, SCHEMA_VERSION};

/// The app's encrypted offline store. See the module documentation.
#[derive(Clone)]
pub struct Store {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Store {
    /// Name and lock state only: never the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("name", &self.inner.name)
            .field("unlocked", &self.is_unlocked())
            .finish_non_exhaustive()
    }
}

struct Inner {
    db: Database,
    name: String,
    iterations: u32,
    test_mode: bool,
    key: RefCell<Option<CryptoKey>>,
    fail_after: Cell<Option<u32>>,
    /// Called after each field record is submitted (the UI starts a sync).
    after_submit: RefCell<Option<Rc<dyn Fn()>>>,
}

/// Test-only settings. Refused unless the database name starts with `test-`, so a test setting
/// can never be applied to the app's real database.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct TestOptions {
    /// Must start with `test-`.
    pub name: String,
    /// PBKDF2 iterations for a fast test (real use: 600,000, enforced).
    pub kdf_iterations: u32,
    /// Schema version to open at (the migration test builds a v1 database).
    pub schema_version: u32,
}

impl Store {
    /// Open the app's database (creating or upgrading it). The store starts locked.
    pub async fn open() -> StoreResult<Self> {
        Self::open_named(DB_NAME).await
    }

    /// Open a database by name with real-use settings (tests use unique names).
    pub async fn open_named(name: &str) -> StoreResult<Self> {
        Self::open_with(name, PBKDF2_ITERATIONS, SCHEMA_VERSION, false).await
    }

    /// Open with test settings (fewer PBKDF2 iterations, an older schema). Refused with
    /// [`StoreError::InsecureSettings`] unless `name` starts with `test-`. A store opened for
    /// real use refuses to unlock a lock record made with fewer than 600,000 iterations.
    #[doc(hidden)]
    pub async fn open_for_tests(opts: TestOptions) -> StoreResult<Self> {
        if !opts.name.starts_with("test-") || opts.kdf_iterations == 0 {
            return Err(StoreError::InsecureSettings);
        }
        Self::open_with(&opts.name, opts.kdf_iterations, opts.schema_version, true).await
    }

    async fn open_with(
        name: &str,
        iterations: u32,
        version: u32,
        test_mode: bool,
    ) -> StoreResult<Self> {
        let db = schema::open_db(name, version).await?;
        let store = Self {
            inner: Rc::new(Inner {
                db,
                name: name.to_owned(),
                iterations,
                test_mode,
                key: RefCell::new(None),
                fail_after: Cell::new(None),
                after_submit: RefCell::new(None),
            }),
        };
        // The app was closed during the last allowed try, after it was counted: finish the
        // wipe that a wrong passcode would have caused.
        if store.unlock_state_failures().await? >= MAX_ATTEMPTS {
            store.wipe().await?;
        }
        Ok(store)
    }

    /// The database name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// Lock and close the connection (other clones of this store stop working too).
    pub fn close(self) {
        self.lock();
        self.inner.db.clone().close();
    }

    /// Test-only fault injection: after `n` record writes inside the next write transactions,
    /// make IndexedDB reject one more, aborting the transaction. `None` turns it off.
    #[doc(hidden)]
    pub fn fail_after_writes(&self, n: Option<u32>) {
        self.inner.fail_after.set(n);
    }

    /// Call `f` after each field record is submitted (the UI uses it to start a sync).
    pub fn on_submit(&self, f: impl Fn() + 'static) {
        *self.inner.after_submit.borrow_mut() = Some(Rc::new(f));
    }

    pub(crate) fn submitted(&self) {
        let f = self.inner.after_submit.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    pub(crate) fn db(&self) -> &Database {
        &self.inner.db
    }

    /// Write in one transaction, honouring the test fault injection.
    pub(crate) async fn write(&self, writes: Vec<Write>) -> StoreResult<()> {
        records::write_all(self.db(), writes, self.inner.fail_after.get()).await
    }
}
