//! `/nominal/:id/referrals/:referral/print`: the police information for Part A, on A4 pages the
//! offender manager can copy from. The material not for disclosure prints on a page of its own,
//! marked so. The document is built in the domain (`referral::referral_document`) and drawn by
//! the printouts' renderer.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::super::document::document_page;
use super::made::{find, not_found};
use crate::domain::referral::referral_document;
use crate::ui::{routes, use_app};

#[component]
pub fn ReferralPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let rid = params.read().get("referral").unwrap_or_default();
        app.cohort
            .with(|c| match (find(c, &id, &rid), c.nominal(&id)) {
                (Some((r, _)), Some(n)) => Some((referral_document(&r, n), r.id)),
                _ => None,
            })
            .map_or_else(
                || not_found(&id),
                |(doc, rid)| {
                    document_page(
                        doc,
                        routes::referral(&id, &rid),
                        "Back to the referral".into(),
                        "Print it, or choose “Save as PDF” in the print dialogue. It is laid out for A4; the material not for disclosure prints on a page of its own.",
                        "Print or save as PDF",
                        None,
                    )
                },
            )
    }
}
