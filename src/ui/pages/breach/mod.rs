//! Reporting a breach: one question per page (when it happened, then which of the conditions in
//! force that day; what happened and where, with any evidence; what intelligence says), check
//! answers, the recommendation with every reason and the option to choose another level, then
//! the submitted report and its print view.
//!
//! The whole report is a draft (`breach:{nominal_id}`) saved as the officer goes; a nominal with
//! one shows "Breach awaiting decision" on the cohort list. Routes:
//! `/nominal/:id/breach/:step?` (the questions) and `/nominal/:id/breaches/:report[/print|/pack]`
//! (the s.25 evidence pack).

mod actions;
mod check;
mod details;
mod document;
mod pack;
mod questions;
mod recommendation;
mod referral;
mod report;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::forms::breach_form::{BreachDraft, BreachProblem, BreachStep};
use crate::ui::components::{FieldError, NominalNotFound, Page};
use crate::ui::draft::{Draft, DraftKey, DraftStatus};
use crate::ui::{device_now, routes, use_app, AppState};

pub use actions::{pending_breaches, BreachActions};
pub use pack::EvidencePackPage;
pub use referral::{MakeReferralPage, ReferralLink, ReferralList, ReferralPage, ReferralPrintPage};
pub use report::{BreachPrintPage, BreachSubmittedPage};

/// The address of a page of the breach report for a nominal.
pub fn step_href(nominal_id: &str, step: BreachStep) -> String {
    routes::breach_step(nominal_id, step.slug())
}

/// The first page of a breach report whose draft the tap that opens it has just made.
pub fn started_href(nominal_id: &str) -> String {
    format!(
        "{}?started=1",
        step_href(nominal_id, BreachStep::Conditions)
    )
}

/// What every page of the flow shares. `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Flow {
    pub app: AppState,
    pub nominal_id: StoredValue<String>,
    pub keeper: Draft<BreachDraft>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// Came from the check answers page: continue back to it.
    pub returning: Memo<bool>,
    /// The flow was opened by the tap that made its draft (`?started=1`): nothing to resume.
    pub just_started: bool,
    navigate: StoredValue<Callback<String>>,
}

pub(super) fn field_errors(problems: Vec<BreachProblem>) -> Vec<FieldError> {
    problems
        .into_iter()
        .map(|p| FieldError::new(p.field.id(), p.message))
        .collect()
}

impl Flow {
    pub fn draft(&self) -> RwSignal<BreachDraft> {
        self.keeper.value
    }

    pub fn edit(&self, f: impl FnOnce(&mut BreachDraft)) {
        self.keeper.edit(f);
    }

    pub fn id(&self) -> String {
        self.nominal_id.get_value()
    }

    pub fn href(&self, step: BreachStep) -> String {
        step_href(&self.id(), step)
    }

    /// A "Change" link from the check answers page.
    pub fn change_href(&self, step: BreachStep) -> String {
        format!("{}?return=check", self.href(step))
    }

    /// Save, then open `path`.
    pub fn go(&self, path: String) {
        let flow = *self;
        spawn_local(async move {
            let _ = flow.keeper.flush().await;
            flow.navigate.get_value().run(path);
        });
    }

    /// Check the answers on `step`; when they are fine, save and go to the next page (or back
    /// to the check answers page). Problems are shown, and nothing typed is lost.
    pub fn go_on(&self, step: BreachStep) {
        let problems = self.app.cohort.with_untracked(|c| {
            self.draft()
                .with_untracked(|d| d.problems(step, c, device_now()))
        });
        if !problems.is_empty() {
            self.errors.set(field_errors(problems));
            return;
        }
        self.errors.set(vec![]);
        let next = if self.returning.get_untracked() {
            BreachStep::Check
        } else {
            step.next()
        };
        self.go(self.href(next));
    }
}

/// `/nominal/:id/breach/:step?`: the breach report's questions, check answers and
/// recommendation. Restores the draft when it opens.
#[component]
pub fn BreachPage() -> impl IntoView {
    let params = use_params_map();
    let nominal_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // A new nominal means a new report (and a new draft): build the flow again.
    move || {
        let id = nominal_id.get();
        view! { <BreachFlow nominal_id=id /> }
    }
}

#[component]
fn BreachFlow(nominal_id: String) -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let step = Memo::new(move |_| {
        params
            .read()
            .get("step")
            .and_then(|s| BreachStep::from_slug(&s))
            .unwrap_or(BreachStep::Conditions)
    });
    let navigate = use_navigate();
    let flow = Flow {
        app,
        nominal_id: StoredValue::new(nominal_id.clone()),
        keeper: Draft::open(
            DraftKey::Breach(nominal_id.clone()),
            BreachDraft::new(&nominal_id, device_now()),
            BreachDraft::is_blank,
        ),
        errors: RwSignal::new(vec![]),
        returning: Memo::new(move |_| query.read().get("return").as_deref() == Some("check")),
        just_started: query.read_untracked().get("started").is_some(),
        navigate: StoredValue::new(Callback::new(move |path: String| {
            navigate(&path, NavigateOptions::default())
        })),
    };
    // A new page: no problems from the last one.
    Effect::new(move |_| {
        step.track();
        flow.errors.set(vec![]);
    });
    let exists = Memo::new(move |_| app.cohort.with(|c| c.nominal(&flow.id()).is_some()));
    // A title that says where the officer is.
    let title = Signal::derive(move || {
        if exists.get() {
            format!("{} – Report a breach – {}", step.get().title(), flow.id())
        } else {
            "Nominal not found".to_string()
        }
    });
    let page = move || {
        if !exists.get() {
            return view! { <NominalNotFound /> }.into_any();
        }
        if !flow.keeper.loaded.get() {
            return view! { <p class="body" role="status">"Opening the report…"</p> }.into_any();
        }
        let page = match step.get() {
            BreachStep::Conditions => view! { <questions::ConditionsStep flow /> }.into_any(),
            BreachStep::Details => view! { <details::DetailsStep flow /> }.into_any(),
            BreachStep::Intelligence => view! { <questions::IntelligenceStep flow /> }.into_any(),
            BreachStep::Check => view! { <check::CheckStep flow /> }.into_any(),
            BreachStep::Recommendation => {
                view! { <recommendation::RecommendationStep flow /> }.into_any()
            }
        };
        view! {
            {page}
            <DraftStatus status=flow.keeper.status />
            <DiscardReport flow />
        }
        .into_any()
    };
    view! { <Page title>{page}</Page> }
}

/// The link back: to the previous question, or to the check answers page when changing an
/// answer from there.
#[component]
pub(super) fn BackLink(flow: Flow, step: BreachStep) -> impl IntoView {
    let (href, text) = if flow.returning.get_untracked() {
        (flow.href(BreachStep::Check), "Back to check your answers")
    } else {
        match step.previous() {
            Some(p) => (flow.href(p), "Back"),
            None => (routes::nominal(&flow.id()), "Back to the nominal"),
        }
    };
    view! {
        <a class="back-link" href=href.clone() on:click=move |ev| {
            ev.prevent_default();
            flow.go(href.clone());
        }>{text}</a>
    }
}

/// The caption above each page's heading: who the report is about.
pub(super) fn caption(flow: Flow) -> String {
    let name = flow.app.cohort.with_untracked(|c| {
        c.nominal(&flow.id())
            .map(|n| n.display_name())
            .unwrap_or_default()
    });
    format!("Report a breach · {name}")
}

/// The caption, as a view.
#[component]
pub(super) fn Caption(flow: Flow) -> impl IntoView {
    view! { <span class="caption">{caption(flow)}</span> }
}

/// Throw the report away, after a second tap to confirm.
#[component]
fn DiscardReport(flow: Flow) -> impl IntoView {
    let asking = RwSignal::new(false);
    let navigate = use_navigate();
    let discard = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let _ = flow.keeper.discard().await;
            navigate(&routes::nominal(&flow.id()), NavigateOptions::default());
        });
    };
    view! {
        <div class="breach-discard no-print">
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button class="link-button" type="button" on:click=move |_| asking.set(true)>
                        "Discard this report"
                    </button>
                }
            >
                <div class="warning-text" role="alert">
                    <strong>"This deletes every answer in this report from the phone."</strong>
                </div>
                <button class="button button--warning" type="button" on:click=discard.clone()>"Discard the report"</button>
                <button class="button button--secondary" type="button" on:click=move |_| asking.set(false)>"Keep it"</button>
            </Show>
        </div>
    }
}
