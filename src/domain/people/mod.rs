//! The people: the nominal (subject of an order), their custody and licence (what is in force on a
//! day, who their probation contact is, a recall and the release after it), risk rating, and the
//! officer who holds them.

pub mod nominal;
mod recall;
mod tagged;

pub use nominal::*;
