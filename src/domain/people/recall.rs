//! Recall and re-release: a recall to custody does not end the order, and neither does the
//! release that follows it. Custody keeps the recall through every status after it (in custody,
//! on licence again, licence ended, in the community), and the recall keeps the first release of
//! the sentence, so the order that came into force on that release stays in force throughout.

use chrono::NaiveDate;

use super::nominal::{CustodyStatus, Recall};

impl Recall {
    /// The first release of the sentence: the one an order made before it came into force on.
    pub fn first_release(&self) -> NaiveDate {
        self.first_released_on.unwrap_or(self.released_on)
    }
}

impl CustodyStatus {
    /// The recall kept with this status: in custody, the recall that put them there; on
    /// licence, licence ended or in the community, the recall this release followed.
    pub fn recall(&self) -> Option<&Recall> {
        match self {
            Self::InCustody { recall, .. }
            | Self::OnLicence { recall, .. }
            | Self::LicenceEnded { recall, .. }
            | Self::InCommunity { recall, .. } => recall.as_ref(),
        }
    }

    fn recall_mut(&mut self) -> &mut Option<Recall> {
        match self {
            Self::InCustody { recall, .. }
            | Self::OnLicence { recall, .. }
            | Self::LicenceEnded { recall, .. }
            | Self::InCommunity { recall, .. } => recall,
        }
    }

    /// The release an order made before it came into force on: the first release of the
    /// sentence when a recall is kept, else the day of release, past or expected.
    pub fn first_release(&self) -> NaiveDate {
        match self.recall() {
            Some(r) => r.first_release(),
            None => self.release_date(),
        }
    }

    /// Recalled to custody on `recalled_on` from this licence, expected out on
    /// `expected_release`: the release the licence began with is kept, and with it the first
    /// release of the sentence when this licence was itself a re-release.
    pub fn recalled(&self, recalled_on: NaiveDate, expected_release: NaiveDate) -> CustodyStatus {
        let released_on = self.release_date();
        let first = self.first_release();
        CustodyStatus::InCustody {
            expected_release,
            recall: Some(Recall {
                released_on,
                recalled_on,
                first_released_on: (first != released_on).then_some(first),
            }),
        }
    }

    /// This status (a release, or the custody it leads to) as it follows `before`: the recall
    /// `before` kept goes on with it, so a release after a recall does not lose the first release.
    pub fn following(mut self, before: &CustodyStatus) -> CustodyStatus {
        *self.recall_mut() = before.recall().copied();
        self
    }
}

#[cfg(test)]
#[path = "recall_tests.rs"]
mod tests;
