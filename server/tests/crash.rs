//! A real crash: the server binary is killed with SIGKILL in the middle of a batch push, started
//! again on the same SQLite file, and the phone sends the batch again: nothing lost, nothing
//! doubled.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start `scpo-server serve --demo`; returns the child and the demo officer's enrolment code.
fn start(data: &std::path::Path, dist: &std::path::Path, port: u16) -> (Child, Option<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scpo-server"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "serve",
            "--demo",
            "--listen",
        ])
        .arg(format!("127.0.0.1:{port}"))
        .args(["--dist", dist.to_str().unwrap()])
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut code = None;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.contains("(PC-DEMO-01)") {
            code = line.rsplit(' ').next().map(String::from);
        }
        if line.starts_with("Serving") {
            break;
        }
    }
    // Keep reading what it prints, as a terminal or a log would.
    std::thread::spawn(move || lines.for_each(drop));
    (child, code)
}

async fn wait_up(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if reqwest::get(format!("{base}/api/sync/pull")).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start");
}

#[tokio::test]
async fn kill_9_in_the_middle_of_a_push_loses_nothing_and_doubles_nothing() {
    let data = temp_dir("crash");
    let dist = temp_dir("crash-dist");
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let (mut server, code) = start(&data, &dist, port);
    wait_up(&base).await;
    let client = reqwest::Client::new();
    let enrolled: Value = client
        .post(format!("{base}/api/enrol"))
        .json(&json!({ "code": code.expect("the demo prints a code") }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let credential = enrolled["credential"].as_str().unwrap().to_string();

    // 600 entries in batches of 200; the server is killed while they are going in.
    let entries: Vec<Value> = (0..600)
        .map(|i| {
            entry(
                &format!("u-crash-{i}"),
                "contact",
                contact(
                    &format!("K-crash-{i}"),
                    ["N-0001", "N-0002", "N-0003", "N-0004"][i % 4],
                    "PC-DEMO-01",
                ),
            )
        })
        .collect();
    let pushing = {
        let (client, base, credential, entries) = (
            client.clone(),
            base.clone(),
            credential.clone(),
            entries.clone(),
        );
        tokio::spawn(async move {
            for batch in entries.chunks(200) {
                let _ = client
                    .post(format!("{base}/api/sync/push"))
                    .bearer_auth(&credential)
                    .json(&json!({ "entries": batch }))
                    .send()
                    .await;
            }
        })
    };
    // Kill as soon as some, but not all, of the entries are in.
    let db = data.join("scpo.sqlite");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let n = count_contacts(&db).await;
        if n > demo_contacts() + 5 || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    let _ = pushing.await;
    let stored_at_crash = count_contacts(&db).await - demo_contacts();
    assert!(
        stored_at_crash > 0,
        "the kill came before any entry was stored"
    );

    // Start again; the phone sends everything it has not had acknowledged: all of it.
    let (mut server, _) = start(&data, &dist, port);
    wait_up(&base).await;
    let mut accepted = 0;
    for batch in entries.chunks(200) {
        let r: Value = client
            .post(format!("{base}/api/sync/push"))
            .bearer_auth(&credential)
            .json(&json!({ "entries": batch }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        accepted += r["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["status"] == "accepted")
            .count();
    }
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(accepted, 600);
    assert_eq!(count_contacts(&db).await - demo_contacts(), 600);
    eprintln!(
        "killed with {stored_at_crash} of 600 entries stored; after the retry 600, none twice"
    );
}

fn demo_contacts() -> i64 {
    scpo_field::domain::cohort::demo::demo_cohort(chrono::Local::now().date_naive())
        .contacts
        .len() as i64
}

async fn count_contacts(db: &std::path::Path) -> i64 {
    let Ok(pool) = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", db.display())).await
    else {
        return 0;
    };
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE kind = 'contact'")
        .fetch_one(&pool)
        .await
        .unwrap_or(0);
    pool.close().await;
    n
}
