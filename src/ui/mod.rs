//! Leptos views: one page per route, small shared components. State lives close to where it
//! is used; the store and the unlocked cohort are provided to every page through context.

mod browser;
pub mod components;
pub mod draft;
pub mod pages;
pub mod records;
pub mod routes;
mod session;
use session::sync;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{OptionalParamSegment, ParamSegment, StaticSegment, WildcardSegment};

use crate::domain::{Cohort, OfficerRef};
use crate::store::Store;

use routes::segment::*;
pub use session::{lock_now, Phase};

/// What every page can read. `Copy`, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Option<Store>, LocalStorage>,
    /// Where the app stands: opening, locked, unlocked...
    pub phase: RwSignal<Phase>,
    /// The cohort with every field record, while unlocked. Emptied on lock.
    pub cohort: RwSignal<Cohort>,
    /// The day every rule is judged on: the device's date, kept current while the app stays
    /// open (see `follow_the_date`).
    pub today: Signal<NaiveDate>,
    /// A message for the set-passcode screen after the app was cleared on purpose (e.g. how many
    /// records "Export records and start again" exported). Nothing personal.
    pub notice: RwSignal<Option<String>>,
    /// The sync engine's state (see `sync.rs`).
    pub sync: sync::SyncState,
}

impl AppState {
    /// The store, once opened. Pages only render while it is open and unlocked.
    pub fn store(&self) -> Option<Store> {
        self.store.get_value()
    }

    /// The officer using the app (from the cohort on the device).
    pub fn officer(&self) -> OfficerRef {
        self.cohort.with_untracked(|c| c.officer.clone())
    }
}

/// The state provided by [`App`]. Panics outside it, which is a programming error.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Today's date on the device's clock.
pub fn device_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// How often the app looks at the device's date, in milliseconds.
pub const DATE_CHECK_MS: u32 = 30_000;

/// Keep `today` equal to the device's date while the app stays open: the day turns at
/// midnight, and the clock or time zone may change while the phone sleeps. One look at the
/// clock every [`DATE_CHECK_MS`] and whenever the app comes back to the foreground; the signal
/// is only set (and pages re-render) when the date has changed.
fn follow_the_date(today: RwSignal<NaiveDate>) {
    let check = move || {
        let now = device_today();
        if today.get_untracked() != now {
            today.set(now);
        }
    };
    gloo::timers::callback::Interval::new(DATE_CHECK_MS, check).forget();
    gloo::events::EventListener::new(&document(), "visibilitychange", move |_| check()).forget();
}

/// Now, on the device's clock, to the second.
pub fn device_now() -> chrono::NaiveDateTime {
    use chrono::Timelike;
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

/// A fresh id for a field record, e.g. `K-0b6f…`: opaque, made on the device.
pub fn new_record_id(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4())
}

#[component]
pub fn App() -> impl IntoView {
    let today = RwSignal::new(device_today());
    follow_the_date(today);
    let state = AppState {
        store: StoredValue::new_local(None),
        phase: RwSignal::new(Phase::Opening),
        cohort: RwSignal::new(Cohort::empty(OfficerRef {
            id: String::new(),
            name: String::new(),
        })),
        today: today.into(),
        notice: RwSignal::new(None),
        sync: sync::SyncState::new(),
    };
    provide_context(state);
    session::start(state);
    sync::start(state);
    view! {
        <Router>
            <components::Header />
            <components::UpdateBanner />
            <main class="page" id="main-content">
                <pages::Gate>
                    <Routes fallback=pages::NotFound>
                        <Route path=StaticSegment("") view=pages::CohortPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(CONTACT)) view=pages::ContactPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BRIEFING), WildcardSegment("step")) view=pages::BriefingPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BREACH), OptionalParamSegment("step")) view=pages::BreachPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BREACHES), ParamSegment("report")) view=pages::BreachSubmittedPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BREACHES), ParamSegment("report"), StaticSegment(PRINT)) view=pages::BreachPrintPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BREACHES), ParamSegment("report"), StaticSegment(PACK)) view=pages::EvidencePackPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(BREACHES), ParamSegment("report"), StaticSegment(REFERRAL)) view=pages::MakeReferralPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(REFERRALS), ParamSegment("referral")) view=pages::ReferralPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(REFERRALS), ParamSegment("referral"), StaticSegment(PRINT)) view=pages::ReferralPrintPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(NOTIFICATIONS)) view=pages::NotificationsPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(NOTIFICATIONS), StaticSegment(NEW)) view=pages::RecordNotificationPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(EXHIBITS), StaticSegment(NEW), ParamSegment("record")) view=pages::AddExhibitPage />
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), StaticSegment(EXHIBITS), ParamSegment("exhibit")) view=pages::ExhibitPage />
                        // After every longer nominal route: routes match in order, and this one takes
                        // `/nominal/:id` and its parts `conditions` and `history` (see NominalPage).
                        <Route path=(StaticSegment(NOMINAL), ParamSegment("id"), OptionalParamSegment("part")) view=pages::NominalPage />
                        <Route path=StaticSegment(DEVICE) view=pages::DevicePage />
                        <Route path=StaticSegment(SCHEDULES) view=pages::ScheduleSearchPage />
                        // The way out offered while locked; unlocked, the Device page does it.
                        <Route path=StaticSegment(START_AGAIN) view=|| view! { <Redirect path=routes::DEVICE /> } />
                    </Routes>
                </pages::Gate>
            </main>
        </Router>
    }
}
