//! Small shared components.

mod badge;
mod condition_card;
mod header;
mod summary_list;

pub use badge::{BadgeTag, RiskTag};
pub use condition_card::ConditionCard;
pub use header::Header;
pub use summary_list::{SummaryList, SummaryRow};
