//! The s.25 evidence pack as a document: what it lacks first, then six parts (the order and
//! its variations, how the person is bound and the briefing, the provisions word for word, the
//! facts, the exhibits, earlier breaches and the decision), the later ones each starting a page.

use super::pack::{EvidencePack, Provision};
use crate::domain::document::{Block, Document, DocumentKind, Section, SectionKind};
use crate::domain::field::briefing::CopyOfOrder;
use crate::domain::order::scpo::Variation;
use crate::domain::time::dates::{format_date, format_date_time};

/// The pack as a document.
pub fn pack_document(p: &EvidencePack) -> Document {
    let (n, r) = (&p.nominal, &p.report);
    let day = format_date(p.day);
    let intro = p
        .corrected_from
        .iter()
        .map(|old| {
            Block::para(format!(
                "Report {old} has been corrected: this pack is built from the report as corrected, {}.",
                r.id
            ))
        })
        .collect();
    let gaps = p.gaps.iter().map(ToString::to_string).collect();
    let sections = vec![
        Section {
            id: "pack-gaps".into(),
            title: "What the pack lacks".into(),
            kind: SectionKind::Lacks,
            new_page: false,
            blocks: vec![Block::list_or(
                gaps,
                "Nothing found missing in the records held.",
            )],
        },
        Section::body(
            "pack-order",
            "1. The order and its variations",
            false,
            order_blocks(p, &day),
        ),
        Section::body(
            "pack-bound",
            "2. How the person is bound (s.10)",
            false,
            bound_blocks(p),
        ),
        Section::body(
            "pack-provisions",
            "3. Provisions breached, word for word",
            true,
            p.provisions.iter().map(|x| provision(x, &day)).collect(),
        ),
        Section::body("pack-facts", "4. The facts", false, facts_blocks(p)),
        Section::body("pack-exhibits", "5. Exhibits", true, exhibit_blocks(p)),
        Section::body(
            "pack-history",
            "6. Earlier breaches and the enforcement decision",
            true,
            history_blocks(p),
        ),
    ];
    Document {
        kind: DocumentKind::EvidencePack,
        page_title: format!("Evidence pack {} – {}", r.id, n.id),
        title: "Evidence pack: breach of a Serious Crime Prevention Order (s.25)".into(),
        reference: format!(
            "Report {} · {} ({}), born {} · prepared on {}",
            r.id,
            n.display_name(),
            n.id,
            format_date(n.date_of_birth),
            format_date(p.prepared_on)
        ),
        intro,
        sections,
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn describe(v: &Variation) -> String {
    format!(
        "{}: {} (made {} by {}; in force from {})",
        v.kind.label(),
        v.summary,
        format_date(v.made_on),
        v.court,
        format_date(v.takes_effect)
    )
}

fn order_blocks(p: &EvidencePack, day: &str) -> Vec<Block> {
    let mut out = vec![];
    if let Some(o) = &p.order {
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "Not set".into(), format_date);
        out.push(Block::rows([
            ("Court", o.court.clone()),
            ("Reference", o.court_reference.clone()),
            ("Granted", date(o.date_granted())),
            ("In force from", date(o.comes_into_force())),
            ("Ends (as on the breach day)", date(o.ends_on(p.day))),
        ]));
    }
    out.push(Block::Heading(format!("Variations in force on {day}")));
    out.push(Block::list_or(
        p.variations_in_force.iter().map(describe).collect(),
        "None: the order as granted.",
    ));
    if !p.later_variations.is_empty() {
        out.push(Block::para(format!(
            "Later variations, not in force on {day}:"
        )));
        out.push(Block::List(
            p.later_variations.iter().map(describe).collect(),
        ));
    }
    out.push(Block::Paragraph {
        strong: "A certified copy of the order (s.25(4)) must come from the court.".into(),
        text: " This pack records what is held on the phone; it does not prove the order's terms."
            .into(),
    });
    out
}

fn bound_blocks(p: &EvidencePack) -> Vec<Block> {
    let how = p
        .order
        .as_ref()
        .and_then(|o| o.bound.as_ref())
        .map_or_else(|| "Not recorded".into(), |b| b.describe());
    let mut r = vec![("How the person is bound", how)];
    let Some(b) = &p.briefing else {
        r.push(("Release-day briefing", "None recorded".into()));
        return vec![Block::rows(r)];
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
                s.push_str(" Question raised: ");
                s.push_str(c.question.trim());
            }
            s
        })
        .collect();
    vec![
        Block::rows(r),
        Block::Heading("Condition by condition".into()),
        Block::list_or(briefed, "No conditions recorded."),
    ]
}

fn provision(x: &Provision, day: &str) -> Block {
    let Some(c) = &x.condition else {
        return Block::para(format!(
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
    let mut blocks = vec![
        Block::Heading(c.summary.clone()),
        Block::Hint(format!("{} · in force from {from}", c.family.label())),
        Block::Quote(c.verbatim.clone()),
    ];
    if !notes.is_empty() {
        blocks.push(Block::List(notes));
    }
    Block::Group(blocks)
}

fn facts_blocks(p: &EvidencePack) -> Vec<Block> {
    let r = &p.report;
    vec![Block::rows([
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

fn exhibit_blocks(p: &EvidencePack) -> Vec<Block> {
    if p.exhibits.is_empty() {
        return vec![Block::para("None recorded.")];
    }
    let not = || "Not recorded".to_string();
    p.exhibits
        .iter()
        .map(|e| {
            let mut r = vec![
                ("Reference", e.reference.clone()),
                ("Description", e.description.clone()),
                ("SHA-256", e.sha256.clone().unwrap_or_else(not)),
                (
                    "Captured at",
                    e.captured_at.map_or_else(not, format_date_time),
                ),
                ("By", e.captured_by.clone().unwrap_or_else(not)),
            ];
            r.extend(e.withdrawn.clone().map(|w| ("Withdrawn", w)));
            Block::rows(r)
        })
        .collect()
}

fn history_blocks(p: &EvidencePack) -> Vec<Block> {
    let earlier = p.earlier.iter().map(|e| e.line()).collect();
    let d = &p.report.decision;
    let mut r = vec![
        ("Recommended", d.recommended.level.label().to_string()),
        ("Level chosen by the officer", d.chosen.label().to_string()),
    ];
    r.extend(
        d.override_reason
            .clone()
            .map(|why| ("Why a different level", why)),
    );
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
        Block::Heading("Earlier breaches".into()),
        Block::list_or(earlier, "None recorded."),
        Block::Heading("This breach".into()),
        Block::rows(r),
        Block::para("Reasons for the recommendation:"),
        Block::List(d.recommended.reasons.iter().map(|x| x.0.clone()).collect()),
    ]
}
