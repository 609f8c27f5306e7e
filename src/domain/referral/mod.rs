//! The recall referral to HMPPS: the referral and its status updates as records, with the answers
//! the referral form asks for, and the police information for Part A as a printed document.

pub mod answers;
pub mod document;
pub mod record;

pub use answers::*;
pub use document::referral_document;
pub use record::*;
