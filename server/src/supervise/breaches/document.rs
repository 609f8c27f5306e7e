//! The desk's renderer of a printout (`scpo_field::domain::document`): the breach report, the
//! s.25 evidence pack and the recall referral's police information are each one [`Document`]
//! built by the domain, drawn here by the same few maud templates, with the same class names as
//! the phone's renderer (`src/ui/pages/breach/document.rs`) so the app's A4 print rules
//! (`style/main.css`: `.report`, `.pack`, `.pack__section--new-page`, `.panel--gaps`,
//! `.referral__withheld-mark`) lay it out on paper as the phone's. Every text is data and is
//! escaped by maud.

use maud::{html, Markup};
use scpo_field::domain::document::{Block, Document, Section, SectionKind};

use super::super::kit::{back_link, summary_list, Row};

/// A printout's page body: the controls (hidden on paper: the way back and what the page is
/// laid out for), then the document.
pub fn document_body(doc: &Document, back_href: &str, back: &str, note: &str) -> Markup {
    html! {
        div class="no-print" {
            (back_link(back_href, back))
            p class="body" { (note) }
        }
        (article(doc))
    }
}

/// The document on A4: its heading and reference line, any opening paragraphs, the sections.
fn article(doc: &Document) -> Markup {
    let in_parts = doc.kind.in_parts();
    let title_id = doc.kind.title_id();
    let class = if in_parts { "report pack" } else { "report" };
    html! {
        article class=(class) aria-labelledby=(title_id) {
            h1 class="heading-l report__title" id=(title_id) { (doc.title) }
            p class="body-s report__ref" { (doc.reference) }
            @for b in &doc.intro { (block(b)) }
            @for s in &doc.sections { (section(s, in_parts)) }
        }
    }
}

fn section(s: &Section, in_parts: bool) -> Markup {
    let base = match s.kind {
        SectionKind::Lacks => "panel panel--gaps",
        _ if in_parts => "report__section pack__section",
        _ => "report__section",
    };
    let new_page = s.new_page || s.kind == SectionKind::NotForDisclosure;
    html! {
        section class={ (base) @if new_page { " pack__section--new-page" } } aria-labelledby=(s.id) {
            h2 class="heading-m" id=(s.id) { (s.title) }
            @for b in &s.blocks { (block(b)) }
        }
    }
}

fn block(b: &Block) -> Markup {
    match b {
        Block::Rows(rows) => {
            let rows: Vec<Row> = rows
                .iter()
                .map(|r| {
                    let value = html! { span class="report__text" { (r.value) } };
                    (r.key.as_str(), value)
                })
                .collect();
            summary_list(&rows)
        }
        Block::Paragraph { strong, text } => html! {
            p class="body" { @if !strong.is_empty() { strong { (strong) } } (text) }
        },
        Block::Heading(s) => html! { h3 class="heading-s" { (s) } },
        Block::Hint(s) => html! { p class="hint" { (s) } },
        Block::Quote(s) => html! { blockquote class="report__verbatim" { (s) } },
        Block::List(items) => html! {
            ul class="list" { @for x in items { li { (x) } } }
        },
        Block::Warning(s) => html! {
            p class="warning-text referral__withheld-mark" { strong { (s) } }
        },
        Block::Group(inner) => html! {
            div class="report__condition" { @for b in inner { (block(b)) } }
        },
    }
}
