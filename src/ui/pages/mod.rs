//! One page per route.

mod cohort;
mod nominal;
mod not_found;

pub use cohort::CohortPage;
pub use nominal::NominalPage;
pub use not_found::NotFound;
