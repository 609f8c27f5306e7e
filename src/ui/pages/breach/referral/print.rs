//! `/nominal/:id/referrals/:referral/print`: the police information for Part A, on A4 pages the
//! offender manager can copy from. The material not for disclosure prints on a page of its own,
//! marked so. Built with the evidence pack's parts (sections, rows), so it adds little wasm.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::super::pack::{para, print_controls, rows, section};
use super::made::{find, not_found, yes_no};
use super::questions::probation_text;
use crate::domain::referral::record::RecallReferral;
use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::Nominal;
use crate::ui::components::Page;
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
                (Some((r, _)), Some(n)) => Some((r, n.clone())),
                _ => None,
            })
            .map_or_else(|| not_found(&id), |(r, n)| print_view(r, n))
    }
}

fn print_view(r: RecallReferral, n: Nominal) -> AnyView {
    let title = format!(
        "Police information for Part A {} – {}",
        r.shown_reference(),
        n.id
    );
    let back = routes::referral(&n.id, &r.id);
    let heading = format!(
        "Referral {} · {} ({}), born {} · made {} by {}",
        r.shown_reference(),
        n.display_name(),
        n.id,
        format_date(n.date_of_birth),
        format_date_time(r.made_at),
        r.officer_name
    );
    let or_none = |s: &str| {
        if s.is_empty() {
            "None".to_string()
        } else {
            s.to_string()
        }
    };
    let provisions: Vec<AnyView> = r
        .provisions
        .iter()
        .map(|p| {
            let mirrored = format!("Mirrored in the licence: {}", yes_no(p.mirrored_in_licence));
            view! {
                <blockquote class="report__verbatim">{p.verbatim.clone()}</blockquote>
                <p class="body-s">{mirrored}</p>
            }
            .into_any()
        })
        .collect();
    let mut charge = vec![("Charged with an offence", yes_no(r.charged).to_string())];
    if r.charged {
        charge.push(("The offence charged and when", r.charge_details.clone()));
    }
    let mut charge = vec![rows(charge)];
    charge.extend(r.fixed_term_note().map(|n| para(n.into())));
    let c = &r.police_contact;
    let sections = vec![
        section(
            "referral-custody",
            "Custody and arrest issues",
            false,
            vec![rows(vec![
                ("In custody now", r.custody_now.label().into()),
                ("Arrest issues", r.arrest_issues.clone()),
            ])],
        ),
        section(
            "referral-addresses",
            "Addresses known to police and contraband",
            false,
            vec![rows(vec![
                ("Last address recorded", r.last_address.clone()),
                ("Other possible addresses", or_none(&r.other_addresses)),
                ("Contraband risk", r.contraband_risk.clone()),
            ])],
        ),
        section(
            "referral-provisions",
            "SCPO provisions breached, word for word",
            false,
            provisions,
        ),
        section(
            "referral-circumstances",
            "Circumstances and earlier breaches",
            false,
            vec![rows(vec![
                ("Circumstances, with dates", r.circumstances.clone()),
                ("Earlier breaches and what was done", r.earlier_breaches.clone()),
            ])],
        ),
        section("referral-charge", "New charges", false, charge),
        section(
            "referral-contacts",
            "Contacts",
            false,
            vec![rows(vec![
                (
                    "Police contact",
                    format!("{}, {}, {}", c.name, c.email, c.phone),
                ),
                (
                    "Probation contact",
                    probation_text(r.probation_contact.as_ref()),
                ),
                ("Referral made", format_date_time(r.made_at)),
            ])],
        ),
        section(
            "referral-withheld",
            "NOT FOR DISCLOSURE",
            true,
            vec![
                view! {
                    <p class="warning-text referral__withheld-mark"><strong>
                        "Not for disclosure to the person. Do not copy into Part A: send it to probation separately."
                    </strong></p>
                }
                .into_any(),
                rows(vec![(
                    "Material not for disclosure",
                    or_none(&r.not_for_disclosure),
                )]),
            ],
        ),
    ];
    view! {
        <Page title>
        <div class="no-print">
            {print_controls(back, "Back to the referral".into(), "Print it, or choose “Save as PDF” in the print dialogue. It is laid out for A4; the material not for disclosure prints on a page of its own.", "Print or save as PDF")}
        </div>
        <article class="report pack" aria-labelledby="referral-title">
            <h1 class="heading-l report__title" id="referral-title">"Police information for the recall report (Part A)"</h1>
            <p class="body-s report__ref">{heading}</p>
            <p class="body">"Police do not recall: probation’s community offender manager writes Part A and the Secretary of State revokes the licence. The sections below may be copied into Part A, which is disclosed to the person."</p>
            {sections}
        </article>
        </Page>
    }
    .into_any()
}
