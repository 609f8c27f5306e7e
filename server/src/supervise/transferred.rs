//! Which nominals the unit has transferred out, read from the server-authored `transfer`
//! records (written by `cohort::transfer`). Shared: the unit's scope (`unit`), the nominal page,
//! the cohort list and an import's preview all read it.
//!
//! The rule itself is in `held_unit.rs` (the unit held between pages works out its transferred
//! nominals with it, outside supervise/): one copy, re-exported here for the pages.

pub use crate::held_unit::{transfers, Transferred, TRANSFER_KIND as KIND};
