//! A large SYNTHETIC cohort file for the benchmark (scripts/bench.mjs): the cohort list's search
//! is timed per keystroke with 10,000 nominals.
//!
//!   cargo run --example synthetic_cohort -- 10000 > cohort-10000.json
//!
//! Every nominal is a clone of one of the demo cohort's twelve (so risk, custody, order dates and
//! contact history vary the same way), with:
//! - an opaque id "N-00001"…, orders "O-00001"…, court references "TS00000001"…;
//! - an invented name that is obviously not a person's: a given name made of syllables and a
//!   family name "Testington-0001", "Sampleworth-0002"… (the number is the nominal's);
//! - phone numbers only from Ofcom's drama range, 07700 900000–900999, and "Example Row" addresses;
//! - three conditions each (one with a notification duty), to keep the import quick.
//!
//! The file passes `Cohort::validate()` (checked here; the example fails otherwise).

use std::collections::HashMap;

use scpo_field::domain::cohort::demo::demo_cohort;
use scpo_field::domain::{Cohort, CustodyStatus};

/// Family-name stems. Each gets the nominal's number appended, so none reads as a real name.
const STEMS: [&str; 8] = [
    "Testington",
    "Sampleworth",
    "Mockingham",
    "Fixtureby",
    "Placeholme",
    "Dummyford",
    "Synthby",
    "Exampleton",
];
const FIRST: [&str; 10] = [
    "Ka", "Lo", "Mi", "Ren", "Tas", "Vo", "Zel", "Bri", "Dar", "Fen",
];
const SECOND: [&str; 7] = ["a", "o", "in", "el", "ia", "us", "en"];

fn given_name(i: usize) -> String {
    let a = FIRST[i % FIRST.len()];
    let b = FIRST[(i / FIRST.len()) % FIRST.len()].to_lowercase();
    let c = SECOND[(i / 7) % SECOND.len()];
    format!("{a}{b}{c}")
}

fn synthetic_cohort(count: usize) -> Cohort {
    // Today in UTC (the library without its `app` feature has no local clock): at most an hour
    // off the UK date, and only around midnight in summer.
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let today = chrono::DateTime::from_timestamp(secs, 0)
        .expect("the clock is within chrono's range")
        .date_naive();
    let demo = demo_cohort(today);
    let mut out = Cohort {
        nominals: vec![],
        orders: vec![],
        conditions: vec![],
        contact_plans: vec![],
        contacts: vec![],
        notifications: vec![],
        briefings: vec![],
        breach_reports: vec![],
        // The demo's schedules name its orders, which are not copied.
        schedules: vec![],
        ..demo.clone()
    };
    let order_of: HashMap<&str, _> = demo
        .orders
        .iter()
        .map(|o| (o.nominal_id.as_str(), o))
        .collect();
    for i in 1..=count {
        let template = &demo.nominals[(i - 1) % demo.nominals.len()];
        let id = format!("N-{i:05}");
        let order_id = format!("O-{i:05}");

        let mut n = template.clone();
        n.id = id.clone();
        n.given_name = given_name(i);
        n.family_name = format!("{}-{i:04}", STEMS[i % STEMS.len()]);
        n.aliases = if i % 3 == 0 {
            vec![format!("{} {i}", &n.given_name[..2])]
        } else {
            vec![]
        };
        n.address = Some(format!("{} Example Row, Testford", i % 200 + 1));
        n.phone = Some(format!("07700 900{:03}", i % 1000));
        if let CustodyStatus::OnLicence { probation, .. } = &mut n.custody {
            probation.name = format!("Probation Practitioner {}", i % 40 + 1);
            probation.phone = Some(format!("07700 900{:03}", (i + 500) % 1000));
        }
        out.nominals.push(n);

        let template_order = order_of[template.id.as_str()];
        // Same dates as the template's order: valid by construction.
        let mut order = template_order.clone();
        order.id = order_id.clone();
        // Its three conditions are renamed below; the demo's variation names the template's.
        order.variations.clear();
        order.nominal_id = id.clone();
        order.court_reference = format!("TS{i:08}");
        out.orders.push(order);

        // Three conditions: two prohibitions and one notification duty, rotating.
        // The provisions as granted (not those a variation added).
        let template_conditions: Vec<_> = demo
            .conditions_of(&template_order.id)
            .into_iter()
            .filter(|c| c.replaces.is_none())
            .collect();
        let with_duty: Vec<_> = template_conditions
            .iter()
            .filter(|c| c.notification.is_some())
            .collect();
        let without: Vec<_> = template_conditions
            .iter()
            .filter(|c| c.notification.is_none())
            .collect();
        let picks = [
            without[i % without.len()],
            without[(i + 1) % without.len()],
            with_duty[i % with_duty.len()],
        ];
        for (k, template_condition) in picks.into_iter().enumerate() {
            let mut c = (*template_condition).clone();
            c.id = format!("C-{i:05}-{}", k + 1);
            c.order_id = order_id.clone();
            c.replaces = None;
            out.conditions.push(c);
        }

        if let Some(plan) = demo.plan_for(&template.id) {
            let mut plan = plan.clone();
            plan.nominal_id = id.clone();
            out.contact_plans.push(plan);
        }
        for (k, mut contact) in demo.contacts_of(&template.id).into_iter().enumerate() {
            contact.id = format!("K-{i:05}-{k}");
            contact.nominal_id = id.clone();
            out.contacts.push(contact);
        }
    }
    out
}

fn main() {
    let count = match std::env::args().nth(1) {
        None => 10_000,
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("usage: synthetic_cohort [number of nominals, default 10000]");
            std::process::exit(2);
        }),
    };
    let cohort = synthetic_cohort(count);
    let problems = cohort.validate();
    if let Some(first) = problems.first() {
        eprintln!(
            "synthetic cohort is invalid ({} problems), first: {first}",
            problems.len()
        );
        std::process::exit(1);
    }
    // Compact JSON (Cohort::to_json is pretty-printed, three times the size at 10,000 nominals).
    println!(
        "{}",
        serde_json::to_string(&cohort).expect("a cohort always serialises")
    );
    eprintln!(
        "synthetic cohort: {} nominals, {} orders, {} conditions, {} contacts",
        cohort.nominals.len(),
        cohort.orders.len(),
        cohort.conditions.len(),
        cohort.contacts.len()
    );
}
