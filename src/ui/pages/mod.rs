//! One page per route, plus the passcode screens the gate shows while locked.

mod breach;
mod briefing;
mod cohort;
mod contact;
mod device;
mod exhibit;
mod gate;
mod lock;
mod nominal;
mod not_found;
mod notifications;
mod schedule_search;
mod start_again;
mod sync_panel;
mod welcome;

pub use breach::{
    BreachPage, BreachPrintPage, BreachSubmittedPage, EvidencePackPage, MakeReferralPage,
    ReferralPage, ReferralPrintPage,
};
pub use briefing::BriefingPage;
pub use cohort::CohortPage;
pub use contact::ContactPage;
pub use device::DevicePage;
pub use exhibit::{AddExhibitPage, ExhibitPage};
pub use gate::Gate;
pub use nominal::NominalPage;
pub use not_found::NotFound;
pub use notifications::{NotificationsPage, RecordNotificationPage};
pub use schedule_search::ScheduleSearchPage;
