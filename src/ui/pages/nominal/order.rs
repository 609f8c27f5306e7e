//! `/nominal/:id/conditions`: the order (status, court, reference, dates, variations) and its
//! conditions by family, wording as granted one more tap away. One tap from the nominal's page.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::order::condition::group_by_family;
use crate::domain::time::dates::format_date;
use crate::domain::{Condition, Order, ProvisionFamily, Schedule};
use crate::ui::components::{ConditionCard, NominalNotFound, Page, SummaryList, SummaryRow};
use crate::ui::{routes, AppState};

/// The page, for the nominal `id` (not found when they are not in the cohort).
pub(super) fn conditions_page(app: AppState, id: String, today: NaiveDate) -> AnyView {
    let found = app.cohort.with(|c| {
        let n = c.nominal(&id)?;
        let order = c.order_for(&id, today).cloned();
        let conditions: Vec<Condition> = order
            .as_ref()
            .map(|o| c.conditions_of(&o.id).into_iter().cloned().collect())
            .unwrap_or_default();
        // The order's schedules, every version (each provision shows those standing today).
        let schedules: Vec<Schedule> = c
            .schedules
            .iter()
            .filter(|s| order.as_ref().is_some_and(|o| o.id == s.order_id))
            .cloned()
            .collect();
        Some((
            n.display_name(),
            n.custody.release_date(),
            order,
            conditions,
            schedules,
        ))
    });
    let Some((name, release, order, conditions, schedules)) = found else {
        return view! { <NominalNotFound /> }.into_any();
    };
    let title = format!("Order and conditions – {id}");
    view! {
        <Page title>
        <A href=routes::nominal(&id) attr:class="back-link">{format!("Back to {name}")}</A>
        <span class="caption">{name}</span>
        <h1 class="heading-l">"Order and conditions"</h1>
        {order_rows(order.as_ref(), today)}
        <h2 class="heading-m" id="conditions">"Conditions"</h2>
        {conditions_view(order.as_ref(), conditions, &schedules, today, Some(release))}
        </Page>
    }
    .into_any()
}

fn order_rows(order: Option<&Order>, today: NaiveDate) -> impl IntoView {
    let Some(o) = order else {
        return view! {
            <SummaryList>
                <SummaryRow key="Order">"No order on this device"</SummaryRow>
            </SummaryList>
        }
        .into_any();
    };
    let from = o
        .comes_into_force()
        .map(format_date)
        .unwrap_or_else(|| "On release (date not fixed)".into());
    let ends = o
        .ends_on(today)
        .map(format_date)
        .unwrap_or_else(|| "Not set".into());
    let provisional = o.end_is_provisional().then_some(
        "Provisional: the five years run from the day the order comes into force, on release, which is not fixed yet",
    );
    let left = o
        .days_left(today)
        .map(crate::domain::time::dates::time_left)
        .unwrap_or_default();
    let status = o.status_on(today).label();
    let court = o.court.clone();
    let reference = o.court_reference.clone();
    let mut variations = o.variations.clone();
    crate::domain::common::sort::sort_by(&mut variations, |a, b| {
        (a.takes_effect, &a.id).cmp(&(b.takes_effect, &b.id))
    });
    view! {
        <SummaryList>
            <SummaryRow key="Status">{status}</SummaryRow>
            <SummaryRow key="Court">{court}</SummaryRow>
            <SummaryRow key="Reference">{reference}</SummaryRow>
            <SummaryRow key="In force from">{from}</SummaryRow>
            <SummaryRow key="Ends">
                {ends} " " <span class="hint">{left}</span>
                {provisional.map(|p| view! { <p class="hint">{p}</p> })}
            </SummaryRow>
            {variations
                .into_iter()
                .map(|v| {
                    let when = format!("From {}", format_date(v.takes_effect));
                    let what = format!("{}, {}: {}", v.kind.label(), v.court, v.summary);
                    let new_end = v.new_end.map(|e| format!("New end {}", format_date(e)));
                    view! {
                        <SummaryRow key="Variation">
                            {when} <br /> {what}
                            {new_end.map(|e| view! { <br /> {e} })}
                        </SummaryRow>
                    }
                })
                .collect_view()}
        </SummaryList>
    }
    .into_any()
}

fn conditions_view(
    order: Option<&Order>,
    conditions: Vec<Condition>,
    all: &[Schedule],
    today: NaiveDate,
    release: Option<NaiveDate>,
) -> impl IntoView {
    let not_live = order
        .and_then(|o| o.why_not_live(today, release))
        .map(|why| {
            let mut why = why;
            if let Some(first) = why.get(..1) {
                why.replace_range(..1, &first.to_uppercase());
            }
            format!("The order is not in force today: {why}.")
        });
    // When the order is live, the provisions in force today come first and any others (ended
    // by a variation, not started yet) follow with the reason; otherwise all are listed.
    let (in_force, others): (Vec<Condition>, Vec<Condition>) = match order {
        Some(o) if not_live.is_none() => conditions
            .into_iter()
            .partition(|c| c.in_force_on(o, today)),
        _ => (conditions, vec![]),
    };
    let others: Vec<(Condition, Option<String>)> = others
        .into_iter()
        .map(|c| {
            let why = order
                .and_then(|o| c.why_not_in_force(o, today, release))
                .map(|w| w.to_string());
            (c, why)
        })
        .collect();
    let groups: Vec<(ProvisionFamily, Vec<Condition>)> = group_by_family(&in_force)
        .into_iter()
        .map(|(family, cs)| (family, cs.into_iter().cloned().collect()))
        .collect();
    view! {
        {not_live.map(|t| view! { <p class="warning-text">{t}</p> })}
        <p class="hint">"Open \u{201c}Wording as granted\u{201d} for the text of the order."</p>
        {groups
            .into_iter()
            .map(|(family, cs)| {
                view! {
                    <section class="family" aria-label=family.label()>
                        <h3 class="heading-s">{family.label()}</h3>
                        <ul class="condition-list">
                            {cs.into_iter().map(|condition| {
                                let schedules = named(all, &condition, today);
                                view! { <ConditionCard condition schedules /> }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()}
        {(!others.is_empty()).then(|| view! {
            <section class="family" aria-label="Not in force today">
                <h3 class="heading-s">"Not in force today"</h3>
                <ul class="condition-list">
                    {others
                        .into_iter()
                        .map(|(condition, why)| {
                            let schedules = named(all, &condition, today);
                            match why {
                                Some(not_in_force) => view! { <ConditionCard condition not_in_force schedules /> }.into_any(),
                                None => view! { <ConditionCard condition schedules /> }.into_any(),
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
    }
}

/// The schedules `condition` names, as they stand on `day`.
fn named(all: &[Schedule], condition: &Condition, day: NaiveDate) -> Vec<Schedule> {
    crate::domain::order::schedule::schedules_for(all, &condition.id, day)
        .into_iter()
        .cloned()
        .collect()
}
