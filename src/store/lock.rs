//! The passcode lock: first-run setup, unlock with an increasing delay, lock, passcode change
//! and the wipe after too many wrong tries. What the lock keeps in the `meta` store, and how,
//! is in [`meta`].

mod meta;

use chrono::{DateTime, Utc};
use web_sys::CryptoKey;

use super::crypto::{self, PBKDF2_ITERATIONS};
use super::error::{StoreError, StoreResult};
use super::js::now_ms;
use super::records::{self, Write};
use super::schema::{indexes, stores::*, stores_in};
use super::Store;
use meta::{wrap_under, Attempts, LockRow};

/// Wrong passcodes in a row that wipe the phone.
pub const MAX_ATTEMPTS: u32 = 10;
/// Minimum passcode length, in characters.
pub const MIN_PASSCODE_LEN: usize = 6;
/// Longest wait between tries, in seconds.
pub const MAX_DELAY_SECONDS: u32 = 30;

/// Seconds to wait after `failures` wrong passcodes in a row: 0, 0, 0, 1, 2, 4, 8, 16, 30, 30.
pub fn delay_after(failures: u32) -> u32 {
    if failures <= 3 {
        0
    } else {
        (1u32 << (failures - 4).min(5)).min(MAX_DELAY_SECONDS)
    }
}

/// Check a new passcode and its confirmation, both already normalised (NFC): the length is
/// counted in characters of the normalised form.
pub fn validate_new_passcode(passcode: &str, confirm: &str) -> StoreResult<()> {
    if passcode.chars().count() < MIN_PASSCODE_LEN {
        return Err(StoreError::PasscodeTooShort {
            min: MIN_PASSCODE_LEN,
        });
    }
    if passcode != confirm {
        return Err(StoreError::PasscodesDoNotMatch);
    }
    Ok(())
}

/// What the passcode screen needs to know (all of it readable while locked).
#[derive(Debug, Clone, PartialEq)]
pub struct UnlockState {
    /// A passcode exists on this phone.
    pub set_up: bool,
    /// The data key is in memory.
    pub unlocked: bool,
    /// Wrong passcodes in a row so far.
    pub failures: u32,
    /// Wrong passcodes left before the wipe.
    pub attempts_left: u32,
    /// Earliest time the next try is allowed (`None`: now).
    pub next_try_at: Option<DateTime<Utc>>,
    /// Seconds until then (0: now).
    pub wait_seconds: u32,
    /// Field records not yet exported, which a wipe would lose.
    pub unexported_records: u32,
}

impl Store {
    pub(crate) async fn unlock_state_failures(&self) -> StoreResult<u32> {
        Ok(self.read_lock().await?.1.failures)
    }

    /// Whether a passcode has been set on this phone.
    pub async fn is_set_up(&self) -> StoreResult<bool> {
        Ok(self.read_lock().await?.0.is_some())
    }

    /// Whether the data key is in memory.
    pub fn is_unlocked(&self) -> bool {
        self.inner.key.borrow().is_some()
    }

    /// The data key, or [`StoreError::Locked`].
    pub(crate) fn key(&self) -> StoreResult<CryptoKey> {
        self.inner.key.borrow().clone().ok_or(StoreError::Locked)
    }

    /// Everything the passcode screen shows: tries left, when the next try is allowed, and how
    /// many records a wipe would lose.
    pub async fn unlock_state(&self) -> StoreResult<UnlockState> {
        let (lock, attempts) = self.read_lock().await?;
        let now = now_ms();
        let next_try_at = attempts.next_try_clamped(now);
        let wait_ms = (next_try_at - now).max(0.0);
        Ok(UnlockState {
            set_up: lock.is_some(),
            unlocked: self.is_unlocked(),
            failures: attempts.failures,
            attempts_left: MAX_ATTEMPTS.saturating_sub(attempts.failures),
            next_try_at: (wait_ms > 0.0)
                .then(|| DateTime::from_timestamp_millis(next_try_at as i64))
                .flatten(),
            wait_seconds: (wait_ms / 1000.0).ceil() as u32,
            unexported_records: self.outbox_pending_count().await?,
        })
    }

    /// First run: set the passcode. Creates a random data key, wraps it under a key derived
    /// from the passcode, and leaves the store unlocked. Anything left in the database without
    /// a lock (unreadable without its key) is cleared in the same transaction.
    /// The passcode and its confirmation are normalised (NFC) first, so they may be typed on
    /// different keyboards.
    pub async fn set_passcode(&self, passcode: &str, confirm: &str) -> StoreResult<()> {
        let passcode = crypto::normalize_passcode(passcode);
        let confirm = crypto::normalize_passcode(confirm);
        self.create_lock(&passcode, &confirm, true).await
    }

    /// Test only: set the passcode the way the app did before passcodes were normalised (key
    /// derived from the passcode as typed, no `passcode_form`), to test that such a lock still
    /// unlocks. Refused ([`StoreError::InsecureSettings`]) unless opened for tests.
    #[doc(hidden)]
    pub async fn set_passcode_unnormalised_for_tests(&self, passcode: &str) -> StoreResult<()> {
        if !self.inner.test_mode {
            return Err(StoreError::InsecureSettings);
        }
        self.create_lock(passcode, passcode, false).await
    }

    async fn create_lock(&self, passcode: &str, confirm: &str, nfc: bool) -> StoreResult<()> {
        validate_new_passcode(passcode, confirm)?;
        if self.is_set_up().await? {
            return Err(StoreError::AlreadySetUp);
        }
        let extractable = crypto::generate_data_key_for_wrapping().await?;
        let (mut lock, key) = wrap_under(&extractable, passcode, self.inner.iterations).await?;
        drop(extractable);
        lock.nfc = nfc;
        // Clear everything but `meta`, whose lock row is *added*: if another tab set a
        // passcode meanwhile, the add fails and the whole transaction is undone.
        let mut writes: Vec<Write> = stores_in(self.db())
            .into_iter()
            .filter(|s| *s != META)
            .map(Write::Clear)
            .collect();
        writes.push(Write::Delete(META, super::schema::meta::COHORT.into()));
        writes.push(Write::Delete(META, super::schema::meta::SYNC.into()));
        writes.push(Write::Delete(
            META,
            super::schema::meta::OFFICER_CONTACT.into(),
        ));
        writes.push(Write::Add(META, lock.to_js()));
        writes.push(Write::Put(META, Attempts::default().to_js()));
        match records::write_all(self.db(), writes, None).await {
            // Another tab set a passcode first: the `add` of the lock row failed.
            Err(StoreError::AlreadySubmitted) => return Err(StoreError::AlreadySetUp),
            r => r?,
        }
        *self.inner.key.borrow_mut() = Some(key);
        Ok(())
    }

    /// Check a passcode with the delay and the wipe, returning the unwrapped data key
    /// (extractable only when it is about to be re-wrapped). One call counts at most one wrong
    /// try, whatever forms of the passcode it derives keys from.
    async fn verify(&self, passcode: &str, extractable: bool) -> StoreResult<CryptoKey> {
        let (lock, attempts) = self.read_lock().await?;
        let lock = lock.ok_or(StoreError::NotSetUp)?;
        if lock.iterations < PBKDF2_ITERATIONS && !self.inner.test_mode {
            return Err(StoreError::InsecureSettings);
        }
        if attempts.failures >= MAX_ATTEMPTS {
            self.wipe().await?;
            return Err(StoreError::Wiped);
        }
        let now = now_ms();
        let next_try_at = attempts.next_try_clamped(now);
        if next_try_at > now {
            if next_try_at < attempts.next_try_at {
                // The clock went back: store the clamped time so the wait really ends.
                let fixed = Attempts {
                    next_try_at,
                    ..attempts
                };
                records::write_all(self.db(), vec![Write::Put(META, fixed.to_js())], None).await?;
            }
            return Err(StoreError::TryAgainLater {
                wait_seconds: ((next_try_at - now) / 1000.0).ceil() as u32,
            });
        }
        // Count this try before deriving, in case the app is closed half-way.
        let failures = attempts.failures + 1;
        let counted = Attempts {
            failures,
            next_try_at: now + f64::from(delay_after(failures)) * 1000.0,
        };
        records::write_all(self.db(), vec![Write::Put(META, counted.to_js())], None).await?;

        let nfc = crypto::normalize_passcode(passcode);
        // A lock made before passcodes were normalised was derived from the passcode as typed
        // then: try it as typed now (the stored form) first, then its NFC form.
        let candidates = if lock.nfc || passcode == nfc {
            vec![nfc.as_str()]
        } else {
            vec![passcode, nfc.as_str()]
        };
        for candidate in candidates {
            // Unwrapped with another form than NFC: the key is re-wrapped under NFC below, so
            // it must be extractable for that moment.
            let rewrap = candidate != nfc;
            let kek = crypto::derive_kek(candidate, &lock.salt, lock.iterations).await?;
            let Some(key) =
                crypto::unwrap_data_key(&lock.wrapped, &kek, extractable || rewrap).await?
            else {
                continue;
            };
            let reset = Attempts::default().to_js();
            records::write_all(self.db(), vec![Write::Put(META, reset)], None).await?;
            if lock.nfc {
                return Ok(key);
            }
            return self
                .upgrade_to_nfc(lock, key, &kek, &nfc, rewrap, extractable)
                .await;
        }
        if failures >= MAX_ATTEMPTS {
            self.wipe().await?;
            return Err(StoreError::Wiped);
        }
        Err(StoreError::WrongPasscode {
            attempts_left: MAX_ATTEMPTS - failures,
        })
    }

    /// After a right passcode on a lock made before passcodes were normalised: re-wrap the data
    /// key under the passcode's NFC form (`rewrap`; otherwise the key already is, and the lock
    /// is only marked), so later unlocks derive one key only. Returns the key to keep
    /// (non-extractable unless `extractable`). Best effort: if the upgrade cannot be stored, the
    /// officer is let in all the same, the old lock stays as it was, and the next unlock tries
    /// again.
    async fn upgrade_to_nfc(
        &self,
        lock: LockRow,
        key: CryptoKey,
        kek: &CryptoKey,
        nfc: &str,
        rewrap: bool,
        extractable: bool,
    ) -> StoreResult<CryptoKey> {
        if !rewrap {
            let marked = LockRow { nfc: true, ..lock };
            let _ =
                records::write_all(self.db(), vec![Write::Put(META, marked.to_js())], None).await;
            return Ok(key);
        }
        let iterations = lock.iterations.max(self.inner.iterations);
        let upgraded = async {
            let (row, fresh) = wrap_under(&key, nfc, iterations).await?;
            records::write_all(self.db(), vec![Write::Put(META, row.to_js())], None).await?;
            Ok::<_, StoreError>(fresh)
        }
        .await;
        match upgraded {
            Ok(_) if extractable => Ok(key),
            Ok(fresh) => Ok(fresh),
            Err(_) if extractable => Ok(key),
            // Keep no extractable key in memory: unwrap the old lock's key again.
            Err(_) => crypto::unwrap_data_key(&lock.wrapped, kek, false)
                .await?
                .ok_or(StoreError::Crypto {
                    detail: "UnwrapAfterWrap".into(),
                }),
        }
    }

    /// Unlock with the passcode: the data key is unwrapped (non-extractable) into memory.
    pub async fn unlock(&self, passcode: &str) -> StoreResult<()> {
        let key = self.verify(passcode, false).await?;
        *self.inner.key.borrow_mut() = Some(key);
        Ok(())
    }

    /// Lock: drop the data key from memory. Reading or writing needs `unlock` again.
    pub fn lock(&self) {
        self.inner.key.borrow_mut().take();
    }

    /// Change the passcode. Only the data key is re-wrapped (new salt); records are untouched.
    /// A wrong old passcode counts as a wrong try, like `unlock`.
    pub async fn change_passcode(&self, old: &str, new: &str, confirm: &str) -> StoreResult<()> {
        let new = crypto::normalize_passcode(new);
        validate_new_passcode(&new, &crypto::normalize_passcode(confirm))?;
        let extractable = self.verify(old, true).await?;
        let (lock, key) = wrap_under(&extractable, &new, self.inner.iterations).await?;
        drop(extractable);
        records::write_all(self.db(), vec![Write::Put(META, lock.to_js())], None).await?;
        *self.inner.key.borrow_mut() = Some(key);
        Ok(())
    }

    /// Delete everything on this phone in one transaction: the wrapped key and every store.
    /// There is no recovery: set a new passcode and import the cohort again.
    pub async fn wipe(&self) -> StoreResult<()> {
        self.lock();
        let writes = stores_in(self.db()).into_iter().map(Write::Clear).collect();
        records::write_all(self.db(), writes, None).await
    }

    /// Field records whose outbox entry has never been exported (readable while locked).
    pub async fn outbox_pending_count(&self) -> StoreResult<u32> {
        records::count_index(self.db(), OUTBOX, indexes::OUTBOX_STATE, 0.into()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_then_caps() {
        let delays: Vec<u32> = (1..=10).map(delay_after).collect();
        assert_eq!(delays, vec![0, 0, 0, 1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(40), MAX_DELAY_SECONDS);
    }

    #[test]
    fn passcode_rules() {
        assert_eq!(
            validate_new_passcode("12345", "12345"),
            Err(StoreError::PasscodeTooShort { min: 6 })
        );
        assert_eq!(
            validate_new_passcode("123456", "123457"),
            Err(StoreError::PasscodesDoNotMatch)
        );
        assert_eq!(validate_new_passcode("123456", "123456"), Ok(()));
        // Characters, not bytes.
        assert!(validate_new_passcode("ééééé", "ééééé").is_err());
    }
}
