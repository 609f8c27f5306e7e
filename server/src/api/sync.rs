//! Push and pull: a phone's outbox judged with the app's own rules and stored exactly once,
//! and the unit's records sent back a page at a time from a cursor.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::{MAX_ENTRIES, PULL_PAGE, PULL_PAGE_BYTES};
use crate::records;
use crate::state::{ApiError, AppState, Authorised};
use crate::storage::Device;

pub(super) async fn push(
    State(state): State<AppState>,
    Authorised(device): Authorised,
    Query(query): Query<Vec<(String, String)>>,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    // Kept even if this push then fails: a phone that cannot push is what the DS must see.
    keep_waiting(&state, &device, &query).await?;
    let body = match body {
        Ok(Json(body)) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The push is larger than 4 MB. Send fewer entries at a time. Nothing was stored.",
            ))
        }
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "The push is not JSON of the form {\"entries\": [...]}. Nothing was stored.",
            ))
        }
    };
    let Some(entries) = body.get("entries").and_then(|e| e.as_array()) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "The push has no list of entries. Nothing was stored.",
        ));
    };
    if entries.len() > MAX_ENTRIES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("At most {MAX_ENTRIES} entries a push. Nothing was stored."),
        ));
    }
    let mut items = Vec::with_capacity(entries.len());
    let mut results = Vec::with_capacity(entries.len());
    // An entry without even a UUID cannot be deduplicated: answered, not stored.
    let mut no_uuid = Vec::new();
    for (i, v) in entries.iter().enumerate() {
        match records::read_entry(v) {
            Ok(entry) => items.push(crate::storage::Incoming::Entry(entry)),
            Err(u) if u.uuid.is_empty() => no_uuid.push((i, u.reason)),
            Err(u) => items.push(crate::storage::Incoming::Unreadable {
                uuid: u.uuid,
                raw: v.to_string(),
                reason: u.reason,
            }),
        }
    }
    let photos =
        super::photos::photos_for(state.storage.as_ref(), &device.officer.id, &items).await?;
    let judge = |entry: &crate::storage::NewEntry, held: &[crate::storage::StoredRecord]| {
        records::judge(entry, held)?;
        super::photos::judge_photo(entry, &photos)
    };
    let stored = state
        .storage
        .push_batch(&device, &items, &judge, state.now())
        .await?;
    // A release accepted is applied to the nominal's cohort records (release.rs): if the
    // database fails there, the push fails and the phone sends it again.
    if crate::release::apply_accepted(
        state.storage.as_ref(),
        &device.officer,
        &items,
        &stored,
        state.now(),
    )
    .await
    .is_err()
    {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "The release was kept but could not be applied yet. Sync again.",
        ));
    }
    let mut stored = stored.into_iter();
    let mut no_uuid = no_uuid.into_iter().peekable();
    for i in 0..entries.len() {
        match no_uuid.peek() {
            Some((j, _)) if *j == i => {
                let (_, reason) = no_uuid.next().unwrap_or_default();
                results.push(crate::storage::EntryResult {
                    uuid: String::new(),
                    status: crate::storage::EntryStatus::Rejected,
                    reason: Some(reason),
                });
            }
            _ => results.extend(stored.next()),
        }
    }
    let accepted = results
        .iter()
        .filter(|r| r.status == crate::storage::EntryStatus::Accepted)
        .count();
    tracing::info!(device = %device.id, entries = results.len(), accepted, "push");
    Ok(Json(json!({ "results": results })).into_response())
}

/// The values `key` has in a call's query (`Query<Vec<(String, String)>>`, which never refuses
/// a query), in order: the call judges a missing, repeated or garbled one.
fn values<'a>(query: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    query
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Keep `waiting=N` of a push or a pull (how many outbox entries the phone holds not yet
/// acknowledged) on the device row, for the supervisor. A missing or garbled value (not one
/// whole number from 0 to 4294967295: repeated, negative, too big, not a number) is ignored.
async fn keep_waiting(
    state: &AppState,
    device: &Device,
    query: &[(String, String)],
) -> Result<(), ApiError> {
    let waiting = match values(query, "waiting")[..] {
        [one] => one.parse::<u32>().ok(),
        _ => None,
    };
    if let Some(n) = waiting {
        state
            .storage
            .report_waiting(&device.id, i64::from(n), state.now())
            .await?;
    }
    Ok(())
}

/// `v1:<database id>:<position>`.
fn read_cursor(cursor: &str, database_id: &str, position: i64) -> Option<i64> {
    let mut parts = cursor.split(':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("v1"), Some(db), Some(pos), None) if db == database_id => pos
            .parse::<i64>()
            .ok()
            .filter(|p| (0..=position).contains(p)),
        _ => None,
    }
}

pub(super) async fn pull(
    State(state): State<AppState>,
    Authorised(device): Authorised,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    keep_waiting(&state, &device, &query).await?;
    let database_id = state.storage.database_id().await?;
    let position = state.storage.position().await?;
    // No cursor: from the beginning. One this server did not give (or several): resync.
    let (since, resync) = match values(&query, "since")[..] {
        [] | [""] => (0, false),
        [c] => match read_cursor(c, &database_id, position) {
            Some(p) => (p, false),
            None => (0, true),
        },
        _ => (0, true),
    };
    let page = state
        .storage
        .pull_page(&device, since, PULL_PAGE, PULL_PAGE_BYTES, state.now())
        .await?;
    tracing::info!(device = %device.id, records = page.records.len(), resync, "pull");
    Ok(Json(json!({
        "cursor": format!("v1:{database_id}:{}", page.position),
        "resync": resync,
        "more": page.more,
        "officer": {"id": device.officer.id, "name": device.officer.name},
        "in_scope": page.in_scope,
        "records": page.records,
    }))
    .into_response())
}
