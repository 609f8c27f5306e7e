//! The parts of the breach report page: the report as the officer wrote it (conditions word
//! for word, evidence, intelligence, the recommendation and its reasons, the officer's level and
//! override reason), the decision that stands, and the DS's decision form (agree or decide
//! otherwise, the national decision model's five parts, disruption), with input kept and
//! inline errors when the domain finds problems.

use maud::{html, Markup};
use scpo_field::domain::breach::decision::{
    decision_for, BreachDecision, DecisionAnswers, DecisionField, DecisionLevel,
};
use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::when;
use crate::supervise::kit::{
    button, conditional_radios, csrf_field, error_message, radios, summary_list, textarea,
    ButtonKind, Radio, Row,
};
use crate::supervise::url::segment;
use crate::supervise::Supervisor;

/// The form as posted (and as shown again on error).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Answers {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    agrees: Option<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    information: String,
    #[serde(default)]
    assessment: String,
    #[serde(default)]
    powers_and_policy: String,
    #[serde(default)]
    options: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    disruption: Option<String>,
    #[serde(default)]
    replaces: Option<String>,
}

impl Answers {
    /// An empty form on a report: it would replace the decision standing now, if any.
    pub fn fresh(cohort: &Cohort, report_id: &str) -> Self {
        Self {
            replaces: decision_for(report_id, &cohort.breach_decisions).map(|d| d.id.clone()),
            ..Self::default()
        }
    }

    pub fn to_domain(&self) -> DecisionAnswers {
        DecisionAnswers {
            agrees: match self.agrees.as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            level: self.level.as_deref().and_then(DecisionLevel::from_code),
            information: self.information.clone(),
            assessment: self.assessment.clone(),
            powers_and_policy: self.powers_and_policy.clone(),
            options: self.options.clone(),
            action: self.action.clone(),
            disruption: self.disruption.is_some(),
            replaces: self.replaces.clone().filter(|r| !r.is_empty()),
        }
    }
}

/// A summary list's row whose value is text (escaped by maud).
fn row<'a>(key: &'a str, value: &str) -> Row<'a> {
    (key, html! { (value) })
}

/// The report as the officer wrote it.
pub fn report_view(c: &Cohort, r: &BreachReport) -> Markup {
    let mut told = vec![
        row("Officer", &format!("{} ({})", r.officer_name, r.officer_id)),
        row("When it happened", &r.when()),
        row("Where", &r.location),
        row("What was seen", &r.what_was_seen),
    ];
    if let Some(said) = &r.explanation {
        told.push(row("Any explanation given", said));
    }
    told.push(row("Reported", &when(r.recorded_at)));
    if let Some(old) = &r.corrects {
        told.push(row("Corrects", old));
    }
    // Every exhibit, as the phone prints the report: photo exhibits, then typed evidence.
    let exhibits = scpo_field::domain::evidence_pack::pack::report_exhibits(c, r);
    let d = &r.decision;
    let level = [
        row("Level chosen", d.chosen.label()),
        row(
            "Why a different level",
            d.override_reason
                .as_deref()
                .unwrap_or("None: the officer accepted the recommendation"),
        ),
    ];
    html! {
        h2 class="heading-m" { "What the officer reported" }
        (summary_list(&told))
        h2 class="heading-m" { "Conditions breached" }
        @for id in &r.condition_ids {
            @match c.condition(id) {
                Some(k) => {
                    h3 class="heading-s" { (k.summary) }
                    p class="hint" {
                        (k.family.label()) " · "
                        @if k.mirrored_in_licence { "Mirrored in licence" } @else { "Not mirrored in licence" }
                    }
                    p class="body-s" { "Wording as granted:" }
                    blockquote class="inset-text" { (k.verbatim) }
                }
                None => p class="body" { "Condition " (id) " (not held)" },
            }
        }
        h2 class="heading-m" { "Evidence" }
        @if exhibits.is_empty() {
            p class="body" { "None recorded." }
        } @else {
            ul class="list" { @for e in &exhibits { li { (e.line()) } } }
        }
        h2 class="heading-m" { "Intelligence" }
        p class="body" { (r.intelligence.label()) }
        h2 class="heading-m" { "Recommendation" }
        p class="body" { strong { (d.recommended.level.label()) } }
        ul class="list" { @for reason in &d.recommended.reasons { li { (reason.0) } } }
        h2 class="heading-m" { "The officer's level" }
        (summary_list(&level))
    }
}

/// The decision that stands on the report.
pub fn decision_view(d: &BreachDecision, r: &BreachReport, all: &[BreachDecision]) -> Markup {
    let mut rows = vec![
        row("Decision", &d.summary(Some(r.decision.chosen))),
        row("Information", &d.information),
        row("Assessment of threat and risk", &d.assessment),
        row("Powers and policy", &d.powers_and_policy),
        row("Options considered", &d.options),
        row("Decision and rationale", &d.action),
        row(
            "Disruption of organised crime",
            if d.disruption {
                "Recorded"
            } else {
                "Not recorded"
            },
        ),
        row(
            "Decided",
            &format!("{} by {}", when(d.decided_at), d.decided_by_name),
        ),
    ];
    let earlier = all
        .iter()
        .filter(|x| x.report_id == r.id && x.id != d.id)
        .count();
    if earlier > 0 {
        rows.push(row(
            "Earlier decisions",
            &format!("{earlier} (kept as they were, replaced by this one)"),
        ));
    }
    html! {
        h2 class="heading-m" id="decision" { "Decision" }
        (summary_list(&rows))
    }
}

fn error_of<'a>(problems: &'a [(&'static str, String)], f: DecisionField) -> Option<&'a str> {
    problems
        .iter()
        .find(|(id, _)| *id == f.id())
        .map(|(_, m)| m.as_str())
}

/// The decision form on a standing report.
pub fn form_view(
    s: &Supervisor,
    r: &BreachReport,
    current: Option<&BreachDecision>,
    a: &Answers,
    problems: &[(&'static str, String)],
) -> Markup {
    use DecisionField as F;
    let officer = DecisionLevel::from(r.decision.chosen);
    let heading = if current.is_some() {
        "Change this decision"
    } else {
        "Your decision"
    };
    // The levels other than the officer's; the first one's id is the question's ("level"), so
    // the error summary's link lands on it.
    let codes: Vec<(String, DecisionLevel)> = DecisionLevel::ALL
        .into_iter()
        .filter(|l| *l != officer)
        .enumerate()
        .map(|(i, l)| {
            let id = if i == 0 {
                "level".to_string()
            } else {
                format!("level-{}", l.code())
            };
            (id, l)
        })
        .collect();
    let levels: Vec<Radio> = codes
        .iter()
        .map(|(id, l)| Radio {
            id,
            value: l.code(),
            label: l.label(),
            checked: a.level.as_deref() == Some(l.code()),
        })
        .collect();
    let agree = format!("Agree with the officer: {}", officer.label());
    let agrees = [
        Radio {
            id: "agrees",
            value: "yes",
            label: &agree,
            checked: a.agrees.as_deref() == Some("yes"),
        },
        Radio {
            id: "agrees-no",
            value: "no",
            label: "Decide otherwise",
            checked: a.agrees.as_deref() == Some("no"),
        },
    ];
    let level_question = conditional_radios(
        "level",
        "If you decide otherwise, the level you decide on",
        Some("Only when you decide otherwise."),
        &levels,
        error_of(problems, F::Level),
    );
    let officer_chose = format!("The officer chose: {}.", officer.label());
    let parts = [
        (F::Information, "Information", "What the decision rests on: the report, the evidence, intelligence, the nominal's history.", &a.information),
        (F::Assessment, "Assessment of threat and risk", "What could happen, how likely it is and how serious it would be.", &a.assessment),
        (F::PowersAndPolicy, "Powers and policy", "For example, s.25 Serious Crime Act 2007, the licence conditions, the recall criteria, the caution rules.", &a.powers_and_policy),
        (F::Options, "Options considered", "The options open to you and why you did not take the others.", &a.options),
        (F::Action, "Decision and rationale", "What will be done, by whom, and why. The officer sees this on their phone.", &a.action),
    ];
    html! {
        h2 class="heading-m" id="report" { (heading) }
        @if let Some(m) = error_of(problems, F::Report) { (error_message("report", m)) }
        @if current.is_some() {
            p class="body" {
                "A new decision replaces the one above; that one is kept as it was. "
                a href={ "/supervise/breaches/" (segment(&r.id)) "#decision" } { "Keep the decision as it is" }
            }
        }
        form method="post" action={ "/supervise/breaches/" (segment(&r.id)) } novalidate {
            (csrf_field(s))
            input type="hidden" name="replaces" value=(a.replaces.as_deref().unwrap_or(""));
            (radios(
                "agrees",
                "Do you agree with the officer's level?",
                Some(&officer_chose),
                &agrees,
                error_of(problems, F::Agrees),
                level_question,
            ))
            h3 class="heading-s" { "Your rationale (national decision model)" }
            @for (f, label, hint, value) in parts {
                (textarea(f.id(), label, Some(hint), value, 4, error_of(problems, f)))
            }
            div class="form-group" {
                div class="checkboxes__item" {
                    input class="checkboxes__input" type="checkbox" id="disruption" name="disruption"
                        value="yes" aria-describedby="disruption-hint" checked[a.disruption.is_some()];
                    div {
                        label class="checkboxes__label" for="disruption" {
                            "Record this decision as a disruption of organised crime"
                        }
                        p class="hint" id="disruption-hint" { "It is counted on the Outcomes page." }
                    }
                }
            }
            (button("Record the decision", ButtonKind::Primary))
        }
    }
}
