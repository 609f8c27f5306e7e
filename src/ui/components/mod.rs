//! Small shared components.

mod badge;
mod condition_card;
mod error_summary;
mod header;
mod import_cohort;
mod password_field;
mod summary_list;
mod timeline;
mod update_banner;

pub use badge::{BadgeTag, RiskTag};
pub use condition_card::ConditionCard;
pub use error_summary::{ErrorSummary, FieldError, FieldMessage};
pub use header::Header;
pub use import_cohort::ImportCohort;
pub use password_field::PasswordField;
pub use summary_list::{SummaryList, SummaryRow};
pub use timeline::Timeline;
pub use update_banner::UpdateBanner;
