//! The cohort: the aggregate of everything the phone or the unit holds (nominals, orders, records),
//! the queries on it, and the cohort file: reading it, its checks (ids, ranges, cross-references)
//! and the synthetic demo. It sits above every record kind; the rules below never read it whole.

pub mod aggregate;
pub mod bound;
pub mod briefings;
pub mod checks;
pub mod cross_checks;
pub mod decision_checks;
// Built from constants relative to the device's date, never from imported or typed data.
#[allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub mod demo;
pub mod exhibits;
pub mod ids;
pub mod read;
pub mod record;
pub mod references;
pub mod referral_checks;
pub mod referrals;
pub mod releases;
pub mod schedules;

pub use aggregate::*;
pub use checks::*;
pub use demo::*;
pub use record::*;
pub use referrals::*;

#[cfg(test)]
mod cohort_checks_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
