//! The breach report page's recall referral: the referral the officer made on the report (its
//! reference, who made it and when, where it stands now and each change of status, by the
//! domain's [`statuses_of`] and [`current_status`]), or, when the level standing on the report
//! is a request to recall, that none is made yet. Never the section not for disclosure.

use maud::{html, Markup};
use scpo_field::domain::breach::decision::DecisionLevel;
use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::cohort::referrals::{current_status, level_of, statuses_of};
use scpo_field::domain::time::dates::{format_date, format_date_time};
use scpo_field::domain::Cohort;

use super::super::kit::{summary_list, tag, Colour, Row};

pub fn referral_view(cohort: &Cohort, r: &BreachReport) -> Markup {
    let made = cohort
        .recall_referrals
        .iter()
        .find(|x| x.breach_report_id == r.id);
    let Some(f) = made else {
        if level_of(cohort, r) != DecisionLevel::RequestRecall {
            return html! {};
        }
        return html! {
            h2 class="heading-m" id="referral" { "Recall referral" }
            p class="body" { "No recall referral has been made on this report yet. The officer makes it on their phone." }
        };
    };
    let status = current_status(cohort, &f.id);
    let colour = if status.is_outcome() {
        Colour::Green
    } else {
        Colour::Yellow
    };
    let updates = statuses_of(cohort, &f.id);
    let rows: Vec<Row> = vec![
        ("Reference", html! { (f.shown_reference()) }),
        (
            "Made",
            html! { (format_date_time(f.made_at)) " by " (f.officer_name) },
        ),
        ("Where it stands", tag(status.label(), colour)),
    ];
    html! {
        h2 class="heading-m" id="referral" { "Recall referral" }
        (summary_list(&rows))
        @if !updates.is_empty() {
            h3 class="heading-s" { "Status updates" }
            ul class="list" {
                @for u in &updates {
                    li {
                        (u.status.label()) " on " (format_date(u.on))
                        ", recorded " (format_date_time(u.recorded_at)) " by " (u.officer_name)
                    }
                }
            }
        }
    }
}
