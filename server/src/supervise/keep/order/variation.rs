//! A variation, an extension while proceedings are pending (s.22E) or a discharge, at
//! `/supervise/orders/{order}/variations/new`: the court's decision (kind, court, made on,
//! takes effect, new end), the provisions it ends, rewords and adds, their new wording, then
//! the provisions in force the day before and the day it takes effect side by side, and the
//! order's new version with the new provisions saved in one change, against the version of the
//! order the form was opened on.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::answers_of;
use scpo_field::domain::forms::variation_form::{
    added_count, reword_prefix, reworded_field, variation_from, VariationChange,
};
use scpo_field::domain::order::{Condition, Order};

use super::fields::{
    date_values, first_failing, new_token, order_ctx, order_post, token_of, version_of,
};
use super::variation_view::{check_page, done_page, step_page};
use crate::state::AppState;
use crate::storage::{StoredRecord, VersionedRecord};
use crate::supervise::forms::with_status;
use crate::supervise::keep::form::problems;
use crate::supervise::keep::{self, problems_of, save};
use crate::supervise::kit::Problem;
use crate::supervise::unit::UnitData;
use crate::supervise::DeskUser;

pub const DECISION: usize = 0;
pub const PROVISIONS: usize = 1;
pub const WORDING: usize = 2;
pub const CHECK: usize = 3;
pub const STEP_NAMES: [&str; 4] = ["decision", "provisions", "wording", "check"];

/// The fields of the court's decision page.
pub const DECISION_FIELDS: [&str; 12] = [
    "kind",
    "court",
    "made-day",
    "made-month",
    "made-year",
    "effect-day",
    "effect-month",
    "effect-year",
    "new-end-day",
    "new-end-month",
    "new-end-year",
    "summary",
];

/// The page a field is asked on.
pub fn step_of(field: &str) -> usize {
    let added = field
        .strip_prefix('a')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) && r.contains('-'));
    if field.starts_with("r-") || added {
        WORDING
    } else if field == "changes"
        || field == "added"
        || field.starts_with("end-")
        || field.starts_with("reword-")
    {
        PROVISIONS
    } else {
        DECISION
    }
}

/// The day it takes effect, as typed (when it is a date).
pub fn effect_day(a: &FormAnswers) -> Option<NaiveDate> {
    let [d, m, y] = date_values(a, "effect");
    NaiveDate::from_ymd_opt(
        y.trim().parse().ok()?,
        m.trim().parse().ok()?,
        d.trim().parse().ok()?,
    )
}

/// The order's provisions a change taking effect on `effect` can end or reword: those no
/// variation has ended by then.
pub fn standing<'a>(
    data: &'a UnitData,
    order: &Order,
    effect: Option<NaiveDate>,
) -> Vec<&'a Condition> {
    data.cohort
        .conditions_of(&order.id)
        .into_iter()
        .filter(|c| {
            !order.variations.iter().any(|v| {
                effect.is_none_or(|e| v.takes_effect <= e) && v.conditions_ended.contains(&c.id)
            })
        })
        .collect()
}

/// The change the answers give, with the ids from the form's token.
pub fn change(
    a: &FormAnswers,
    data: &UnitData,
    order: &Order,
) -> Result<VariationChange, Vec<Problem>> {
    let token = token_of(a);
    let new_id = |n: usize| format!("C-{token}-{}", n.saturating_add(1));
    variation_from(
        a,
        order,
        &standing(data, order, effect_day(a)),
        &format!("V-{token}"),
        &new_id,
    )
    .map_err(|p| problems(&p))
}

pub async fn start(
    State(state): State<AppState>,
    user: DeskUser,
    Path(order_id): Path<String>,
) -> Response {
    let (data, order) = match order_ctx(&state, &user, &order_id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let version = keep::version_of(&state, &user, &order.nominal_id, "order", &order.id).await;
    let mut a: FormAnswers = FormAnswers::from_pairs([("token".to_string(), new_token())]);
    if let Some(v) = version {
        a.set("version", v.to_string());
    }
    step_page(&state, &user, &data, &order, DECISION, &a, &[])
}

/// The page after `step` for these answers: a discharge changes no provision, and the wording
/// page is only for provisions reworded or added.
fn next_step(a: &mut FormAnswers, data: &UnitData, order: &Order, step: usize) -> usize {
    let discharge = a.get("kind") == "discharge";
    match step {
        DECISION if discharge => CHECK,
        DECISION => PROVISIONS,
        PROVISIONS => {
            let reworded: Vec<&Condition> = standing(data, order, effect_day(a))
                .into_iter()
                .filter(|c| a.get(&reworded_field(&c.id)) == "yes")
                .collect();
            for c in &reworded {
                let p = reword_prefix(&c.id);
                if !a.has(&format!("{p}wording")) {
                    answers_of(c, &p, a);
                }
            }
            if reworded.is_empty() && added_count(a) == 0 {
                CHECK
            } else {
                WORDING
            }
        }
        _ => CHECK,
    }
}

pub async fn post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(order_id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let (mut a, data, order) = match order_post(&state, &user, &order_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let bad = |page: Response| with_status(StatusCode::BAD_REQUEST, page);
    let go = a.get("go").to_string();
    if let Some(name) = go.strip_prefix("change-") {
        let step = STEP_NAMES
            .iter()
            .position(|n| *n == name)
            .unwrap_or(DECISION);
        return step_page(&state, &user, &data, &order, step, &a, &[]);
    }
    let step = STEP_NAMES
        .iter()
        .position(|n| *n == a.get("step"))
        .unwrap_or(DECISION);
    let result = change(&a, &data, &order);
    let problems: Vec<Problem> = result.as_ref().err().cloned().unwrap_or_default();
    let upto = if go == "save" { CHECK } else { step };
    if let Some((first, here)) = first_failing(problems, step_of, upto) {
        return bad(step_page(&state, &user, &data, &order, first, &a, &here));
    }
    if go != "save" || step != CHECK {
        let next = next_step(&mut a, &data, &order, step);
        return step_page(&state, &user, &data, &order, next, &a, &[]);
    }
    let Ok(change) = result else {
        return step_page(&state, &user, &data, &order, DECISION, &a, &[]);
    };
    let record = |kind: &str, id: &str, body: serde_json::Value| StoredRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: order.nominal_id.clone(),
        record: body,
    };
    let mut records = vec![VersionedRecord {
        record: record(
            "order",
            &order.id,
            serde_json::to_value(&change.order).unwrap_or_default(),
        ),
        expected: version_of(&a),
    }];
    records.extend(change.added.iter().map(|c| VersionedRecord {
        record: record(
            "condition",
            &c.id,
            serde_json::to_value(c).unwrap_or_default(),
        ),
        expected: None,
    }));
    let reason = match a.get("kind") {
        "discharge" => "Recorded from the court's discharge of the order",
        "extension" => "Recorded from the court's extension of the order (s.22E)",
        _ => "Recorded from the court's variation of the order",
    };
    match save(&state, &user, &order.nominal_id, reason, records, None).await {
        Ok(_) => done_page(&state, &user, &data, &order, &change),
        Err(refused) => {
            let fields = [
                ("takes_effect", "effect-day"),
                ("new_end", "new-end-day"),
                ("made_on", "made-day"),
                ("court", "court"),
            ];
            let problems = problems_of(&refused, &fields, "save");
            match problems.iter().map(|(f, _)| f).find(|f| *f != "save") {
                Some(f) => {
                    let s = step_of(f);
                    bad(step_page(&state, &user, &data, &order, s, &a, &problems))
                }
                None => bad(check_page(
                    &state, &user, &data, &order, &a, &change, &problems,
                )),
            }
        }
    }
}
