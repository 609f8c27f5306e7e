//! The kinds of thing a nominal may have to tell police about (phone, vehicle, address, bank
//! account, travel...): what a provision's notification duty names, and what a notification
//! records.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    NewPhone,
    Vehicle,
    Address,
    BankAccount,
    Business,
    Employment,
    TravelRequest,
    Other,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 8] = [
        Self::NewPhone,
        Self::Vehicle,
        Self::Address,
        Self::BankAccount,
        Self::Business,
        Self::Employment,
        Self::TravelRequest,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewPhone => "New phone or number",
            Self::Vehicle => "Vehicle used",
            Self::Address => "Change of address",
            Self::BankAccount => "Bank account",
            Self::Business => "Business interest",
            Self::Employment => "Employment",
            Self::TravelRequest => "Travel request",
            Self::Other => "Other",
        }
    }

    /// What the event date means for this kind, for the question page.
    pub fn event_question(self) -> &'static str {
        match self {
            Self::TravelRequest => "When does the travel start?",
            Self::NewPhone => "When did they get the phone or number?",
            Self::Vehicle => "When did they first use the vehicle?",
            Self::Address => "When did they move?",
            Self::BankAccount => "When was the account opened?",
            _ => "When did it happen?",
        }
    }
}
