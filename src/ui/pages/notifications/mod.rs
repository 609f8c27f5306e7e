//! Notifications: what the nominal told police (new phone, vehicle, address, travel...), each
//! judged against its condition's deadline, not-yet-notified ones first. A late or overdue one
//! offers to start a breach report with the facts filled in.
//! Routes: `/nominal/:id/notifications` and `/nominal/:id/notifications/new`.

mod form;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::domain::forms::breach_form::{BreachDraft, BreachStep};
use crate::domain::forms::notification_form::{
    breach_from_notification, review_order, timeliness_line,
};
use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::timeline::entries::Tone;
use crate::domain::{Cohort, Notification, NotificationKind, Timeliness};
use crate::ui::components::{NominalNotFound, Page, SummaryList, SummaryRow};
use crate::ui::draft::DraftKey;
use crate::ui::pages::breach::{started_href, step_href};
use crate::ui::{device_now, routes, use_app};

pub use form::RecordNotificationPage;

fn tag_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Urgent => "tag tag--red",
        Tone::Warning => "tag tag--yellow",
        Tone::Good => "tag tag--green",
        Tone::Neutral => "tag",
    }
}

/// The timeliness as a coloured tag and a sentence.
#[component]
pub(crate) fn TimelinessLine(
    t: Timeliness,
    notified_on: Option<chrono::NaiveDate>,
) -> impl IntoView {
    let (tag, sentence) = timeliness_line(t, notified_on);
    view! {
        <p class="body timeliness">
            {tag.map(|(text, tone)| view! { <strong class=tag_class(tone)>{text}</strong> " " })}
            <span>{sentence}</span>
        </p>
    }
}

/// `/nominal/:id/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let title = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        if app.cohort.with(|c| c.nominal(&id).is_some()) {
            format!("Notifications – {id}")
        } else {
            "Nominal not found".to_string()
        }
    });
    let page = move || {
        let id = params.read().get("id").unwrap_or_default();
        let recorded = query.read().get("recorded");
        let today = app.today.get();
        app.cohort.with(|c| match c.nominal(&id) {
            None => view! { <NominalNotFound /> }.into_any(),
            Some(n) => {
                let name = n.display_name();
                let list: Vec<Notification> = review_order(c, c.notifications_of(&id), today)
                    .into_iter()
                    .cloned()
                    .collect();
                let just_recorded = recorded
                    .and_then(|r| list.iter().find(|x| x.id == r).cloned())
                    .map(|x| {
                        let t = c.timeliness(&x, today);
                        view! {
                            <div class="panel panel--success" role="status" tabindex="-1">
                                <h2 class="heading-s">"Notification recorded"</h2>
                                <TimelinessLine t notified_on=x.notified_on />
                                {t.is_breach().then(|| view! { <StartBreach notification=x.clone() /> })}
                            </div>
                        }
                    });
                let items = list
                    .into_iter()
                    .map(|x| item(c, x, today))
                    .collect_view();
                view! {
                    <A href=routes::nominal(&id) attr:class="back-link">{format!("Back to {name}")}</A>
                    <span class="caption">{name.clone()}</span>
                    <h1 class="heading-l">"Notifications"</h1>
                    {just_recorded}
                    <p class="body">"What the nominal has told police, against each condition's deadline. Telling probation is not telling police."</p>
                    <A href=routes::record_notification(&id) attr:class="button">"Record a notification"</A>
                    <h2 class="heading-m">"Recorded notifications"</h2>
                    {if c.notifications_of(&id).is_empty() {
                        view! { <p class="body">"None recorded on this device."</p> }.into_any()
                    } else {
                        view! { <ul class="notification-list">{items}</ul> }.into_any()
                    }}
                }
                .into_any()
            }
        })
    };
    view! { <Page title>{page}</Page> }
}

fn item(c: &Cohort, x: Notification, today: chrono::NaiveDate) -> impl IntoView {
    let t = c.timeliness(&x, today);
    let condition = x
        .condition_id
        .as_deref()
        .and_then(|id| c.condition(id))
        .map(|c| c.summary.clone())
        .unwrap_or_else(|| "None recorded".into());
    let happened = match x.kind {
        NotificationKind::TravelRequest => "Travel starts",
        _ => "Happened",
    };
    let told = x
        .notified_on
        .map(format_date)
        .unwrap_or_else(|| "Not yet".into());
    let details = x.details.clone();
    let event_on = format_date(x.event_on);
    let recorded = format_date_time(x.recorded_at);
    view! {
        <li class="notification-list__item">
            <h3 class="heading-s">{x.kind.label()}</h3>
            <TimelinessLine t notified_on=x.notified_on />
            <SummaryList classes="summary-list--compact">
                <SummaryRow key="Details">{details}</SummaryRow>
                <SummaryRow key=happened>{event_on}</SummaryRow>
                <SummaryRow key="Police told">{told}</SummaryRow>
                <SummaryRow key="Condition">{condition}</SummaryRow>
                <SummaryRow key="Recorded">{recorded}</SummaryRow>
            </SummaryList>
            {t.is_breach().then(|| view! { <StartBreach notification=x.clone() /> })}
        </li>
    }
}

/// "Start a breach report": the breach flow opens with the condition, the day the deadline was
/// missed and what was seen filled in. A report already in progress is not overwritten unasked.
#[component]
fn StartBreach(notification: Notification) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let n = StoredValue::new(notification);
    let nominal_id = n.with_value(|n| n.nominal_id.clone());
    let href = step_href(&nominal_id, BreachStep::Conditions);
    let start = {
        let navigate = navigate.clone();
        let href = href.clone();
        move |replace: bool| {
            let Some(store) = app.store() else { return };
            let navigate = navigate.clone();
            let href = href.clone();
            let started = started_href(&n.with_value(|n| n.nominal_id.clone()));
            let key = DraftKey::Breach(n.with_value(|n| n.nominal_id.clone()));
            let prefilled = app.cohort.with_untracked(|c| {
                breach_from_notification(c, &n.get_value(), app.today.get_untracked(), device_now())
            });
            let Some(prefilled) = prefilled else { return };
            spawn_local(async move {
                if !replace {
                    if let Ok(Some(d)) = store.load_draft::<BreachDraft>(&key).await {
                        if d.from_notification == prefilled.from_notification {
                            navigate(&href, Default::default());
                            return;
                        }
                        if !d.is_blank() {
                            asking.set(true);
                            return;
                        }
                    }
                }
                match store.save_draft(&key, &prefilled).await {
                    Ok(()) => navigate(&started, Default::default()),
                    Err(e) => {
                        error.set(Some(format!("The breach report could not be started: {e}")))
                    }
                }
            });
        }
    };
    let start_new = start.clone();
    view! {
        {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <Show
            when=move || asking.get()
            fallback=move || {
                let start = start.clone();
                view! {
                    <button class="button button--warning" type="button" on:click=move |_| start(false)>
                        "Start a breach report"
                    </button>
                }
            }
        >
            <div class="warning-text" role="alert">
                <strong>"A breach report for this nominal is already in progress."</strong>
                " Starting one for this notification replaces it."
            </div>
            <button class="button button--warning" type="button" on:click={
                let start = start_new.clone();
                move |_| start(true)
            }>"Replace it with this one"</button>
            <A href=href.clone() attr:class="button button--secondary">"Open the one in progress"</A>
        </Show>
    }
}
