use leptos::prelude::*;

use crate::domain::{Condition, Schedule};

/// One condition: the plain-English summary first, the wording as granted one tap away.
/// `not_in_force` says why it is not in force today, when it is not; `schedules` are the
/// schedules it names, each with its entries listed.
#[component]
pub fn ConditionCard(
    condition: Condition,
    #[prop(optional)] not_in_force: Option<String>,
    #[prop(optional)] schedules: Vec<Schedule>,
) -> impl IntoView {
    let deadline = condition
        .notification
        .as_ref()
        .map(|d| format!("Must tell police {}", d.deadline.describe()));
    view! {
        <li class="condition">
            <p class="condition__summary">{condition.summary.clone()}</p>
            {condition
                .mirrored_in_licence
                .then(|| view! { <strong class="tag tag--blue">"Mirrored in licence"</strong> })}
            {deadline.map(|d| view! { <p class="condition__deadline">{d}</p> })}
            {not_in_force.map(|why| view! { <p class="condition__not-in-force">"Not in force today: " {why}</p> })}
            {schedules.iter().map(schedule_view).collect_view()}
            <details class="details">
                <summary class="details__summary">"Wording as granted"</summary>
                <p class="details__text condition__verbatim">{condition.verbatim.clone()}</p>
            </details>
        </li>
    }
}

/// A schedule and every entry on it, each in one line with its description.
fn schedule_view(s: &Schedule) -> impl IntoView {
    let entries: Vec<String> = s.all_entries().iter().map(|e| e.line()).collect();
    view! {
        <div class="schedule">
            <h4 class="heading-s schedule__number">{s.number.clone()}</h4>
            <ul class="list">{entries.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
        </div>
    }
}
