//! An order's schedules, at `/supervise/orders/{order}/schedules`: the list of its schedules
//! with their entries, and one change at a time to them: a new schedule (its number and the
//! provisions naming it, then its first entry), an entry added, corrected or removed, or a
//! schedule's number and provisions changed. Question pages, check answers, then the schedule
//! as it will be saved through [`keep::save`](crate::supervise::keep::save) (kind `schedule`,
//! versioned, against the version the form was opened on). The domain's schedule form
//! (`scpo_field::domain::forms::schedule_form`) judges the answers; the server has no rule of
//! its own. Every page: the nominal's keeper only (404 otherwise), CSRF checked.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::schedule_form::{
    entry_answers, head_answers, schedule_change, EntryKind, ScheduleChange, ADDRESS, AT, COLOUR,
    DESCRIPTION, KIND, MAKE, NAME, NUMBER, REASON, REGISTRATION, REMOVE,
};
use scpo_field::domain::order::schedule::Schedule;
use scpo_field::domain::order::{Condition, Order};

use super::fields::{first_failing, new_token, order_ctx, order_post, token_of, version_of};
use super::schedules_list::list_page;
use super::schedules_view::{check_page, done_page, entry_page, head_page};
use crate::state::AppState;
use crate::storage::{StoredRecord, VersionedRecord};
use crate::supervise::clock::uk_today;
use crate::supervise::forms::{not_found, with_status};
use crate::supervise::keep::form::problems;
use crate::supervise::keep::{self, problems_of, save};
use crate::supervise::kit::Problem;
use crate::supervise::unit::UnitData;
use crate::supervise::DeskUser;

pub const HEAD: usize = 0;
pub const ENTRY: usize = 1;
pub const CHECK: usize = 2;
pub const STEP_NAMES: [&str; 3] = ["head", "entry", "check"];

/// The answer naming the recorded schedule the form changes (none for a new one).
pub const SCHEDULE: &str = "schedule";

pub fn routes() -> Router<AppState> {
    let at = "/supervise/orders/{order}/schedules";
    Router::new()
        .route(at, get(list).post(post))
        .route(&format!("{at}/new"), get(new))
        .route(&format!("{at}/{{schedule}}/change"), get(change_head))
        .route(&format!("{at}/{{schedule}}/add/{{kind}}"), get(add_entry))
        .route(
            &format!("{at}/{{schedule}}/{{kind}}/{{n}}"),
            get(correct_entry),
        )
        .route(
            &format!("{at}/{{schedule}}/{{kind}}/{{n}}/remove"),
            get(remove_entry),
        )
}

/// The page a field is asked on.
pub fn step_of(field: &str) -> usize {
    if field == NUMBER || field == KIND || field.starts_with("names-") {
        HEAD
    } else if field == REASON || field == REMOVE || field == "save" {
        CHECK
    } else {
        ENTRY
    }
}

/// The order's schedules, by number.
pub fn schedules_of<'a>(data: &'a UnitData, order: &Order) -> Vec<&'a Schedule> {
    let mut list: Vec<&Schedule> = data
        .cohort
        .schedules
        .iter()
        .filter(|s| s.order_id == order.id)
        .collect();
    list.sort_by(|a, b| {
        scpo_field::domain::order::schedule::number_order(&a.number, &b.number)
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// The recorded schedule the answers change, if they name one of the order's.
pub fn held<'a>(data: &'a UnitData, order: &Order, a: &FormAnswers) -> Option<&'a Schedule> {
    let id = a.get(SCHEDULE);
    schedules_of(data, order).into_iter().find(|s| s.id == id)
}

/// The schedule as the answers change it, judged by the domain's form.
pub fn change(
    state: &AppState,
    data: &UnitData,
    order: &Order,
    a: &FormAnswers,
) -> Result<ScheduleChange, Vec<Problem>> {
    let held = held(data, order, a);
    let conditions: Vec<&Condition> = data.cohort.conditions_of(&order.id);
    // Another schedule may not have its number; an earlier or later version of it may.
    let others: Vec<&Schedule> = schedules_of(data, order)
        .into_iter()
        .filter(|s| {
            held.is_none_or(|h| {
                s.id != h.id
                    && s.replaces.as_deref() != Some(h.id.as_str())
                    && h.replaces.as_deref() != Some(s.id.as_str())
            })
        })
        .collect();
    let new_id = format!("S-{}", token_of(a));
    let today = uk_today(state.now());
    schedule_change(a, held, &new_id, &order.id, &conditions, &others, today)
        .map_err(|p| problems(&p))
}

/// The order and unit when `user` keeps its nominal, and the schedule `id` of it.
async fn schedule_ctx(
    state: &AppState,
    user: &DeskUser,
    order_id: &str,
    id: &str,
) -> Result<(UnitData, Order, Schedule), Response> {
    let (data, order) = order_ctx(state, user, order_id).await?;
    match schedules_of(&data, &order).into_iter().find(|s| s.id == id) {
        Some(s) => {
            let s = s.clone();
            Ok((data, order, s))
        }
        None => Err(not_found(state, user)),
    }
}

/// The answers a form on a recorded schedule opens with: its id, version, number, provisions.
async fn opened_on(state: &AppState, user: &DeskUser, order: &Order, s: &Schedule) -> FormAnswers {
    let mut a = FormAnswers::from_pairs([
        ("token".to_string(), new_token()),
        (SCHEDULE.to_string(), s.id.clone()),
    ]);
    if let Some(v) = keep::version_of(state, user, &order.nominal_id, "schedule", &s.id).await {
        a.set("version", v.to_string());
    }
    head_answers(s, &mut a);
    a
}

pub async fn list(
    State(state): State<AppState>,
    user: DeskUser,
    Path(order_id): Path<String>,
) -> Response {
    match order_ctx(&state, &user, &order_id).await {
        Ok((data, order)) => list_page(&state, &user, &data, &order),
        Err(r) => r,
    }
}

pub async fn new(
    State(state): State<AppState>,
    user: DeskUser,
    Path(order_id): Path<String>,
) -> Response {
    match order_ctx(&state, &user, &order_id).await {
        Ok((data, order)) => {
            let a = FormAnswers::from_pairs([("token".to_string(), new_token())]);
            head_page(&state, &user, &data, &order, &a, &[])
        }
        Err(r) => r,
    }
}

pub async fn change_head(
    State(state): State<AppState>,
    user: DeskUser,
    Path((order_id, id)): Path<(String, String)>,
) -> Response {
    match schedule_ctx(&state, &user, &order_id, &id).await {
        Ok((data, order, s)) => {
            let a = opened_on(&state, &user, &order, &s).await;
            head_page(&state, &user, &data, &order, &a, &[])
        }
        Err(r) => r,
    }
}

pub async fn add_entry(
    State(state): State<AppState>,
    user: DeskUser,
    Path((order_id, id, kind)): Path<(String, String, String)>,
) -> Response {
    let Some(kind) = EntryKind::from_code(&kind) else {
        return match order_ctx(&state, &user, &order_id).await {
            Ok(_) => not_found(&state, &user),
            Err(r) => r,
        };
    };
    match schedule_ctx(&state, &user, &order_id, &id).await {
        Ok((data, order, s)) => {
            let mut a = opened_on(&state, &user, &order, &s).await;
            a.set(KIND, kind.code());
            entry_page(&state, &user, &data, &order, &a, &[])
        }
        Err(r) => r,
    }
}

/// A recorded entry's form answers: `None` when the schedule lists no such entry.
async fn entry_ctx(
    state: &AppState,
    user: &DeskUser,
    (order_id, id, kind, n): (String, String, String, usize),
) -> Result<(UnitData, Order, FormAnswers), Response> {
    let (data, order, s) = schedule_ctx(state, user, &order_id, &id).await?;
    let Some(kind) = EntryKind::from_code(&kind) else {
        return Err(not_found(state, user));
    };
    let mut a = opened_on(state, user, &order, &s).await;
    a.set(KIND, kind.code());
    a.set(AT, n.to_string());
    if scpo_field::domain::forms::schedule_form::entry_at(&a, kind, &s).is_none() {
        return Err(not_found(state, user));
    }
    entry_answers(&s, kind, n, &mut a);
    Ok((data, order, a))
}

pub async fn correct_entry(
    State(state): State<AppState>,
    user: DeskUser,
    Path(path): Path<(String, String, String, usize)>,
) -> Response {
    match entry_ctx(&state, &user, path).await {
        Ok((data, order, a)) => entry_page(&state, &user, &data, &order, &a, &[]),
        Err(r) => r,
    }
}

pub async fn remove_entry(
    State(state): State<AppState>,
    user: DeskUser,
    Path(path): Path<(String, String, String, usize)>,
) -> Response {
    match entry_ctx(&state, &user, path).await {
        Ok((data, order, mut a)) => {
            a.set(REMOVE, "yes");
            check_page(&state, &user, &data, &order, &a, &[])
        }
        Err(r) => r,
    }
}

/// The page after `step`: the entry's page when an entry is being added or corrected, else
/// check answers.
fn next_step(a: &FormAnswers, step: usize) -> usize {
    let entry = !a.get(KIND).is_empty() && a.get(REMOVE) != "yes";
    if step == HEAD && entry {
        ENTRY
    } else {
        CHECK
    }
}

fn page_at_step(
    state: &AppState,
    user: &DeskUser,
    data: &UnitData,
    order: &Order,
    step: usize,
    a: &FormAnswers,
    problems: &[Problem],
) -> Response {
    match step {
        HEAD => head_page(state, user, data, order, a, problems),
        ENTRY if !a.get(KIND).is_empty() => entry_page(state, user, data, order, a, problems),
        ENTRY => head_page(state, user, data, order, a, problems),
        _ => check_page(state, user, data, order, a, problems),
    }
}

pub async fn post(
    State(state): State<AppState>,
    user: DeskUser,
    Path(order_id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let (a, data, order) = match order_post(&state, &user, &order_id, pairs).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if !a.get(SCHEDULE).is_empty() && held(&data, &order, &a).is_none() {
        return not_found(&state, &user);
    }
    let bad = |page: Response| with_status(StatusCode::BAD_REQUEST, page);
    let go = a.get("go").to_string();
    if let Some(name) = go.strip_prefix("change-") {
        let step = STEP_NAMES.iter().position(|n| *n == name).unwrap_or(HEAD);
        return page_at_step(&state, &user, &data, &order, step, &a, &[]);
    }
    let step = STEP_NAMES
        .iter()
        .position(|n| *n == a.get("step"))
        .unwrap_or(HEAD);
    let result = change(&state, &data, &order, &a);
    let problems: Vec<Problem> = result.as_ref().err().cloned().unwrap_or_default();
    let upto = if go == "save" { CHECK } else { step };
    if let Some((first, here)) = first_failing(problems, step_of, upto) {
        return bad(page_at_step(&state, &user, &data, &order, first, &a, &here));
    }
    if go != "save" || step != CHECK {
        let next = next_step(&a, step);
        return page_at_step(&state, &user, &data, &order, next, &a, &[]);
    }
    let Ok(change) = result else {
        return page_at_step(&state, &user, &data, &order, HEAD, &a, &[]);
    };
    let expected = held(&data, &order, &a).and(version_of(&a));
    let record = VersionedRecord {
        record: StoredRecord {
            kind: "schedule".into(),
            id: change.schedule.id.clone(),
            nominal_id: order.nominal_id.clone(),
            record: serde_json::to_value(&change.schedule).unwrap_or_default(),
        },
        expected,
    };
    match save(
        &state,
        &user,
        &order.nominal_id,
        &change.reason,
        vec![record],
        None,
    )
    .await
    {
        Ok(_) => done_page(&state, &user, &data, &order, &change.schedule),
        Err(refused) => {
            let fields = [
                ("number", NUMBER),
                ("name", NAME),
                ("aliases", "aliases"),
                ("date_of_birth", "dob-day"),
                ("address", ADDRESS),
                ("description", DESCRIPTION),
                ("registration", REGISTRATION),
                ("make", MAKE),
                ("colour", COLOUR),
            ];
            let problems = problems_of(&refused, &fields, "save");
            match problems.iter().map(|(f, _)| f).find(|f| *f != "save") {
                Some(f) if !a.get(KIND).is_empty() => {
                    let s = step_of(f);
                    bad(page_at_step(&state, &user, &data, &order, s, &a, &problems))
                }
                _ => bad(check_page(&state, &user, &data, &order, &a, &problems)),
            }
        }
    }
}
