//! A recall referral made: where it stands, the history of its status and "Update the status"
//! (each update a `referral_status` record of its own, queued for the team); the link to it from
//! the breach report, and the list on the nominal's page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::super::document::rows;
use crate::domain::cohort::referrals::{current_status, may_refer, statuses_of};
use crate::domain::common::form::entered_date_parts;
use crate::domain::forms::referral_form::Making;
use crate::domain::referral::record::{RecallReferral, ReferralStatus, ReferralStatusUpdate};
use crate::domain::time::dates::{format_date, format_date_time};
use crate::domain::Cohort;
use crate::ui::components::{
    error_for, DateInput, DateItem, ErrorSummary, FieldError, Legend, Page, RadioItem, Radios,
};
use crate::ui::{device_now, new_record_id, routes, use_app};

/// On a breach report: a link to the referral made on it, else "Make the recall referral" when
/// the level standing on it is request to recall, else nothing.
#[component]
pub fn ReferralLink(nominal_id: String, report_id: String) -> impl IntoView {
    let app = use_app();
    let today = app.today.get_untracked();
    app.cohort.with_untracked(|c| {
        let made = c
            .recall_referrals
            .iter()
            .rfind(|r| r.breach_report_id == report_id);
        let (href, text) = match made {
            Some(r) => (
                routes::referral(&nominal_id, &r.id),
                "View the recall referral",
            ),
            None if may_refer(c, &report_id, today).is_ok() => (
                routes::make_referral(&nominal_id, &report_id, ""),
                "Make the recall referral",
            ),
            None => return ().into_any(),
        };
        view! { <A href attr:class="button button--secondary">{text}</A> }.into_any()
    })
}

/// The nominal's recall referrals, each with where it stands, linked to its page.
#[component]
pub fn ReferralList(nominal_id: String) -> impl IntoView {
    let items: Vec<(String, String)> = use_app().cohort.with(|c| {
        c.recall_referrals
            .iter()
            .filter(|r| r.nominal_id == nominal_id)
            .map(|r| {
                (
                    routes::referral(&nominal_id, &r.id),
                    format!(
                        "Referral of {}: {}",
                        format_date(r.made_at.date()),
                        current_status(c, &r.id).label()
                    ),
                )
            })
            .collect()
    });
    (!items.is_empty()).then(|| {
        view! {
            <h2 class="heading-m" id="referrals">"Recall referrals to probation"</h2>
            <ul class="list">
                {items.into_iter().map(|(href, text)| view! { <li><A href>{text}</A></li> }).collect_view()}
            </ul>
        }
    })
}

/// The referral named in the address, if it is this nominal's, and the nominal's name.
pub(super) fn find(c: &Cohort, id: &str, referral_id: &str) -> Option<(RecallReferral, String)> {
    let r = c
        .recall_referrals
        .iter()
        .find(|r| r.id == referral_id && r.nominal_id == id)?;
    Some((r.clone(), c.nominal(id)?.display_name()))
}

pub(super) fn not_found(id: &str) -> AnyView {
    let back = routes::nominal(id);
    view! {
        <Page title="Recall referral not found">
            <h1 class="heading-l">"Recall referral not found"</h1>
            <p class="body">"This referral is not on this device."</p>
            <p class="body"><A href=back>"Back to the nominal"</A></p>
        </Page>
    }
    .into_any()
}

/// `/nominal/:id/referrals/:referral`.
#[component]
pub fn ReferralPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let rid = params.read().get("referral").unwrap_or_default();
        // Tracks the cohort: a status saved shows in the history at once.
        let found = app.cohort.with(|c| {
            find(c, &id, &rid).map(|(r, name)| {
                let history: Vec<String> = statuses_of(c, &rid)
                    .into_iter()
                    .map(|s| {
                        format!(
                            "{} on {} (recorded {} by {})",
                            s.status.label(),
                            format_date(s.on),
                            format_date_time(s.recorded_at),
                            s.officer_name
                        )
                    })
                    .collect();
                (r, name, history, current_status(c, &rid))
            })
        });
        match found {
            Some((r, name, history, now)) => referral_view(r, name, history, now),
            None => not_found(&id),
        }
    }
}

fn referral_view(
    r: RecallReferral,
    name: String,
    history: Vec<String>,
    now: ReferralStatus,
) -> AnyView {
    let id = r.nominal_id.clone();
    let title = format!("Recall referral {} – {id}", r.shown_reference());
    let report_reference = use_app().cohort.with_untracked(|c| {
        c.breach_reports
            .iter()
            .find(|b| b.id == r.breach_report_id)
            .map_or_else(
                || r.breach_report_id.clone(),
                |b| b.shown_reference().to_string(),
            )
    });
    let made = format!("{} by {}", format_date_time(r.made_at), r.officer_name);
    let charged = match r.fixed_term_note() {
        Some(note) => format!("Yes: {}\n{note}", r.charge_details),
        None => "No".into(),
    };
    let made_line = format!("Referral made on {made}");
    let back = routes::nominal(&id);
    let report_href = routes::breach_report_print(&id, &r.breach_report_id);
    let print_href = routes::referral_print(&id, &r.id);
    let rid = r.id.clone();
    // The status form's problems, summarised at the top of the page (GOV.UK's place for an
    // error summary), not above the form halfway down.
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The printouts' rows: one compiled view for every summary of text.
    let summary = rows(vec![
        ("Reference", r.shown_reference().to_string()),
        ("Breach report", report_reference),
        ("Made", made),
        ("In custody now", r.custody_now.label().into()),
        ("Charged with an offence", charged),
    ]);
    view! {
        <Page title>
            <A href=back attr:class="back-link">{format!("Back to {name}")}</A>
            <ErrorSummary errors=errors.into() />
            <span class="caption">{format!("Recall referral · {name}")}</span>
            <h1 class="heading-l">"Recall referral to probation"</h1>
            <p class="body"><strong class="tag tag--blue" id="referral-status">{now.label()}</strong></p>
            <p class="body">"Police do not recall: probation decides, and writes the recall report (Part A) from the police information."</p>
            {summary}
            <div class="actions">
                <A href=print_href attr:class="button">"View and print the police information for Part A"</A>
                <A href=report_href attr:class="button button--secondary">"View the breach report"</A>
            </div>
            <h2 class="heading-m" id="status-history">"Status history"</h2>
            <ol class="list" aria-labelledby="status-history">
                <li>{made_line}</li>
                {history.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}
            </ol>
            <UpdateStatus referral_id=rid errors />
        </Page>
    }
    .into_any()
}

/// "Update the status": where the referral stands now, and the date.
#[component]
fn UpdateStatus(referral_id: String, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(String::new());
    let parts: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let saving = RwSignal::new(false);
    let rid = StoredValue::new(referral_id);
    let items = ReferralStatus::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = if i == 0 {
                "status".to_string()
            } else {
                format!("status-{}", s.code())
            };
            RadioItem::new(
                id,
                s.label(),
                Signal::derive(move || status.get() == s.code()),
                Callback::new(move |()| status.set(s.code().into())),
            )
        })
        .collect();
    let boxes = DateItem::day_month_year("on", parts);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let [d, m, y] = parts.map(|p| p.get_untracked());
        let on = entered_date_parts(&d, &m, &y, "Enter the date", "The date");
        let officer = app.officer();
        let by = Making {
            id: new_record_id("RS"),
            officer: &officer,
            at: device_now(),
        };
        let made = app.cohort.with_untracked(|c| {
            ReferralStatusUpdate::make(c, &rid.get_value(), &status.get_untracked(), on, by)
        });
        let update = match made {
            Ok(u) => u,
            Err(p) => {
                errors.set(
                    p.into_iter()
                        .map(|p| FieldError::new(p.field, p.message))
                        .collect(),
                );
                return;
            }
        };
        errors.set(vec![]);
        saving.set(true);
        spawn_local(async move {
            let result = match app.store() {
                Some(store) => store.submit(&update, None).await.map(|_| ()),
                None => Err(crate::store::StoreError::Locked),
            };
            saving.try_set(false);
            match result {
                Ok(()) => {
                    app.cohort.try_update(|c| c.add(update));
                }
                Err(e) => {
                    errors.try_set(vec![FieldError::new(
                        "status",
                        format!("The status was not saved: {e}"),
                    )]);
                }
            }
        });
    };
    view! {
        <h2 class="heading-m" id="update-status">"Update the status"</h2>
        <form on:submit=submit novalidate aria-labelledby="update-status">
            <Radios id="status" name="status" legend=Legend::Text("Where does the referral stand?".into())
                hint="What probation or the prison has told you."
                error_message=error_for(errors.into(), "status") items />
            <DateInput id="on" legend=Legend::Text("On what date?".into())
                hint="For example, 27 11 2026"
                error_message=error_for(errors.into(), "on") items=boxes />
            <button class="button" type="submit" disabled=move || saving.get()>"Save the status"</button>
        </form>
    }
}
