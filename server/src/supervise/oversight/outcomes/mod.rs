//! The unit's outcomes (`/supervise/outcomes`): per calendar quarter, people on orders,
//! breaches by outcome and disruptions recorded, as a table and a bar chart drawn here as SVG
//! (no script; the table is the chart's accessible equivalent). Counts only: no nominal is
//! named, so nothing is consulted. The figures, and the breaches they count, download as CSV
//! ([`csv`]), each download logged as a disclosure.

pub mod csv;

use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};
use scpo_field::domain::oversight::outcomes::{outcomes, QuarterFigures};
use scpo_field::domain::oversight::unit::DecisionLevel;
use scpo_field::domain::time::dates::format_date;

use crate::state::AppState;
use crate::supervise::kit::{page_at, table_with, Column, Layout};
use crate::supervise::oversight as o;
use crate::supervise::unit::load;
use crate::supervise::Supervisor;

/// How many quarters the page shows, today's the last.
pub const QUARTERS: usize = 8;

pub async fn page(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = o::today(&state);
    let figures = outcomes(&data.unit(), today, QUARTERS);
    let body = html! {
        h1 class="heading-l" { "Outcomes" }
        p class="body" {
            "The unit's figures for the last " (QUARTERS) " quarters, to " (format_date(today))
            ". A breach counts in the quarter it happened, by the latest decision on the report as it stands; a disruption in the quarter the decision recorded it. People on orders: nominals with an order in force on at least one day of the quarter. Nominals transferred out are not counted."
        }
        (chart(&figures))
        (table(&figures))
        h2 class="heading-m" { "Download" }
        p class="hint" { "Each download is recorded in the audit log as a disclosure." }
        ul class="list" {
            li { a href="/supervise/outcomes.csv" download { "Download the figures as CSV" } }
            li { a href="/supervise/outcomes/breaches.csv" download { "Download the breaches counted, with the nominal each is about, as CSV" } }
        }
    };
    page_at(
        &state,
        Some(&s),
        "Outcomes",
        body,
        Some("/supervise/outcomes"),
    )
}

fn table(figures: &[QuarterFigures]) -> Markup {
    let mut columns = vec![
        Column::text("Quarter"),
        Column::number("People on orders"),
        Column::number("Breaches"),
    ];
    columns.extend(DecisionLevel::ALL.map(|l| Column::number(l.outcome_label())));
    columns.push(Column::number("Awaiting decision"));
    columns.push(Column::number("Disruptions recorded"));
    let rows: Vec<Vec<Markup>> = figures
        .iter()
        .map(|f| {
            let mut row = vec![
                html! { (f.quarter.label()) },
                html! { (f.on_orders) },
                html! { (f.breaches()) },
            ];
            row.extend(DecisionLevel::ALL.map(|l| html! { (f.outcome(l)) }));
            row.push(html! { (f.awaiting_decision) });
            row.push(html! { (f.disruptions) });
            row
        })
        .collect();
    let layout = Layout {
        nowrap_row_headers: true,
        ..Layout::default()
    };
    table_with("Outcomes by quarter", &columns, &rows, layout)
}

const WIDTH: usize = 960;
const PANEL: usize = 190;
const LEFT: usize = 70;
const RIGHT: usize = 940;
const PLOT: usize = 100;

/// Three bar charts one above the other (people on orders, breaches, disruptions), one bar a
/// quarter, each bar labelled with its value: no colour is needed to read it. SVG elements are
/// not void in HTML: each is closed (`{}`), never left open.
pub fn chart(figures: &[QuarterFigures]) -> Markup {
    let series: [(&str, Vec<usize>); 3] = [
        (
            "People on orders",
            figures.iter().map(|f| f.on_orders).collect(),
        ),
        (
            "Breaches",
            figures.iter().map(QuarterFigures::breaches).collect(),
        ),
        (
            "Disruptions recorded",
            figures.iter().map(|f| f.disruptions).collect(),
        ),
    ];
    let slot = (RIGHT - LEFT) / figures.len().max(1);
    let height = series.len() * PANEL;
    html! {
        figure class="body" {
            svg role="img" aria-labelledby="outcomes-chart-title outcomes-chart-desc"
                viewBox={ "0 0 " (WIDTH) " " (height) } width="100%" xmlns="http://www.w3.org/2000/svg" {
                title id="outcomes-chart-title" { "People on orders, breaches and disruptions recorded, per quarter" }
                desc id="outcomes-chart-desc" { "Three bar charts, one bar a quarter, oldest on the left. The same figures are in the table below." }
                @for (i, (name, values)) in series.iter().enumerate() {
                    (panel(i * PANEL, name, values, figures, slot))
                }
                text x=((LEFT + RIGHT) / 2) y=(height - 8) text-anchor="middle" font-size="13" fill="currentColor" { "Quarter" }
            }
        }
    }
}

/// One bar chart of the three, `top` pixels down.
fn panel(
    top: usize,
    name: &str,
    values: &[usize],
    figures: &[QuarterFigures],
    slot: usize,
) -> Markup {
    let base = top + 40 + PLOT;
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    html! {
        text x="0" y=(top + 18) font-weight="bold" font-size="16" fill="currentColor" { (name) }
        // Axes: the value axis with 0 and the largest value, the quarter axis along the base.
        line x1=(LEFT) y1=(base - PLOT) x2=(LEFT) y2=(base) stroke="currentColor" {}
        line x1=(LEFT) y1=(base) x2=(RIGHT) y2=(base) stroke="currentColor" {}
        text x=(LEFT - 6) y=(base - PLOT + 5) text-anchor="end" font-size="13" fill="currentColor" { (max) }
        text x=(LEFT - 6) y=(base) text-anchor="end" font-size="13" fill="currentColor" { "0" }
        text x="14" y=(base - PLOT / 2) text-anchor="middle" font-size="13" fill="currentColor"
            transform={ "rotate(-90 14 " (base - PLOT / 2) ")" } { "Number" }
        @for (k, (v, f)) in values.iter().zip(figures).enumerate() {
            @let h = v * PLOT / max;
            @let x = LEFT + k * slot + slot / 4;
            @let mid = x + slot / 4;
            rect x=(x) y=(base - h) width=(slot / 2) height=(h) fill="#1d70b8" {}
            text x=(mid) y=(base - h - 5) text-anchor="middle" font-size="13" fill="currentColor" { (v) }
            text x=(mid) y=(base + 18) text-anchor="middle" font-size="12" fill="currentColor" { (f.quarter.label()) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scpo_field::domain::oversight::outcomes::Quarter;

    fn quarter(number: u32, on_orders: usize, disruptions: usize) -> QuarterFigures {
        QuarterFigures {
            quarter: Quarter { year: 2026, number },
            on_orders,
            by_outcome: DecisionLevel::ALL.map(|l| (l, 0)),
            awaiting_decision: 1,
            disruptions,
        }
    }

    #[test]
    fn the_chart_draws_a_labelled_bar_a_quarter_with_no_style_attribute() {
        let svg = chart(&[quarter(3, 4, 0), quarter(4, 8, 2)]).into_string();
        assert!(
            svg.contains("role=\"img\"") && svg.contains("<title id=\"outcomes-chart-title\">")
        );
        assert_eq!(svg.matches("<rect").count(), 6);
        assert!(svg.contains(">Jul–Sep 2026</text>") && svg.contains(">Oct–Dec 2026</text>"));
        // The tallest bar of a panel fills the plot; half the value, half the height.
        assert!(svg.contains(&format!("height=\"{PLOT}\"")));
        assert!(svg.contains(&format!("height=\"{}\"", PLOT / 2)));
        assert!(!svg.contains("style="));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn an_empty_panel_draws_zero_height_bars() {
        let svg = chart(&[quarter(1, 0, 0)]).into_string();
        assert!(svg.contains("height=\"0\""));
    }
}
