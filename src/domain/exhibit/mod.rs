//! Photo exhibits: the record of a photo taken as evidence, its reference, and its withdrawal
//! (an exhibit is never changed or removed).

pub mod photo;
pub mod rules;

pub use photo::*;
pub use rules::*;

#[cfg(test)]
mod exhibit_tests;
