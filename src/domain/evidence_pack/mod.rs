//! The s.25 evidence pack for a breach report: what a prosecution for breach needs, gathered from the
//! cohort with the rules the rest of the app uses, and what it lacks. With the documents printed
//! from a breach report: the pack itself and the report's print view.

pub mod pack;
pub mod pack_document;
pub mod report_document;

pub use pack::*;
pub use pack_document::pack_document;
pub use report_document::report_document;

#[cfg(test)]
#[path = "document_tests.rs"]
mod document_tests;
