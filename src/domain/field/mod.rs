//! What the officer records in the field about one nominal: contacts against the contact plan,
//! notifications the nominal owes police with their deadlines, and the release-day briefing.

pub mod briefing;
pub mod contact;
pub mod contact_form;
pub mod notification;
pub mod release;
mod tagged;

pub use briefing::*;
pub use contact::*;
pub use contact_form::*;
pub use notification::*;
