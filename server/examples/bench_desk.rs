//! `make bench-desk`: a benchmark, not a test (issue 21). A unit of 162 nominals (the demo's 12
//! and 150 synthetic ones) holding 20,000 field records; where a page's time goes in reading the
//! unit (its rows read, their JSON parsed, the domain's cohort built; and held, moved on in place
//! after one change, server/src/held_unit.rs); the DS's desk pages (team,
//! cohort, a nominal, a breach) fetched over loopback HTTP, 40 times each, p50/p95, and again
//! each right after a cohort change (so the unit is read afresh); and a single cohort change (a
//! nominal's phone number) applied through `cohort_change::apply` and then seen by the assigned
//! officer's phone pull, 50 times, p50/p95.
//!
//!   cargo run --release -p scpo-server --example bench_desk -- sqlite
//!   cargo run --release -p scpo-server --example bench_desk -- postgres   (SCPO_TEST_DATABASE_URL)
//!
//! All data is synthetic (clones of the demo cohort with invented names and opaque ids).

use std::net::SocketAddr;

use std::time::{Duration, Instant};

use scpo_field::domain::field::contact::ContactOutcome;
use scpo_field::domain::{Cohort, Contact, ContactKind};
use scpo_server::cohort_change::{apply, Keeper};

#[path = "common/mod.rs"]
mod common;
use common::{ms, percentile, synthetic_cohort};
use scpo_server::storage::{Officer, Role, Storage, StoredRecord, VersionedRecord};

/// The nominal's phone number changed through `cohort_change::apply`, as the desk changes it
/// (`version` is the nominal record's version held, moved on by the change).
async fn change_phone(
    s: &dyn Storage,
    keeper: Keeper<'_>,
    nominal: &mut serde_json::Value,
    version: &mut i64,
    phone: &str,
    now: i64,
) {
    nominal["phone"] = phone.into();
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
            expected: Some(*version),
        }],
        None,
        now,
    )
    .await
    .unwrap();
    *version += 1;
}

/// "p50 12.3 ms  p95 45.6 ms" of the times.
fn figures(times: &mut [std::time::Duration]) -> String {
    times.sort();
    format!(
        "p50 {}  p95 {}",
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95))
    )
}

const NOMINALS: usize = 150;
const OFFICERS: usize = 10;
const RECORDS: usize = 20_000;
const PAGE_RUNS: usize = 40;
const CHANGES: usize = 50;
/// Runs of the reading of the unit, and of each page right after a change.
const PROFILE_RUNS: usize = 10;

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

    // Where the time goes when a page reads the whole unit: its rows (read, and each body's JSON
    // parsed into a value), the JSON parse alone (the same bodies parsed again), the domain's
    // cohort built from them; the team page's figures (the domain's dashboard) on that cohort;
    // and what a page reads of the unit while it is held and nothing changed (the records written
    // after its newest position: none).
    let ds = s
        .officer(scpo_server::DEMO_SUPERVISOR)
        .await
        .unwrap()
        .unwrap();
    let keeper = Keeper {
        officer: &ds,
        whole_unit: true,
    };
    let mut nominal = s
        .records_of_nominal("N-B0001")
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.kind == "nominal")
        .unwrap()
        .record;
    let mut version = 1;
    let assignments = s.unit_assignments(scpo_server::DEMO_UNIT).await.unwrap();
    let newest = s.position().await.unwrap();
    let (mut read, mut parse, mut build, mut board, mut position) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut copied, mut sorted, mut gone) = (vec![], vec![], vec![]);
    for _ in 0..PROFILE_RUNS {
        let t = Instant::now();
        let records = s.unit_records(scpo_server::DEMO_UNIT).await.unwrap();
        read.push(t.elapsed());
        let bodies: Vec<String> = records.iter().map(|r| r.record.to_string()).collect();
        let t = Instant::now();
        for b in &bodies {
            let _: serde_json::Value = serde_json::from_str(b).unwrap();
        }
        parse.push(t.elapsed());
        let t = Instant::now();
        let mut records = records.clone();
        copied.push(t.elapsed());
        let t = Instant::now();
        records
            .sort_by(|a, b| (&a.nominal_id, &a.kind, &a.id).cmp(&(&b.nominal_id, &b.kind, &b.id)));
        sorted.push(t.elapsed());
        let t = Instant::now();
        let _ = scpo_server::held_unit::transfers(&records);
        gone.push(t.elapsed());
        let t = Instant::now();
        let built = scpo_server::records::cohort_of(&records);
        build.push(t.elapsed());
        assert!(built.contacts.len() >= RECORDS);
        let t = Instant::now();
        let unit = scpo_field::domain::oversight::unit::Unit {
            cohort: &built,
            assignments: &assignments,
            decisions: &built.breach_decisions,
            transferred: &[],
        };
        let _ = scpo_field::domain::oversight::unit::dashboard(&unit, today);
        board.push(t.elapsed());
        let t = Instant::now();
        let none = s
            .unit_records_since(scpo_server::DEMO_UNIT, newest)
            .await
            .unwrap();
        position.push(t.elapsed());
        assert!(none.is_empty());
    }
    println!("  reading the whole unit, {PROFILE_RUNS} runs:");
    println!("    rows read and parsed  {}", figures(&mut read));
    println!("      of which JSON parse {}", figures(&mut parse));
    println!("    cohort built          {}", figures(&mut build));
    println!("    team's figures        {}", figures(&mut board));
    println!("    nothing changed read  {}", figures(&mut position));
    println!("    records copied        {}", figures(&mut copied));
    println!("    records sorted        {}", figures(&mut sorted));
    println!("    transfers found       {}", figures(&mut gone));

    // The unit held and moved on in place after one cohort change: the changed records read
    // from the database, parsed alone and put in place (server/src/held_unit.rs).
    // Its figures, a nominal at a time: all of them first, then only the changed nominal's
    // (the same figures as the whole unit's at once).
    let units = scpo_server::held_unit::HeldUnits::default();
    let t = Instant::now();
    let held = units.current(s, scpo_server::DEMO_UNIT).await.unwrap();
    println!("    unit held, first read {}", ms(t.elapsed()));
    let t = Instant::now();
    let _ = held.dashboard(today, &assignments);
    println!("    its figures, first    {}", ms(t.elapsed()));
    drop(held);
    let (mut moved, mut refigured) = (vec![], vec![]);
    for i in 0..PROFILE_RUNS {
        let phone = format!("07700 7{i:05}");
        change_phone(s, keeper, &mut nominal, &mut version, &phone, now).await;
        let t = Instant::now();
        let held = units.current(s, scpo_server::DEMO_UNIT).await.unwrap();
        moved.push(t.elapsed());
        let t = Instant::now();
        let board = held.dashboard(today, &assignments);
        refigured.push(t.elapsed());
        let unit = scpo_field::domain::oversight::unit::Unit {
            cohort: &held.cohort,
            assignments: &assignments,
            decisions: &held.cohort.breach_decisions,
            transferred: &held.transferred,
        };
        assert!(*board == scpo_field::domain::oversight::unit::dashboard(&unit, today));
    }
    println!("    moved on, one change  {}", figures(&mut moved));
    println!("    its figures again     {}", figures(&mut refigured));

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
            times.push(page_time(&client, &base, &cookie, path).await);
        }
        println!("    {name:<8} {}", figures(&mut times));
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

    // Each page again, each time right after a cohort change (the unit's records read afresh).
    println!("  desk pages right after a cohort change, {PROFILE_RUNS} runs each:");
    for (name, path) in &pages {
        let mut times = Vec::new();
        for i in 0..PROFILE_RUNS {
            let phone = format!("07700 8{i:05}");
            change_phone(s, keeper, &mut nominal, &mut version, &phone, now).await;
            times.push(page_time(&client, &base, &cookie, path).await);
        }
        println!("    {name:<8} {}", figures(&mut times));
    }

    let mut since = s.pull(&device, 0, 100_000, now).await.unwrap().position;
    let mut times = Vec::new();
    for i in 0..CHANGES {
        let phone = format!("07700 9{i:05}");
        let t = Instant::now();
        change_phone(s, keeper, &mut nominal, &mut version, &phone, now).await;
        let page = s.pull(&device, since, 500, now).await.unwrap();
        times.push(t.elapsed());
        assert!(page
            .records
            .iter()
            .any(|r| r.kind == "nominal" && r.record["phone"] == phone.as_str()));
        since = page.position;
    }
    println!(
        "  a cohort change applied and pulled, {CHANGES} runs: {}",
        figures(&mut times)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// How long one desk page takes, from asking to the last byte; it must answer with success.
async fn page_time(client: &reqwest::Client, base: &str, cookie: &str, path: &str) -> Duration {
    let t = Instant::now();
    let r = client
        .get(format!("{base}{path}"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let _ = r.bytes().await.unwrap();
    let took = t.elapsed();
    assert!(status.is_success(), "{path}: {status}");
    took
}
