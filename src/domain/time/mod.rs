//! Dates as the law and the officer read them: calendar arithmetic that cannot overflow, en-GB
//! words (24 Nov 2026), the UK's local time, and the ISO forms the cohort file and the phone store
//! use. The bottom of the domain: it depends on nothing else here.

pub mod dates;
pub mod iso;

pub use dates::*;
pub use iso::*;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod dates_tests;
