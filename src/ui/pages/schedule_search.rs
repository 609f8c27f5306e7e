//! `/schedules`: "Is this person, address or vehicle on a schedule?" An officer at a door
//! searches the schedules of their nominals' orders in force today, on this phone (offline),
//! by name, alias, street or registration; each match names the nominal and the provisions.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{Input, Page};
use crate::ui::{routes, use_app};

/// One match, as shown: the nominal (id and name), the entry with its description, and what
/// it matched on with the schedule and the provisions naming it.
#[derive(Clone)]
struct Found {
    nominal_id: String,
    name: String,
    entry: String,
    about: String,
}

#[component]
pub fn ScheduleSearchPage() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let found = move || {
        let q = query.get();
        let today = app.today.get();
        app.cohort.with(|c| {
            c.search_schedules(&q, today)
                .into_iter()
                .map(|m| {
                    let provisions: Vec<&str> = m
                        .schedule
                        .condition_ids
                        .iter()
                        .filter_map(|id| c.condition(id).map(|k| k.summary.as_str()))
                        .collect();
                    Found {
                        nominal_id: m.nominal.id.clone(),
                        name: m.nominal.display_name(),
                        entry: m.entry.line(),
                        about: format!(
                            "Matched on {}. {}: {}",
                            m.on.label(),
                            m.schedule.number,
                            provisions.join(" ")
                        ),
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let status = move || {
        let q = query.get();
        let q = q.trim();
        match found().len() {
            _ if q.chars().filter(|c| c.is_alphanumeric()).count() < 2 => {
                "Type at least 2 letters or digits.".to_string()
            }
            0 => format!("Nothing on your nominals\u{2019} schedules matches \u{201c}{q}\u{201d}"),
            1 => "1 match".to_string(),
            n => format!("{n} matches"),
        }
    };
    view! {
        <Page title="Search schedules">
        <A href=routes::COHORT attr:class="back-link">"Back to cohort"</A>
        <h1 class="heading-l">"Is this person, address or vehicle on a schedule?"</h1>
        <Input id="schedule-search" label="Name, alias, street or registration" input_type="search"
            hint="Searches the schedules of your nominals\u{2019} orders in force today, on this phone."
            autocomplete="off" spellcheck="false" value=query on_input=move |v| query.set(v) />
        <p class="body" role="status">{status}</p>
        <ul class="cohort-list">
            {move || found()
                .into_iter()
                .map(|f| view! {
                    <li class="cohort-list__item">
                        <A href=routes::nominal_conditions(&f.nominal_id) attr:class="cohort-list__name">{f.name}</A>
                        <p class="body">{f.entry}</p>
                        <p class="hint">{f.about}</p>
                    </li>
                })
                .collect_view()}
        </ul>
        </Page>
    }
}
