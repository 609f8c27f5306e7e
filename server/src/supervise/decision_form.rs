//! The parts of the breach report page: the report as the officer wrote it (conditions word
//! for word, evidence, intelligence, the recommendation and its reasons, the officer's level and
//! override reason), the decision that stands, and the DS's decision form (agree or decide
//! otherwise, the national decision model's five parts, disruption), with input kept and
//! inline errors when the domain finds problems.

use scpo_field::domain::breach::decision::{
    decision_for, BreachDecision, DecisionAnswers, DecisionField, DecisionLevel,
};
use scpo_field::domain::breach::report::BreachReport;
use scpo_field::domain::Cohort;
use serde::Deserialize;

use super::breaches::when;
use super::forms::error_message;
use super::layout::{csrf_field, esc};
use super::url::segment;
use super::Supervisor;

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

fn row(key: &str, value_html: &str) -> String {
    format!(
        "<div class=\"summary-list__row\"><dt class=\"summary-list__key\">{}</dt><dd class=\"summary-list__value\">{value_html}</dd></div>",
        esc(key)
    )
}

/// The report as the officer wrote it.
pub fn report_view(c: &Cohort, r: &BreachReport) -> String {
    let mut h = String::from(
        "<h2 class=\"heading-m\">What the officer reported</h2><dl class=\"summary-list\">",
    );
    h.push_str(&row(
        "Officer",
        &esc(&format!("{} ({})", r.officer_name, r.officer_id)),
    ));
    h.push_str(&row("When it happened", &esc(&r.when())));
    h.push_str(&row("Where", &esc(&r.location)));
    h.push_str(&row("What was seen", &esc(&r.what_was_seen)));
    if let Some(said) = &r.explanation {
        h.push_str(&row("Any explanation given", &esc(said)));
    }
    h.push_str(&row("Reported", &esc(&when(r.recorded_at))));
    if let Some(old) = &r.corrects {
        h.push_str(&row("Corrects", &esc(old)));
    }
    h.push_str("</dl><h2 class=\"heading-m\">Conditions breached</h2>");
    for id in &r.condition_ids {
        match c.condition(id) {
            Some(k) => h.push_str(&format!(
                "<h3 class=\"heading-s\">{}</h3><p class=\"hint\">{} · {}</p><p class=\"body-s\">Wording as granted:</p><blockquote class=\"inset-text\">{}</blockquote>",
                esc(&k.summary),
                esc(k.family.label()),
                if k.mirrored_in_licence { "Mirrored in licence" } else { "Not mirrored in licence" },
                esc(&k.verbatim)
            )),
            None => h.push_str(&format!("<p class=\"body\">Condition {} (not held)</p>", esc(id))),
        }
    }
    // Every exhibit, as the phone prints the report: photo exhibits, then typed evidence.
    h.push_str("<h2 class=\"heading-m\">Evidence</h2>");
    let exhibits = scpo_field::domain::evidence_pack::pack::report_exhibits(c, r);
    if exhibits.is_empty() {
        h.push_str("<p class=\"body\">None recorded.</p>");
    } else {
        h.push_str("<ul class=\"list\">");
        for e in &exhibits {
            h.push_str(&format!("<li>{}</li>", esc(&e.line())));
        }
        h.push_str("</ul>");
    }
    let d = &r.decision;
    h.push_str(&format!(
        "<h2 class=\"heading-m\">Intelligence</h2><p class=\"body\">{}</p><h2 class=\"heading-m\">Recommendation</h2><p class=\"body\"><strong>{}</strong></p><ul class=\"list\">",
        esc(r.intelligence.label()),
        esc(d.recommended.level.label())
    ));
    for reason in &d.recommended.reasons {
        h.push_str(&format!("<li>{}</li>", esc(&reason.0)));
    }
    h.push_str("</ul><h2 class=\"heading-m\">The officer's level</h2><dl class=\"summary-list\">");
    h.push_str(&row("Level chosen", &esc(d.chosen.label())));
    h.push_str(&row(
        "Why a different level",
        &esc(d
            .override_reason
            .as_deref()
            .unwrap_or("None: the officer accepted the recommendation")),
    ));
    h.push_str("</dl>");
    h
}

/// The decision that stands on the report.
pub fn decision_view(d: &BreachDecision, r: &BreachReport, all: &[BreachDecision]) -> String {
    let mut h = String::from(
        "<h2 class=\"heading-m\" id=\"decision\">Decision</h2><dl class=\"summary-list\">",
    );
    h.push_str(&row("Decision", &esc(&d.summary(Some(r.decision.chosen)))));
    h.push_str(&row("Information", &esc(&d.information)));
    h.push_str(&row("Assessment of threat and risk", &esc(&d.assessment)));
    h.push_str(&row("Powers and policy", &esc(&d.powers_and_policy)));
    h.push_str(&row("Options considered", &esc(&d.options)));
    h.push_str(&row("Decision and rationale", &esc(&d.action)));
    h.push_str(&row(
        "Disruption of organised crime",
        if d.disruption {
            "Recorded"
        } else {
            "Not recorded"
        },
    ));
    h.push_str(&row(
        "Decided",
        &esc(&format!("{} by {}", when(d.decided_at), d.decided_by_name)),
    ));
    let earlier = all
        .iter()
        .filter(|x| x.report_id == r.id && x.id != d.id)
        .count();
    if earlier > 0 {
        h.push_str(&row(
            "Earlier decisions",
            &format!("{earlier} (kept as they were, replaced by this one)"),
        ));
    }
    h.push_str("</dl>");
    h
}

fn error_of<'a>(problems: &'a [(&'static str, String)], f: DecisionField) -> Option<&'a str> {
    problems
        .iter()
        .find(|(id, _)| *id == f.id())
        .map(|(_, m)| m.as_str())
}

fn error_html(id: &str, message: Option<&str>) -> String {
    message.map(|m| error_message(id, m)).unwrap_or_default()
}

fn group_class(error: bool) -> &'static str {
    if error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

fn textarea(f: DecisionField, label: &str, hint: &str, value: &str, error: Option<&str>) -> String {
    let id = f.id();
    let described = match error {
        Some(_) => format!("{id}-hint {id}-error"),
        None => format!("{id}-hint"),
    };
    format!(
        "<div class=\"{}\"><label class=\"label\" for=\"{id}\">{}</label><p class=\"hint\" id=\"{id}-hint\">{}</p>{}<textarea class=\"textarea{}\" id=\"{id}\" name=\"{id}\" rows=\"4\" aria-describedby=\"{described}\">{}</textarea></div>",
        group_class(error.is_some()),
        esc(label),
        esc(hint),
        error_html(id, error),
        if error.is_some() { " textarea--error" } else { "" },
        esc(value)
    )
}

fn radio(name: &str, id: &str, value: &str, label: &str, checked: bool) -> String {
    format!(
        "<div class=\"radios__item\"><input class=\"radios__input\" type=\"radio\" name=\"{name}\" id=\"{id}\" value=\"{value}\"{}><label class=\"radios__label\" for=\"{id}\">{}</label></div>",
        if checked { " checked" } else { "" },
        esc(label)
    )
}

/// The decision form on a standing report.
pub fn form_view(
    s: &Supervisor,
    r: &BreachReport,
    current: Option<&BreachDecision>,
    a: &Answers,
    problems: &[(&'static str, String)],
) -> String {
    use DecisionField as F;
    let officer = DecisionLevel::from(r.decision.chosen);
    let heading = if current.is_some() {
        "Decide again"
    } else {
        "Your decision"
    };
    let mut h = format!(
        "<h2 class=\"heading-m\" id=\"report\">{heading}</h2>{}",
        error_html("report", error_of(problems, F::Report))
    );
    if current.is_some() {
        h.push_str("<p class=\"body\">A new decision replaces the one above; that one is kept as it was.</p>");
    }
    h.push_str(&format!(
        "<form method=\"post\" action=\"/supervise/breaches/{}\" novalidate>{}<input type=\"hidden\" name=\"replaces\" value=\"{}\">",
        esc(&segment(&r.id)),
        csrf_field(s),
        esc(a.replaces.as_deref().unwrap_or(""))
    ));
    let agrees_error = error_of(problems, F::Agrees);
    let level_error = error_of(problems, F::Level);
    let mut levels = String::new();
    for l in DecisionLevel::ALL.into_iter().filter(|l| *l != officer) {
        let id = if levels.is_empty() {
            "level".to_string()
        } else {
            format!("level-{}", l.code())
        };
        levels.push_str(&radio(
            "level",
            &id,
            l.code(),
            l.label(),
            a.level.as_deref() == Some(l.code()),
        ));
    }
    h.push_str(&format!(
        "<div class=\"{}\"><fieldset class=\"fieldset\" aria-describedby=\"agrees-hint{}\"><legend class=\"fieldset__legend\">Do you agree with the officer's level?</legend><p class=\"hint\" id=\"agrees-hint\">The officer chose: {}.</p>{}{}{}<div class=\"radios__conditional\"><div class=\"{}\"><fieldset class=\"fieldset\" aria-describedby=\"level-hint{}\"><legend class=\"fieldset__legend fieldset__legend--s\">If you decide otherwise, the level you decide on</legend><p class=\"hint\" id=\"level-hint\">Only when you decide otherwise.</p>{}{levels}</fieldset></div></div></fieldset></div>",
        group_class(agrees_error.is_some()),
        if agrees_error.is_some() { " agrees-error" } else { "" },
        esc(officer.label()),
        error_html("agrees", agrees_error),
        radio("agrees", "agrees", "yes", &format!("Agree with the officer: {}", officer.label()), a.agrees.as_deref() == Some("yes")),
        radio("agrees", "agrees-no", "no", "Decide otherwise", a.agrees.as_deref() == Some("no")),
        group_class(level_error.is_some()),
        if level_error.is_some() { " level-error" } else { "" },
        error_html("level", level_error),
    ));
    h.push_str("<h3 class=\"heading-s\">Your rationale (national decision model)</h3>");
    let parts = [
        (F::Information, "Information", "What the decision rests on: the report, the evidence, intelligence, the nominal's history.", &a.information),
        (F::Assessment, "Assessment of threat and risk", "What could happen, how likely it is and how serious it would be.", &a.assessment),
        (F::PowersAndPolicy, "Powers and policy", "For example, s.25 Serious Crime Act 2007, the licence conditions, the recall criteria, the caution rules.", &a.powers_and_policy),
        (F::Options, "Options considered", "The options open to you and why you did not take the others.", &a.options),
        (F::Action, "Decision and rationale", "What will be done, by whom, and why. The officer sees this on their phone.", &a.action),
    ];
    for (f, label, hint, value) in parts {
        h.push_str(&textarea(f, label, hint, value, error_of(problems, f)));
    }
    h.push_str(&format!(
        "<div class=\"form-group\"><div class=\"checkboxes__item\"><input class=\"checkboxes__input\" type=\"checkbox\" id=\"disruption\" name=\"disruption\" value=\"yes\" aria-describedby=\"disruption-hint\"{}><div><label class=\"checkboxes__label\" for=\"disruption\">Record this decision as a disruption of organised crime</label><p class=\"hint\" id=\"disruption-hint\">It is counted on the Outcomes page.</p></div></div></div>",
        if a.disruption.is_some() { " checked" } else { "" }
    ));
    h.push_str("<button class=\"button\" type=\"submit\">Record the decision</button></form>");
    h
}
