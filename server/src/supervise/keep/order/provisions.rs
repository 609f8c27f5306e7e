//! An order's provisions, at `/supervise/orders/{order}/provisions/new`: the wording pasted (one
//! provision, or the order's text split at its numbered paragraphs), each provision confirmed
//! on its own page (family suggested from the wording, summary, licence, own dates, duty to
//! notify), check answers, then every confirmed provision saved in one change, against the
//! version of the order the form was opened on.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use scpo_field::domain::forms::keep_answers::FormAnswers;
use scpo_field::domain::forms::provision_form::{
    code_of, provision_from, DUTY, DUTY_DAYS, DUTY_KIND, FAMILY, WORDING,
};
use scpo_field::domain::forms::provision_text::{split_paragraphs, suggest_duty, suggest_family};
use scpo_field::domain::order::{Condition, Deadline, Order};

use super::fields::{new_token, order_ctx, order_post, token_of, version_of};
use super::new_order::REASON;
use super::provisions_view::{check_page, done_page, provision_page, text_page};
use crate::state::AppState;
use crate::storage::{StoredRecord, VersionedRecord};
use crate::supervise::forms::with_status;
use crate::supervise::keep::form::problems;
use crate::supervise::keep::{self, problems_of, save};
use crate::supervise::kit::Problem;
use crate::supervise::DeskUser;

/// The most provisions one form records.
const MAX_PROVISIONS: usize = 60;

/// An answer about one of the provisions (`p0-wording`...).
fn is_provision_key(k: &str) -> bool {
    k.strip_prefix('p')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) && r.contains('-'))
}

pub fn prefix(i: usize) -> String {
    format!("p{i}-")
}

/// How many provisions the form holds.
pub fn count(a: &FormAnswers) -> usize {
    a.get("count")
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_PROVISIONS)
}

/// The provision ids the form's token gives: `C-{token}-1`, `-2`...
fn condition_id(token: &str, i: usize) -> String {
    format!("C-{token}-{}", i.saturating_add(1))
}

/// Every provision the answers hold, or the problems of the first one that has any, with its
/// index.
pub fn provisions(a: &FormAnswers, order: &Order) -> Result<Vec<Condition>, (usize, Vec<Problem>)> {
    let token = token_of(a);
    (0..count(a))
        .map(|i| {
            provision_from(a, &prefix(i), &condition_id(&token, i), &order.id)
                .map_err(|p| (i, problems(&p)))
        })
        .collect()
}

/// A record's body as held (not as re-written from the domain type), so an unchanged record
/// stays the same version.
pub fn held_body(records: &[StoredRecord], kind: &str, id: &str) -> serde_json::Value {
    records
        .iter()
        .find(|r| r.kind == kind && r.id == id)
        .map_or(serde_json::Value::Null, |r| r.record.clone())
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
    text_page(&state, &user, &data, &order, &a, &[])
}

/// The answers with the pasted text split into provisions, each with the family and any duty
/// its wording suggests; or the problem with the text.
fn split(mut a: FormAnswers) -> Result<FormAnswers, (FormAnswers, Vec<Problem>)> {
    let paragraphs = split_paragraphs(a.get("text"));
    if paragraphs.is_empty() {
        let p = vec![(
            "text".to_string(),
            "Paste the order's text, or one provision's wording".to_string(),
        )];
        return Err((a, p));
    }
    if paragraphs.len() > MAX_PROVISIONS {
        let p = vec![(
            "text".to_string(),
            format!(
                "The text has more than {MAX_PROVISIONS} numbered paragraphs: paste it in parts"
            ),
        )];
        return Err((a, p));
    }
    a.retain(|k| !is_provision_key(k) && k != "text");
    for (i, p) in paragraphs.iter().enumerate() {
        let f = |name: &str| format!("{}{name}", prefix(i));
        a.set(f(WORDING), p.wording.clone());
        a.set(f(FAMILY), code_of(suggest_family(&p.wording)));
        if let Some(duty) = suggest_duty(&p.wording) {
            let rule = match duty.deadline {
                Deadline::WithinDaysAfter { .. } => "after",
                Deadline::DaysBefore { .. } => "before",
            };
            a.set(f(DUTY), rule);
            a.set(f(DUTY_KIND), code_of(duty.kind));
            a.set(f(DUTY_DAYS), duty.deadline.days().to_string());
        }
    }
    a.set("count", paragraphs.len().to_string());
    Ok(a)
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
    let bad = |page: Response| with_status(StatusCode::BAD_REQUEST, page);
    let go = a.get("go");
    let step = a.get("step");
    if let Some(i) = go
        .strip_prefix("change-p")
        .and_then(|i| i.parse::<usize>().ok())
    {
        return provision_page(
            &state,
            &user,
            &data,
            &order,
            i.min(count(&a).saturating_sub(1)),
            &a,
            &[],
        );
    }
    if step == "text" {
        return match split(a) {
            Ok(a) => provision_page(&state, &user, &data, &order, 0, &a, &[]),
            Err((a, p)) => bad(text_page(&state, &user, &data, &order, &a, &p)),
        };
    }
    if let Some(i) = step.strip_prefix('p').and_then(|i| i.parse::<usize>().ok()) {
        if let Err(p) = provision_from(&a, &prefix(i), "C-check", &order.id) {
            return bad(provision_page(
                &state,
                &user,
                &data,
                &order,
                i,
                &a,
                &problems(&p),
            ));
        }
        let next = i.saturating_add(1);
        return if next < count(&a) {
            provision_page(&state, &user, &data, &order, next, &a, &[])
        } else {
            check_page(&state, &user, &data, &order, &a, &[])
        };
    }
    if count(&a) == 0 {
        return text_page(&state, &user, &data, &order, &a, &[]);
    }
    let conditions = match provisions(&a, &order) {
        Ok(c) => c,
        Err((i, p)) => return bad(provision_page(&state, &user, &data, &order, i, &a, &p)),
    };
    if go != "save" {
        return check_page(&state, &user, &data, &order, &a, &[]);
    }
    let record = |kind: &str, id: &str, body: serde_json::Value| StoredRecord {
        kind: kind.into(),
        id: id.into(),
        nominal_id: order.nominal_id.clone(),
        record: body,
    };
    // The order as the form saw it, against its version: unchanged, it makes no new version,
    // but a change to it since the form opened refuses the save.
    let mut records = vec![VersionedRecord {
        record: record(
            "order",
            &order.id,
            held_body(&data.records, "order", &order.id),
        ),
        expected: version_of(&a),
    }];
    records.extend(conditions.iter().map(|c| VersionedRecord {
        record: record(
            "condition",
            &c.id,
            serde_json::to_value(c).unwrap_or_default(),
        ),
        expected: None,
    }));
    match save(&state, &user, &order.nominal_id, REASON, records, None).await {
        Ok(_) => done_page(&state, &user, &data, &order, conditions.len()),
        Err(refused) => bad(check_page(
            &state,
            &user,
            &data,
            &order,
            &a,
            &problems_of(&refused, &[], "save"),
        )),
    }
}
