use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::condition::group_by_family;
use crate::domain::dates::format_date;
use crate::domain::{Cohort, CustodyStatus};
use crate::ui::components::{ConditionCard, RiskTag, SummaryList, SummaryRow};
use crate::ui::use_app;

/// Review before a visit: who they are, the order, and its conditions by family.
#[component]
pub fn NominalPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    move || {
        let today = app.today.get();
        let id = id();
        app.cohort.with(|c| match c.nominal(&id) {
            Some(_) => nominal_view(c, &id, today).into_any(),
            None => view! {
                <h1 class="heading-l">"Nominal not found"</h1>
                <p class="body">"This nominal is not in the cohort on this device."</p>
                <p class="body"><A href="/">"Back to the cohort"</A></p>
            }
            .into_any(),
        })
    }
}

fn nominal_view(c: &Cohort, id: &str, today: chrono::NaiveDate) -> impl IntoView {
    let n = c.nominal(id).cloned().expect("checked by caller");
    let order = c.order_for(id, today).cloned();
    let aliases = if n.aliases.is_empty() {
        "None known".to_string()
    } else {
        n.aliases.join(", ")
    };
    let probation = match &n.custody {
        CustodyStatus::OnLicence { probation, .. } => Some(match &probation.phone {
            Some(p) => format!("{}, {}", probation.name, p),
            None => probation.name.clone(),
        }),
        _ => None,
    };
    let order_rows = match &order {
        Some(o) => {
            let status = o.status_on(today).label();
            let court = o.court.clone();
            let reference = o.court_reference.clone();
            let from = o
                .comes_into_force()
                .map(format_date)
                .unwrap_or_else(|| "On release (date not fixed)".into());
            let ends = o
                .ends_on(today)
                .map(format_date)
                .unwrap_or_else(|| "Not set".into());
            let left = o
                .days_left(today)
                .map(|d| format!("{d} days left"))
                .unwrap_or_default();
            view! {
                <SummaryList>
                    <SummaryRow key="Status">{status}</SummaryRow>
                    <SummaryRow key="Court">{court}</SummaryRow>
                    <SummaryRow key="Reference">{reference}</SummaryRow>
                    <SummaryRow key="In force from">{from}</SummaryRow>
                    <SummaryRow key="Ends">{ends} " " <span class="hint">{left}</span></SummaryRow>
                </SummaryList>
            }
            .into_any()
        }
        None => view! {
            <SummaryList>
                <SummaryRow key="Order">"No order on this device"</SummaryRow>
            </SummaryList>
        }
        .into_any(),
    };
    let conditions: Vec<_> = order
        .as_ref()
        .map(|o| c.conditions_of(&o.id).into_iter().cloned().collect())
        .unwrap_or_default();
    let groups: Vec<_> = group_by_family(&conditions)
        .into_iter()
        .map(|(family, cs)| (family, cs.into_iter().cloned().collect::<Vec<_>>()))
        .collect();
    let nominal_id = n.id.clone();
    view! {
        <A href="/" attr:class="back-link">"Back to cohort"</A>
        <span class="caption">{n.id.clone()}</span>
        <h1 class="heading-l">{n.display_name()}</h1>
        // What the officer can do for this nominal: one line per action, each a component or a
        // link styled as a button. `nominal_id` is this nominal's id (a String).
        <div class="actions">
            <A href=format!("/nominal/{nominal_id}/contact") attr:class="button">"Log a contact"</A>
            <super::briefing::BriefingAction nominal_id=nominal_id.clone() />
        </div>
        <SummaryList>
            <SummaryRow key="Aliases">{aliases}</SummaryRow>
            <SummaryRow key="Date of birth">{format!("{} (age {})", format_date(n.date_of_birth), n.age_on(today))}</SummaryRow>
            <SummaryRow key="Risk">
                <RiskTag risk=n.risk /> " " <span class="hint">{format!("reviewed {}", format_date(n.risk_reviewed_on))}</span>
            </SummaryRow>
            <SummaryRow key="Status">{n.custody.describe(today)}</SummaryRow>
            {probation.map(|p| view! { <SummaryRow key="Probation contact">{p}</SummaryRow> })}
        </SummaryList>
        <h2 class="heading-m">"Order"</h2>
        {order_rows}
        <h2 class="heading-m">"Conditions"</h2>
        {groups
            .into_iter()
            .map(|(family, cs)| {
                view! {
                    <section class="family" aria-label=family.label()>
                        <h3 class="heading-s">{family.label()}</h3>
                        <ul class="condition-list">
                            {cs.into_iter().map(|condition| view! { <ConditionCard condition /> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()}
    }
}
