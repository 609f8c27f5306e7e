//! A new order from the sealed court order, at `/supervise/nominals/{id}/orders/new`: the
//! court and reference, the date granted, when it comes into force, its last day, how the
//! person is bound, then check answers and record it (reason "Recorded from the sealed order").

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::order_form::order_from;
use scpo_field::domain::order::Order;

use super::fields::{new_token, nominal_ctx, posted, token_of};
use super::new_order_view::{check_page, done_page, step_page};
use crate::state::AppState;
use crate::storage::{StoredRecord, VersionedRecord};
use crate::supervise::clock::uk_today;
use crate::supervise::forms::with_status;
use crate::supervise::keep::form::problems;
use crate::supervise::keep::{problems_of, save};
use crate::supervise::kit::Problem;
use crate::supervise::{csrf_refusal, DeskUser};

pub const REASON: &str = "Recorded from the sealed order";

/// The question pages, each with the fields it asks; the check-answers page comes after.
pub const STEPS: [(&str, &[&str]); 5] = [
    ("court", &["court", "reference"]),
    ("granted", &["granted-day", "granted-month", "granted-year"]),
    (
        "force",
        &["in-force", "force-day", "force-month", "force-year"],
    ),
    ("ends", &["ends-day", "ends-month", "ends-year"]),
    (
        "bound",
        &[
            "bound",
            "served-day",
            "served-month",
            "served-year",
            "served-method",
            "served-by",
        ],
    ),
];
pub const CHECK: usize = STEPS.len();

/// The page a field is asked on.
fn step_of(field: &str) -> Option<usize> {
    STEPS.iter().position(|(_, fs)| fs.contains(&field))
}

fn step_named(name: &str) -> usize {
    STEPS
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or(if name == "check" { CHECK } else { 0 })
}

pub async fn start(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
) -> Response {
    let data = match nominal_ctx(&state, &user, &nominal_id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let a: FormAnswers = FormAnswers::from_pairs([("token".to_string(), new_token())]);
    step_page(&state, &user, &data, &nominal_id, 0, &a, &[])
}

/// The order the answers give, with the id from the form's token.
fn checked(state: &AppState, a: &FormAnswers, nominal_id: &str) -> Result<Order, Vec<Problem>> {
    let id = format!("O-{}", token_of(a));
    order_from(a, &id, nominal_id, uk_today(state.now())).map_err(|p| problems(&p))
}

pub async fn post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(nominal_id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let a = posted(pairs);
    if let Some(refused) = csrf_refusal(&user, a.get("csrf")) {
        return refused;
    }
    let data = match nominal_ctx(&state, &user, &nominal_id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let go = a.get("go");
    if let Some(name) = go.strip_prefix("change-") {
        return step_page(&state, &user, &data, &nominal_id, step_named(name), &a, &[]);
    }
    let step = step_named(a.get("step"));
    let result = checked(&state, &a, &nominal_id);
    let problems: Vec<Problem> = result.as_ref().err().cloned().unwrap_or_default();
    let upto = if go == "save" { CHECK } else { step };
    let relevant: Vec<Problem> = problems
        .into_iter()
        .filter(|(f, _)| step_of(f).is_none_or(|s| s <= upto))
        .collect();
    if let Some(first) = relevant.iter().filter_map(|(f, _)| step_of(f)).min() {
        let here: Vec<Problem> = relevant
            .into_iter()
            .filter(|(f, _)| step_of(f) == Some(first))
            .collect();
        let page = step_page(&state, &user, &data, &nominal_id, first, &a, &here);
        return with_status(StatusCode::BAD_REQUEST, page);
    }
    if go != "save" || step != CHECK {
        return step_page(
            &state,
            &user,
            &data,
            &nominal_id,
            step.saturating_add(1).min(CHECK),
            &a,
            &[],
        );
    }
    let Ok(order) = result else {
        return step_page(&state, &user, &data, &nominal_id, 0, &a, &[]);
    };
    let record = StoredRecord {
        kind: "order".into(),
        id: order.id.clone(),
        nominal_id: nominal_id.clone(),
        record: serde_json::to_value(&order).unwrap_or_default(),
    };
    let records = vec![VersionedRecord {
        record,
        expected: None,
    }];
    match save(&state, &user, &nominal_id, REASON, records, None).await {
        Ok(_) => done_page(&state, &user, &data, &order),
        Err(refused) => {
            let fields = [
                ("court", "court"),
                ("court_reference", "reference"),
                ("date_granted", "granted-day"),
                ("comes_into_force", "force-day"),
                ("ends", "ends-day"),
                ("how", "bound"),
                ("served_on", "served-day"),
                ("method", "served-method"),
                ("served_by", "served-by"),
            ];
            let problems = problems_of(&refused, &fields, "save");
            let page = match problems.iter().filter_map(|(f, _)| step_of(f)).min() {
                Some(s) => step_page(&state, &user, &data, &nominal_id, s, &a, &problems),
                None => check_page(&state, &user, &data, &nominal_id, &a, &problems),
            };
            with_status(StatusCode::BAD_REQUEST, page)
        }
    }
}
