//! A property test of the sync protocol: random interleavings of duplicated, reordered, dropped
//! and half-acknowledged pushes, pulls and reassignments from several phones end, once every
//! phone has caught up, with every record applied exactly once and every phone's cohort equal to
//! the server's scope for its officer. On SQLite and on PostgreSQL.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use proptest::prelude::*;
use scpo_server::storage::{Device, EntryStatus};
use serde_json::Value;

const OFFICERS: [&str; 3] = ["PC-DEMO-01", "PC-DEMO-02", "PC-DEMO-03"];

#[derive(Debug, Clone)]
enum Op {
    /// A phone pushes some of its waiting entries (by index, repeats allowed, in this order);
    /// `lost`: the server did the work but the answer never reached the phone.
    Push {
        phone: usize,
        picks: Vec<usize>,
        lost: bool,
    },
    /// A phone pulls; `lost`: the page never arrived.
    Pull { phone: usize, lost: bool },
    /// A phone records a contact about one of its nominals (or, `stray`, one not its own).
    Record {
        phone: usize,
        nominal: usize,
        stray: bool,
    },
    /// The server reassigns a nominal.
    Reassign { nominal: usize, officer: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..4usize, prop::collection::vec(0..8usize, 1..6), prop::bool::weighted(0.3))
            .prop_map(|(phone, picks, lost)| Op::Push { phone, picks, lost }),
        2 => (0..4usize, prop::bool::weighted(0.3)).prop_map(|(phone, lost)| Op::Pull { phone, lost }),
        3 => (0..4usize, 0..12usize, prop::bool::weighted(0.15))
            .prop_map(|(phone, nominal, stray)| Op::Record { phone, nominal, stray }),
        1 => (0..12usize, 0..3usize).prop_map(|(nominal, officer)| Op::Reassign { nominal, officer }),
    ]
}

/// A phone as the protocol sees it: its outbox, its cohort and its cursor.
struct Phone {
    device: Device,
    outbox: Vec<(String, Value)>,
    cohort: BTreeMap<(String, String), (String, Value)>,
    cursor: i64,
    made: usize,
}

impl Phone {
    fn officer(&self) -> &str {
        &self.device.officer.id
    }

    /// Apply a page: records in, then drop nominals no longer in scope once nothing about them
    /// waits in the outbox.
    fn apply(&mut self, page: scpo_server::storage::PullPage) {
        for r in page.records {
            self.cohort.insert((r.kind, r.id), (r.nominal_id, r.record));
        }
        let waiting: BTreeSet<String> = self
            .outbox
            .iter()
            .filter_map(|(_, v)| v["record"]["nominal_id"].as_str().map(String::from))
            .collect();
        self.cohort
            .retain(|_, (n, _)| page.in_scope.contains(n) || waiting.contains(n));
        self.cursor = page.position;
    }
}

async fn run(backend: Backend, ops: Vec<Op>) {
    let db = with_demo(backend).await;
    let s = db.storage.as_ref();
    let mut phones = Vec::new();
    // Two phones for the first officer, one each for the others.
    for officer in [OFFICERS[0], OFFICERS[0], OFFICERS[1], OFFICERS[2]] {
        let (device, _) = enrol(s, officer).await;
        phones.push(Phone {
            device,
            outbox: vec![],
            cohort: BTreeMap::new(),
            cursor: 0,
            made: 0,
        });
    }
    let mut accepted_ids = BTreeSet::new();
    let mut now = at(10);
    for op in ops {
        now += 1000;
        match op {
            Op::Record {
                phone,
                nominal,
                stray,
            } => {
                let p = &mut phones[phone];
                p.made += 1;
                let mine: Vec<String> = s.assigned_nominals(p.officer()).await.unwrap();
                let nominal_id = if stray || mine.is_empty() {
                    format!("N-{:04}", nominal + 1)
                } else {
                    mine[nominal % mine.len()].clone()
                };
                let id = format!("K-{}-{}", p.device.id, p.made);
                let uuid = format!("u-{}-{}", p.device.id, p.made);
                let v = entry(&uuid, "contact", contact(&id, &nominal_id, p.officer()));
                p.outbox.push((uuid, v));
            }
            Op::Push { phone, picks, lost } => {
                let p = &mut phones[phone];
                if p.outbox.is_empty() {
                    continue;
                }
                let batch: Vec<Value> = picks
                    .iter()
                    .map(|i| p.outbox[i % p.outbox.len()].1.clone())
                    .collect();
                let mut results = Vec::new();
                for v in &batch {
                    results.push(push(s, &p.device, v, now).await);
                }
                if !lost {
                    for r in results {
                        if r.status == EntryStatus::Accepted {
                            accepted_ids.insert(r.uuid.clone());
                        }
                        p.outbox.retain(|(u, _)| *u != r.uuid);
                    }
                } else {
                    for r in results.iter().filter(|r| r.status == EntryStatus::Accepted) {
                        accepted_ids.insert(r.uuid.clone());
                    }
                }
            }
            Op::Pull { phone, lost } => {
                let p = &mut phones[phone];
                let page = s.pull(&p.device, p.cursor, 50, now).await.unwrap();
                if !lost {
                    p.apply(page);
                }
            }
            Op::Reassign { nominal, officer } => {
                s.assign(
                    &format!("N-{:04}", nominal + 1),
                    OFFICERS[officer],
                    "test",
                    now,
                )
                .await
                .unwrap();
            }
        }
    }
    // Every phone catches up: sends all it has until acknowledged, then pulls to the end.
    for p in &mut phones {
        while let Some((uuid, v)) = p.outbox.first().cloned() {
            let r = push(s, &p.device, &v, now).await;
            assert_eq!(r.uuid, uuid);
            if r.status == EntryStatus::Accepted {
                accepted_ids.insert(uuid.clone());
            }
            p.outbox.remove(0);
        }
    }
    for p in &mut phones {
        loop {
            let page = s.pull(&p.device, p.cursor, 50, now).await.unwrap();
            let more = page.more;
            p.apply(page);
            if !more {
                break;
            }
        }
    }
    // Exactly once: one stored contact per accepted entry, besides the demo's own.
    let demo_contacts = scpo_field::domain::cohort::demo::demo_cohort(today())
        .contacts
        .len() as i64;
    assert_eq!(
        s.count_records("contact").await.unwrap(),
        demo_contacts + accepted_ids.len() as i64
    );
    // Every phone holds exactly its officer's scope.
    for p in &phones {
        let mut scope = BTreeMap::new();
        for n in s.assigned_nominals(p.officer()).await.unwrap() {
            for r in s.records_of_nominal(&n).await.unwrap() {
                scope.insert((r.kind, r.id), (r.nominal_id, r.record));
            }
        }
        assert_eq!(p.cohort, scope, "phone {} of {}", p.device.id, p.officer());
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn sqlite_every_record_once_and_every_phone_equal_to_its_scope(ops in prop::collection::vec(op(), 1..40)) {
        runtime().block_on(run(Backend::Sqlite, ops));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn postgres_every_record_once_and_every_phone_equal_to_its_scope(ops in prop::collection::vec(op(), 1..40)) {
        runtime().block_on(run(Backend::Postgres, ops));
    }
}
