use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::time::dates::format_date;
use crate::domain::NominalSummary;
use crate::ui::components::{BadgeTag, Input, Page, RiskTag};
use crate::ui::{routes, use_app};

/// Rows painted at a time; "Show more" adds as many again.
const ROWS_AT_A_TIME: usize = 50;

/// The officer's nominals, what needs attention first, with search.
#[component]
pub fn CohortPage() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    // Nominals with a breach report saved as a draft: "Breach awaiting decision".
    let pending = super::breach::pending_breaches();
    let list = Memo::new(move |_| {
        let today = app.today.get();
        pending.with(|p| {
            app.cohort
                .with(|c| c.attention_list(today, &|id| p.contains(id)))
        })
    });
    // Positions in `list` of the nominals the search matches (the query lower-cased once).
    let matches = Memo::new(move |_| {
        let q = query.with(|q| q.trim().to_lowercase());
        list.with(|l| {
            l.iter()
                .enumerate()
                .filter(|(_, s)| s.matches_lowercase(&q))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    // Rows painted: a window of the matches, never thousands at once. A new search starts
    // again at the first window.
    let limit = RwSignal::new(ROWS_AT_A_TIME);
    let shown = Memo::new(move |_| {
        let limit = limit.get();
        matches.with(|m| {
            list.with(|l| {
                m.iter()
                    .take(limit)
                    .filter_map(|&i| l.get(i).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });
    let hidden = move || matches.with(Vec::len).saturating_sub(limit.get());
    view! {
        <Page title="Cohort">
        <h1 class="heading-l">"Cohort"</h1>
        <super::sync_panel::CohortSyncLine />
        <p class="body"><A href=routes::SCHEDULE_SEARCH>"Is this person, address or vehicle on a schedule?"</A></p>
        <Input id="cohort-search" label="Search by name, alias or order reference" input_type="search"
            autocomplete="off" spellcheck="false" value=query
            on_input=move |v| {
                limit.set(ROWS_AT_A_TIME);
                query.set(v);
            } />
        <p
            class=move || if shown.with(Vec::is_empty) { "body cohort-none" } else { "body-s" }
            role="status"
        >
            {move || {
                let n = matches.with(Vec::len);
                let total = list.with(Vec::len);
                if n == 0 && total > 0 {
                    format!("No nominals match \u{201c}{}\u{201d}", query.get().trim())
                } else {
                    let noun = if total == 1 { "nominal" } else { "nominals" };
                    if n == total { format!("{total} {noun}") } else { format!("{n} of {total} {noun}") }
                }
            }}
        </p>
        <Show when=move || shown.with(Vec::is_empty) && !list.with(Vec::is_empty)>
            <p class="body">"Check the spelling, or search by another name, an alias or the order reference."</p>
        </Show>
        <ul class="cohort-list">
            <For each=move || shown.get() key=|s| format!("{}{:?}", s.id, s.badges) let:summary>
                <CohortRow summary />
            </For>
        </ul>
        <Show when=move || { hidden() > 0 }>
            <button
                type="button"
                class="button button--secondary"
                id="cohort-more"
                on:click=move |_| limit.update(|l| *l = l.saturating_add(ROWS_AT_A_TIME))
            >
                {move || format!("Show {} more", hidden().min(ROWS_AT_A_TIME))}
            </button>
        </Show>
        </Page>
    }
}

#[component]
fn CohortRow(summary: NominalSummary) -> impl IntoView {
    let href = routes::nominal(&summary.id);
    let due = summary
        .next_contact_due
        .map(format_date)
        .unwrap_or_else(|| "No contact plan".to_string());
    view! {
        <li class="cohort-list__item">
            <A href=href attr:class="cohort-list__name">{summary.display_name.clone()}</A>
            <div class="cohort-list__meta">
                <RiskTag risk=summary.risk />
                <span class="cohort-list__due">"Next contact due: " {due}</span>
            </div>
            <div class="cohort-list__badges">
                {summary.badges.into_iter().map(|badge| view! { <BadgeTag badge /> }).collect_view()}
            </div>
        </li>
    }
}
