//! A nominal's history in order: every record about them as one dated timeline, for the phone's
//! nominal page and the desk.

pub mod entries;
pub mod referral;

pub use entries::*;
