//! Breaches: the structured breach report, the facts the enforcement rules read (a small borrowed
//! history, never the whole cohort), the explained recommendation (s.25 charge, recall, warning...)
//! and the DS's decision on it.

pub mod decision;
pub mod enforcement;
pub mod facts;
pub mod report;

pub use decision::*;
pub use enforcement::*;
pub use facts::*;
pub use report::*;
