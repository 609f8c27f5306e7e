//! The recall kept with custody in the cohort file: files written before it read the same, a
//! recall kept with a licence reads back, and dates that cannot follow each other are problems.

use super::*;
use crate::domain::cohort::demo::demo_cohort;
use crate::domain::cohort::Cohort;
use crate::domain::time::dates::ymd;

fn file_with_custody(custody: &str) -> String {
    let c = demo_cohort(ymd(2026, 11, 24));
    let mut v: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
    v["nominals"][0]["custody"] = serde_json::from_str(custody).unwrap();
    v.to_string()
}

fn custody_of(json: &str) -> CustodyStatus {
    Cohort::from_json(json).unwrap().nominals[0].custody.clone()
}

#[test]
fn old_files_read_the_same_and_write_no_recall() {
    let on = r#"{"status":"on_licence","released_on":"2026-11-24","licence_ends":"2028-05-18","probation":{"name":"PP Sample"}}"#;
    let ended =
        r#"{"status":"licence_ended","released_on":"2025-01-01","licence_ended":"2026-01-01"}"#;
    let community = r#"{"status":"in_community","since":"2026-01-01"}"#;
    let inside = r#"{"status":"in_custody","expected_release":"2027-03-01","recall":{"released_on":"2026-11-24","recalled_on":"2027-01-10"}}"#;
    for old in [on, ended, community, inside] {
        let custody = custody_of(&file_with_custody(old));
        assert_eq!(
            custody.first_release(),
            custody
                .recall()
                .map_or(custody.release_date(), |r| r.released_on)
        );
        assert_eq!(custody.recall().and_then(|r| r.first_released_on), None);
        // Written back exactly as it was.
        let written: serde_json::Value = serde_json::to_value(&custody).unwrap();
        let was: serde_json::Value = serde_json::from_str(old).unwrap();
        assert_eq!(written["recall"], was["recall"]);
        assert_eq!(
            written.as_object().unwrap().len(),
            was.as_object().unwrap().len()
        );
    }
}

#[test]
fn a_re_release_keeps_the_recall_and_the_first_release_in_the_file() {
    let json = file_with_custody(
        r#"{"status":"on_licence","released_on":"2027-09-01","licence_ends":"2028-09-01","probation":{"name":"PP Sample"},
            "recall":{"released_on":"2027-03-03","recalled_on":"2027-06-01","first_released_on":"2026-11-24"}}"#,
    );
    let c = Cohort::from_json(&json).unwrap();
    assert!(c.validate().is_empty(), "{:?}", c.validate());
    let custody = &c.nominals[0].custody;
    assert_eq!(custody.first_release(), ymd(2026, 11, 24));
    assert_eq!(custody.release_date(), ymd(2027, 9, 1));
    assert_eq!(Cohort::from_json(&c.to_json()).unwrap(), c);
}

#[test]
fn dates_out_of_order_around_a_recall_are_problems_at_their_fields() {
    let bad = [
        // Re-released before the recall.
        (
            r#"{"status":"on_licence","released_on":"2027-01-01","licence_ends":"2028-01-01","probation":{"name":"PP"},"recall":{"released_on":"2026-11-24","recalled_on":"2027-01-10"}}"#,
            "custody.released_on",
            "is before the recall on 10 Jan 2027",
        ),
        (
            r#"{"status":"in_community","since":"2027-01-01","recall":{"released_on":"2026-11-24","recalled_on":"2027-01-10"}}"#,
            "custody.since",
            "is before the recall on 10 Jan 2027",
        ),
        // The first release after the release a recall ended.
        (
            r#"{"status":"in_custody","expected_release":"2027-09-01","recall":{"released_on":"2027-03-03","recalled_on":"2027-06-01","first_released_on":"2027-04-01"}}"#,
            "custody.recall.released_on",
            "is before the first release",
        ),
    ];
    for (custody, field, words) in bad {
        // Reading the file judges it: refused, with the problem at its field.
        let problems = Cohort::from_json(&file_with_custody(custody))
            .unwrap_err()
            .problems;
        assert!(
            problems
                .iter()
                .any(|p| p.path == format!("nominals[0].{field}") && p.reason.contains(words)),
            "{custody}: {problems:?}"
        );
    }
}

#[test]
fn a_breach_in_the_licence_a_recall_ended_was_on_licence() {
    let recall = Recall {
        released_on: ymd(2027, 3, 1),
        recalled_on: ymd(2027, 6, 10),
        first_released_on: None,
    };
    let recalled = CustodyStatus::InCustody {
        expected_release: ymd(2027, 9, 1),
        recall: Some(recall),
    };
    assert!(
        !recalled.on_licence_on(ymd(2027, 2, 28)),
        "before the release"
    );
    assert!(
        recalled.on_licence_on(ymd(2027, 3, 1)),
        "the day of release"
    );
    assert!(
        recalled.on_licence_on(ymd(2027, 6, 10)),
        "the day of the recall"
    );
    assert!(
        !recalled.on_licence_on(ymd(2027, 6, 11)),
        "recalled: in custody"
    );
    let again = CustodyStatus::OnLicence {
        released_on: ymd(2027, 9, 1),
        licence_ends: ymd(2028, 3, 1),
        probation: crate::domain::people::ProbationContact {
            name: "Probation Officer Example".into(),
            phone: None,
            email: None,
        },
        recall: Some(recall),
    };
    assert!(again.on_licence_on(ymd(2027, 5, 1)), "the earlier licence");
    assert!(
        !again.on_licence_on(ymd(2027, 7, 1)),
        "between recall and re-release"
    );
    assert!(again.on_licence_on(ymd(2027, 9, 1)), "the licence now");
}
