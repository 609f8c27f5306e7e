//! `/nominal/:id/breaches/:report/pack`: the s.25 evidence pack for a breach report, on one
//! page that prints (or saves as PDF) at A4: what the pack lacks first, then the order and its
//! variations, how the person is bound and the briefing, the provisions word for word, the
//! facts, the exhibits, and earlier breaches with the decision. Built from the phone's own
//! records (`domain::evidence_pack`), so it opens offline.
//!
//! Few view types: each section is rows of text (a summary list) and lists of text.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::report::not_found;
use crate::domain::briefing::CopyOfOrder;
use crate::domain::dates::{format_date, format_date_time};
use crate::domain::evidence_pack::{evidence_pack, EvidencePack, Provision};
use crate::ui::components::{Page, SummaryList, SummaryRow};
use crate::ui::{routes, use_app};

type Rows = Vec<(&'static str, String)>;

fn rows(rows: Rows) -> AnyView {
    view! {
        <SummaryList>
            {rows.into_iter().map(|(k, v)| view! {
                <SummaryRow key=k><span class="report__text">{v}</span></SummaryRow>
            }).collect_view()}
        </SummaryList>
    }
    .into_any()
}

fn list(items: Vec<String>) -> AnyView {
    view! { <ul class="list">{items.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }
        .into_any()
}

fn para(text: String) -> AnyView {
    view! { <p class="body">{text}</p> }.into_any()
}

/// A numbered section of the pack, headed at level 2; in print, `new_page` starts it on a new
/// page.
fn section(id: &'static str, title: &'static str, new_page: bool, body: Vec<AnyView>) -> AnyView {
    view! {
        <section class="report__section pack__section" class:pack__section--new-page=new_page aria-labelledby=id>
            <h2 class="heading-m" id=id>{title}</h2>
            {body}
        </section>
    }
    .into_any()
}

fn or_none(v: Vec<String>, none: &str) -> AnyView {
    if v.is_empty() {
        para(none.to_string())
    } else {
        list(v)
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// `/nominal/:id/breaches/:report/pack`.
#[component]
pub fn EvidencePackPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let report_id = params.read().get("report").unwrap_or_default();
        let today = app.today.get();
        let pack = app.cohort.with(|c| evidence_pack(c, &report_id, today));
        match pack {
            Some(p) if p.nominal.id == id => pack_view(p, report_id),
            _ => not_found(&id),
        }
    }
}

fn pack_view(p: EvidencePack, asked: String) -> AnyView {
    let n = &p.nominal;
    let r = &p.report;
    let day = format_date(p.day);
    let title = format!("Evidence pack {} – {}", r.id, n.id);
    let back_href = routes::breach_report_print(&n.id, &asked);
    let print = move |_| {
        let _ = window().print();
    };
    let heading = format!(
        "Report {} · {} ({}), born {} · prepared on {}",
        r.id,
        n.display_name(),
        n.id,
        format_date(n.date_of_birth),
        format_date(p.prepared_on)
    );
    let corrected = p.corrected_from.as_ref().map(|old| {
        para(format!(
            "Report {old} has been corrected: this pack is built from the report as corrected, {}.",
            r.id
        ))
    });
    let gaps: Vec<String> = p.gaps.iter().map(ToString::to_string).collect();
    let gaps = if gaps.is_empty() {
        para("Nothing found missing on this phone.".into())
    } else {
        list(gaps)
    };
    let sections = vec![
        section(
            "pack-order",
            "1. The order and its variations",
            false,
            order_section(&p, &day),
        ),
        section(
            "pack-bound",
            "2. How the person is bound (s.10)",
            false,
            bound_section(&p),
        ),
        section(
            "pack-provisions",
            "3. Provisions breached, word for word",
            true,
            p.provisions
                .iter()
                .map(|x| provision_view(x, &day))
                .collect(),
        ),
        section("pack-facts", "4. The facts", false, facts_section(&p)),
        section("pack-exhibits", "5. Exhibits", true, exhibits_section(&p)),
        section(
            "pack-history",
            "6. Earlier breaches and the enforcement decision",
            true,
            history_section(&p),
        ),
    ];
    view! {
        <Page title>
        <div class="no-print">
            <A href=back_href attr:class="back-link">"Back to the breach report"</A>
            <p class="body">"Print it, or choose “Save as PDF” in the print dialogue. It is laid out for A4."</p>
            <button class="button" type="button" on:click=print>"Print or save as PDF"</button>
        </div>
        <article class="report pack" aria-labelledby="pack-title">
            <h1 class="heading-l report__title" id="pack-title">"Evidence pack: breach of a Serious Crime Prevention Order (s.25)"</h1>
            <p class="body-s report__ref">{heading}</p>
            {corrected}
            <section class="panel panel--gaps" aria-labelledby="pack-gaps">
                <h2 class="heading-m" id="pack-gaps">"What the pack lacks"</h2>
                {gaps}
            </section>
            {sections}
        </article>
        </Page>
    }
    .into_any()
}

fn order_section(p: &EvidencePack, day: &str) -> Vec<AnyView> {
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
    out.push(
        view! { <h3 class="heading-s">{format!("Variations in force on {day}")}</h3> }.into_any(),
    );
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

fn bound_section(p: &EvidencePack) -> Vec<AnyView> {
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
        view! { <h3 class="heading-s">"Condition by condition"</h3> }.into_any(),
        or_none(briefed, "No conditions recorded."),
    ]
}

fn provision_view(x: &Provision, day: &str) -> AnyView {
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

fn facts_section(p: &EvidencePack) -> Vec<AnyView> {
    let r = &p.report;
    vec![rows(vec![
        ("When", format_date_time(r.occurred_at)),
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

fn exhibits_section(p: &EvidencePack) -> Vec<AnyView> {
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

fn history_section(p: &EvidencePack) -> Vec<AnyView> {
    let earlier = p
        .earlier
        .iter()
        .map(|e| {
            format!(
                "{}{}: {}. Outcome: {}. Report {}.",
                format_date_time(e.occurred_at),
                if e.same_order {
                    ""
                } else {
                    " (under another order)"
                },
                e.provisions.join("; "),
                e.outcome,
                e.report_id
            )
        })
        .collect();
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
        view! { <h3 class="heading-s">"Earlier breaches"</h3> }.into_any(),
        or_none(earlier, "None recorded."),
        view! { <h3 class="heading-s">"This breach"</h3> }.into_any(),
        rows(r),
        para("Reasons for the recommendation:".into()),
        list(d.recommended.reasons.iter().map(|x| x.0.clone()).collect()),
    ]
}
