//! The officer's forms on the phone, each built on the cohort: the breach report (questions,
//! problems, evidence), the notification, and the recall referral (what may be referred, and what the
//! cohort fills in first).

pub mod breach_draft;
pub mod breach_form;
pub mod custody_form;
pub mod evidence_rules;
pub mod keep_answers;
pub mod keep_forms;
pub mod nominal_form;
pub mod notification_draft;
pub mod notification_form;
pub mod referral_form;

pub use breach_draft::*;
pub use breach_form::*;
pub use evidence_rules::*;
pub use notification_draft::*;
pub use notification_form::*;
pub use referral_form::*;

// The desk's keeping forms (issue 21): a new order, its provisions, a variation.
pub mod order_form;
pub mod provision_form;
pub mod provision_text;
pub mod schedule_entry;
pub mod schedule_form;
pub mod variation_form;

#[cfg(test)]
mod order_form_tests;
#[cfg(test)]
mod provision_form_tests;
#[cfg(test)]
mod provision_text_tests;
#[cfg(test)]
mod schedule_form_tests;
// Holds a property test: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod variation_form_tests;
