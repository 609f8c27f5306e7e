//! Leptos views: one page per route, small shared components. State lives close to where it
//! is used; the cohort is provided to every page through context.

pub mod components;
pub mod pages;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::domain::demo::demo_cohort;
use crate::domain::Cohort;

/// What every page can read: the cohort on this device and the day it is judged on.
#[derive(Clone, Copy)]
pub struct AppState {
    pub cohort: RwSignal<Cohort>,
    pub today: Signal<NaiveDate>,
}

/// The state provided by [`App`]. Panics outside it, which is a programming error.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Today's date on the device's clock.
pub fn device_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[component]
pub fn App() -> impl IntoView {
    let today = device_today();
    let state = AppState {
        cohort: RwSignal::new(demo_cohort(today)),
        today: Signal::stored(today),
    };
    provide_context(state);
    view! {
        <Router>
            <components::Header />
            <main class="page" id="main-content">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::CohortPage />
                    <Route path=path!("/nominal/:id") view=pages::NominalPage />
                </Routes>
            </main>
        </Router>
    }
}
