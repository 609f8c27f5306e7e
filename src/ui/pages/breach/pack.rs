//! `/nominal/:id/breaches/:report/pack`: the s.25 evidence pack for a breach report, on one
//! page that prints (or saves as PDF) at A4: what the pack lacks first, then the order and its
//! variations, how the person is bound and the briefing, the provisions word for word, the
//! facts, the exhibits, and earlier breaches with the decision. Built from the phone's own
//! records (`domain::evidence_pack`, as a document), so it opens offline.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::document::document_page;
use super::report::not_found;
use crate::domain::evidence_pack::{evidence_pack, pack_document};
use crate::ui::{routes, use_app};

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
            Some(p) if p.nominal.id == id => document_page(
                pack_document(&p),
                routes::breach_report_print(&id, &report_id),
                "Back to the breach report".into(),
                "Print it, or choose “Save as PDF” in the print dialogue. It is laid out for A4.",
                "Print or save as PDF",
                None,
            ),
            _ => not_found(&id),
        }
    }
}
