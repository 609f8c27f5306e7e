//! Check your answers, with what the records give (the provisions word for word, the
//! circumstances, earlier breaches, the probation contact), then make the referral.

use leptos::prelude::*;

use super::questions::{answer, question};
use super::{field_errors, BackLink, Flow, Step, F};
use crate::domain::cohort::referrals::may_refer;
use crate::domain::forms::referral_form::{prefill, provisions_of};
use crate::domain::referral::answers::ReferralField;
use crate::domain::referral::document::probation_text;
use crate::domain::referral::record::{CustodyNow, RecallReferral};
use crate::store::OfficerContact;
use crate::ui::components::{ErrorSummary, FieldError, SummaryList, SummaryRow};
use crate::ui::records::submit_and_open;
use crate::ui::{routes, AppState};

/// The police information asked for, in the order of the questions.
const ASKED: [ReferralField; 10] = [
    F::CustodyNow,
    F::ArrestIssues,
    F::LastAddress,
    F::OtherAddresses,
    F::ContrabandRisk,
    F::Charged,
    F::ContactName,
    F::ContactEmail,
    F::ContactPhone,
    F::NotForDisclosure,
];

fn not_answered() -> AnyView {
    view! { <span class="answer-missing">"Not answered"</span> }.into_any()
}

fn text(s: String) -> AnyView {
    view! { <span class="answer-text">{s}</span> }.into_any()
}

#[component]
pub(super) fn CheckStep(flow: Flow) -> impl IntoView {
    let a = flow.keeper.value.get_untracked();
    let report_id = flow.report_id.get_value();
    let id = flow.nominal_id.get_value();
    let officer = flow.app.officer();
    let today = flow.app.today.get_untracked();
    let (records, provisions, probation) = flow.app.cohort.with_untracked(|c| {
        let probation = c
            .nominal(&id)
            .and_then(|n| n.custody.probation_on(today))
            .cloned();
        match may_refer(c, &report_id, today) {
            Ok(r) => (
                Some(prefill(c, r, &officer)),
                provisions_of(c, r),
                probation,
            ),
            Err(_) => (None, vec![], probation),
        }
    });
    let shown = move |f: ReferralField| -> AnyView {
        let v = answer(&a, f);
        match f {
            F::CustodyNow => match CustodyNow::from_code(&v) {
                Some(c) => c.label().into_any(),
                None => not_answered(),
            },
            F::Charged => match v.as_str() {
                "yes" => text(format!(
                    "Yes: {}\nA new charge excludes a fixed-term recall.",
                    answer(&a, F::ChargeDetails)
                )),
                "no" => "No".into_any(),
                _ => not_answered(),
            },
            F::OtherAddresses | F::NotForDisclosure if v.is_empty() => "None".into_any(),
            _ if v.is_empty() => not_answered(),
            _ => text(v),
        }
    };
    let go = Callback::new(move |href: String| flow.go(href));
    let change = move |f: ReferralField| {
        let slug = Step::of(f).slug();
        routes::make_referral(
            &flow.nominal_id.get_value(),
            &flow.report_id.get_value(),
            &format!("{slug}&return=check"),
        )
    };
    let row = move |f: ReferralField| {
        let key = question(f).0.trim_end_matches(" (optional)").to_string();
        let hidden = key.to_lowercase();
        let value = shown(f);
        view! {
            <SummaryRow id=f.id() key action_href=change(f) action_hidden=hidden on_action=go>
                {value}
            </SummaryRow>
        }
    };
    let (police, withheld): (Vec<_>, Vec<_>) =
        ASKED.into_iter().partition(|f| *f != F::NotForDisclosure);
    let police: Vec<_> = police.into_iter().map(&row).collect();
    let withheld: Vec<_> = withheld.into_iter().map(&row).collect();
    let (circumstances, earlier) = records
        .map(|r| (r.circumstances, r.earlier_breaches))
        .unwrap_or_default();
    let provisions = provisions
        .into_iter()
        .map(|p| {
            let mirrored = if p.mirrored_in_licence {
                "Mirrored in the licence"
            } else {
                "Not mirrored in the licence"
            };
            view! { <li><blockquote class="report__verbatim">{p.verbatim}</blockquote><span class="hint">{mirrored}</span></li> }
        })
        .collect_view();
    let save = submit_and_open(
        flow.keeper,
        move |r: &RecallReferral| {
            remember_contact(flow.app, r);
            routes::referral(&r.nominal_id, &r.id)
        },
        move |e| {
            flow.errors.try_set(vec![FieldError::new(
                "make-referral",
                format!("The referral was not made: {e}"),
            )]);
        },
    );
    let submitting = save.pending();
    let submit = move |_| {
        if submitting.get_untracked() {
            return;
        }
        match flow.make() {
            Ok(r) => {
                flow.errors.set(vec![]);
                save.dispatch_local(r);
            }
            Err(p) => flow.errors.set(field_errors(p)),
        }
    };
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step=Step::Check />
        <span class="caption">{flow.caption()}</span>
        <h1 class="heading-l">{Step::Check.title()}</h1>
        <h2 class="heading-m">"Police information"</h2>
        <SummaryList classes="summary-list--actions">{police}</SummaryList>
        <h2 class="heading-m">"From the records"</h2>
        <p class="hint">"Taken from the breach report, the order and earlier breaches on this phone, not typed."</p>
        <SummaryList>
            <SummaryRow key="Provisions breached, word for word"><ul class="list">{provisions}</ul></SummaryRow>
            <SummaryRow key="Circumstances, with dates">{text(circumstances)}</SummaryRow>
            <SummaryRow key="Earlier breaches and what was done">{text(earlier)}</SummaryRow>
            <SummaryRow key="Probation contact">{probation_text(probation.as_ref())}</SummaryRow>
        </SummaryList>
        <h2 class="heading-m">"Not for disclosure"</h2>
        <SummaryList classes="summary-list--actions">{withheld}</SummaryList>
        <p class="body">"Making the referral keeps it on this phone and queues it for the team. Probation decides on recall: send them the police information."</p>
        <button class="button" type="button" id="make-referral" on:click=submit disabled=move || submitting.get()>
            "Make the referral"
        </button>
    }
}

/// Once a referral is made with the officer as its police contact, remember their email and
/// phone (encrypted) for the next one. Another person named as contact is not remembered.
fn remember_contact(app: AppState, r: &RecallReferral) {
    let officer = app.officer();
    let c = &r.police_contact;
    let Some(store) = app.store() else { return };
    if c.name.trim() != officer.name.trim() {
        return;
    }
    let mine = OfficerContact {
        officer_id: officer.id,
        email: c.email.trim().to_string(),
        phone: c.phone.trim().to_string(),
    };
    leptos::task::spawn_local(async move {
        let _ = store.save_officer_contact(&mine).await;
    });
}
