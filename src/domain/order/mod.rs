//! The Serious Crime Prevention Order: its stages and status, its provisions (conditions) in the
//! six s.5 families, variations and what is in force on a given day, and how the person was bound
//! by it (s.10).

pub mod bound;
pub mod condition;
pub mod notification_kind;
pub mod schedule;
pub mod scpo;
mod tagged;
pub mod variation;

pub use bound::*;
pub use condition::*;
pub use notification_kind::*;
pub use schedule::*;
pub use scpo::*;
pub use variation::*;

#[cfg(test)]
mod variation_tests;

#[cfg(test)]
mod variation_rules_tests;
