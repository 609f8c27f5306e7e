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

// The folders, from the simple parts up to the aggregate and what reads it whole. Each folder
// uses only the folders above it in this list (`shared/tools/rust-circles.py src:2` checks it):
pub mod breach;
pub mod cohort;
pub mod common;
pub mod document;
pub mod evidence_pack;
pub mod exhibit;
pub mod field;
pub mod forms;
pub mod order;
pub mod oversight;
pub mod people;
pub mod referral;
pub mod time;
pub mod timeline;

pub use breach::{
    recommend, BreachReport, EnforcementDecision, EnforcementLevel, IntelligenceAssessment, Reason,
    Recommendation,
};
pub use breach::{BreachDecision, DecisionLevel};
pub use cohort::FieldRecord;
pub use cohort::{Cohort, CohortError, ImportSummary, Problem};
pub use field::{Briefing, BriefingGap, BriefingTask, ConditionBriefed, CopyOfOrder, SignOff};
pub use field::{Contact, ContactKind, ContactPlan, ContactStatus};
pub use field::{Notification, NotificationKind, Timeliness};
pub use order::{Condition, Deadline, NotificationDuty, ProvisionFamily, Schedule};
pub use order::{Order, OrderStage, OrderStatus, Variation, VariationKind};
pub use oversight::{Badge, NominalSummary};
pub use people::{CustodyStatus, Nominal, OfficerRef, RiskRating};
