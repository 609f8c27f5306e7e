use leptos::prelude::*;

use crate::domain::{Badge, RiskRating};

/// A tag that says what needs attention, red when urgent.
#[component]
pub fn BadgeTag(badge: Badge) -> impl IntoView {
    let class = if badge.is_urgent() {
        "tag tag--red"
    } else {
        "tag tag--yellow"
    };
    view! { <strong class=class>{badge.label()}</strong> }
}

/// The risk rating as a tag, with the word "risk" for screen readers reading it out of context.
#[component]
pub fn RiskTag(risk: RiskRating) -> impl IntoView {
    let class = match risk {
        RiskRating::VeryHigh => "tag tag--risk-very-high",
        RiskRating::High => "tag tag--risk-high",
        RiskRating::Medium => "tag tag--risk-medium",
        RiskRating::Low => "tag tag--risk-low",
    };
    view! { <strong class=class>{format!("{} risk", risk.label())}</strong> }
}
