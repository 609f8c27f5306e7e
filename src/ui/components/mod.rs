//! Small shared components, and a GOV.UK component kit (one component a file, with
//! govuk-frontend's parameters where they fit: id, name, label, hint, error_message, items,
//! legend). Props are concrete types (`String`, `Signal<…>`, `Callback`, `Children`), not
//! generic ones, so each component is compiled once, not once per page that uses it.

mod badge;
mod checkboxes;
mod condition_card;
mod date_input;
mod error_message;
mod error_summary;
mod form_group;
mod header;
mod import_cohort;
mod input;
mod legend;
mod nominal_not_found;
mod page;
mod password_field;
mod radios;
mod select;
mod summary_list;
mod textarea;
mod timeline;
mod update_banner;

pub use badge::{BadgeTag, RiskTag};
pub use checkboxes::{CheckboxItem, Checkboxes};
pub use condition_card::ConditionCard;
pub use date_input::{DateInput, DateItem};
pub use error_message::ErrorMessage;
pub(crate) use error_message::{described_by, error_classes};
pub use error_summary::{
    error_for, has_error, ErrorSummary, ErrorSummaryList, FieldError, FieldMessage,
};
pub use form_group::FormGroup;
pub use header::Header;
pub use import_cohort::ImportCohort;
pub use input::Input;
pub use legend::Legend;
pub use nominal_not_found::NominalNotFound;
pub use page::Page;
pub use password_field::PasswordField;
pub use radios::{RadioItem, Radios};
pub use select::Select;
pub use summary_list::{SummaryList, SummaryRow};
pub use textarea::Textarea;
pub use timeline::Timeline;
pub use update_banner::UpdateBanner;
