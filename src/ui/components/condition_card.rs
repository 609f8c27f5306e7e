use leptos::prelude::*;

use crate::domain::Condition;

/// One condition: the plain-English summary first, the wording as granted one tap away.
/// `not_in_force` says why it is not in force today, when it is not.
#[component]
pub fn ConditionCard(
    condition: Condition,
    #[prop(optional)] not_in_force: Option<String>,
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
            <details class="details">
                <summary class="details__summary">"Wording as granted"</summary>
                <p class="details__text condition__verbatim">{condition.verbatim.clone()}</p>
            </details>
        </li>
    }
}
