//! `make bench-desk`: a benchmark, not a test (issue 21). A unit of 162 nominals (the demo's 12
//! and 150 synthetic ones) holding 20,000 field records; the DS's desk pages (team, cohort, a
//! nominal, a breach) fetched over loopback HTTP, 40 times each, p50/p95; and a single cohort
//! change (a nominal's phone number) applied through `cohort_change::apply` and then seen by the
//! assigned officer's phone pull, 50 times, p50/p95.
//!
//!   cargo run --release -p scpo-server --example bench_desk -- sqlite
//!   cargo run --release -p scpo-server --example bench_desk -- postgres   (SCPO_TEST_DATABASE_URL)
//!
//! All data is synthetic (clones of the demo cohort with invented names and opaque ids).

use std::net::SocketAddr;

use std::time::Instant;

use scpo_field::domain::field::contact::ContactOutcome;
use scpo_field::domain::{Cohort, Contact, ContactKind};
use scpo_server::cohort_change::{apply, Keeper};

#[path = "common/mod.rs"]
mod common;
use common::{ms, percentile, synthetic_cohort};
use scpo_server::storage::{Officer, Role, StoredRecord, VersionedRecord};

const NOMINALS: usize = 150;
const OFFICERS: usize = 10;
const RECORDS: usize = 20_000;
const PAGE_RUNS: usize = 40;
const CHANGES: usize = 50;

/// The synthetic unit with `RECORDS` field records: contacts spread over its nominals and the
/// last year.
fn unit_with_records(today: chrono::NaiveDate) -> Cohort {
    let mut c = synthetic_cohort(today, NOMINALS, OFFICERS);
    for r in 0..RECORDS {
        let n = &c.nominals[r % NOMINALS];
        let day = today - chrono::Duration::days((r / NOMINALS) as i64 % 365);
        c.contacts.push(Contact {
            id: format!("K-B{r:05}"),
            nominal_id: n.id.clone(),
            kind: ContactKind::Phone,
            at: day.and_hms_opt(9, 0, 0).unwrap_or_default(),
            seen: true,
            outcome: ContactOutcome::NoConcerns,
            notes: "Routine call, nothing of note".into(),
            officer_id: n.offender_manager.id.clone(),
            corrects: None,
        });
    }
    c
}

#[tokio::main]
async fn main() {
    let backend = std::env::args().nth(1).unwrap_or_else(|| "sqlite".into());
    let dir = std::env::temp_dir().join(format!(
        "scpo-bench-desk-{}",
        scpo_server::secrets::random_id(4)
    ));
    let storage = common::fresh_storage(&backend, &dir).await;
    let s = storage.as_ref();
    let now = chrono::Utc::now().timestamp_millis();
    let today = chrono::Local::now().date_naive();
    scpo_server::set_up_demo(s, today, now).await.unwrap();
    for i in 0..OFFICERS {
        let o = Officer {
            id: format!("PC-B{:02}", i + 1),
            unit_id: scpo_server::DEMO_UNIT.into(),
            name: format!("PC Bench {}", i + 1),
            role: Role::Officer,
            keeps_cohort: false,
        };
        s.add_officer(&o, now).await.unwrap();
    }
    let cohort = unit_with_records(today);
    let t = Instant::now();
    let counts = scpo_server::import_cohort(
        s,
        scpo_server::DEMO_UNIT,
        &cohort.to_json(),
        None,
        scpo_server::DEMO_SUPERVISOR,
        now,
    )
    .await
    .unwrap();
    println!(
        "{backend}: imported {} records for {} nominals in {}",
        counts.created,
        NOMINALS,
        ms(t.elapsed())
    );

    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    let app = scpo_server::app(scpo_server::state::AppState::new(storage.clone()), &dist)
        .into_make_service_with_connect_info::<SocketAddr>();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::new();

    // A DS session, as a passkey sign-in ends.
    let token = scpo_server::secrets::new_credential();
    s.start_session(
        &scpo_server::secrets::hash(&token),
        scpo_server::DEMO_SUPERVISOR,
        &scpo_server::secrets::new_credential(),
        chrono::Utc::now().timestamp_millis(),
    )
    .await
    .unwrap();
    let cookie = format!("scpo_session={token}");
    let pages = [
        ("team", "/supervise".to_string()),
        ("cohort", "/supervise/cohort".to_string()),
        ("nominal", "/supervise/nominals/N-B0001".to_string()),
        ("breach", "/supervise/breaches/BR-0002-1".to_string()),
    ];
    println!(
        "  desk pages ({} nominals, {} records), {PAGE_RUNS} runs each:",
        NOMINALS + 12,
        RECORDS
    );
    for (name, path) in &pages {
        let mut times = Vec::new();
        for _ in 0..PAGE_RUNS {
            let t = Instant::now();
            let r = client
                .get(format!("{base}{path}"))
                .header("cookie", &cookie)
                .send()
                .await
                .unwrap();
            let status = r.status();
            let _ = r.bytes().await.unwrap();
            times.push(t.elapsed());
            assert!(status.is_success(), "{path}: {status}");
        }
        times.sort();
        println!(
            "    {name:<8} p50 {}  p95 {}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95))
        );
    }

    // One cohort change, applied and then seen by the phone of the officer who holds it.
    let code = scpo_server::new_enrolment_code(s, "PC-B01", now)
        .await
        .unwrap();
    let r: serde_json::Value = client
        .post(format!("{base}/api/enrol"))
        .json(&serde_json::json!({"code": code}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let credential = r["credential"].as_str().unwrap().to_string();
    let device = s
        .device_by_credential(&scpo_server::secrets::hash(&credential))
        .await
        .unwrap()
        .unwrap();
    let ds = s
        .officer(scpo_server::DEMO_SUPERVISOR)
        .await
        .unwrap()
        .unwrap();
    let keeper = Keeper {
        officer: &ds,
        whole_unit: true,
    };
    let mut since = s.pull(&device, 0, 100_000, now).await.unwrap().position;
    let mut nominal = s
        .records_of_nominal("N-B0001")
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == "nominal")
        .unwrap()
        .record;
    let mut times = Vec::new();
    for i in 0..CHANGES {
        let phone = format!("07700 9{i:05}");
        nominal["phone"] = phone.clone().into();
        let t = Instant::now();
        apply(
            s,
            keeper,
            "N-B0001",
            "New phone",
            vec![VersionedRecord {
                record: StoredRecord {
                    kind: "nominal".into(),
                    id: "N-B0001".into(),
                    nominal_id: "N-B0001".into(),
                    record: nominal.clone(),
                },
                expected: Some(i as i64 + 1),
            }],
            None,
            now,
        )
        .await
        .unwrap();
        let page = s.pull(&device, since, 500, now).await.unwrap();
        times.push(t.elapsed());
        assert!(page
            .records
            .iter()
            .any(|r| r.kind == "nominal" && r.record["phone"] == phone.as_str()));
        since = page.position;
    }
    times.sort();
    println!(
        "  a cohort change applied and pulled, {CHANGES} runs: p50 {}  p95 {}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95))
    );
    let _ = std::fs::remove_dir_all(&dir);
}
