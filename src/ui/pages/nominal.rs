use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::condition::group_by_family;
use crate::domain::contact_form::next_due_text;
use crate::domain::dates::{format_date, format_date_time};
use crate::domain::timeline::TimelineEntry;
use crate::domain::{
    Cohort, Condition, ContactPlan, ContactStatus, CustodyStatus, Nominal, Order, ProvisionFamily,
};
use crate::ui::components::{
    ConditionCard, NominalNotFound, Page, RiskTag, SummaryList, SummaryRow, Timeline,
};
use crate::ui::{routes, use_app};

/// Review before a visit: who they are, what to do, their contact plan, the order, its
/// conditions by family and their history. Everything comes from the cohort in memory, so the
/// page works offline.
#[component]
pub fn NominalPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    move || {
        let today = app.today.get();
        let id = id();
        match app.cohort.with(|c| NominalData::gather(c, &id, today)) {
            Some(data) => nominal_view(data, today).into_any(),
            None => view! { <NominalNotFound /> }.into_any(),
        }
    }
}

/// Everything the page shows, taken out of the cohort in one read.
struct NominalData {
    nominal: Nominal,
    order: Option<Order>,
    conditions: Vec<Condition>,
    plan: Option<ContactPlan>,
    contact: Option<ContactStatus>,
    last_seen: Option<String>,
    timeline: Vec<TimelineEntry>,
}

impl NominalData {
    fn gather(c: &Cohort, id: &str, today: NaiveDate) -> Option<Self> {
        let nominal = c.nominal(id)?.clone();
        let order = c.order_for(id, today).cloned();
        let conditions = order
            .as_ref()
            .map(|o| c.conditions_of(&o.id).into_iter().cloned().collect())
            .unwrap_or_default();
        let last_seen = c
            .contacts_of(id)
            .into_iter()
            .filter(|k| k.seen)
            .max_by_key(|k| k.at)
            .map(|k| format!("{}, {}", format_date_time(k.at), k.kind.label()));
        Some(Self {
            order,
            conditions,
            plan: c.plan_for(id).cloned(),
            contact: c.contact_status(id, today),
            last_seen,
            timeline: c.timeline(id, today),
            nominal,
        })
    }
}

fn nominal_view(d: NominalData, today: NaiveDate) -> impl IntoView {
    let n = &d.nominal;
    let nominal_id = n.id.clone();
    let release = Some(n.custody.release_date());
    let title = format!("Nominal – {nominal_id}");
    let content = view! {
        <A href=routes::COHORT attr:class="back-link">"Back to cohort"</A>
        <span class="caption">{n.id.clone()}</span>
        <h1 class="heading-l">{n.display_name()}</h1>
        // What the officer can do for this nominal: one line per action, each a component or a
        // link styled as a button. `nominal_id` is this nominal's id (a String).
        <div class="actions">
            <A href=routes::record_contact(&nominal_id) attr:class="button">"Log a contact"</A>
            <super::breach::BreachActions nominal_id=nominal_id.clone() />
            <super::briefing::BriefingAction nominal_id=nominal_id.clone() />
        </div>
        <nav class="contents" aria-label="On this page">
            <a href="#contact">"Contact"</a>
            <a href="#order">"Order"</a>
            <a href="#conditions">"Conditions"</a>
            <a href="#history">"History"</a>
        </nav>
        {who(n, today)}
        <h2 class="heading-m" id="contact">"Contact"</h2>
        {contact_rows(d.plan, d.contact, d.last_seen, today)}
        <h2 class="heading-m" id="order">"Order"</h2>
        {order_rows(d.order.as_ref(), today)}
        <h2 class="heading-m" id="conditions">"Conditions"</h2>
        {conditions_view(d.order.as_ref(), d.conditions, today, release)}
        <super::exhibit::NominalExhibits nominal_id=n.id.clone() />
        <super::breach::ReferralList nominal_id=n.id.clone() />
        <h2 class="heading-m" id="history">"History"</h2>
        <p class="hint">"Newest first."</p>
        <Timeline entries=d.timeline nominal_id=n.id.clone() />
    };
    view! { <Page title>{content}</Page> }
}

fn who(n: &Nominal, today: NaiveDate) -> impl IntoView {
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
    let born = format!("{} (age {})", format_date(n.date_of_birth), n.age_on(today));
    let risk = n.risk;
    let reviewed = format!("reviewed {}", format_date(n.risk_reviewed_on));
    let status = n.custody.describe(today);
    let (address, phone) = (n.address.clone(), n.phone.clone());
    view! {
        <SummaryList>
            <SummaryRow key="Aliases">{aliases}</SummaryRow>
            <SummaryRow key="Date of birth">{born}</SummaryRow>
            <SummaryRow key="Risk">
                <RiskTag risk /> " " <span class="hint">{reviewed}</span>
            </SummaryRow>
            <SummaryRow key="Custody or licence">{status}</SummaryRow>
            {probation.map(|p| view! { <SummaryRow key="Probation contact">{p}</SummaryRow> })}
            {address.map(|a| view! { <SummaryRow key="Address">{a}</SummaryRow> })}
            {phone.map(|p| view! { <SummaryRow key="Phone">{p}</SummaryRow> })}
        </SummaryList>
    }
}

fn contact_rows(
    plan: Option<ContactPlan>,
    status: Option<ContactStatus>,
    last_seen: Option<String>,
    today: NaiveDate,
) -> impl IntoView {
    let Some(plan) = plan else {
        return view! {
            <SummaryList>
                <SummaryRow key="Contact plan">"No contact plan on this device. Agree one with your DS."</SummaryRow>
            </SummaryList>
        }
        .into_any();
    };
    let every = match plan.every_days {
        1 => "Every day".to_string(),
        7 => "Every week".to_string(),
        d if d % 7 == 0 => format!("Every {} weeks ({d} days)", d / 7),
        d => format!("Every {d} days"),
    };
    let agreed = format!(
        "agreed by {} on {}",
        plan.agreed_by,
        format_date(plan.agreed_on)
    );
    let tag = status.and_then(|s| match s {
        ContactStatus::Overdue { .. } => Some(("tag tag--red", "Overdue")),
        ContactStatus::DueToday => Some(("tag tag--yellow", "Due today")),
        _ => None,
    });
    view! {
        <SummaryList>
            <SummaryRow key="Next contact due">
                <span class="next-due">{status.map(|s| next_due_text(s, today))}</span>
                {tag.map(|(class, text)| view! { " " <strong class=class>{text}</strong> })}
            </SummaryRow>
            <SummaryRow key="Contact plan">{every} " " <span class="hint">{agreed}</span></SummaryRow>
            <SummaryRow key="Last seen">{last_seen.unwrap_or_else(|| "Not seen since release".into())}</SummaryRow>
        </SummaryList>
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
        .map(crate::domain::dates::time_left)
        .unwrap_or_default();
    let status = o.status_on(today).label();
    let court = o.court.clone();
    let reference = o.court_reference.clone();
    let mut variations = o.variations.clone();
    crate::domain::sort::sort_by(&mut variations, |a, b| {
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
                            {cs.into_iter().map(|condition| view! { <ConditionCard condition /> }).collect_view()}
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
                        .map(|(condition, why)| match why {
                            Some(not_in_force) => view! { <ConditionCard condition not_in_force /> }.into_any(),
                            None => view! { <ConditionCard condition /> }.into_any(),
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
    }
}
