//! A nominal, as the officer needs them at the door: who they are, their risk, what is due and
//! the last three entries of their history. The order and its conditions (`order.rs`) and the
//! full history (`history.rs`) are each one tap away, on pages of their own. Everything comes
//! from the cohort in memory, so every page works offline.

mod history;
mod order;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::field::contact_form::next_due_text;
use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::timeline::entries::TimelineEntry;
use crate::domain::{Cohort, ContactPlan, ContactStatus, CustodyStatus, Nominal};
use crate::ui::components::{NominalNotFound, Page, RiskTag, SummaryList, SummaryRow, Timeline};
use crate::ui::routes::{self, segment};
use crate::ui::use_app;

/// Entries of the history on the nominal's own page, newest first; the rest are one tap away.
const RECENT: usize = 3;

/// `/nominal/:id`, and its parts one tap away: `/nominal/:id/conditions` and
/// `/nominal/:id/history` (one route: each part is a function, not a route of its own, which
/// keeps the wasm small).
#[component]
pub fn NominalPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let today = app.today.get();
        let (id, part) = {
            let p = params.read();
            (p.get("id").unwrap_or_default(), p.get("part"))
        };
        match part.as_deref() {
            None => match app.cohort.with(|c| NominalData::gather(c, &id, today)) {
                Some(data) => nominal_view(data, today).into_any(),
                None => view! { <NominalNotFound /> }.into_any(),
            },
            Some(segment::CONDITIONS) => order::conditions_page(app, id, today),
            Some(segment::HISTORY) => history::history_page(app, id, today),
            Some(_) => view! { <super::NotFound /> }.into_any(),
        }
    }
}

/// Everything the page shows, taken out of the cohort in one read.
struct NominalData {
    nominal: Nominal,
    /// What the link to the order and conditions says under it.
    conditions: String,
    plan: Option<ContactPlan>,
    contact: Option<ContactStatus>,
    last_seen: Option<String>,
    timeline: Vec<TimelineEntry>,
}

impl NominalData {
    fn gather(c: &Cohort, id: &str, today: NaiveDate) -> Option<Self> {
        let nominal = c.nominal(id)?.clone();
        let release = Some(nominal.custody.release_date());
        let conditions = match c.order_for(id, today) {
            None => "No order on this device".to_string(),
            Some(o) if o.why_not_live(today, release).is_some() => {
                "The order is not in force today".to_string()
            }
            Some(o) => {
                let n = c
                    .conditions_of(&o.id)
                    .into_iter()
                    .filter(|k| k.in_force_on(o, today))
                    .count();
                format!("{n} in force today")
            }
        };
        let last_seen = c
            .contacts_of(id)
            .into_iter()
            .filter(|k| k.seen)
            .max_by_key(|k| k.at)
            .map(|k| format!("{}, {}", format_date_time(k.at), k.kind.label()));
        Some(Self {
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
    let title = format!("Nominal – {nominal_id}");
    let entries = d.timeline.len();
    let history = match entries {
        0 => "Nothing recorded yet".to_string(),
        1 => "1 entry".to_string(),
        n => format!("{n} entries"),
    };
    let latest: Vec<TimelineEntry> = d.timeline.into_iter().take(RECENT).collect();
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
        <nav aria-label="More about this nominal">
            <ul class="nominal-more">
                <li>
                    <A href=routes::nominal_conditions(&nominal_id)>"Order and conditions"</A>
                    <span class="hint">{d.conditions}</span>
                </li>
                <li>
                    <A href=routes::nominal_history(&nominal_id)>"Full history"</A>
                    <span class="hint">{history}</span>
                </li>
            </ul>
        </nav>
        {who(n, today)}
        <h2 class="heading-m" id="contact">"Contact"</h2>
        {contact_rows(d.plan, d.contact, d.last_seen, today)}
        <h2 class="heading-m" id="history">"Latest history"</h2>
        {(entries > RECENT).then(|| view! {
            <p class="hint">{format!("The last {RECENT} of {entries} entries, newest first.")}</p>
        })}
        <Timeline entries=latest nominal_id=n.id.clone() />
        <super::exhibit::NominalExhibits nominal_id=n.id.clone() />
        <super::breach::ReferralList nominal_id=n.id.clone() />
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
