use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::timeline::entries::{Opens, TimelineEntry, Tone};
use crate::ui::routes;

/// The tag classes for a tone (see style/main.css).
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Urgent => "tag tag--red",
        Tone::Warning => "tag tag--yellow",
        Tone::Good => "tag tag--green",
        Tone::Neutral => "tag",
    }
}

/// A nominal's history, newest first: what happened, when, and the facts that matter.
/// Each entry is headed at `level` 3, under the page's "History" heading; an entry whose record
/// has a page of its own (a breach report, a referral) links to it.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>, nominal_id: String) -> impl IntoView {
    if entries.is_empty() {
        return view! {
            <p class="body">"No briefings, contacts, notifications or breaches recorded yet."</p>
        }
        .into_any();
    }
    view! {
        <ol class="timeline">
            {entries
                .into_iter()
                .map(|e| {
                    let href = e.opens.as_ref().map(|o| match o {
                        Opens::BreachReport(id) => routes::breach_report(&nominal_id, id),
                        Opens::Referral(id) => routes::referral(&nominal_id, id),
                    });
                    view! { <TimelineItem entry=e href /> }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn TimelineItem(entry: TimelineEntry, href: Option<String>) -> impl IntoView {
    let datetime = crate::domain::time::dates::iso_date_time(entry.at);
    let when = entry.when();
    // The link is the title; its item (heading, time and facts) tells two reports apart.
    let title = match href {
        Some(href) => {
            let label = entry.title.clone();
            view! { <A href=href>{label.clone()}</A> }.into_any()
        }
        None => entry.title.clone().into_any(),
    };
    let kind = entry.kind.label();
    // The kind is said once: as the caption, unless the title already says it.
    let caption = (!entry.title.starts_with(kind)).then_some(kind);
    view! {
        <li class="timeline__item">
            <h3 class="timeline__title">
                {caption.map(|c| view! { <span class="timeline__kind">{c}</span> })}
                {title}
            </h3>
            <p class="timeline__when"><time datetime=datetime>{when}</time></p>
            {entry.tag.map(|(text, tone)| view! { <strong class=tone_class(tone)>{text}</strong> })}
            {entry.is_correction.then(|| view! { <strong class="tag">"Correction"</strong> })}
            {entry.corrected.then(|| view! { <strong class="tag">"Corrected by a later record"</strong> })}
            <dl class="timeline__facts">
                {entry
                    .facts
                    .into_iter()
                    .map(|(k, v)| view! {
                        <div class="timeline__fact">
                            <dt>{k}</dt>
                            <dd>{v}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </li>
    }
}
