//! The nominal's timeline on the desk, as the phone shows it (the domain's
//! [`Cohort::timeline`]): briefings, contacts with their notes, notifications, breach reports
//! with the DS's decisions, recall referrals with their status, newest first; each breach report
//! with its exhibits, and a link to its page on the desk.

use chrono::NaiveDate;
use maud::{html, Markup};
use scpo_field::domain::evidence_pack::pack::report_exhibits;
use scpo_field::domain::time::dates::iso_date_time;
use scpo_field::domain::timeline::entries::{EntryKind, Opens, TimelineEntry, Tone};
use scpo_field::domain::Cohort;

use super::super::url::segment;

/// The tag classes for a tone, as the phone's (see style/main.css).
fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Urgent => "tag tag--red",
        Tone::Warning => "tag tag--yellow",
        Tone::Good => "tag tag--green",
        Tone::Neutral => "tag",
    }
}

/// The breach report an entry leads to on the desk: its own, or (a referral) the one the
/// referral was made on.
fn report_of<'a>(cohort: &'a Cohort, e: &'a TimelineEntry) -> Option<&'a str> {
    match e.opens.as_ref()? {
        Opens::BreachReport(id) => Some(id.as_str()),
        Opens::Referral(id) => cohort
            .recall_referrals
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.breach_report_id.as_str()),
    }
}

/// The exhibits of a breach report entry, one line each, as the evidence pack lists them.
fn exhibits(cohort: &Cohort, e: &TimelineEntry) -> Vec<String> {
    if e.kind != EntryKind::Breach {
        return vec![];
    }
    cohort
        .breach_reports
        .iter()
        .find(|r| r.id == e.id)
        .map(|r| {
            report_exhibits(cohort, r)
                .iter()
                .map(|x| x.line())
                .collect()
        })
        .unwrap_or_default()
}

pub fn timeline(cohort: &Cohort, nominal_id: &str, today: NaiveDate) -> Markup {
    let entries = cohort.timeline(nominal_id, today);
    html! {
        h2 class="heading-m" id="timeline" { "Timeline" }
        @if entries.is_empty() {
            p class="body" { "No briefings, contacts, notifications or breaches recorded yet." }
        } @else {
            p class="hint" { "Everything recorded about this nominal on the phones and at the desk, newest first." }
            ol class="timeline" {
                @for e in &entries { (item(cohort, e)) }
            }
        }
    }
}

fn item(cohort: &Cohort, e: &TimelineEntry) -> Markup {
    let kind = e.kind.label();
    // The kind is said once: as the caption, unless the title already says it.
    let caption = (!e.title.starts_with(kind)).then_some(kind);
    let href = report_of(cohort, e).map(|id| format!("/supervise/breaches/{}", segment(id)));
    let exhibits = exhibits(cohort, e);
    html! {
        li class="timeline__item" {
            h3 class="timeline__title" {
                @if let Some(c) = caption { span class="timeline__kind" { (c) } }
                @match &href {
                    Some(h) => a href=(h) { (e.title) },
                    None => (e.title),
                }
            }
            p class="timeline__when" { time datetime=(iso_date_time(e.at)) { (e.when()) } }
            @if let Some((text, tone)) = &e.tag { strong class=(tone_class(*tone)) { (text) } " " }
            @if e.is_correction { strong class="tag" { "Correction" } " " }
            @if e.corrected { strong class="tag" { "Corrected by a later record" } }
            dl class="timeline__facts" {
                @for (k, v) in &e.facts {
                    div class="timeline__fact" { dt { (k) } dd { (v) } }
                }
                @if !exhibits.is_empty() {
                    div class="timeline__fact" {
                        dt { "Exhibits" }
                        dd { ul class="list" { @for x in &exhibits { li { (x) } } } }
                    }
                }
            }
        }
    }
}
