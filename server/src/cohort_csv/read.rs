//! The three files' rows as the domain's records: nominals (and their contact plans), orders
//! and provisions. Only what a cell says is judged here (a date, a choice, a number); the
//! records are judged together by the domain's cohort checks afterwards.

use chrono::NaiveDate;
use scpo_field::domain::people::nominal::ProbationContact;
use scpo_field::domain::{
    Cohort, Condition, ContactPlan, CustodyStatus, Nominal, OfficerRef, Order, RiskRating,
};
use serde::Serialize;

use super::cells::{rows, Cells};
use super::read_orders::{order, provision};
use super::{CsvFiles, Located, NOMINALS, NOMINAL_COLUMNS, ORDERS, ORDER_COLUMNS};
use super::{PROVISIONS, PROVISION_COLUMNS};

/// The records the files hold, each with its row.
#[derive(Default)]
pub struct Read {
    pub nominals: Vec<(usize, Nominal)>,
    pub plans: Vec<(usize, ContactPlan)>,
    pub orders: Vec<(usize, Order)>,
    pub conditions: Vec<(usize, Condition)>,
}

/// Where a nominal stands, as the `custody` column says it.
#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    InCustody,
    OnLicence,
    LicenceEnded,
    InCommunity,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Self::InCustody,
        Self::OnLicence,
        Self::LicenceEnded,
        Self::InCommunity,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::InCustody => "In custody",
            Self::OnLicence => "On licence",
            Self::LicenceEnded => "Licence ended",
            Self::InCommunity => "In the community",
        }
    }
}

pub fn read(files: &CsvFiles, held: &Cohort, problems: &mut Vec<Located>) -> Read {
    let mut out = Read::default();
    for row in rows(NOMINALS, &files.nominals, &NOMINAL_COLUMNS, problems) {
        let mut c = Cells {
            file: NOMINALS,
            columns: &NOMINAL_COLUMNS,
            row: &row,
            problems,
        };
        let (n, plan) = nominal(&mut c);
        if let Some(n) = n {
            out.nominals.push((row.number, n));
        }
        if let Some(p) = plan {
            out.plans.push((row.number, p));
        }
    }
    for row in rows(ORDERS, &files.orders, &ORDER_COLUMNS, problems) {
        let mut c = Cells {
            file: ORDERS,
            columns: &ORDER_COLUMNS,
            row: &row,
            problems,
        };
        if let Some(o) = order(&mut c, held) {
            out.orders.push((row.number, o));
        }
    }
    for row in rows(PROVISIONS, &files.provisions, &PROVISION_COLUMNS, problems) {
        let mut c = Cells {
            file: PROVISIONS,
            columns: &PROVISION_COLUMNS,
            row: &row,
            problems,
        };
        if let Some(k) = provision(&mut c, &out.orders, held) {
            out.conditions.push((row.number, k));
        }
    }
    out
}

fn nominal(c: &mut Cells) -> (Option<Nominal>, Option<ContactPlan>) {
    let id = c.word("nominal_id").to_string();
    if id.is_empty() {
        c.problem(
            "nominal_id",
            "is empty: give the nominal's id in your unit (never a name or PNC number)",
        );
    }
    let given_name = c.required("given_name");
    let family_name = c.required("family_name");
    let aliases = super::aliases::split(c.raw("aliases"));
    let date_of_birth = c.date("date_of_birth");
    let risk = c.choice("risk", &RiskRating::ALL, RiskRating::label);
    let risk_reviewed_on = c.date("risk_reviewed_on");
    let om_id = c.word("offender_manager_id").to_string();
    if om_id.is_empty() {
        c.problem("offender_manager_id", "is empty");
    }
    let om_name = c.required("offender_manager_name");
    let custody = custody(c);
    let plan = plan(c, &id);
    let n = (|| {
        Some(Nominal {
            id: id.clone(),
            given_name,
            family_name,
            aliases,
            date_of_birth: date_of_birth?,
            risk: risk?,
            risk_reviewed_on: risk_reviewed_on?,
            offender_manager: OfficerRef {
                id: om_id,
                name: om_name,
            },
            custody: custody?,
            address: c.optional("address"),
            phone: c.optional("phone"),
        })
    })();
    (n, plan)
}

fn custody(c: &mut Cells) -> Option<CustodyStatus> {
    let kind = c.choice("custody", &Standing::ALL, Standing::label)?;
    let release = c.date("release_date");
    let licence_end = |c: &mut Cells| c.date("licence_end");
    Some(match kind {
        Standing::InCustody => CustodyStatus::InCustody {
            expected_release: release?,
            recall: None,
        },
        Standing::InCommunity => CustodyStatus::InCommunity {
            since: release?,
            recall: None,
        },
        Standing::LicenceEnded => CustodyStatus::LicenceEnded {
            licence_ended: licence_end(c)?,
            released_on: release?,
            recall: None,
        },
        Standing::OnLicence => {
            let licence_ends = licence_end(c);
            let name = c.raw("probation_name").to_string();
            if name.trim().is_empty() {
                c.problem(
                    "probation_name",
                    "is empty: a nominal on licence has a probation contact",
                );
            }
            CustodyStatus::OnLicence {
                released_on: release?,
                licence_ends: licence_ends?,
                probation: ProbationContact {
                    name,
                    phone: c.optional("probation_phone"),
                    email: c.optional("probation_email"),
                },
                recall: None,
            }
        }
    })
}

/// The contact plan in the last three columns: all three, or none.
fn plan(c: &mut Cells, nominal_id: &str) -> Option<ContactPlan> {
    let cols = [
        "contact_every_days",
        "contact_agreed_by",
        "contact_agreed_on",
    ];
    let given: Vec<bool> = cols.iter().map(|k| !c.word(k).is_empty()).collect();
    if !given.contains(&true) {
        return None;
    }
    for (k, g) in cols.iter().zip(&given) {
        if !g {
            c.problem(
                k,
                "is empty: a contact plan needs how often, who agreed it and when",
            );
        }
    }
    let every_days = c.optional_number("contact_every_days", 1, 365);
    let agreed_on = c.optional_date("contact_agreed_on");
    Some(ContactPlan {
        nominal_id: nominal_id.to_string(),
        every_days: every_days?,
        agreed_by: c.optional("contact_agreed_by")?,
        agreed_on: agreed_on?,
    })
}

/// A date as the files write it.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
