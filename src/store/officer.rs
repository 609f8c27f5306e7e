//! The officer's own email address and phone number, remembered (encrypted, in `meta` under
//! `officer_contact`) from the last recall referral they made as its police contact, to fill in
//! the next one. Never in localStorage: only the store's key opens it, so a locked or wiped
//! phone holds nothing readable.

use serde::{Deserialize, Serialize};

use super::error::StoreResult;
use super::records::{self, ToSeal, Write};
use super::schema::{meta, stores::META};
use super::Store;

/// The officer's contact details, for the officer whose id they were given with. Kept as a list
/// of strings (`[officer_id, email, phone]`): the app already reads and writes those, so this
/// costs no serde code of its own in the wasm.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct OfficerContact {
    pub officer_id: String,
    pub email: String,
    pub phone: String,
}

impl From<Vec<String>> for OfficerContact {
    fn from(v: Vec<String>) -> Self {
        let mut v = v.into_iter();
        let mut next = || v.next().unwrap_or_default();
        Self {
            officer_id: next(),
            email: next(),
            phone: next(),
        }
    }
}

impl From<OfficerContact> for Vec<String> {
    fn from(c: OfficerContact) -> Self {
        vec![c.officer_id, c.email, c.phone]
    }
}

impl Store {
    /// The contact details remembered for `officer_id`, if any (none for another officer's).
    pub async fn officer_contact(&self, officer_id: &str) -> StoreResult<Option<OfficerContact>> {
        let key = self.key()?;
        let Some(row) = records::read_one(self.db(), META, meta::OFFICER_CONTACT).await? else {
            return Ok(None);
        };
        let contact: OfficerContact = records::unseal(&key, META, &row).await?;
        Ok((contact.officer_id == officer_id).then_some(contact))
    }

    /// Remember the officer's contact details (replacing any kept before), encrypted.
    pub async fn save_officer_contact(&self, contact: &OfficerContact) -> StoreResult<()> {
        let key = self.key()?;
        let row = records::seal(&key, ToSeal::new(META, meta::OFFICER_CONTACT, contact)?).await?;
        self.write(vec![Write::Put(row.0, row.1)]).await
    }
}
