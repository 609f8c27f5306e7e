//! The synthetic demo cohort that ships with the app. Every name, address and phone number is
//! invented (phone numbers are from Ofcom's range reserved for drama, 07700 900000–900999).
//! All dates are relative to the day the cohort is built, so the demo never goes stale.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::breach::report::{
    gather_facts, recommend, Admission, BreachReport, EnforcementDecision, Evidence, EvidenceKind,
    History, IntelligenceAssessment, Said,
};
use crate::domain::cohort::aggregate::{Cohort, FORMAT, VERSION};
use crate::domain::field::contact::{Contact, ContactKind, ContactOutcome, ContactPlan};
use crate::domain::field::notification::{Notification, NotificationKind};
use crate::domain::order::condition::{Condition, Deadline, NotificationDuty, ProvisionFamily};
use crate::domain::order::scpo::{
    Bound, Order, OrderStage, ServiceMethod, Variation, VariationKind,
};
use crate::domain::people::nominal::{
    CustodyStatus, Nominal, OfficerRef, ProbationContact, RiskRating,
};

#[path = "demo_schedules.rs"]
mod schedules;

/// The demo officer. Synthetic.
pub fn demo_officer() -> OfficerRef {
    OfficerRef {
        id: "PC-DEMO-01".into(),
        name: "PC Demo Officer".into(),
    }
}

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days as u64)
    } else {
        d - Days::new((-days) as u64)
    }
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time"))
}

/// How one demo nominal differs from the rest.
struct Spec {
    given: &'static str,
    family: &'static str,
    aliases: &'static [&'static str],
    born_years_ago: u32,
    risk: RiskRating,
    /// Release relative to today (negative: in the past).
    released: i64,
    /// Licence end relative to today, when on licence; `None` with a past release: licence ended.
    licence_ends: Option<i64>,
    /// Order end relative to today.
    order_ends: i64,
    every_days: u32,
    /// Last seen contact relative to today, if any.
    last_seen: Option<i64>,
    mirrored: bool,
}

#[rustfmt::skip]
const SPECS: [Spec; 12] = [
    // 1. Released today: the release-day briefing is due.
    Spec { given: "Corvin", family: "Ashdale", aliases: &["Corv"], born_years_ago: 34, risk: RiskRating::High, released: 0, licence_ends: Some(540), order_ends: 1820, every_days: 7, last_seen: None, mirrored: true },
    // 2. On licence, mirrored conditions, one earlier breach: a second breach means recall.
    Spec { given: "Delphine", family: "Marrowby", aliases: &["Del", "Dee Marrow"], born_years_ago: 41, risk: RiskRating::VeryHigh, released: -200, licence_ends: Some(165), order_ends: 1600, every_days: 14, last_seen: Some(-6), mirrored: true },
    // 3. Order ends within 90 days.
    Spec { given: "Osric", family: "Pellow", aliases: &[], born_years_ago: 52, risk: RiskRating::Low, released: -1760, licence_ends: None, order_ends: 60, every_days: 28, last_seen: Some(-10), mirrored: false },
    // 4. Contact overdue.
    Spec { given: "Tamsin", family: "Greave", aliases: &["Tam"], born_years_ago: 29, risk: RiskRating::High, released: -90, licence_ends: Some(275), order_ends: 1730, every_days: 14, last_seen: Some(-20), mirrored: true },
    // 5. Notification outstanding (a new phone police know of, not yet notified).
    Spec { given: "Wystan", family: "Colbeck", aliases: &["Wiz"], born_years_ago: 37, risk: RiskRating::Medium, released: -400, licence_ends: Some(-35), order_ends: 1420, every_days: 21, last_seen: Some(-4), mirrored: true },
    // 6. In custody, released this week.
    Spec { given: "Ianthe", family: "Blackmore-Vey", aliases: &[], born_years_ago: 45, risk: RiskRating::VeryHigh, released: 4, licence_ends: Some(730), order_ends: 1830, every_days: 7, last_seen: None, mirrored: true },
    // 7. Licence ended; order live; low risk.
    Spec { given: "Benedikt", family: "Oarsby", aliases: &["Ben O"], born_years_ago: 58, risk: RiskRating::Low, released: -1100, licence_ends: None, order_ends: 700, every_days: 56, last_seen: Some(-30), mirrored: false },
    // 8. Very high risk, intelligence on file; on licence.
    Spec { given: "Rosalind", family: "Quarrie", aliases: &["Roz", "Rosa Q"], born_years_ago: 39, risk: RiskRating::VeryHigh, released: -60, licence_ends: Some(300), order_ends: 1760, every_days: 7, last_seen: Some(-3), mirrored: true },
    // 9. In custody, release in 40 days.
    Spec { given: "Fenwick", family: "Tolland", aliases: &[], born_years_ago: 31, risk: RiskRating::Medium, released: 40, licence_ends: Some(400), order_ends: 1860, every_days: 14, last_seen: None, mirrored: false },
    // 10. Contact due today.
    Spec { given: "Marisol", family: "Hedgecombe", aliases: &["Mari"], born_years_ago: 27, risk: RiskRating::Medium, released: -150, licence_ends: Some(215), order_ends: 1670, every_days: 14, last_seen: Some(-14), mirrored: true },
    // 11. Late notification in history (vehicle notified after 3 days).
    Spec { given: "Leofric", family: "Dunmere", aliases: &["Leo"], born_years_ago: 48, risk: RiskRating::High, released: -300, licence_ends: Some(65), order_ends: 1520, every_days: 14, last_seen: Some(-9), mirrored: false },
    // 12. Settled, low risk, not on licence.
    Spec { given: "Petronel", family: "Saxby", aliases: &[], born_years_ago: 63, risk: RiskRating::Low, released: -900, licence_ends: None, order_ends: 900, every_days: 28, last_seen: Some(-12), mirrored: false },
];

/// The conditions every demo order carries, as (family, verbatim, summary, duty).
fn condition_texts() -> Vec<(
    ProvisionFamily,
    &'static str,
    &'static str,
    Option<NotificationDuty>,
)> {
    use Deadline::*;
    use NotificationKind as K;
    let duty = |kind, deadline| Some(NotificationDuty { kind, deadline });
    vec![
        (ProvisionFamily::FinancialPropertyBusiness,
         "The defendant shall not hold or have access to cash exceeding £1,000, save in an account declared under paragraph 7 of this order.",
         "No more than £1,000 in cash outside a declared account.", None),
        (ProvisionFamily::NotificationRequirements,
         "The defendant shall notify the police officer in charge of any bank, building society or other financial account held or used by the defendant within 3 days of it being opened or first used.",
         "Tell police about any bank account within 3 days.", duty(K::BankAccount, WithinDaysAfter { days: 3 })),
        (ProvisionFamily::WorkingArrangements,
         "The defendant shall notify the police officer in charge of any employment, paid or unpaid, within 3 days of it starting, giving the name and address of the employer.",
         "Tell police about any job within 3 days.", duty(K::Employment, WithinDaysAfter { days: 3 })),
        (ProvisionFamily::AssociationsCommunications,
         "The defendant shall not associate or communicate, by any means whatsoever, directly or indirectly, with any person named in Schedule 1 to this order.",
         "No contact of any kind with the people in Schedule 1.", None),
        (ProvisionFamily::AssociationsCommunications,
         "The defendant shall not possess or use more than one mobile telephone or SIM card, and shall notify the police officer in charge of the number and handset identity of any mobile telephone within 3 days of acquiring it.",
         "One phone only; tell police about any phone or SIM within 3 days.", duty(K::NewPhone, WithinDaysAfter { days: 3 })),
        (ProvisionFamily::Premises,
         "The defendant shall not enter any premises listed in Schedule 2 to this order, save in an emergency.",
         "Keep out of the premises in Schedule 2.", None),
        (ProvisionFamily::UseOfItems,
         "The defendant shall not possess or use any device capable of encrypted messaging other than the declared mobile telephone.",
         "No encrypted-messaging devices besides the declared phone.", None),
        (ProvisionFamily::NotificationRequirements,
         "The defendant shall notify the police officer in charge of the registration number of any motor vehicle used by the defendant within 3 days of first use.",
         "Tell police about any vehicle used within 3 days.", duty(K::Vehicle, WithinDaysAfter { days: 3 })),
        (ProvisionFamily::NotificationRequirements,
         "The defendant shall notify the police officer in charge of any change of residential address within 3 days of the change.",
         "Tell police about a change of address within 3 days.", duty(K::Address, WithinDaysAfter { days: 3 })),
        (ProvisionFamily::Travel,
         "The defendant shall not travel outside the United Kingdom without giving the police officer in charge at least 7 days' written notice of the destination and dates of travel.",
         "Ask police at least 7 clear days before any travel abroad (the day you ask and the day you go do not count).", duty(K::TravelRequest, DaysBefore { days: 7 })),
    ]
}

/// The demo cohort as it stands on `today`.
pub fn demo_cohort(today: NaiveDate) -> Cohort {
    let officer = demo_officer();
    let mut c = Cohort {
        format: FORMAT.into(),
        version: VERSION,
        ..Cohort::empty(officer.clone())
    };
    for (i, s) in SPECS.iter().enumerate() {
        let n = i + 1;
        let id = format!("N-{n:04}");
        let order_id = format!("O-{n:04}");
        let released = plus(today, s.released);
        let custody = match s.licence_ends {
            _ if s.released > 0 => CustodyStatus::InCustody {
                expected_release: released,
                recall: None,
            },
            Some(ends) => CustodyStatus::OnLicence {
                released_on: released,
                licence_ends: plus(today, ends),
                probation: ProbationContact {
                    name: format!("Probation Practitioner {n}"),
                    phone: Some(format!("07700 900{:03}", 500 + n)),
                    email: Some(format!("probation.practitioner{n}@example.org")),
                },
                recall: None,
            },
            None => CustodyStatus::LicenceEnded {
                released_on: released,
                licence_ended: plus(released, 365),
                recall: None,
            },
        };
        c.nominals.push(Nominal {
            id: id.clone(),
            given_name: s.given.into(),
            family_name: s.family.into(),
            aliases: s.aliases.iter().map(|a| a.to_string()).collect(),
            date_of_birth: plus(today, -(37 * n as i64)).with_year_back(s.born_years_ago),
            risk: s.risk,
            risk_reviewed_on: plus(today, -(15 * n as i64)),
            offender_manager: officer.clone(),
            custody,
            address: Some(format!("{} Example Row, Testford", 10 + n)),
            phone: Some(format!("07700 900{:03}", 100 + n)),
        });
        c.orders.push(Order {
            id: order_id.clone(),
            nominal_id: id.clone(),
            court_reference: format!("T2{:07}", 4_000_100 + n),
            court: "Crown Court at Testford".into(),
            stage: OrderStage::Granted {
                date_granted: plus(released.min(today), -400),
                comes_into_force: Some(released),
                ends: plus(today, s.order_ends).min(
                    crate::domain::order::scpo::Order::latest_lawful_end(released),
                ),
            },
            variations: vec![],
            bound: None,
        });
        // Each nominal has every condition but one, so the families differ a little.
        for (k, (family, verbatim, summary, duty)) in condition_texts().into_iter().enumerate() {
            if k == n % 10 && n % 3 == 0 {
                continue;
            }
            c.conditions.push(Condition {
                id: format!("C-{n:04}-{:02}", k + 1),
                order_id: order_id.clone(),
                family,
                verbatim: verbatim.into(),
                summary: summary.into(),
                starts: None,
                ends: None,
                mirrored_in_licence: s.mirrored && (k % 2 == 0 || duty.is_some()),
                notification: duty,
                replaces: None,
            });
        }
        c.contact_plans.push(ContactPlan {
            nominal_id: id.clone(),
            every_days: s.every_days,
            agreed_by: "DS Demo Supervisor".into(),
            agreed_on: plus(released.min(today), -7),
        });
        if let Some(seen) = s.last_seen {
            for (j, back) in [seen - i64::from(s.every_days), seen]
                .into_iter()
                .enumerate()
            {
                if plus(today, back) < released {
                    continue;
                }
                c.contacts.push(Contact {
                    id: format!("K-{n:04}-{j}"),
                    nominal_id: id.clone(),
                    kind: if j == 0 {
                        ContactKind::OfficeReport
                    } else {
                        ContactKind::HomeVisit
                    },
                    at: at(plus(today, back), 10 + j as u32, 15),
                    seen: true,
                    outcome: ContactOutcome::NoConcerns,
                    notes: String::new(),
                    officer_id: officer.id.clone(),
                    corrects: None,
                });
            }
        }
    }
    add_history(&mut c, today);
    add_variation(&mut c, today);
    add_bound(&mut c);
    schedules::add_schedules(&mut c);
    c
}

/// How some demo nominals are bound by their order (s.10): N-0002 was served in person on the
/// day of release, N-0007 was represented at the hearing. The others have no record, so the
/// evidence pack shows that gap.
fn add_bound(c: &mut Cohort) {
    let released = |id: &str| c.nominal(id).map(|n| n.custody.release_date());
    let served_on = released("N-0002").expect("demo nominal");
    for o in &mut c.orders {
        match o.id.as_str() {
            "O-0002" => {
                o.bound = Some(Bound::Served {
                    served_on,
                    method: ServiceMethod::InPerson,
                    served_by: "PC Demo Officer".into(),
                })
            }
            "O-0007" => o.bound = Some(Bound::Represented),
            _ => {}
        }
    }
}

/// N-0007: the court varied the order 200 days ago, lowering the cash limit. The old provision
/// is kept (it was the wording in force before), ended by the variation; the new one replaces
/// it from the day the variation took effect.
fn add_variation(c: &mut Cohort, today: NaiveDate) {
    let from = plus(today, -200);
    let Some(order) = c.orders.iter_mut().find(|o| o.id == "O-0007") else {
        return;
    };
    order.variations.push(Variation {
        id: "V-0007-1".into(),
        kind: VariationKind::Variation,
        made_on: plus(from, -14),
        takes_effect: from,
        court: "Crown Court at Testford".into(),
        summary: "Cash limit lowered from £1,000 to £500 on the application of the police".into(),
        new_end: None,
        conditions_ended: vec!["C-0007-01".into()],
        conditions_added: vec!["C-0007-11".into()],
    });
    c.conditions.push(Condition {
        id: "C-0007-11".into(),
        order_id: "O-0007".into(),
        family: ProvisionFamily::FinancialPropertyBusiness,
        verbatim: "The defendant shall not hold or have access to cash exceeding £500, save in an account declared under paragraph 7 of this order.".into(),
        summary: "No more than £500 in cash outside a declared account.".into(),
        starts: None,
        ends: None,
        mirrored_in_licence: false,
        notification: None,
        replaces: Some("C-0007-01".into()),
    });
}

/// Notifications and breaches that make the demo show each case.
fn add_history(c: &mut Cohort, today: NaiveDate) {
    let officer = c.officer.clone();
    // N-0005: a new phone seen at a visit 6 days ago, not yet notified: overdue.
    c.notifications.push(Notification {
        id: "NT-0005-1".into(),
        nominal_id: "N-0005".into(),
        condition_id: Some("C-0005-05".into()),
        kind: NotificationKind::NewPhone,
        details: "Second handset seen at home visit; number not yet given".into(),
        event_on: plus(today, -6),
        notified_on: None,
        recorded_at: at(plus(today, -4), 11, 0),
        officer_id: officer.id.clone(),
        corrects: None,
    });
    // N-0011: a vehicle notified 5 days after first use: late.
    c.notifications.push(Notification {
        id: "NT-0011-1".into(),
        nominal_id: "N-0011".into(),
        condition_id: Some("C-0011-08".into()),
        kind: NotificationKind::Vehicle,
        details: "Grey hatchback, registration ZZ11 ZZZ".into(),
        event_on: plus(today, -40),
        notified_on: Some(plus(today, -35)),
        recorded_at: at(plus(today, -35), 9, 30),
        officer_id: officer.id.clone(),
        corrects: None,
    });
    // N-0002: one earlier breach of a mirrored condition, so a second one means recall.
    let cond = c.condition("C-0002-05").cloned().expect("demo condition");
    let nominal = c.nominal("N-0002").cloned().expect("demo nominal");
    let on = plus(today, -70);
    let facts = gather_facts(
        &nominal.custody,
        "O-0002",
        &[&cond],
        History::default(),
        on,
        on,
        Said::intelligence(IntelligenceAssessment::None),
    );
    c.breach_reports.push(BreachReport {
        id: "BR-0002-1".into(),
        reference: crate::domain::common::reference::next_reference(
            &officer.name,
            crate::domain::common::reference::BREACH_REPORT,
            chrono::Datelike::year(&on),
            [],
        ),
        date_only: false,
        nominal_id: "N-0002".into(),
        order_id: "O-0002".into(),
        condition_ids: vec![cond.id.clone()],
        occurred_at: at(on, 14, 20),
        location: "Home address".into(),
        what_was_seen: "Undeclared second mobile phone found in the kitchen drawer.".into(),
        explanation: None,
        evidence: vec![Evidence {
            kind: EvidenceKind::Phone,
            description: "Black handset, no SIM".into(),
            reference: "EXH-DEMO-001".into(),
        }],
        admission: Admission::Admits,
        caution_bar_stated: false,
        intelligence: IntelligenceAssessment::None,
        decision: EnforcementDecision::accept(recommend(&facts)),
        officer_id: officer.id.clone(),
        officer_name: officer.name.clone(),
        recorded_at: at(on, 16, 0),
        corrects: None,
    });
}

trait YearsBack {
    fn with_year_back(self, years: u32) -> NaiveDate;
}

impl YearsBack for NaiveDate {
    /// A birthday `years` before this date's year, on the same day of the year where it exists.
    fn with_year_back(self, years: u32) -> NaiveDate {
        self.checked_sub_months(chrono::Months::new(years * 12))
            .unwrap_or(self)
    }
}

#[cfg(test)]
#[path = "demo_tests.rs"]
mod tests;
