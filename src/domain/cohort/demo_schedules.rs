//! The demo cohort's schedules (see `demo.rs`): every name, address and registration invented.

use chrono::NaiveDate;

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::order::schedule::{Schedule, SchedulePerson, SchedulePremises, ScheduleVehicle};

/// N-0008's order names its schedules: Schedule 1, two people and a vehicle no contact is
/// allowed with (provision C-0008-04), and Schedule 2, premises to keep out of (C-0008-06).
/// All invented.
pub(super) fn add_schedules(c: &mut Cohort) {
    let person =
        |name: &str, aliases: &[&str], born: Option<NaiveDate>, description: &str| SchedulePerson {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            date_of_birth: born,
            description: description.into(),
        };
    let schedule = |n: u32, condition: &str| Schedule {
        id: format!("S-0008-{n}"),
        order_id: "O-0008".into(),
        number: format!("Schedule {n}"),
        condition_ids: vec![condition.into()],
        people: vec![],
        premises: vec![],
        vehicles: vec![],
        starts: None,
        ends: None,
        replaces: None,
    };
    c.schedules.push(Schedule {
        people: vec![
            person(
                "Alder VANCE",
                &["Ally V"],
                NaiveDate::from_ymd_opt(1986, 3, 14),
                "Former co-defendant; tall, shaved head, scar on left hand.",
            ),
            person(
                "Merewen THORNBURY",
                &[],
                None,
                "Runs the cash side of the former business.",
            ),
        ],
        vehicles: vec![ScheduleVehicle {
            registration: "QX71 ZTV".into(),
            make: "Ford Transit".into(),
            colour: "Grey".into(),
        }],
        ..schedule(1, "C-0008-04")
    });
    c.schedules.push(Schedule {
        premises: vec![SchedulePremises {
            address: "Unit 4, Cobble Yard, Testford".into(),
            description: "Hand car wash and the office behind it.".into(),
        }],
        ..schedule(2, "C-0008-06")
    });
}
