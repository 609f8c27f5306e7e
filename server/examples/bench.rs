//! `make bench-server`: a benchmark, not a test. 200 simulated phones (10 officers, 20 phones
//! each; 150 synthetic nominals, 15 an officer) each push 50 records as one batch, push the same
//! batch again (a retry), and pull, against the real server over loopback HTTP. Prints pushes/s,
//! p50/p95 push latency, the time to pull a 150-nominal cohort, and lost / duplicated counts.
//!
//!   cargo run --release -p scpo-server --example bench -- sqlite
//!   cargo run --release -p scpo-server --example bench -- postgres   (SCPO_TEST_DATABASE_URL)
//!
//! All data is synthetic (clones of the demo cohort with invented names and opaque ids).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use scpo_field::domain::{Contact, ContactKind};

#[path = "common/mod.rs"]
mod common;
use common::{ms, percentile, synthetic_cohort};
use scpo_server::storage::{Officer, Role};
use serde_json::{json, Value};

const PHONES: usize = 200;
const OFFICERS: usize = 10;
const NOMINALS: usize = 150;
const RECORDS: usize = 50;
/// Phones pushing at the same moment (`BENCH_IN_FLIGHT`, default 16).
fn in_flight() -> usize {
    std::env::var("BENCH_IN_FLIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(16)
}

#[tokio::main]
async fn main() {
    let backend = std::env::args().nth(1).unwrap_or_else(|| "sqlite".into());
    let dir =
        std::env::temp_dir().join(format!("scpo-bench-{}", scpo_server::secrets::random_id(4)));
    let storage = common::fresh_storage(&backend, &dir).await;
    let s = storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    let today = chrono::Local::now().date_naive();
    s.add_unit("U-B", "Bench unit").await.unwrap();
    for i in 0..OFFICERS {
        let o = Officer {
            id: format!("PC-B{:02}", i + 1),
            unit_id: "U-B".into(),
            name: format!("PC Bench {}", i + 1),
            role: Role::Officer,
            keeps_cohort: false,
        };
        s.add_officer(&o, now).await.unwrap();
    }
    s.add_officer(
        &Officer {
            id: "PC-ALL".into(),
            unit_id: "U-B".into(),
            name: "PC Everyone".into(),
            role: Role::Officer,
            keeps_cohort: false,
        },
        now,
    )
    .await
    .unwrap();
    let cohort = synthetic_cohort(today, NOMINALS, OFFICERS);
    scpo_server::import_cohort(s, "U-B", &cohort.to_json(), None, "bench", now)
        .await
        .unwrap();

    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    let app = scpo_server::app(scpo_server::state::AppState::new(storage.clone()), &dist)
        .into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::new();

    // Enrol the phones.
    let mut phones = Vec::new();
    for p in 0..PHONES {
        let officer = format!("PC-B{:02}", p % OFFICERS + 1);
        let code =
            scpo_server::new_enrolment_code(s, &officer, chrono::Utc::now().timestamp_millis())
                .await
                .unwrap();
        let r: Value = client
            .post(format!("{base}/api/enrol"))
            .json(&json!({"code": code}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        phones.push((officer, r["credential"].as_str().unwrap().to_string()));
    }
    let contacts_before = s.count_records("contact").await.unwrap();

    // Each phone: one batch of 50 records about its officer's nominals, then the same batch again.
    let started = Instant::now();
    let sem = Arc::new(tokio::sync::Semaphore::new(in_flight()));
    let mut tasks = Vec::new();
    for (p, (officer, credential)) in phones.iter().cloned().enumerate() {
        let (client, base, sem) = (client.clone(), base.clone(), sem.clone());
        let mine: Vec<String> = cohort
            .nominals
            .iter()
            .filter(|n| n.offender_manager.id == officer)
            .map(|n| n.id.clone())
            .collect();
        tasks.push(tokio::spawn(async move {
            let entries: Vec<Value> = (0..RECORDS)
                .map(|i| {
                    let c = Contact {
                        id: format!("K-B{p:03}-{i:02}"),
                        nominal_id: mine[i % mine.len()].clone(),
                        kind: ContactKind::Phone,
                        at: today.and_hms_opt(9, 0, 0).unwrap_or_default(),
                        seen: true,
                        outcome: scpo_field::domain::field::contact::ContactOutcome::NoConcerns,
                        notes: String::new(),
                        officer_id: officer.clone(),
                        corrects: None,
                    };
                    json!({"uuid": format!("u-B{p:03}-{i:02}"), "kind": "contact", "record": c})
                })
                .collect();
            let _permit = sem.acquire().await.unwrap();
            let mut latencies = Vec::new();
            let mut accepted = 0;
            for _attempt in 0..2 {
                let t = Instant::now();
                let r: Value = client
                    .post(format!("{base}/api/sync/push"))
                    .bearer_auth(&credential)
                    .json(&json!({ "entries": entries }))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                latencies.push(t.elapsed());
                accepted = r["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|x| x["status"] == "accepted")
                    .count();
            }
            let r: Value = client
                .get(format!("{base}/api/sync/pull"))
                .bearer_auth(&credential)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert!(r["records"].as_array().is_some());
            (latencies, accepted)
        }));
    }
    let mut first = Vec::new();
    let mut retry = Vec::new();
    let mut acknowledged = 0;
    for t in tasks {
        let (lat, accepted) = t.await.unwrap();
        first.push(lat[0]);
        retry.push(lat[1]);
        acknowledged += accepted;
    }
    let elapsed = started.elapsed();
    first.sort();
    retry.sort();
    let stored = (s.count_records("contact").await.unwrap() - contacts_before) as usize;
    let expected = PHONES * RECORDS;

    // The time to pull a 150-nominal cohort: every nominal assigned to one officer's new phone.
    for n in &cohort.nominals {
        s.assign(&n.id, "PC-ALL", "bench", now).await.unwrap();
    }
    let code = scpo_server::new_enrolment_code(s, "PC-ALL", chrono::Utc::now().timestamp_millis())
        .await
        .unwrap();
    let r: Value = client
        .post(format!("{base}/api/enrol"))
        .json(&json!({"code": code}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let credential = r["credential"].as_str().unwrap().to_string();
    let t = Instant::now();
    let (mut cursor, mut records, mut pages) = (String::new(), 0, 0);
    loop {
        let r: Value = client
            .get(format!("{base}/api/sync/pull"))
            .query(&[("since", &cursor)])
            .bearer_auth(&credential)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        records += r["records"].as_array().unwrap().len();
        pages += 1;
        cursor = r["cursor"].as_str().unwrap().to_string();
        if r["more"] != true {
            break;
        }
    }
    let pull_all = t.elapsed();

    println!("SCPO Field team server benchmark: {backend}");
    println!("  phones {PHONES} ({OFFICERS} officers), {RECORDS} records a phone in one batch, {} phones pushing at once, then the same batch again", in_flight());
    println!(
        "  pushes/s (batches of {RECORDS}):  {:.0}",
        (2 * PHONES) as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  records/s:                {:.0}",
        (2 * PHONES * RECORDS) as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  push latency, first send: p50 {}  p95 {}  max {}",
        ms(percentile(&first, 0.5)),
        ms(percentile(&first, 0.95)),
        ms(percentile(&first, 1.0))
    );
    println!(
        "  push latency, retry:      p50 {}  p95 {}",
        ms(percentile(&retry, 0.5)),
        ms(percentile(&retry, 0.95))
    );
    println!(
        "  pull of a {NOMINALS}-nominal cohort: {} ({records} records, {pages} pages)",
        ms(pull_all)
    );
    println!(
        "  lost: {}  duplicated: {}  (stored {stored} of {expected}; acknowledged {acknowledged})",
        expected.saturating_sub(stored),
        stored.saturating_sub(expected)
    );
    let target = percentile(&first, 0.95) <= Duration::from_millis(50);
    println!(
        "  target p95 push of a 50-record batch <= 50 ms: {}",
        if target { "PASS" } else { "MISS" }
    );
    let _ = std::fs::remove_dir_all(&dir);
}
