//! The check-answers page of an import (a cohort file's or the CSV files'): what it adds, and
//! for each record it changes, each field with its value now and after, every field it would
//! empty called out first. Nothing is applied until the DS confirms.

use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::Nominal;

use super::changes::{by_kind, changes, RecordChange};
use crate::state::AppState;
use crate::storage::StoredRecord;
use crate::supervise::kit::{
    back_link, button, csrf_field, inset_text, page_at, summary_list, table, tag, warning_text,
    ButtonKind, Colour, Column,
};
use crate::supervise::transferred::transfers;
use crate::supervise::unit::UnitData;
use crate::supervise::Supervisor;

const SECTION: Option<&str> = Some("/supervise/cohort");

/// What an import sends on when confirmed: where, and its hidden fields (the files again).
pub struct Confirm<'a> {
    /// The page to go back to, and the link's words.
    pub back: (&'a str, &'a str),
    pub action: &'a str,
    pub fields: Vec<(&'a str, &'a str)>,
}

/// The page: `incoming` the records the import would store, `nominals` those it names.
pub fn check_answers(
    state: &AppState,
    s: &Supervisor,
    unit: &UnitData,
    incoming: &[StoredRecord],
    nominals: &[Nominal],
    confirm: &Confirm,
) -> Response {
    let held = &unit.records;
    let found = changes(held, incoming);
    let current = &unit.cohort;
    let added: Vec<String> = nominals
        .iter()
        .filter(|n| current.nominal(&n.id).is_none())
        .map(Nominal::display_name)
        .collect();
    let changed: Vec<String> = nominals
        .iter()
        .filter(|n| found.touched.contains(&n.id) && current.nominal(&n.id).is_some())
        .map(Nominal::display_name)
        .collect();
    let gone = transfers(held);
    let out: Vec<String> = nominals
        .iter()
        .filter(|n| gone.contains_key(&n.id))
        .map(Nominal::display_name)
        .collect();
    let names = |list: &[String]| -> Markup {
        html! {
            @if list.is_empty() {
                "None"
            } @else {
                (list.len())
                ul class="list" { @for n in list { li { (n) } } }
            }
        }
    };
    let altered = found.altered.len();
    // Each count with what its records are, schedules as much as nominals.
    let counted = |n: usize, kinds: String| -> Markup {
        html! { (n) @if n > 0 { " (" (kinds) ")" } }
    };
    let to_add = by_kind(found.created_kinds.iter().map(String::as_str));
    let to_change = by_kind(found.altered.iter().map(|r| r.kind.as_str()));
    let mut rows = vec![
        ("Nominals new to your unit", names(&added)),
        ("Nominals whose records change", names(&changed)),
        ("Records to add", counted(found.created, to_add)),
        ("Records to change", counted(altered, to_change)),
        (
            "Records held already as they are",
            html! { (found.unchanged) },
        ),
    ];
    if !out.is_empty() {
        rows.push(("Transferred out (they stay off the phones)", names(&out)));
    }
    let emptied: Vec<(String, String)> = found
        .altered
        .iter()
        .flat_map(|r| {
            r.fields
                .iter()
                .filter(|f| f.emptied())
                .map(|f| (r.what.clone(), f.field.clone()))
        })
        .collect();
    let body = html! {
        (back_link(confirm.back.0, confirm.back.1))
        h1 class="heading-l" { "Check the import before it is applied" }
        (summary_list(&rows))
        @if found.created + altered == 0 {
            (inset_text(html! { "Everything in this file is held already: importing it changes nothing." }))
        }
        @if !emptied.is_empty() {
            (warning_text(html! {
                @if emptied.len() == 1 { "1 field will be emptied" } @else { (emptied.len()) " fields will be emptied" }
                " by this import: what it holds now is lost from the record in use (earlier versions are kept)."
            }))
            ul class="list list--bullet" id="emptied" {
                @for (what, field) in &emptied { li { (field) " of " (what) } }
            }
        }
        @if altered > 0 {
            h2 class="heading-m" { "What changes, field by field" }
            @for r in &found.altered { (record_table(r)) }
        }
        p class="body" { "Nothing is removed: nominals your unit holds that the file does not name stay as they are." }
        p class="body" { "A new nominal goes to the offender manager the file names when that officer is in your unit; otherwise they are listed as not assigned until you assign them." }
        form method="post" action=(confirm.action) novalidate {
            (csrf_field(s))
            @for (name, value) in &confirm.fields {
                input type="hidden" name=(name) value=(value);
            }
            (button("Import", ButtonKind::Primary))
        }
    };
    let title = "Check the import before it is applied";
    page_at(state, Some(s), title, body, SECTION)
}

fn record_table(r: &RecordChange) -> Markup {
    let cols = [
        Column::text("Field"),
        Column::text("Now"),
        Column::text("After the import"),
    ];
    let rows: Vec<Vec<Markup>> = r
        .fields
        .iter()
        .map(|f| {
            vec![
                html! { (f.field) @if f.emptied() { " " (tag("Emptied", Colour::Red)) } },
                html! { (f.now) },
                html! { @if f.after.is_empty() { "(empty)" } @else { (f.after) } },
            ]
        })
        .collect();
    table(&r.what, &cols, &rows)
}
