//! The recall referral to probation, made on the phone from a breach report whose standing
//! level (the DS's decision, else the officer's choice) is request to recall. Police do not
//! recall: this is the police information probation's offender manager copies into Part A.
//!
//! A short question flow (custody and arrest issues; addresses and contraband; any new charge;
//! the contacts; material not for disclosure on a page of its own), then check answers, then
//! one `Store::submit` (record, outbox entry, draft deleted). The answers are a draft
//! (`referral:{report}`) saved as the officer goes. The provisions word for word, the
//! circumstances and earlier breaches come from the records, never typed: they are shown on the
//! check page and taken again from the records when the referral is made. Routes:
//! `/nominal/:id/breaches/:report/referral[?step=…]`, then the referral's page
//! `/nominal/:id/referrals/:referral` (status and its history) and its print view `…/print`.

mod check;
mod made;
mod print;
mod questions;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::cohort::referrals::{may_make_referral, may_refer};
use crate::domain::common::form::FieldProblem;
use crate::domain::forms::referral_form::{prefill, Making};
use crate::domain::referral::answers::{ReferralAnswers, ReferralField};
use crate::domain::referral::record::RecallReferral;
use crate::store::OfficerContact;
use crate::ui::components::{FieldError, Page};
use crate::ui::draft::{Draft, DraftKey, DraftStatus};
use crate::ui::{device_now, new_record_id, routes, use_app, AppState};

pub use made::{ReferralLink, ReferralList, ReferralPage};
pub use print::ReferralPrintPage;

/// The pages of the flow, in order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Custody,
    Addresses,
    Charge,
    Contacts,
    Withheld,
    Check,
}

use ReferralField as F;

impl Step {
    const ALL: [Step; 6] = [
        Self::Custody,
        Self::Addresses,
        Self::Charge,
        Self::Contacts,
        Self::Withheld,
        Self::Check,
    ];

    fn slug(self) -> &'static str {
        match self {
            Self::Custody => "custody",
            Self::Addresses => "addresses",
            Self::Charge => "charge",
            Self::Contacts => "contacts",
            Self::Withheld => "not-for-disclosure",
            Self::Check => "check",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Custody => "Custody and arrest issues",
            Self::Addresses => "Addresses and contraband",
            Self::Charge => "New charges",
            Self::Contacts => "Contacts",
            Self::Withheld => "Material not for disclosure",
            Self::Check => "Check your answers before making the referral",
        }
    }

    /// The questions on the page.
    fn fields(self) -> &'static [ReferralField] {
        match self {
            Self::Custody => &[F::CustodyNow, F::ArrestIssues],
            Self::Addresses => &[F::LastAddress, F::OtherAddresses, F::ContrabandRisk],
            Self::Charge => &[F::Charged, F::ChargeDetails],
            Self::Contacts => &[F::ContactName, F::ContactEmail, F::ContactPhone],
            Self::Withheld => &[F::NotForDisclosure],
            Self::Check => &[],
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The page a field is asked on.
    fn of(field: ReferralField) -> Step {
        Self::ALL
            .into_iter()
            .find(|s| s.fields().contains(&field))
            .unwrap_or(Self::Check)
    }
}

/// What every page of the flow shares. `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Flow {
    app: AppState,
    nominal_id: StoredValue<String>,
    report_id: StoredValue<String>,
    keeper: Draft<ReferralAnswers>,
    errors: RwSignal<Vec<FieldError>>,
    /// Came from the check answers page: continue back to it.
    returning: Memo<bool>,
    navigate: StoredValue<Callback<String>>,
}

pub(super) fn field_errors(problems: Vec<FieldProblem<ReferralField>>) -> Vec<FieldError> {
    problems
        .into_iter()
        .map(|p| FieldError::new(p.field.id(), p.message))
        .collect()
}

impl Flow {
    fn href(&self, step: Step) -> String {
        let slug = step.slug();
        let tail = if self.returning.get_untracked() && step != Step::Check {
            format!("{slug}&return=check")
        } else {
            slug.to_string()
        };
        routes::make_referral(
            &self.nominal_id.get_value(),
            &self.report_id.get_value(),
            &tail,
        )
    }

    /// Save, then open `path`.
    fn go(&self, path: String) {
        let flow = *self;
        spawn_local(async move {
            let _ = flow.keeper.flush().await;
            flow.navigate.get_value().run(path);
        });
    }

    /// The referral the answers make now, with the parts taken from the records filled in from
    /// them (not from what the draft holds), or every problem.
    fn make(&self) -> Result<RecallReferral, Vec<FieldProblem<ReferralField>>> {
        let officer = self.app.officer();
        let report_id = self.report_id.get_value();
        let mut a = self.keeper.value.get_untracked();
        self.app.cohort.with_untracked(|c| {
            if let Ok(report) = may_refer(c, &report_id, device_now().date()) {
                let records = prefill(c, report, &officer);
                a.circumstances = records.circumstances;
                a.earlier_breaches = records.earlier_breaches;
            }
            let by = Making {
                id: new_record_id("RR"),
                officer: &officer,
                at: device_now(),
            };
            RecallReferral::make(c, &report_id, &a, by)
        })
    }

    /// Check the answers on `step`; when they are fine, save and go on (to the next page, or
    /// back to the check answers page). Problems are shown, and nothing typed is lost.
    fn go_on(&self, step: Step) {
        let problems: Vec<_> = match self.make() {
            Ok(_) => vec![],
            Err(p) => p
                .into_iter()
                .filter(|p| step.fields().contains(&p.field))
                .collect(),
        };
        if !problems.is_empty() {
            self.errors.set(field_errors(problems));
            return;
        }
        self.errors.set(vec![]);
        let next = if self.returning.get_untracked() {
            Step::Check
        } else {
            Step::ALL[(step.index() + 1).min(Step::ALL.len() - 1)]
        };
        self.go(self.href(next));
    }

    fn caption(&self) -> String {
        let name = self.app.cohort.with_untracked(|c| {
            c.nominal(&self.nominal_id.get_value())
                .map(|n| n.display_name())
                .unwrap_or_default()
        });
        format!("Recall referral · {name}")
    }
}

/// `/nominal/:id/breaches/:report/referral`: the referral's questions and check answers, or
/// why no referral can be made on this report.
#[component]
pub fn MakeReferralPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let keys = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("id").unwrap_or_default(),
            p.get("report").unwrap_or_default(),
        )
    });
    // The officer's own email and phone from their last referral (read before the form opens).
    let remembered = RwSignal::new(None::<Option<OfficerContact>>);
    if let Some(store) = app.store() {
        let officer = app.officer().id;
        spawn_local(async move {
            let found = store.officer_contact(&officer).await.ok().flatten();
            remembered.try_set(Some(found));
        });
    }
    move || {
        let (id, report_id) = keys.get();
        let Some(remembered) = remembered.get() else {
            return view! { <p class="body" role="status">"Opening the referral…"</p> }.into_any();
        };
        let refused = app.cohort.with_untracked(|c| {
            match may_make_referral(c, &report_id, app.today.get_untracked()) {
                Ok(r) if r.nominal_id == id => Ok(prefill(c, r, &c.officer)),
                Ok(_) => Err("This breach report is not on this phone".to_string()),
                Err(why) => Err(why),
            }
        });
        match refused {
            Ok(mut fresh) => {
                if let Some(mine) = remembered {
                    fresh.contact_email = mine.email;
                    fresh.contact_phone = mine.phone;
                }
                view! { <ReferralFlow id report_id fresh /> }.into_any()
            }
            Err(why) => {
                let back = routes::nominal(&id);
                view! {
                    <Page title="No recall referral on this report">
                        <h1 class="heading-l">"A recall referral cannot be made on this report"</h1>
                        <p class="body">{why}</p>
                        <p class="body"><A href=back>"Back to the nominal"</A></p>
                    </Page>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn ReferralFlow(id: String, report_id: String, fresh: ReferralAnswers) -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let step = Memo::new(move |_| {
        let slug = query.read().get("step").unwrap_or_default();
        Step::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Step::Custody)
    });
    let navigate = use_navigate();
    let blank = fresh.clone();
    let flow = Flow {
        app,
        nominal_id: StoredValue::new(id.clone()),
        report_id: StoredValue::new(report_id.clone()),
        keeper: Draft::open(DraftKey::Referral(report_id.clone()), fresh, move |a| {
            *a == blank
        }),
        errors: RwSignal::new(vec![]),
        returning: Memo::new(move |_| query.read().get("return").as_deref() == Some("check")),
        navigate: StoredValue::new(Callback::new(move |path: String| {
            navigate(&path, NavigateOptions::default())
        })),
    };
    // A new page: no problems from the last one.
    Effect::new(move |_| {
        step.track();
        flow.errors.set(vec![]);
    });
    let title = Signal::derive(move || format!("{} – Recall referral – {id}", step.get().title()));
    let page = move || {
        if !flow.keeper.loaded.get() {
            return view! { <p class="body" role="status">"Opening the referral…"</p> }.into_any();
        }
        let s = step.get();
        let page = if s == Step::Check {
            view! { <check::CheckStep flow /> }.into_any()
        } else {
            view! { <questions::QuestionStep flow step=s /> }.into_any()
        };
        view! {
            {page}
            <DraftStatus status=flow.keeper.status />
        }
        .into_any()
    };
    view! { <Page title>{page}</Page> }
}

/// The link back: to the previous page, to the check answers page when changing an answer, or
/// to the breach report from the first page.
#[component]
fn BackLink(flow: Flow, step: Step) -> impl IntoView {
    let (href, text) = if flow.returning.get_untracked() {
        (flow.href(Step::Check), "Back to check your answers")
    } else if step == Step::Custody {
        (
            routes::breach_report_print(&flow.nominal_id.get_value(), &flow.report_id.get_value()),
            "Back to the breach report",
        )
    } else {
        (flow.href(Step::ALL[step.index() - 1]), "Back")
    };
    view! {
        <a class="back-link" href=href.clone() on:click=move |ev| {
            ev.prevent_default();
            flow.go(href.clone());
        }>{text}</a>
    }
}
