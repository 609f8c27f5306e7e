//! The three files written from a cohort (an export, or the templates from a synthetic
//! example), every line through the server's one CSV writer ([`crate::csv::line`]), so a cell
//! a spreadsheet would run as a formula is written as text and reads back as it was.

use chrono::NaiveDate;
use scpo_field::domain::order::bound::{Bound, ServiceMethod};
use scpo_field::domain::people::nominal::ProbationContact;
use scpo_field::domain::{
    Cohort, Condition, ContactPlan, CustodyStatus, Deadline, Nominal, NotificationDuty,
    NotificationKind, OfficerRef, Order, OrderStage, ProvisionFamily, RiskRating,
};

use super::read::iso;
use super::{NOMINAL_COLUMNS, ORDER_COLUMNS, PROVISION_COLUMNS};

/// Lines joined with CRLF (RFC 4180), one after each.
fn file(header: &[&str], lines: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = crate::csv::line(header);
    out.push_str("\r\n");
    for cells in lines {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        out.push_str(&crate::csv::line(&cells));
        out.push_str("\r\n");
    }
    out
}

/// The cohort format's name of a value (`very_high`).
fn name<T: serde::Serialize>(t: T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(iso).unwrap_or_default()
}

pub fn nominals_csv(c: &Cohort) -> String {
    let lines = c.nominals.iter().map(|n| {
        let (kind, release, end, probation) = match &n.custody {
            CustodyStatus::InCustody {
                expected_release, ..
            } => ("in_custody", *expected_release, None, None),
            CustodyStatus::OnLicence {
                released_on,
                licence_ends,
                probation,
                ..
            } => (
                "on_licence",
                *released_on,
                Some(*licence_ends),
                Some(probation),
            ),
            CustodyStatus::LicenceEnded {
                released_on,
                licence_ended,
                ..
            } => ("licence_ended", *released_on, Some(*licence_ended), None),
            CustodyStatus::InCommunity { since, .. } => ("in_community", *since, None, None),
        };
        let plan = c.plan_for(&n.id);
        let p =
            |f: fn(&ProbationContact) -> Option<String>| probation.and_then(f).unwrap_or_default();
        vec![
            n.id.clone(),
            n.given_name.clone(),
            n.family_name.clone(),
            super::aliases::join(&n.aliases),
            iso(n.date_of_birth),
            name(n.risk),
            iso(n.risk_reviewed_on),
            n.offender_manager.id.clone(),
            n.offender_manager.name.clone(),
            n.address.clone().unwrap_or_default(),
            n.phone.clone().unwrap_or_default(),
            kind.to_string(),
            iso(release),
            day(end),
            p(|x| Some(x.name.clone())),
            p(|x| x.phone.clone()),
            p(|x| x.email.clone()),
            plan.map(|x| x.every_days.to_string()).unwrap_or_default(),
            plan.map(|x| x.agreed_by.clone()).unwrap_or_default(),
            day(plan.map(|x| x.agreed_on)),
        ]
    });
    file(&NOMINAL_COLUMNS, lines)
}

pub fn orders_csv(c: &Cohort) -> String {
    let lines = c.orders.iter().map(|o| {
        let (granted, in_force, ends, discharged) = match &o.stage {
            OrderStage::Granted {
                date_granted,
                comes_into_force,
                ends,
            } => (Some(*date_granted), *comes_into_force, Some(*ends), None),
            OrderStage::Discharged {
                date_granted,
                comes_into_force,
                ends,
                discharged_on,
            } => (
                Some(*date_granted),
                *comes_into_force,
                Some(*ends),
                Some(*discharged_on),
            ),
            // Not yet made: nothing to say of its dates (the files carry made orders).
            OrderStage::Drafted | OrderStage::AwaitingCourt => (None, None, None, None),
        };
        let in_force = match (granted, in_force) {
            (Some(_), None) => "on release".to_string(),
            (_, d) => day(d),
        };
        let (bound, served_on, method, by) = match &o.bound {
            None => ("", String::new(), String::new(), String::new()),
            Some(Bound::Represented) => {
                ("represented", String::new(), String::new(), String::new())
            }
            Some(Bound::Served {
                served_on,
                method,
                served_by,
            }) => ("served", iso(*served_on), name(*method), served_by.clone()),
        };
        vec![
            o.id.clone(),
            o.nominal_id.clone(),
            o.court.clone(),
            o.court_reference.clone(),
            day(granted),
            in_force,
            day(ends),
            day(discharged),
            bound.to_string(),
            served_on,
            method,
            by,
        ]
    });
    file(&ORDER_COLUMNS, lines)
}

pub fn provisions_csv(c: &Cohort) -> String {
    let lines = c.conditions.iter().map(|k| {
        let order = c.orders.iter().find(|o| o.id == k.order_id);
        // By its court reference when that names one order, else by the order's id.
        let reference = match order {
            Some(o)
                if c.orders
                    .iter()
                    .filter(|x| x.court_reference == o.court_reference)
                    .count()
                    == 1 =>
            {
                o.court_reference.clone()
            }
            _ => k.order_id.clone(),
        };
        let number = c
            .conditions
            .iter()
            .filter(|x| x.order_id == k.order_id)
            .position(|x| x.id == k.id)
            .map_or(0, |i| i.saturating_add(1));
        let (kind, days, when) = match &k.notification {
            None => (String::new(), String::new(), ""),
            Some(d) => {
                let when = match d.deadline {
                    Deadline::WithinDaysAfter { .. } => "after",
                    Deadline::DaysBefore { .. } => "before",
                };
                (name(d.kind), d.deadline.days().to_string(), when)
            }
        };
        vec![
            reference,
            number.to_string(),
            k.id.clone(),
            name(k.family),
            k.verbatim.clone(),
            k.summary.clone(),
            if k.mirrored_in_licence { "yes" } else { "no" }.to_string(),
            day(k.starts),
            day(k.ends),
            kind,
            days,
            when.to_string(),
            k.replaces.clone().unwrap_or_default(),
        ]
    });
    file(&PROVISION_COLUMNS, lines)
}

/// The three templates: the header row and one example line each, of an invented person.
pub fn templates() -> [String; 3] {
    let c = example();
    [nominals_csv(&c), orders_csv(&c), provisions_csv(&c)]
}

#[allow(clippy::expect_used)]
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a fixed calendar date")
}

/// An invented nominal on licence, their order and one provision with a notification duty.
fn example() -> Cohort {
    let officer = OfficerRef {
        id: "PC-0001".into(),
        name: "PC Example Officer".into(),
    };
    let mut c = Cohort::empty(officer.clone());
    c.nominals.push(Nominal {
        id: "N-0001".into(),
        given_name: "Alex".into(),
        family_name: "Example".into(),
        aliases: vec!["Lex".into(), "A. Sample".into()],
        date_of_birth: ymd(1985, 3, 14),
        risk: RiskRating::High,
        risk_reviewed_on: ymd(2026, 10, 1),
        offender_manager: officer,
        custody: CustodyStatus::OnLicence {
            released_on: ymd(2026, 11, 24),
            licence_ends: ymd(2027, 11, 23),
            probation: ProbationContact {
                name: "Sam Probation".into(),
                phone: Some("07700 900001".into()),
                email: Some("sam.probation@example.org".into()),
            },
            recall: None,
        },
        address: Some("1 Example Street, Testtown, TE1 1ST".into()),
        phone: Some("07700 900002".into()),
    });
    c.contact_plans.push(ContactPlan {
        nominal_id: "N-0001".into(),
        every_days: 14,
        agreed_by: "DS Example Supervisor".into(),
        agreed_on: ymd(2026, 11, 20),
    });
    c.orders.push(Order {
        id: "O-0001".into(),
        nominal_id: "N-0001".into(),
        court_reference: "T20260001".into(),
        court: "Testtown Crown Court".into(),
        stage: OrderStage::Granted {
            date_granted: ymd(2026, 9, 1),
            comes_into_force: Some(ymd(2026, 11, 24)),
            ends: ymd(2031, 11, 23),
        },
        variations: Vec::new(),
        bound: Some(Bound::Served {
            served_on: ymd(2026, 11, 24),
            method: ServiceMethod::InPerson,
            served_by: "PC Example Officer".into(),
        }),
    });
    c.conditions.push(Condition {
        id: "O-0001-01".into(),
        order_id: "O-0001".into(),
        family: ProvisionFamily::UseOfItems,
        verbatim: "The subject must notify the police of any mobile telephone in their possession within 3 days of acquiring it.".into(),
        summary: "Tell police about any new phone within 3 days.".into(),
        starts: None,
        ends: None,
        mirrored_in_licence: false,
        notification: Some(NotificationDuty {
            kind: NotificationKind::NewPhone,
            deadline: Deadline::WithinDaysAfter { days: 3 },
        }),
        replaces: None,
    });
    c
}
