//! The parts of the evidence pack gathered from the cohort: the chain of corrections a report
//! belongs to, the release-day briefing, each provision as it stood on the day, the exhibits
//! and the outcome of an earlier breach.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Gap, PackExhibit, Provision};
use crate::domain::breach::decision::{decision_for, BreachDecision};
use crate::domain::breach::report::BreachReport;
use crate::domain::cohort::aggregate::Cohort;
use crate::domain::field::briefing::{Briefing, CopyOfOrder};
use crate::domain::order::scpo::Order;
use crate::domain::time::dates::format_date;

/// Every report id in the same chain of corrections as `report_id` (each report names the
/// one it corrects): its first report and every correction of it.
pub(crate) fn chain_of(reports: &[BreachReport], report_id: &str) -> Vec<String> {
    let root = |id: &str| -> String {
        let mut id = id.to_string();
        for _ in 0..=reports.len() {
            match reports
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| r.corrects.clone())
            {
                Some(prev) => id = prev,
                None => break,
            }
        }
        id
    };
    let mine = root(report_id);
    reports
        .iter()
        .filter(|r| root(&r.id) == mine)
        .map(|r| r.id.clone())
        .chain([mine.clone()])
        .collect()
}

/// The outcome of a report: the DS's decision, else the level the officer chose.
pub(crate) fn outcome(r: &BreachReport, decisions: &[BreachDecision]) -> String {
    match decision_for(&r.id, decisions) {
        Some(d) => format!(
            "{} (DS's decision, {})",
            d.level.label(),
            format_date(d.decided_at.date())
        ),
        None => format!(
            "{} (the officer's chosen level; no DS decision on this phone)",
            r.decision.chosen.label()
        ),
    }
}

/// The signed release-day briefing on the report's order: the latest signed by the time of the
/// breach, else the first signed after it (with a gap). Its own gaps are added.
pub(crate) fn release_day_briefing(
    cohort: &Cohort,
    r: &BreachReport,
    gaps: &mut Vec<Gap>,
) -> Option<Briefing> {
    let signed: Vec<(NaiveDateTime, &Briefing)> = cohort
        .briefings
        .iter()
        .filter(|b| b.nominal_id == r.nominal_id && b.order_id == r.order_id)
        .filter_map(|b| b.signed_off.as_ref().map(|s| (s.at, b)))
        .collect();
    let before = signed
        .iter()
        .filter(|(at, _)| *at <= r.occurred_at)
        .max_by_key(|(at, b)| (*at, b.id.as_str()));
    let after = signed
        .iter()
        .filter(|(at, _)| *at > r.occurred_at)
        .min_by_key(|(at, b)| (*at, b.id.as_str()));
    let Some((at, b)) = before.or(after) else {
        gaps.push(Gap::NoBriefing);
        return None;
    };
    if *at > r.occurred_at {
        gaps.push(Gap::BriefingAfterBreach {
            signed_on: at.date(),
        });
    }
    if !b.body_worn_video_on || b.body_worn_video_reference.trim().is_empty() {
        gaps.push(Gap::NoBodyWornVideo);
    }
    match &b.copy_of_order {
        CopyOfOrder::HandedOver => {}
        CopyOfOrder::NotHandedOver { reason } => gaps.push(Gap::CopyNotHandedOver {
            reason: reason.trim().to_string(),
        }),
        CopyOfOrder::NotRecorded => gaps.push(Gap::CopyNotRecorded),
    }
    Some((*b).clone())
}

/// One breached provision as it stood on `day`.
pub(crate) fn provision(
    cohort: &Cohort,
    order: Option<&Order>,
    id: &str,
    day: NaiveDate,
    release: Option<NaiveDate>,
) -> Provision {
    let condition = cohort.condition(id).cloned();
    // Replayed in order of taking effect: a provision may be ended and added back.
    let (added_by, ended_by) = match (&condition, order) {
        (Some(c), Some(o)) => {
            let (added, ended) = c.variations_about(o, day);
            (added.cloned(), ended.cloned())
        }
        _ => (None, None),
    };
    let not_in_force = match (&condition, order) {
        (Some(c), Some(o)) => c.why_not_in_force(o, day, release).map(|w| w.to_string()),
        (Some(_), None) => Some("its order is not on this phone".to_string()),
        (None, _) => None,
    };
    let in_force_from = [
        order.and_then(Order::comes_into_force),
        condition.as_ref().and_then(|c| c.starts),
        added_by.as_ref().map(|v| v.takes_effect),
    ]
    .into_iter()
    .flatten()
    .max();
    let replaces = condition
        .as_ref()
        .and_then(|c| c.replaces.as_deref())
        .and_then(|r| cohort.condition(r))
        .cloned();
    Provision {
        condition_id: id.to_string(),
        condition,
        in_force_from,
        not_in_force,
        added_by,
        replaces,
        ended_by,
    }
}

/// The exhibits for the report (any version of it): photo exhibits captured in the app, then
/// the evidence typed into the report. Withdrawn exhibits are kept and marked.
pub(crate) fn exhibits(cohort: &Cohort, r: &BreachReport, chain: &[String]) -> Vec<PackExhibit> {
    let mut photos: Vec<_> = cohort
        .exhibits
        .iter()
        .filter(|e| e.nominal_id == r.nominal_id && chain.contains(&e.record_id))
        .collect();
    crate::domain::common::sort::sort_by(&mut photos, |a, b| {
        (a.captured_at, &a.reference).cmp(&(b.captured_at, &b.reference))
    });
    let photos = photos.into_iter().map(|e| PackExhibit {
        reference: e.reference.clone(),
        description: e.description.clone(),
        sha256: Some(e.sha256.clone()),
        captured_at: Some(e.captured_at),
        captured_by: Some(e.officer_name.clone()),
        withdrawn: cohort
            .exhibit_withdrawals
            .iter()
            .filter(|w| w.exhibit_id == e.id)
            .max_by_key(|w| w.withdrawn_at)
            .map(|w| {
                format!(
                    "Withdrawn on {} by {}: {}",
                    format_date(w.withdrawn_at.date()),
                    w.officer_name,
                    w.reason.trim()
                )
            }),
    });
    let typed = r.evidence.iter().map(|e| PackExhibit {
        reference: if e.reference.trim().is_empty() {
            "No reference".to_string()
        } else {
            e.reference.trim().to_string()
        },
        description: format!("{}: {}", e.kind.label(), e.description),
        sha256: None,
        captured_at: None,
        captured_by: None,
        withdrawn: None,
    });
    photos.chain(typed).collect()
}
