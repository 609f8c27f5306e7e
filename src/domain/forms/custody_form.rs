//! Custody and licence events recorded at the desk (issue 21): a release date fixed or moved,
//! a release (the order that waits for it comes into force that day), a licence end changed, a
//! recall to custody, a licence ended. Which events can follow depends on where the nominal is;
//! each event asks its own dates and makes the custody as it would be, with the reason kept.

use chrono::NaiveDate;

use super::keep_answers::{date_answer, FormAnswers, KeepProblem};
use super::nominal_form::probation_answer;
use crate::domain::people::nominal::CustodyStatus;
use crate::domain::time::dates::format_date;

/// The events, by code, with their labels.
pub const EVENTS: [(&str, &str); 5] = [
    ("release_date", "The release date is fixed or has moved"),
    ("released", "Released from custody"),
    ("licence_end", "The licence's last day has changed"),
    ("recalled", "Recalled to custody"),
    ("licence_ended", "The licence has ended"),
];

/// The events that can follow `custody`: in custody, a release date or a release; on licence,
/// a change of its end, a recall or its end. None otherwise.
pub fn events_for(custody: &CustodyStatus) -> Vec<(&'static str, &'static str)> {
    let codes: &[&str] = match custody {
        CustodyStatus::InCustody { .. } => &["release_date", "released"],
        CustodyStatus::OnLicence { .. } => &["licence_end", "recalled", "licence_ended"],
        CustodyStatus::LicenceEnded { .. } | CustodyStatus::InCommunity { .. } => &[],
    };
    EVENTS
        .into_iter()
        .filter(|(c, _)| codes.contains(c))
        .collect()
}

/// The event chosen, or its problem.
pub fn check_event(custody: &CustodyStatus, a: &FormAnswers) -> Vec<KeepProblem> {
    if events_for(custody)
        .iter()
        .any(|(c, _)| *c == a.get("event"))
    {
        vec![]
    } else {
        vec![KeepProblem::new("event", "Select what has happened")]
    }
}

/// The fields the dates page of `event` asks (dates as their three boxes).
pub fn event_fields(event: &str) -> Vec<String> {
    let date = |p: &str| {
        vec![
            format!("{p}-day"),
            format!("{p}-month"),
            format!("{p}-year"),
        ]
    };
    let probation = ["probation_name", "probation_phone", "probation_email"].map(String::from);
    match event {
        "release_date" => date("expected"),
        "released" => [
            date("released"),
            vec!["licence".into()],
            date("licence_ends"),
            probation.to_vec(),
        ]
        .concat(),
        "licence_end" => date("licence_ends"),
        "recalled" => [date("recalled"), date("expected")].concat(),
        "licence_ended" => date("ended"),
        _ => vec![],
    }
}

fn not_future(
    day: Option<NaiveDate>,
    today: NaiveDate,
    field: &'static str,
    name: &str,
    p: &mut Vec<KeepProblem>,
) {
    if day.is_some_and(|d| d > today) {
        p.push(KeepProblem::new(
            field,
            format!("{name} must be today or in the past"),
        ));
    }
}

/// The custody after the event, and the reason kept with the change ("Released on 24 Nov
/// 2026"); or every problem.
pub fn apply_event(
    custody: &CustodyStatus,
    a: &FormAnswers,
    today: NaiveDate,
) -> Result<(CustodyStatus, String), Vec<KeepProblem>> {
    let mut p = check_event(custody, a);
    if !p.is_empty() {
        return Err(p);
    }
    let expected = |p: &mut Vec<KeepProblem>| {
        let name = "The expected date of release";
        date_answer(a, "expected", "Enter the expected date of release", name, p)
    };
    let done = match (a.get("event"), custody) {
        ("release_date", _) => expected(&mut p).map(|d| {
            let reason = format!("Release date fixed for {}", format_date(d));
            (
                // A release date moved while recalled: the recall is kept.
                CustodyStatus::InCustody {
                    expected_release: d,
                    recall: None,
                }
                .following(custody),
                reason,
            )
        }),
        ("released", _) => {
            let name = "The date of release";
            let r = date_answer(a, "released", "Enter the date of release", name, &mut p);
            not_future(r, today, "released-day", name, &mut p);
            // A release after a recall: after the recall's day, and the recall is kept.
            if let (Some(day), Some(recall)) = (r, custody.recall()) {
                if day <= recall.recalled_on {
                    p.push(KeepProblem::new(
                        "released-day",
                        format!(
                            "The date of release must be after the recall on {}",
                            format_date(recall.recalled_on)
                        ),
                    ));
                }
            }
            let after = match a.get("licence") {
                "yes" => {
                    let name = "The licence's last day";
                    let missing = "Enter the licence's last day";
                    let e = date_answer(a, "licence_ends", missing, name, &mut p);
                    let probation = probation_answer(a, &mut p);
                    match (r, e, probation) {
                        (Some(released_on), Some(licence_ends), Some(probation)) => {
                            Some(CustodyStatus::OnLicence {
                                released_on,
                                licence_ends,
                                probation,
                                recall: None,
                            })
                        }
                        _ => None,
                    }
                }
                "no" => r.map(|since| CustodyStatus::InCommunity {
                    since,
                    recall: None,
                }),
                _ => {
                    let m = "Select whether they are released on licence";
                    p.push(KeepProblem::new("licence", m));
                    None
                }
            };
            after
                .zip(r)
                .map(|(c, r)| (c.following(custody), released_reason(custody, r)))
        }
        (
            "licence_end",
            CustodyStatus::OnLicence {
                released_on,
                probation,
                ..
            },
        ) => {
            let name = "The licence's last day";
            let e = date_answer(
                a,
                "licence_ends",
                "Enter the licence's last day",
                name,
                &mut p,
            );
            e.map(|licence_ends| {
                let reason = format!("Licence end changed to {}", format_date(licence_ends));
                let c = CustodyStatus::OnLicence {
                    released_on: *released_on,
                    licence_ends,
                    probation: probation.clone(),
                    recall: None,
                };
                (c.following(custody), reason)
            })
        }
        ("recalled", _) => {
            let name = "The date of recall";
            let r = date_answer(a, "recalled", "Enter the date of recall", name, &mut p);
            not_future(r, today, "recalled-day", name, &mut p);
            // The release the licence began with is kept (and the first release of the
            // sentence): an order that came into force on it stays in force (a recall does not
            // end the order).
            let released_on = custody.release_date();
            if r.is_some_and(|r| r < released_on) {
                p.push(KeepProblem::new(
                    "recalled-day",
                    format!(
                        "The date of recall must be on or after the release on {}",
                        format_date(released_on)
                    ),
                ));
            }
            let e = expected(&mut p);
            r.zip(e).map(|(recalled_on, e)| {
                let reason = format!("Recalled to custody on {}", format_date(recalled_on));
                (custody.recalled(recalled_on, e), reason)
            })
        }
        ("licence_ended", CustodyStatus::OnLicence { released_on, .. }) => {
            let name = "The day the licence ended";
            let e = date_answer(a, "ended", "Enter the day the licence ended", name, &mut p);
            not_future(e, today, "ended-day", name, &mut p);
            e.map(|licence_ended| {
                let reason = format!("Licence ended on {}", format_date(licence_ended));
                let c = CustodyStatus::LicenceEnded {
                    released_on: *released_on,
                    licence_ended,
                    recall: None,
                };
                (c.following(custody), reason)
            })
        }
        _ => None,
    };
    match done {
        Some(d) if p.is_empty() => Ok(d),
        _ => Err(p),
    }
}

/// The hint under the date of release: after a recall, the day it must follow and that the
/// order stays in force; else that an order waiting for release comes into force that day.
pub fn released_hint(custody: &CustodyStatus) -> String {
    match (custody, custody.recall()) {
        (CustodyStatus::InCustody { .. }, Some(r)) => format!(
            "After the recall on {}. An order in force since the release on {} stays in force.",
            format_date(r.recalled_on),
            format_date(r.first_release())
        ),
        _ => "An order made to come into force on release comes into force on this day.".into(),
    }
}

/// "Released on 3 Mar 2027", or after a recall "Re-released on 3 Mar 2027 after recall".
fn released_reason(before: &CustodyStatus, day: NaiveDate) -> String {
    match before.recall() {
        Some(_) => format!("Re-released on {} after recall", format_date(day)),
        None => format!("Released on {}", format_date(day)),
    }
}

#[cfg(test)]
#[path = "custody_form_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "custody_recall_tests.rs"]
mod recall_tests;

#[cfg(test)]
#[path = "custody_rerelease_tests.rs"]
mod rerelease_tests;

// A property test (proptest): native only, as `cohort::property_tests`.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "custody_sequence_tests.rs"]
mod sequence_tests;
