//! The recall referral to HMPPS: the referral and its status updates as records, with the answers
//! the referral form asks for.

pub mod answers;
pub mod record;

pub use answers::*;
pub use record::*;
