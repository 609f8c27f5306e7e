//! A recall referral's answers as its draft keeps them: a list of strings in field order, so
//! the draft needs no serde code of its own in the wasm (the app already reads and writes lists
//! of strings).

use super::recall_referral_form::ReferralAnswers;

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
