//! The unit's outcomes (`/supervise/outcomes`): per calendar quarter, people on orders,
//! breaches by outcome and disruptions recorded, as a table and a bar chart drawn here as SVG
//! (no script; the table is the chart's accessible equivalent). Counts only: no nominal is
//! named, so nothing is consulted.

use axum::extract::State;
use axum::response::Response;
use scpo_field::domain::oversight::outcomes::{outcomes, QuarterFigures};
use scpo_field::domain::oversight::unit::DecisionLevel;
use scpo_field::domain::time::dates::format_date;

use super::layout::{esc, page_at};
use super::oversight as o;
use super::unit::load;
use super::Supervisor;
use crate::state::AppState;

/// How many quarters the page shows, today's the last.
pub const QUARTERS: usize = 8;

pub async fn page(State(state): State<AppState>, s: Supervisor) -> Response {
    let data = match load(&state, &s).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let today = o::today(&state);
    let figures = outcomes(&data.unit(), today, QUARTERS);
    let body = format!(
        "<h1 class=\"heading-l\">Outcomes</h1>\
<p class=\"body\">The unit's figures for the last {QUARTERS} quarters, to {}. A breach counts in the quarter it happened, by the latest decision on the report as it stands; a disruption in the quarter the decision recorded it. People on orders: nominals with an order in force on at least one day of the quarter. Nominals transferred out are not counted.</p>\
{}{}",
        esc(&format_date(today)),
        chart(&figures),
        table(&figures)
    );
    page_at(
        &state,
        Some(&s),
        "Outcomes",
        &body,
        Some("/supervise/outcomes"),
    )
}

fn table(figures: &[QuarterFigures]) -> String {
    let mut head = String::from(
        "<th scope=\"col\">Quarter</th><th scope=\"col\" class=\"table__cell--numeric\">People on orders</th><th scope=\"col\" class=\"table__cell--numeric\">Breaches</th>",
    );
    for level in DecisionLevel::ALL {
        head.push_str(&format!(
            "<th scope=\"col\" class=\"table__cell--numeric\">{}</th>",
            esc(level.outcome_label())
        ));
    }
    head.push_str("<th scope=\"col\" class=\"table__cell--numeric\">Awaiting decision</th><th scope=\"col\" class=\"table__cell--numeric\">Disruptions recorded</th>");
    let mut rows = String::new();
    for f in figures {
        let num = |n: usize| format!("<td class=\"table__cell--numeric\">{n}</td>");
        rows.push_str(&format!(
            "<tr><th scope=\"row\" class=\"table__cell--nowrap\">{}</th>{}{}",
            esc(&f.quarter.label()),
            num(f.on_orders),
            num(f.breaches())
        ));
        for level in DecisionLevel::ALL {
            rows.push_str(&num(f.outcome(level)));
        }
        rows.push_str(&num(f.awaiting_decision));
        rows.push_str(&num(f.disruptions));
        rows.push_str("</tr>");
    }
    format!(
        "<table class=\"table\"><caption>Outcomes by quarter</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
}

const WIDTH: usize = 960;
const PANEL: usize = 190;
const LEFT: usize = 70;
const RIGHT: usize = 940;
const PLOT: usize = 100;

/// Three bar charts one above the other (people on orders, breaches, disruptions), one bar a
/// quarter, each bar labelled with its value: no colour is needed to read it.
pub fn chart(figures: &[QuarterFigures]) -> String {
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
    let mut svg = String::new();
    for (i, (name, values)) in series.iter().enumerate() {
        let top = i * PANEL;
        let base = top + 40 + PLOT;
        let max = values.iter().copied().max().unwrap_or(0).max(1);
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-weight=\"bold\" font-size=\"16\" fill=\"currentColor\">{}</text>",
            top + 18,
            esc(name)
        ));
        // Axes: the value axis with 0 and the largest value, the quarter axis along the base.
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{}\" x2=\"{LEFT}\" y2=\"{base}\" stroke=\"currentColor\"/>\
<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{RIGHT}\" y2=\"{base}\" stroke=\"currentColor\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"currentColor\">{max}</text>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"currentColor\">0</text>\
<text x=\"14\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"currentColor\" transform=\"rotate(-90 14 {})\">Number</text>",
            base - PLOT,
            LEFT - 6,
            base - PLOT + 5,
            LEFT - 6,
            base,
            base - PLOT / 2,
            base - PLOT / 2
        ));
        for (k, (v, f)) in values.iter().zip(figures).enumerate() {
            let h = v * PLOT / max;
            let x = LEFT + k * slot + slot / 4;
            let mid = x + slot / 4;
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{h}\" fill=\"#1d70b8\"/>\
<text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"currentColor\">{v}</text>\
<text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">{}</text>",
                base - h,
                slot / 2,
                base - h - 5,
                base + 18,
                esc(&f.quarter.label())
            ));
        }
    }
    let height = series.len() * PANEL;
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"currentColor\">Quarter</text>",
        (LEFT + RIGHT) / 2,
        height - 8
    ));
    format!(
        "<figure class=\"body\"><svg role=\"img\" aria-labelledby=\"outcomes-chart-title outcomes-chart-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"outcomes-chart-title\">People on orders, breaches and disruptions recorded, per quarter</title>\
<desc id=\"outcomes-chart-desc\">Three bar charts, one bar a quarter, oldest on the left. The same figures are in the table below.</desc>{svg}</svg></figure>"
    )
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
        let svg = chart(&[quarter(3, 4, 0), quarter(4, 8, 2)]);
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
        let svg = chart(&[quarter(1, 0, 0)]);
        assert!(svg.contains("height=\"0\""));
    }
}
