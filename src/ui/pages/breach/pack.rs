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
use crate::domain::evidence_pack::pack::{evidence_pack, EvidencePack};
use crate::domain::time::dates::format_date;
use crate::ui::components::{Page, SummaryList, SummaryRow};
use crate::ui::{routes, use_app};

#[path = "pack_sections.rs"]
mod sections;
use sections::{
    bound_section, exhibits_section, facts_section, history_section, order_section, provision_view,
};

pub(super) type Rows = Vec<(&'static str, String)>;

pub(super) fn rows(rows: Rows) -> AnyView {
    view! {
        <SummaryList>
            {rows.into_iter().map(|(k, v)| view! {
                <SummaryRow key=k><span class="report__text">{v}</span></SummaryRow>
            }).collect_view()}
        </SummaryList>
    }
    .into_any()
}

pub(super) fn list(items: Vec<String>) -> AnyView {
    view! { <ul class="list">{items.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }
        .into_any()
}

pub(super) fn h3(text: String) -> AnyView {
    view! { <h3 class="heading-s">{text}</h3> }.into_any()
}

pub(super) fn para(text: String) -> AnyView {
    view! { <p class="body">{text}</p> }.into_any()
}

/// A numbered section of the pack, headed at level 2; in print, `new_page` starts it on a new
/// page.
pub(super) fn section(
    id: &'static str,
    title: &'static str,
    new_page: bool,
    body: Vec<AnyView>,
) -> AnyView {
    view! {
        <section class="report__section pack__section" class:pack__section--new-page=new_page aria-labelledby=id>
            <h2 class="heading-m" id=id>{title}</h2>
            {body}
        </section>
    }
    .into_any()
}

pub(super) fn or_none(v: Vec<String>, none: &str) -> AnyView {
    if v.is_empty() {
        para(none.to_string())
    } else {
        list(v)
    }
}

/// A print view's controls, hidden on paper: back to where the officer came from, what the
/// print is laid out for, and the button that opens the print dialogue.
pub(super) fn print_controls(
    back_href: String,
    back: String,
    note: &'static str,
    button: &'static str,
) -> AnyView {
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <A href=back_href attr:class="back-link">{back}</A>
        <p class="body">{note}</p>
        <button class="button" type="button" on:click=print>{button}</button>
    }
    .into_any()
}

pub(super) fn yes_no(b: bool) -> &'static str {
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
            {print_controls(back_href, "Back to the breach report".into(), "Print it, or choose “Save as PDF” in the print dialogue. It is laid out for A4.", "Print or save as PDF")}
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
