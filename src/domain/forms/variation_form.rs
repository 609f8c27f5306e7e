//! The desk's variation form (issue 21): a court's variation (ss.17–21), an extension while
//! proceedings are pending (s.22E) or a discharge, recorded from its order: court, made on,
//! takes effect, new end, and the provisions it ends, adds and rewords (a rewording ends the
//! old provision and adds a new one that `replaces` it, from the same day). Turned into the
//! order's new version and the new provisions, judged by the domain's own rules
//! ([`Order::check_variation`], [`Order::check_dates`]); or every problem at its field.

use chrono::NaiveDate;

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::forms::keep_answers::{
    date_at, long_text_at, optional_date_at, problem, sentence, short_text_at, FormAnswers,
    KeepProblem,
};
use crate::domain::forms::provision_form::provision_from;
use crate::domain::order::condition::Condition;
use crate::domain::order::scpo::{Order, OrderStage, Variation, VariationKind};

/// "variation", "extension" or "discharge".
pub const KIND: &str = "kind";
pub const COURT: &str = "court";
pub const MADE: &str = "made";
pub const EFFECT: &str = "effect";
pub const NEW_END: &str = "new-end";
pub const SUMMARY: &str = "summary";
/// How many provisions it adds (their answers under `a0-`, `a1-`...).
pub const ADDED: &str = "added";
/// The most provisions one variation form adds.
pub const MAX_ADDED: usize = 20;

/// The field that says the provision `id` is ended.
pub fn ended_field(id: &str) -> String {
    format!("end-{id}")
}

/// The field that says the provision `id` is reworded.
pub fn reworded_field(id: &str) -> String {
    format!("reword-{id}")
}

/// The prefix of the new wording's answers for the provision `id`.
pub fn reword_prefix(id: &str) -> String {
    format!("r-{id}-")
}

/// The prefix of the `n`th added provision's answers.
pub fn added_prefix(n: usize) -> String {
    format!("a{n}-")
}

/// How many provisions the answers add (0 when not a number; at most [`MAX_ADDED`]).
pub fn added_count(a: &FormAnswers) -> usize {
    a.get(ADDED)
        .trim()
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_ADDED)
}

/// What a variation makes: the order's new version and the provisions it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariationChange {
    pub order: Order,
    pub added: Vec<Condition>,
    /// The day it takes effect.
    pub takes_effect: NaiveDate,
}

/// The variation the answers give to `order` (whose provisions are `conditions`), its id
/// `variation_id` and each new provision's id from `new_id` (0, 1, ...); or every problem at
/// its field.
pub fn variation_from(
    a: &FormAnswers,
    order: &Order,
    conditions: &[&Condition],
    variation_id: &str,
    new_id: &dyn Fn(usize) -> String,
) -> Result<VariationChange, Vec<KeepProblem<String>>> {
    let mut p = Vec::new();
    let kind = a.get(KIND);
    if !matches!(kind, "variation" | "extension" | "discharge") {
        problem(&mut p, KIND, "Select what the court did");
    }
    let court = short_text_at(
        a,
        COURT,
        "Enter the court that made the change",
        "The court",
        &mut p,
    );
    let made = date_at(
        a,
        MADE,
        "Enter the date the court made it",
        "The date made",
        &mut p,
    );
    let effect = date_at(
        a,
        EFFECT,
        "Enter the date it takes effect",
        "The date it takes effect",
        &mut p,
    );
    let new_end = optional_date_at(a, NEW_END, "The new last day", &mut p);
    let summary = long_text_at(
        a,
        SUMMARY,
        "Enter what the court decided, in a sentence",
        "The summary",
        &mut p,
    );
    let discharge = kind == "discharge";
    let mut ended: Vec<String> = Vec::new();
    let mut added: Vec<Condition> = Vec::new();
    if !discharge {
        for c in conditions {
            let ends = a.get(&ended_field(&c.id)) == "yes";
            let rewords = a.get(&reworded_field(&c.id)) == "yes";
            if ends || rewords {
                ended.push(c.id.clone());
            }
            if rewords {
                let id = new_id(added.len());
                match provision_from(a, &reword_prefix(&c.id), &id, &order.id) {
                    Ok(mut new) => {
                        new.replaces = Some(c.id.clone());
                        added.push(new);
                    }
                    Err(e) => p.extend(e),
                }
            }
        }
        for n in 0..added_count(a) {
            let id = new_id(added.len());
            match provision_from(a, &added_prefix(n), &id, &order.id) {
                Ok(new) => added.push(new),
                Err(e) => p.extend(e),
            }
        }
        if kind == "variation" && new_end.is_none() && ended.is_empty() && added_count(a) == 0 {
            problem(&mut p, "changes", "Say what the variation changes: a new last day, or provisions ended, added or reworded");
        }
    }
    let (Some(made_on), Some(takes_effect)) = (made, effect) else {
        return Err(p);
    };
    if !p.is_empty() {
        return Err(p);
    }
    let v = Variation {
        id: variation_id.into(),
        kind: if kind == "extension" {
            VariationKind::ExtensionPendingProceedings
        } else {
            VariationKind::Variation
        },
        made_on,
        takes_effect,
        court,
        summary,
        new_end: if discharge { None } else { new_end },
        conditions_ended: ended,
        conditions_added: added.iter().map(|c| c.id.clone()).collect(),
    };
    let mut next = order.clone();
    if let Err(e) = order.check_variation(&v) {
        let field = if e.field() == "new_end" {
            "new-end-day"
        } else {
            "effect-day"
        };
        let reason = e.to_string();
        let said = if reason.starts_with("is ") {
            format!("The date {reason}")
        } else {
            sentence(&reason)
        };
        problem(&mut p, field, said);
    }
    if discharge {
        if let Some((date_granted, comes_into_force, ends)) = order.granted_dates_for_form() {
            next.stage = OrderStage::Discharged {
                date_granted,
                comes_into_force,
                ends,
                discharged_on: takes_effect,
            };
        }
        if let Err(e) = next.check_dates() {
            problem(&mut p, "effect-day", sentence(&e.to_string()));
        }
    }
    next.variations.push(v);
    if p.is_empty() {
        Ok(VariationChange {
            order: next,
            added,
            takes_effect,
        })
    } else {
        Err(p)
    }
}

/// The provisions in force the day before the change takes effect and on the day, in the
/// cohort as it would be: what the page shows side by side before anything is saved.
pub fn in_force_around<'a>(
    cohort: &'a Cohort,
    nominal_id: &str,
    takes_effect: NaiveDate,
) -> (Vec<&'a Condition>, Vec<&'a Condition>) {
    let before = takes_effect.pred_opt().unwrap_or(takes_effect);
    (
        cohort.live_conditions(nominal_id, before),
        cohort.live_conditions(nominal_id, takes_effect),
    )
}

impl Order {
    /// The granted dates (granted, comes into force, last day as granted), for a form.
    pub fn granted_dates_for_form(&self) -> Option<(NaiveDate, Option<NaiveDate>, NaiveDate)> {
        self.granted_dates()
    }
}
