//! What the server benchmarks share (`bench.rs`, `bench_desk.rs`): the synthetic unit, a fresh
//! database on either backend, and the figures' arithmetic.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::Cohort;
use scpo_server::storage::Storage;

/// 150-odd synthetic nominals cloned from the demo cohort (invented names, opaque ids), each
/// with its order, provisions and plan, spread over `officers` officers `PC-B01`…
pub fn synthetic_cohort(today: chrono::NaiveDate, nominals: usize, officers: usize) -> Cohort {
    let demo = demo_cohort(today);
    let mut c = Cohort::empty(demo.officer.clone());
    for i in 0..nominals {
        let src = &demo.nominals[i % demo.nominals.len()];
        let n_id = format!("N-B{:04}", i + 1);
        let o_id = format!("O-B{:04}", i + 1);
        let mut n = src.clone();
        n.id = n_id.clone();
        n.family_name = format!("Benchington-{:04}", i + 1);
        n.offender_manager.id = format!("PC-B{:02}", i % officers + 1);
        c.nominals.push(n);
        let Some(order) = demo.orders.iter().find(|o| o.nominal_id == src.id) else {
            continue;
        };
        let mut o = order.clone();
        o.id = o_id.clone();
        o.nominal_id = n_id.clone();
        o.court_reference = format!("TB{:07}", i + 1);
        o.variations.clear();
        for k in demo
            .conditions
            .iter()
            .filter(|k| k.order_id == order.id && k.replaces.is_none())
        {
            let mut k = k.clone();
            k.id = format!("C-B{:04}-{}", i + 1, &k.id[7..]);
            k.order_id = o_id.clone();
            c.conditions.push(k);
        }
        c.orders.push(o);
        if let Some(p) = demo.contact_plans.iter().find(|p| p.nominal_id == src.id) {
            let mut p = p.clone();
            p.nominal_id = n_id;
            c.contact_plans.push(p);
        }
    }
    c
}

/// The `p` quantile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// A duration in milliseconds, one decimal.
pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// A fresh database for `backend` ("sqlite" in `dir`, or "postgres": a new database on the
/// cluster of `SCPO_TEST_DATABASE_URL`).
pub async fn fresh_storage(backend: &str, dir: &std::path::Path) -> Arc<dyn Storage> {
    let url = match backend {
        "postgres" => {
            let admin = std::env::var("SCPO_TEST_DATABASE_URL")
                .expect("SCPO_TEST_DATABASE_URL (scripts/pg.sh start)");
            let name = format!("bench_{}", scpo_server::secrets::random_id(4));
            let pool = sqlx::PgPool::connect(&admin).await.unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&pool)
                .await
                .unwrap();
            Some(format!("{}/{name}", admin.rsplit_once('/').unwrap().0))
        }
        _ => None,
    };
    scpo_server::open_storage(url.as_deref(), dir)
        .await
        .unwrap()
}
