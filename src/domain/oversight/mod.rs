//! What the DS answers for: the unit's figures (contacts overdue, notifications late, breaches
//! awaiting a decision...), the outcomes of breaches, and what needs an officer's attention.

pub mod attention;
pub mod awaiting_action;
pub mod figures;
pub mod outcomes;
pub mod unit;

pub use attention::*;
pub use figures::*;
pub use outcomes::*;
pub use unit::*;
