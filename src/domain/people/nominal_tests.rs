//! The nominal: licence days, name search, age, risk order.

use super::*;
use crate::domain::time::dates::ymd;

fn sample() -> Nominal {
    Nominal {
        id: "N-T1".into(),
        given_name: "Testy".into(),
        family_name: "Example".into(),
        aliases: vec!["Tex".into()],
        date_of_birth: ymd(1988, 2, 29),
        risk: RiskRating::High,
        risk_reviewed_on: ymd(2026, 10, 1),
        offender_manager: OfficerRef {
            id: "PC-0001".into(),
            name: "PC Sample".into(),
        },
        custody: CustodyStatus::OnLicence {
            released_on: ymd(2026, 11, 24),
            licence_ends: ymd(2027, 11, 23),
            probation: ProbationContact {
                name: "PP Sample".into(),
                phone: None,
                email: None,
            },
            recall: None,
        },
        address: None,
        phone: None,
    }
}

#[test]
fn licence_runs_from_release_day_to_its_last_day_inclusive() {
    let n = sample();
    assert!(!n.custody.on_licence_on(ymd(2026, 11, 23)));
    assert!(n.custody.on_licence_on(ymd(2026, 11, 24)));
    assert!(n.custody.on_licence_on(ymd(2027, 11, 23)));
    assert!(!n.custody.on_licence_on(ymd(2027, 11, 24)));
}

#[test]
fn a_licence_that_has_ended_was_still_in_force_on_the_days_it_covered() {
    let ended = CustodyStatus::LicenceEnded {
        released_on: ymd(2024, 1, 1),
        licence_ended: ymd(2025, 1, 1),
        recall: None,
    };
    assert!(!ended.on_licence_on(ymd(2023, 12, 31)));
    assert!(ended.on_licence_on(ymd(2024, 1, 1)));
    assert!(ended.on_licence_on(ymd(2024, 6, 1)));
    assert!(ended.on_licence_on(ymd(2025, 1, 1)));
    assert!(!ended.on_licence_on(ymd(2025, 1, 2)));
}

#[test]
fn a_file_still_labelled_on_licence_after_its_end_date_or_in_custody_is_not_on_licence() {
    let n = sample();
    assert!(!n.custody.on_licence_on(ymd(2028, 1, 1)));
    let inside = CustodyStatus::InCustody {
        expected_release: ymd(2027, 1, 1),
        recall: None,
    };
    assert!(!inside.on_licence_on(ymd(2027, 1, 1)));
}

#[test]
fn search_matches_names_and_aliases_case_insensitively() {
    let n = sample();
    assert!(n.matches_name("testy"));
    assert!(n.matches_name("EXAMPLE testy"));
    assert!(n.matches_name(" tex "));
    assert!(n.matches_name(""));
    assert!(!n.matches_name("someone"));
    assert_eq!(n.display_name(), "EXAMPLE, Testy");
}

#[test]
fn age_counts_leap_day_birthdays_correctly() {
    let n = sample();
    assert_eq!(n.age_on(ymd(2026, 2, 28)), 37);
    assert_eq!(n.age_on(ymd(2026, 3, 1)), 38);
    assert_eq!(n.age_on(ymd(2028, 2, 29)), 40);
}

#[test]
fn risk_sorts_most_serious_first() {
    let mut r = vec![RiskRating::Low, RiskRating::VeryHigh, RiskRating::Medium];
    r.sort();
    assert_eq!(
        r,
        vec![RiskRating::VeryHigh, RiskRating::Medium, RiskRating::Low]
    );
}
