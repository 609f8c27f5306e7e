//! A recall referral's answers as its draft keeps them: a list of strings in field order, so
//! the draft needs no serde code of its own in the wasm (the app already reads and writes lists
//! of strings).

use serde::{Deserialize, Serialize};

/// The answers of the referral form, as typed. Kept as a draft on the phone as a list of
/// strings in field order (`from`/`into` a `Vec<String>`): the app already reads and writes
/// lists of strings, so the draft costs no serde code of its own in the wasm.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct ReferralAnswers {
    /// `prison`, `police` or `no`.
    pub custody_now: String,
    pub arrest_issues: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub last_address: String,
    pub other_addresses: String,
    pub contraband_risk: String,
    /// `yes` or `no`.
    pub charged: String,
    pub charge_details: String,
    pub circumstances: String,
    pub earlier_breaches: String,
    pub not_for_disclosure: String,
}

/// The fields of the referral form; `id()` is the id of its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralField {
    CustodyNow,
    ArrestIssues,
    ContactName,
    ContactEmail,
    ContactPhone,
    LastAddress,
    OtherAddresses,
    ContrabandRisk,
    Charged,
    ChargeDetails,
    Circumstances,
    EarlierBreaches,
    NotForDisclosure,
}

impl ReferralField {
    pub fn id(self) -> &'static str {
        match self {
            Self::CustodyNow => "custody-now",
            Self::ArrestIssues => "arrest-issues",
            Self::ContactName => "contact-name",
            Self::ContactEmail => "contact-email",
            Self::ContactPhone => "contact-phone",
            Self::LastAddress => "last-address",
            Self::OtherAddresses => "other-addresses",
            Self::ContrabandRisk => "contraband-risk",
            Self::Charged => "charged",
            Self::ChargeDetails => "charge-details",
            Self::Circumstances => "circumstances",
            Self::EarlierBreaches => "earlier-breaches",
            Self::NotForDisclosure => "not-for-disclosure",
        }
    }
}

/// A plausible email address: one `@`, something before it, a dot in the domain after it, no
/// spaces.
pub fn email_shape_ok(email: &str) -> bool {
    let e = email.trim();
    match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && !e.contains(char::is_whitespace)
                && domain.split('.').count() >= 2
                && domain.split('.').all(|part| !part.is_empty())
        }
        None => false,
    }
}

impl From<ReferralAnswers> for Vec<String> {
    fn from(a: ReferralAnswers) -> Self {
        vec![
            a.custody_now,
            a.arrest_issues,
            a.contact_name,
            a.contact_email,
            a.contact_phone,
            a.last_address,
            a.other_addresses,
            a.contraband_risk,
            a.charged,
            a.charge_details,
            a.circumstances,
            a.earlier_breaches,
            a.not_for_disclosure,
        ]
    }
}

/// A draft saved as a list: missing strings are empty, extra ones ignored.
impl From<Vec<String>> for ReferralAnswers {
    fn from(v: Vec<String>) -> Self {
        let mut v = v.into_iter();
        let mut next = || v.next().unwrap_or_default();
        ReferralAnswers {
            custody_now: next(),
            arrest_issues: next(),
            contact_name: next(),
            contact_email: next(),
            contact_phone: next(),
            last_address: next(),
            other_addresses: next(),
            contraband_risk: next(),
            charged: next(),
            charge_details: next(),
            circumstances: next(),
            earlier_breaches: next(),
            not_for_disclosure: next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_go_to_a_list_and_back_unchanged_and_a_short_list_leaves_the_rest_empty() {
        let a = ReferralAnswers {
            custody_now: "no".into(),
            arrest_issues: "A dog".into(),
            contact_email: "pc@example.org".into(),
            charged: "yes".into(),
            not_for_disclosure: "Withheld".into(),
            ..ReferralAnswers::default()
        };
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.starts_with("[\"no\",\"A dog\","), "{json}");
        assert_eq!(serde_json::from_str::<ReferralAnswers>(&json).unwrap(), a);
        let short: ReferralAnswers = serde_json::from_str("[\"prison\"]").unwrap();
        assert_eq!(short.custody_now, "prison");
        assert_eq!(short.not_for_disclosure, "");
    }
}
