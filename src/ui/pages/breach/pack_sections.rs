//! The six sections of the evidence pack, each as rows and lists of text.

use leptos::prelude::*;

use super::{h3, list, or_none, para, rows, yes_no, Rows};
use crate::domain::evidence_pack::pack::{EvidencePack, Provision};
use crate::domain::field::briefing::CopyOfOrder;
use crate::domain::time::dates::{format_date, format_date_time};

pub(super) fn order_section(p: &EvidencePack, day: &str) -> Vec<AnyView> {
    let describe = |v: &crate::domain::Variation| {
        format!(
            "{}: {} (made {} by {}; in force from {})",
            v.kind.label(),
            v.summary,
            format_date(v.made_on),
            v.court,
            format_date(v.takes_effect)
        )
    };
    let mut out = vec![];
    if let Some(o) = &p.order {
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "Not set".into(), format_date);
        out.push(rows(vec![
            ("Court", o.court.clone()),
            ("Reference", o.court_reference.clone()),
            ("Granted", date(o.date_granted())),
            ("In force from", date(o.comes_into_force())),
            ("Ends (as on the breach day)", date(o.ends_on(p.day))),
        ]));
    }
    out.push(h3(format!("Variations in force on {day}")));
    out.push(or_none(
        p.variations_in_force.iter().map(describe).collect(),
        "None: the order as granted.",
    ));
    if !p.later_variations.is_empty() {
        out.push(para(format!("Later variations, not in force on {day}:")));
        out.push(list(p.later_variations.iter().map(describe).collect()));
    }
    out.push(view! {
        <p class="body"><strong>"A certified copy of the order (s.25(4)) must come from the court."</strong>" This pack records what is held on the phone; it does not prove the order's terms."</p>
    }.into_any());
    out
}

pub(super) fn bound_section(p: &EvidencePack) -> Vec<AnyView> {
    let how = p
        .order
        .as_ref()
        .and_then(|o| o.bound.as_ref())
        .map_or_else(|| "Not recorded".into(), |b| b.describe());
    let mut r: Rows = vec![("How the person is bound", how)];
    let Some(b) = &p.briefing else {
        r.push(("Release-day briefing", "None recorded".into()));
        return vec![rows(r)];
    };
    let signed = b.signed_off.as_ref().map_or_else(
        || "Not signed off".into(),
        |s| {
            format!(
                "Signed off {} by {}",
                format_date_time(s.at),
                s.officer_name
            )
        },
    );
    r.push(("Release-day briefing", signed));
    r.push((
        "Body-worn video",
        match b.body_worn_video_reference.trim() {
            "" => "No reference recorded".into(),
            x => format!("Reference {x}"),
        },
    ));
    r.push((
        "Copy of the order",
        match &b.copy_of_order {
            CopyOfOrder::HandedOver => "Handed over".into(),
            CopyOfOrder::NotHandedOver { reason } => format!("Not handed over: {reason}"),
            CopyOfOrder::NotRecorded => "Not recorded".into(),
        },
    ));
    r.push((
        "Told that telling probation is not telling police",
        yes_no(b.probation_is_not_police_confirmed).into(),
    ));
    let briefed = p
        .briefed
        .iter()
        .map(|c| {
            let mut s = format!(
                "{}{} Explained: {}; understood: {}.",
                if c.breached { "(Breached) " } else { "" },
                c.summary,
                yes_no(c.explained),
                yes_no(c.understood)
            );
            if !c.question.trim().is_empty() {
                s.push_str(&format!(" Question raised: {}", c.question.trim()));
            }
            s
        })
        .collect();
    vec![
        rows(r),
        h3("Condition by condition".into()),
        or_none(briefed, "No conditions recorded."),
    ]
}

pub(super) fn provision_view(x: &Provision, day: &str) -> AnyView {
    let Some(c) = &x.condition else {
        return para(format!(
            "Provision {} (its wording is not on this phone)",
            x.condition_id
        ));
    };
    let from = x
        .in_force_from
        .map_or_else(|| "not known".into(), format_date);
    let mut notes = vec![];
    if let Some(v) = &x.added_by {
        notes.push(format!(
            "Added by a variation ({}) from {}.",
            v.court,
            format_date(v.takes_effect)
        ));
    }
    if let Some(old) = &x.replaces {
        notes.push(format!("It replaced this wording: “{}”", old.verbatim));
    }
    match (&x.not_in_force, &x.ended_by) {
        (Some(why), _) => notes.push(format!("Not in force on {day}: {why}.")),
        (None, Some(v)) => notes.push(format!(
            "Ended by a later variation ({}) from {}.",
            v.court,
            format_date(v.takes_effect)
        )),
        _ => {}
    }
    view! {
        <div class="report__condition">
            <h3 class="heading-s">{c.summary.clone()}</h3>
            <p class="hint">{format!("{} · in force from {from}", c.family.label())}</p>
            <blockquote class="report__verbatim">{c.verbatim.clone()}</blockquote>
            {list(notes)}
        </div>
    }
    .into_any()
}

pub(super) fn facts_section(p: &EvidencePack) -> Vec<AnyView> {
    let r = &p.report;
    vec![rows(vec![
        ("When", r.when()),
        ("Where", r.location.clone()),
        ("What was seen", r.what_was_seen.clone()),
        (
            "Any explanation given",
            r.explanation
                .clone()
                .unwrap_or_else(|| "None recorded".into()),
        ),
        ("Officer", format!("{} ({})", r.officer_name, r.officer_id)),
        ("Recorded", format_date_time(r.recorded_at)),
    ])]
}

pub(super) fn exhibits_section(p: &EvidencePack) -> Vec<AnyView> {
    if p.exhibits.is_empty() {
        return vec![para("None recorded.".into())];
    }
    let not = || "Not recorded".to_string();
    p.exhibits
        .iter()
        .map(|e| {
            let mut r: Rows = vec![
                ("Reference", e.reference.clone()),
                ("Description", e.description.clone()),
                ("SHA-256", e.sha256.clone().unwrap_or_else(not)),
                (
                    "Captured at",
                    e.captured_at.map_or_else(not, format_date_time),
                ),
                ("By", e.captured_by.clone().unwrap_or_else(not)),
            ];
            if let Some(w) = &e.withdrawn {
                r.push(("Withdrawn", w.clone()));
            }
            rows(r)
        })
        .collect()
}

pub(super) fn history_section(p: &EvidencePack) -> Vec<AnyView> {
    let earlier = p.earlier.iter().map(|e| e.line()).collect();
    let d = &p.report.decision;
    let mut r: Rows = vec![
        ("Recommended", d.recommended.level.label().into()),
        ("Level chosen by the officer", d.chosen.label().into()),
    ];
    if let Some(why) = &d.override_reason {
        r.push(("Why a different level", why.clone()));
    }
    match &p.ds_decision {
        Some(x) => {
            r.push(("DS's decision", x.summary(Some(d.chosen))));
            r.push(("Decision and rationale", x.action.clone()));
            r.push((
                "Decided",
                format!(
                    "{} by {}",
                    format_date_time(x.decided_at),
                    x.decided_by_name
                ),
            ));
        }
        None => r.push(("DS's decision", "None on this phone yet".into())),
    }
    vec![
        h3("Earlier breaches".into()),
        or_none(earlier, "None recorded."),
        h3("This breach".into()),
        rows(r),
        para("Reasons for the recommendation:".into()),
        list(d.recommended.reasons.iter().map(|x| x.0.clone()).collect()),
    ]
}
