//! A submitted breach report: its page (a confirmation straight after submitting; reached
//! later from the history or an exhibit, the report's page), and the print view (a clean A4
//! page: who, the order, each condition as worded by the court, the facts, the evidence, the
//! recommendation and its reasons, the decision, the DS's decision once pulled, the officer and
//! the times).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::{BreachReport, Cohort, Nominal};
use crate::ui::components::{Page, SummaryList, SummaryRow};
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
        let ds = app.cohort.with(|c| ds_decision(c, &r, true));
        let recommended = d.recommended.level.label();
        let chosen = d.chosen.label();
        let occurred = r.when();
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
            <SummaryList>
                <SummaryRow key="Recommended">{recommended}</SummaryRow>
                <SummaryRow key="Chosen">{chosen}</SummaryRow>
                {d.override_reason.map(|why| view! {
                    <SummaryRow key="Why a different level">{why}</SummaryRow>
                })}
                <SummaryRow key="When it happened">{occurred}</SummaryRow>
            </SummaryList>
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

/// The DS's decision: what it is, the rationale, who and when. On the report's page (`on_page`)
/// also what it leaves the officer to do, or that there is none on this phone yet; the print
/// view leaves the section out until there is one.
fn ds_decision(c: &Cohort, r: &BreachReport, on_page: bool) -> AnyView {
    use crate::domain::breach::decision::{decision_for, DecisionLevel};
    let x = decision_for(&r.id, &c.breach_decisions);
    if x.is_none() && !on_page {
        return ().into_any();
    }
    let body = match x {
        None => view! {
            <p class="body">"None on this phone yet. It shows here once the DS has decided and the phone has synced."</p>
        }
        .into_any(),
        Some(x) => {
            let referred = c.recall_referrals.iter().any(|f| f.breach_report_id == r.id);
            let to_do = (on_page && x.level == DecisionLevel::RequestRecall && !referred).then(|| {
                view! { <div class="inset-text" id="ds-decision-to-do">"The DS decided on a recall: make the recall referral."</div> }
            });
            let by = format!("{} by {}", format_date_time(x.decided_at), x.decided_by_name);
            let (summary, rationale) = (x.summary(Some(r.decision.chosen)), x.action.clone());
            view! {
                <SummaryList>
                    <SummaryRow key="Decision">{summary}</SummaryRow>
                    <SummaryRow key="Decision and rationale">{rationale}</SummaryRow>
                    <SummaryRow key="Decided">{by}</SummaryRow>
                </SummaryList>
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

/// `/nominal/:id/breaches/:report/print`: the report on one clean A4 page.
#[component]
pub fn BreachPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let report_id = params.read().get("report").unwrap_or_default();
        app.cohort.with(|c| match find(c, &id, &report_id) {
            Some((r, _)) => match c.nominal(&r.nominal_id).cloned() {
                Some(n) => print_view(c, n, &r).into_any(),
                None => not_found(&id),
            },
            None => not_found(&id),
        })
    }
}

fn print_view(c: &Cohort, n: Nominal, r: &BreachReport) -> impl IntoView {
    let r = r.clone();
    let day = r.occurred_at.date();
    let order = c.orders.iter().find(|o| o.id == r.order_id).map(|o| {
        (
            o.court.clone(),
            o.court_reference.clone(),
            o.comes_into_force()
                .map(format_date)
                .unwrap_or_else(|| "Not fixed".into()),
            o.ends_on(day)
                .map(format_date)
                .unwrap_or_else(|| "Not set".into()),
        )
    });
    let conditions: Vec<_> = r
        .condition_ids
        .iter()
        .map(|id| (id.clone(), c.condition(id).cloned()))
        .collect();
    let d = r.decision.clone();
    let order_rows = match order {
        Some((court, reference, from, ends)) => view! {
            <SummaryRow key="Court">{court}</SummaryRow>
            <SummaryRow key="Reference">{reference}</SummaryRow>
            <SummaryRow key="In force from">{from}</SummaryRow>
            <SummaryRow key="Ends">{ends}</SummaryRow>
        }
        .into_any(),
        None => {
            let missing = format!("{} (not on this device)", r.order_id);
            view! { <SummaryRow key="Order">{missing}</SummaryRow> }.into_any()
        }
    };
    let name = n.display_name();
    let back = format!("Back to {name}");
    let back_href = routes::nominal(&n.id);
    let pack_href = routes::breach_pack(&n.id, &r.id);
    let title = format!("Breach report {} – {}", r.shown_reference(), n.id);
    let dob = format_date(n.date_of_birth);
    let nominal_id = n.id.clone();
    let occurred = r.when();
    let occurred_when = occurred.clone();
    let recorded = format_date_time(r.recorded_at);
    let officer = format!("{} ({})", r.officer_name, r.officer_id);
    let location = r.location.clone();
    let seen = r.what_was_seen.clone();
    let explanation = r
        .explanation
        .clone()
        .unwrap_or_else(|| "None recorded".into());
    let chosen = d.chosen.label();
    let override_reason = d.override_reason.clone();
    // Every exhibit: the photo exhibits, then the evidence typed in (as the s.25 pack).
    let evidence: Vec<String> = crate::domain::evidence_pack::pack::report_exhibits(c, &r)
        .iter()
        .map(|e| e.line())
        .collect();
    let intelligence = r.intelligence.label();
    let recommended = d.recommended.level.label();
    let reasons: Vec<String> = d.recommended.reasons.iter().map(|x| x.0.clone()).collect();
    let report_ref = format!("Report {}", r.shown_reference());
    let ds = ds_decision(c, &r, false);
    view! {
        <Page title>
        <div class="no-print">
            {super::pack::print_controls(back_href, back, "Print it, or choose “Save as PDF” in the print dialogue.", "Print")}
            <p class="body"><A href=pack_href>"Evidence pack for a breach prosecution (s.25)"</A></p>
            <div class="actions"><super::ReferralLink nominal_id=n.id.clone() report_id=r.id.clone() /></div>
        </div>
        <article class="report" aria-labelledby="report-title">
            <h1 class="heading-l report__title" id="report-title">"Breach of a Serious Crime Prevention Order"</h1>
            <p class="body-s report__ref">{report_ref}</p>

            <section class="report__section" aria-labelledby="report-who">
                <h2 class="heading-m" id="report-who">"Who"</h2>
                <SummaryList>
                    <SummaryRow key="Name">{name}</SummaryRow>
                    <SummaryRow key="Date of birth">{dob}</SummaryRow>
                    <SummaryRow key="Nominal ID">{nominal_id}</SummaryRow>
                </SummaryList>
            </section>

            <section class="report__section" aria-labelledby="report-order">
                <h2 class="heading-m" id="report-order">"The order"</h2>
                <SummaryList>{order_rows}</SummaryList>
            </section>

            <section class="report__section" aria-labelledby="report-conditions">
                <h2 class="heading-m" id="report-conditions">"Conditions breached"</h2>
                {conditions.into_iter().map(|(id, cond)| match cond {
                    Some(cond) => view! {
                        <div class="report__condition">
                            <h3 class="heading-s">{cond.summary.clone()}</h3>
                            <p class="hint">{format!(
                                "{} · {}",
                                cond.family.label(),
                                if cond.mirrored_in_licence { "Mirrored in licence" } else { "Not mirrored in licence" }
                            )}</p>
                            <p class="body-s">"Wording as granted:"</p>
                            <blockquote class="report__verbatim">{cond.verbatim.clone()}</blockquote>
                        </div>
                    }.into_any(),
                    None => view! { <p class="body">{format!("Condition {id} (wording not on this device)")}</p> }.into_any(),
                }).collect_view()}
            </section>

            <section class="report__section" aria-labelledby="report-facts">
                <h2 class="heading-m" id="report-facts">"What happened"</h2>
                <SummaryList>
                    <SummaryRow key="When">{occurred_when}</SummaryRow>
                    <SummaryRow key="Where">{location}</SummaryRow>
                    <SummaryRow key="What was seen"><span class="report__text">{seen}</span></SummaryRow>
                    <SummaryRow key="Any explanation given"><span class="report__text">{explanation}</span></SummaryRow>
                </SummaryList>
            </section>

            <section class="report__section" aria-labelledby="report-evidence">
                <h2 class="heading-m" id="report-evidence">"Evidence"</h2>
                {if evidence.is_empty() {
                    view! { <p class="body">"None recorded."</p> }.into_any()
                } else {
                    view! {
                        <ul class="list">
                            {evidence.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>

            <section class="report__section" aria-labelledby="report-intelligence">
                <h2 class="heading-m" id="report-intelligence">"Intelligence"</h2>
                <p class="body">{intelligence}</p>
            </section>

            <section class="report__section" aria-labelledby="report-recommendation">
                <h2 class="heading-m" id="report-recommendation">"Recommendation"</h2>
                <p class="body"><strong>{recommended}</strong></p>
                <ul class="list">
                    {reasons.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}
                </ul>
            </section>

            <section class="report__section" aria-labelledby="report-decision">
                <h2 class="heading-m" id="report-decision">"Decision"</h2>
                <SummaryList>
                    <SummaryRow key="Level chosen">{chosen}</SummaryRow>
                    {match override_reason {
                        Some(why) => view! { <SummaryRow key="Why a different level">{why}</SummaryRow> }.into_any(),
                        None => view! { <SummaryRow key="Override">"None: the recommendation was accepted"</SummaryRow> }.into_any(),
                    }}
                </SummaryList>
            </section>

            {ds}

            <section class="report__section" aria-labelledby="report-officer">
                <h2 class="heading-m" id="report-officer">"Officer and times"</h2>
                <SummaryList>
                    <SummaryRow key="Officer">{officer}</SummaryRow>
                    <SummaryRow key="Occurred">{occurred}</SummaryRow>
                    <SummaryRow key="Recorded">{recorded}</SummaryRow>
                </SummaryList>
            </section>
        </article>
        </Page>
    }
}
