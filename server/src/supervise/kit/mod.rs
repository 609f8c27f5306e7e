//! The desk's GOV.UK components, as maud templates: every value put in them is escaped by maud
//! unless wrapped in `PreEscaped`, which no component does with data. One component a file, as
//! GOV.UK Frontend keeps one a folder; pages build their bodies from these and from `html!`.
//!
//! Hint and error ids follow GOV.UK: `{id}-hint` and `{id}-error`, both named in the field's
//! `aria-describedby`.

mod back_link;
mod button;
mod checkbox;
mod conditional;
mod date_fields;
mod error_summary;
mod field;
mod layout;
mod panel;
mod summary_list;
mod table;
mod tag;
mod upload;
mod warning_text;

pub use back_link::back_link;
pub use button::{button, button_class, ButtonKind};
pub use checkbox::{checkbox, select};
pub use conditional::conditional_radios;
pub use date_fields::named_date_input;
pub use error_summary::{error_summary, titled, Problem};
pub use field::{
    date_input, described_by, error_message, field_error, officer_select, radios, text_input,
    textarea, Radio, TextField,
};
pub use layout::{csrf_field, page, page_at, NAV};
pub use panel::{confirmation_panel, success_panel};
pub use summary_list::{summary_list, Row};
pub use table::{table, table_with, Column, Layout};
pub use tag::{tag, Colour};
pub use upload::{file_upload, pasted_text};
pub use warning_text::{inset_text, warning_text};
