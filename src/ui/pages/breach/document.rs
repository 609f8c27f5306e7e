//! The phone's renderer of a printout (`domain::document`): the breach report's print view, the
//! s.25 evidence pack and the police information for Part A are each one [`Document`], drawn
//! here by the same few views, with the controls that print it. Concrete types only: each view
//! is compiled once, whatever the document.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::document::{Block, Document, Section, SectionKind};
use crate::ui::components::{Page, SummaryList, SummaryRow};

/// A printout's page: the controls (hidden on paper: back, what it is laid out for, the print
/// button, and `extra`, e.g. links to related documents), then the document.
pub(super) fn document_page(
    doc: Document,
    back_href: String,
    back: String,
    note: &'static str,
    button: &'static str,
    extra: Option<AnyView>,
) -> AnyView {
    let print = move |_| {
        let _ = window().print();
    };
    let title = doc.page_title.clone();
    view! {
        <Page title>
        <div class="no-print">
            <A href=back_href attr:class="back-link">{back}</A>
            <p class="body">{note}</p>
            <button class="button" type="button" on:click=print>{button}</button>
            {extra}
        </div>
        {article(doc)}
        </Page>
    }
    .into_any()
}

/// The document on A4: its heading and reference line, any opening paragraphs, the sections.
fn article(doc: Document) -> AnyView {
    let in_parts = doc.kind.in_parts();
    let title_id = doc.kind.title_id();
    let class = if in_parts { "report pack" } else { "report" };
    view! {
        <article class=class aria-labelledby=title_id>
            <h1 class="heading-l report__title" id=title_id>{doc.title}</h1>
            <p class="body-s report__ref">{doc.reference}</p>
            {blocks(doc.intro)}
            {doc.sections.into_iter().map(|s| section(s, in_parts)).collect_view()}
        </article>
    }
    .into_any()
}

fn section(s: Section, in_parts: bool) -> AnyView {
    let base = match s.kind {
        SectionKind::Lacks => "panel panel--gaps",
        _ if in_parts => "report__section pack__section",
        _ => "report__section",
    };
    let new_page = s.new_page || s.kind == SectionKind::NotForDisclosure;
    let class = if new_page {
        format!("{base} pack__section--new-page")
    } else {
        base.to_string()
    };
    let (id, labelled_by) = (s.id.clone(), s.id);
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 class="heading-m" id=id>{s.title}</h2>
            {blocks(s.blocks)}
        </section>
    }
    .into_any()
}

/// Rows of text as a summary list, drawn as a document's rows are.
pub(super) fn rows(rows: Vec<(&'static str, String)>) -> AnyView {
    block(Block::rows(rows))
}

fn blocks(bs: Vec<Block>) -> Vec<AnyView> {
    bs.into_iter().map(block).collect()
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Rows(rows) => view! {
            <SummaryList>
                {rows.into_iter().map(|r| view! {
                    <SummaryRow key=r.key><span class="report__text">{r.value}</span></SummaryRow>
                }).collect_view()}
            </SummaryList>
        }
        .into_any(),
        Block::Paragraph { strong, text } => {
            let strong = (!strong.is_empty()).then(|| view! { <strong>{strong}</strong> });
            view! { <p class="body">{strong}{text}</p> }.into_any()
        }
        Block::Heading(s) => view! { <h3 class="heading-s">{s}</h3> }.into_any(),
        Block::Hint(s) => view! { <p class="hint">{s}</p> }.into_any(),
        Block::Quote(s) => {
            view! { <blockquote class="report__verbatim">{s}</blockquote> }.into_any()
        }
        Block::List(items) => view! {
            <ul class="list">{items.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Warning(s) => view! {
            <p class="warning-text referral__withheld-mark"><strong>{s}</strong></p>
        }
        .into_any(),
        Block::Group(inner) => {
            view! { <div class="report__condition">{blocks(inner)}</div> }.into_any()
        }
    }
}
