//! The rules of orders, conditions, contacts, briefings and enforcement, in plain Rust.
//!
//! Nothing here knows about browsers, IndexedDB or Leptos: every rule is a function of its
//! inputs and "today", so it can be tested natively with `cargo test`.
//!
//! No input may crash the app: outside tests, clippy refuses here any `unwrap`, `expect`,
//! indexing, `panic!` or arithmetic that could overflow (dates use `checked_*` and
//! `signed_duration_since`). The demo cohort, built from constants, is the one exception.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::arithmetic_side_effects
    )
)]

pub mod attention;
mod awaiting_action;
mod bound;
pub mod breach;
mod breach_draft;
mod breach_facts;
pub mod breach_form;
pub mod briefing;
pub mod cohort;
mod cohort_checks;
mod cohort_cross_checks;
mod cohort_ids;
pub mod condition;
pub mod contact;
pub mod contact_form;
pub mod dates;
pub mod decision;
mod decision_checks;
mod enforcement;
pub mod evidence_pack;
mod evidence_rules;
pub mod exhibit;
pub mod exhibit_rules;
pub mod form;
pub mod id;
pub mod iso;
pub mod json;
pub mod json_de;
pub mod sort;
// Built from constants relative to the device's date, never from imported or typed data.
#[allow(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing
)]
pub mod demo;
pub mod nominal;
pub mod notification;
mod notification_draft;
pub mod notification_form;
pub mod order;
pub mod outcomes;
pub mod oversight;
mod oversight_figures;
pub mod recall_referral;
mod recall_referral_answers;
mod recall_referral_checks;
mod recall_referral_form;
pub mod record;
pub mod reference;
mod tagged;
pub mod timeline;
pub mod validation;
mod variation;
pub mod words;

pub use attention::{Badge, NominalSummary};
pub use breach::{
    recommend, BreachReport, EnforcementDecision, EnforcementLevel, IntelligenceAssessment, Reason,
    Recommendation,
};
pub use briefing::{Briefing, BriefingGap, BriefingTask, ConditionBriefed, CopyOfOrder, SignOff};
pub use cohort::{Cohort, CohortError, ImportSummary, Problem};
pub use condition::{Condition, Deadline, NotificationDuty, ProvisionFamily};
pub use contact::{Contact, ContactKind, ContactPlan, ContactStatus};
pub use decision::{BreachDecision, DecisionLevel};
pub use nominal::{CustodyStatus, Nominal, OfficerRef, RiskRating};
pub use notification::{Notification, NotificationKind, Timeliness};
pub use order::{Order, OrderStage, OrderStatus, Variation, VariationKind};
pub use record::FieldRecord;

#[cfg(test)]
#[path = "variation_tests.rs"]
mod variation_tests;

#[cfg(test)]
#[path = "variation_rules_tests.rs"]
mod variation_rules_tests;

#[cfg(test)]
#[path = "cohort_checks_tests.rs"]
mod cohort_checks_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "property_tests.rs"]
mod property_tests;

#[cfg(test)]
#[path = "exhibit_tests.rs"]
mod exhibit_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "dates_tests.rs"]
mod dates_tests;
