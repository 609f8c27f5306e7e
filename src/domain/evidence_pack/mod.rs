//! The s.25 evidence pack for a breach report: what a prosecution for breach needs, gathered from the
//! cohort with the rules the rest of the app uses, and what it lacks.

pub mod pack;

pub use pack::*;
