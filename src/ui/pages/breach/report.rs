//! A submitted breach report: its page (a confirmation straight after submitting; reached
//! later from the history or an exhibit, the report's page), and the print view (a clean A4
//! page: who, the order, each condition as worded by the court, the facts, the evidence, the
//! recommendation and its reasons, the decision, the DS's decision once pulled, the officer and
//! the times), built in the domain as a document (`evidence_pack::report_document`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::document::{self, document_page};
use crate::domain::evidence_pack::report_document;
use crate::domain::time::dates::format_date_time;
use crate::domain::{BreachReport, Cohort};
use crate::ui::components::Page;
use crate::ui::{routes, use_app};

/// The report named in the address, with the nominal's display name.
fn find(c: &Cohort, nominal_id: &str, report_id: &str) -> Option<(BreachReport, String)> {
    let r = c
        .breach_reports
        .iter()
        .find(|r| r.id == report_id && r.nominal_id == nominal_id)?;
    let name = c.nominal(nominal_id)?.display_name();
    Some((r.clone(), name))
}

pub(super) fn not_found(nominal_id: &str) -> AnyView {
    let back = routes::nominal(nominal_id);
    view! {
        <Page title="Breach report not found">
        <h1 class="heading-l">"Breach report not found"</h1>
        <p class="body">"This report is not on this device."</p>
        <p class="body"><A href=back>"Back to the nominal"</A></p>
        </Page>
    }
    .into_any()
}

/// `/nominal/:id/breaches/:report`: a submitted report, with its exhibits, print view and
/// referral. With `?submitted=1` (straight after submitting) it confirms the submission.
#[component]
pub fn BreachSubmittedPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let report_id = params.read().get("report").unwrap_or_default();
        let just_submitted = query.read().get(routes::SUBMITTED).is_some();
        let Some((r, name)) = app.cohort.with(|c| find(c, &id, &report_id)) else {
            return not_found(&id);
        };
        let d = r.decision.clone();
        let ds = app.cohort.with(|c| ds_decision(c, &r));
        let recommended = d.recommended.level.label();
        let chosen = d.chosen.label();
        let mut rows = vec![
            ("Recommended", recommended.to_string()),
            ("Chosen", chosen.to_string()),
        ];
        rows.extend(d.override_reason.map(|why| ("Why a different level", why)));
        rows.push(("When it happened", r.when()));
        let summary = document::rows(rows);
        let print_href = routes::breach_report_print(&id, &r.id);
        let (title, top) = if just_submitted {
            (
                format!("Breach report submitted – {id}"),
                view! {
                    <div class="panel panel--confirmation">
                        <h1 class="panel__title">"Breach report submitted"</h1>
                        <p class="panel__body">"Reference" <br /> <strong class="panel__reference">{r.shown_reference().to_string()}</strong></p>
                    </div>
                    <p class="body">{format!("It is in {name}'s timeline, and in the records waiting to be sent to the team.")}</p>
                }
                .into_any(),
            )
        } else {
            (
                format!("Breach report – {id}"),
                view! {
                    <span class="caption">{name.clone()}</span>
                    <h1 class="heading-l">"Breach report"</h1>
                    <p class="body">"Reference " <strong id="report-reference">{r.shown_reference().to_string()}</strong></p>
                }
                .into_any(),
            )
        };
        view! {
            <Page title>
            {top}
            {summary}
            {ds}
            <crate::ui::pages::exhibit::ExhibitList nominal_id=id.clone() record_id=Some(r.id.clone()) add_to=Some(r.id.clone()) />
            <div class="actions">
                <A href=print_href attr:class="button">"View and print the report"</A>
                <super::ReferralLink nominal_id=id.clone() report_id=r.id.clone() />
                <A href=routes::nominal(&id) attr:class="button button--secondary">{format!("Back to {name}")}</A>
            </div>
            </Page>
        }
        .into_any()
    }
}

/// The DS's decision on the report's page: what it is, the rationale, who and when, and what
/// it leaves the officer to do, or that there is none on this phone yet. (The print view's is
/// in the report's document.)
fn ds_decision(c: &Cohort, r: &BreachReport) -> AnyView {
    use crate::domain::breach::decision::{decision_for, DecisionLevel};
    let x = decision_for(&r.id, &c.breach_decisions);
    let body = match x {
        None => view! {
            <p class="body">"None on this phone yet. It shows here once the DS has decided and the phone has synced."</p>
        }
        .into_any(),
        Some(x) => {
            let referred = c.recall_referrals.iter().any(|f| f.breach_report_id == r.id);
            let to_do = (x.level == DecisionLevel::RequestRecall && !referred).then(|| {
                view! { <div class="inset-text" id="ds-decision-to-do">"The DS decided on a recall: make the recall referral."</div> }
            });
            let by = format!("{} by {}", format_date_time(x.decided_at), x.decided_by_name);
            let (summary, rationale) = (x.summary(Some(r.decision.chosen)), x.action.clone());
            let rows = document::rows(vec![
                ("Decision", summary),
                ("Decision and rationale", rationale),
                ("Decided", by),
            ]);
            view! {
                {rows}
                {to_do}
            }
            .into_any()
        }
    };
    view! {
        <section class="report__section" aria-labelledby="report-ds">
            <h2 class="heading-m" id="report-ds">"DS's decision"</h2>
            {body}
        </section>
    }
    .into_any()
}

/// `/nominal/:id/breaches/:report/print`: the report on one clean A4 page, with links to its
/// evidence pack and recall referral that do not print.
#[component]
pub fn BreachPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let report_id = params.read().get("report").unwrap_or_default();
        let found = app.cohort.with(|c| {
            let doc = report_document(c, &id, &report_id)?;
            Some((doc, c.nominal(&id)?.display_name()))
        });
        let Some((doc, name)) = found else {
            return not_found(&id);
        };
        let pack_href = routes::breach_pack(&id, &report_id);
        let extra = view! {
            <p class="body"><A href=pack_href>"Evidence pack for a breach prosecution (s.25)"</A></p>
            <div class="actions"><super::ReferralLink nominal_id=id.clone() report_id=report_id.clone() /></div>
        }
        .into_any();
        document_page(
            doc,
            routes::nominal(&id),
            format!("Back to {name}"),
            "Print it, or choose “Save as PDF” in the print dialogue.",
            "Print",
            Some(extra),
        )
    }
}
