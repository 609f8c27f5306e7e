use leptos::prelude::*;

use crate::domain::timeline::{TimelineEntry, Tone};

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
/// Each entry is headed at `level` 3, under the page's "History" heading.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! {
            <p class="body">"No briefings, contacts, notifications or breaches recorded yet."</p>
        }
        .into_any();
    }
    view! {
        <ol class="timeline">
            {entries.into_iter().map(|e| view! { <TimelineItem entry=e /> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    let datetime = crate::domain::dates::iso_date_time(entry.at);
    let when = entry.when();
    let kind = entry.kind.label();
    // The kind is said once: as the caption, unless the title already says it.
    let caption = (!entry.title.starts_with(kind)).then_some(kind);
    view! {
        <li class="timeline__item">
            <h3 class="timeline__title">
                {caption.map(|c| view! { <span class="timeline__kind">{c}</span> })}
                {entry.title.clone()}
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
