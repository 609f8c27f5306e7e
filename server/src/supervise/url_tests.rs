use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::routing::get;
use axum::Router;
use proptest::prelude::*;
use tower::ServiceExt;
use webauthn_rs::prelude::Url;

use super::*;

#[test]
fn unreserved_characters_are_kept_and_every_other_byte_is_encoded() {
    assert_eq!(segment("BR-0002_1.a~"), "BR-0002_1.a~");
    assert_eq!(
        segment("../devices/D-1/revoke"),
        "..%2Fdevices%2FD-1%2Frevoke"
    );
    assert_eq!(segment("a b?c#d&e=f%"), "a%20b%3Fc%23d%26e%3Df%25");
    assert_eq!(segment("é"), "%C3%A9");
    assert_eq!(segment(""), "");
}

#[test]
fn a_segment_of_dots_alone_is_no_step_up() {
    assert_eq!(segment("."), "%252E");
    assert_eq!(segment(".."), "%252E%252E");
    assert_eq!(segment("..."), "...");
    // Why not `%2E`: a browser takes that for a dot too, and steps up.
    let page = Url::parse("http://desk.example/supervise/breaches/x").unwrap();
    let naive = page.join("/supervise/breaches/%2E%2E/devices").unwrap();
    assert_eq!(naive.path(), "/supervise/devices");
    for id in [".", ".."] {
        let page = Url::parse("http://desk.example/supervise/breaches/x").unwrap();
        let to = page
            .join(&format!("/supervise/breaches/{}", segment(id)))
            .unwrap();
        assert!(
            to.path().starts_with("/supervise/breaches/%25"),
            "{id}: {}",
            to.path()
        );
    }
}

#[test]
fn a_query_encodes_names_and_values_and_leaves_out_empty_values() {
    assert_eq!(query(&[("officer", "PC-A&B=C")]), "officer=PC-A%26B%3DC");
    assert_eq!(
        query(&[("person", "pc 1"), ("nominal", ""), ("to", "2026-11-24")]),
        "person=pc%201&to=2026-11-24"
    );
    assert_eq!(query(&[("a", "+#")]), "a=%2B%23");
    assert_eq!(query(&[]), "");
}

/// What axum's extractors make of an address the desk wrote, after a browser has resolved
/// it (the URL Standard, as the `url` crate implements it): `(path id, officer)`.
async fn as_the_server_reads(href: &str) -> Option<(String, String)> {
    let app: Router = Router::new().route(
        "/supervise/breaches/{id}",
        get(
            |Path(id): Path<String>, Query(q): Query<HashMap<String, String>>| async move {
                format!("{id}\n{}", q.get("officer").cloned().unwrap_or_default())
            },
        ),
    );
    let page = Url::parse("http://desk.example/supervise/breaches/BR-1").unwrap();
    let url = page.join(href).ok()?;
    let uri = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .ok()?;
    let response = app.oneshot(request).await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .ok()?;
    let text = String::from_utf8(bytes.to_vec()).ok()?;
    let (id, officer) = text.split_once('\n')?;
    Some((id.to_string(), officer.to_string()))
}

fn read_back(id: &str, officer: &str) -> Option<(String, String)> {
    let href = format!(
        "/supervise/breaches/{}?{}",
        segment(id),
        query(&[("officer", officer)])
    );
    tokio::runtime::Builder::new_current_thread()
        .build()
        .ok()?
        .block_on(as_the_server_reads(&href))
}

#[test]
fn the_server_reads_back_the_id_and_the_value_the_desk_wrote() {
    for (id, officer) in [
        ("../devices/D-1/revoke", "PC-A&B"),
        ("BR 1?x=y#top", "a=b c+d"),
        ("%2E%2E", "%26"),
        ("...", "unassigned"),
        ("Ünïcödé/✓", "é&ü"),
    ] {
        assert_eq!(
            read_back(id, officer),
            Some((id.to_string(), officer.to_string())),
            "{id}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any id but the two of dots alone opens at its own address, whatever a browser does to
    /// the address first; any query value comes back as it was.
    #[test]
    fn any_id_and_value_come_back_as_they_were(id in "\\PC{1,24}", officer in "\\PC{1,24}") {
        prop_assume!(id != "." && id != "..");
        prop_assert_eq!(read_back(&id, &officer), Some((id.clone(), officer.clone())));
    }
}
