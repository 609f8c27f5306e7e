//! The desk's new-order form (issue 21): the order as the sealed court order gives it (court,
//! reference, date granted, when it comes into force, last day, how the person is bound),
//! turned into the domain's [`Order`], or every problem at its field. The five-year limit is
//! the domain's own ([`Order::check_dates`]); a later end is refused: only an extension while
//! proceedings are pending (s.22E) goes further, and that is a variation.

use chrono::NaiveDate;

use crate::domain::common::id::check_id;
use crate::domain::forms::keep_answers::{
    date_at, problem, sentence, short_text_at, FormAnswers, KeepProblem,
};
use crate::domain::forms::provision_form::from_code;
use crate::domain::order::bound::{Bound, ServiceMethod};
use crate::domain::order::scpo::{Order, OrderDateError, OrderStage};
use crate::domain::time::dates::format_date;

pub const COURT: &str = "court";
pub const REFERENCE: &str = "reference";
pub const GRANTED: &str = "granted";
/// "date" or "on-release".
pub const IN_FORCE: &str = "in-force";
pub const FORCE: &str = "force";
pub const ENDS: &str = "ends";
/// "represented" or "served".
pub const BOUND: &str = "bound";
pub const SERVED: &str = "served";
pub const SERVED_METHOD: &str = "served-method";
pub const SERVED_BY: &str = "served-by";

/// The day it comes into force, when the answers give one.
pub fn comes_into_force(a: &FormAnswers) -> Option<NaiveDate> {
    (a.get(IN_FORCE) == "date")
        .then(|| date_at(a, FORCE, "", "", &mut Vec::new()))
        .flatten()
}

/// The hint on the last-day question: the latest lawful end for the day it comes into force,
/// or that it cannot be judged while release is not fixed.
pub fn last_day_hint(a: &FormAnswers) -> String {
    match comes_into_force(a) {
        Some(cif) => format!(
            "An order may be in force for at most five years: coming into force on {}, its last day can be no later than {}.",
            format_date(cif),
            format_date(Order::latest_lawful_end(cif))
        ),
        None => "It comes into force on release, which is not fixed: the five-year limit is judged once it is. Give the last day the order states.".into(),
    }
}

/// The order the answers give, with the id the server gave it, for `nominal_id`; or every
/// problem at its field. `today`: the court cannot have granted it later than today.
pub fn order_from(
    a: &FormAnswers,
    id: &str,
    nominal_id: &str,
    today: NaiveDate,
) -> Result<Order, Vec<KeepProblem<String>>> {
    let mut p = Vec::new();
    let court = short_text_at(
        a,
        COURT,
        "Enter the court that made the order",
        "The court",
        &mut p,
    );
    let reference = short_text_at(
        a,
        REFERENCE,
        "Enter the court's reference for the order",
        "The reference",
        &mut p,
    );
    let granted = date_at(
        a,
        GRANTED,
        "Enter the date the order was granted",
        "The date granted",
        &mut p,
    );
    if granted.is_some_and(|g| g > today) {
        problem(
            &mut p,
            "granted-day",
            "The date granted must be today or in the past",
        );
    }
    let cif = match a.get(IN_FORCE) {
        "date" => Some(date_at(
            a,
            FORCE,
            "Enter the date the order comes into force",
            "The date it comes into force",
            &mut p,
        )),
        "on-release" => None,
        _ => {
            problem(&mut p, IN_FORCE, "Select when the order comes into force");
            Some(None)
        }
    };
    let ends = date_at(
        a,
        ENDS,
        "Enter the order's last day",
        "The last day",
        &mut p,
    );
    let bound = bound_from(a, granted, &mut p);
    if check_id(id).is_err() {
        problem(
            &mut p,
            COURT,
            "The order could not be given an id: start again",
        );
    }
    let (Some(date_granted), Some(ends)) = (granted, ends) else {
        return Err(p);
    };
    let comes_into_force = match cif {
        Some(Some(d)) => Some(d),
        Some(None) => return Err(p),
        None => None,
    };
    let order = Order {
        id: id.into(),
        nominal_id: nominal_id.into(),
        court_reference: reference,
        court,
        stage: OrderStage::Granted {
            date_granted,
            comes_into_force,
            ends,
        },
        variations: vec![],
        bound,
    };
    if let Err(e) = order.check_dates() {
        let field = if e.field() == "comes_into_force" {
            "force-day"
        } else {
            "ends-day"
        };
        let mut said = sentence(&e.to_string());
        if matches!(e, OrderDateError::LongerThanFiveYears { .. }) {
            said.push_str(". Only an extension while proceedings are pending (s.22E) may go further: record it as a variation of the order");
        }
        problem(&mut p, field, said);
    }
    if p.is_empty() {
        Ok(order)
    } else {
        Err(p)
    }
}

fn bound_from(
    a: &FormAnswers,
    granted: Option<NaiveDate>,
    p: &mut Vec<KeepProblem<String>>,
) -> Option<Bound> {
    match a.get(BOUND) {
        "represented" => Some(Bound::Represented),
        "served" => {
            let on = date_at(
                a,
                SERVED,
                "Enter the date they were served",
                "The date served",
                p,
            );
            if let (Some(on), Some(g)) = (on, granted) {
                if on < g {
                    problem(
                        p,
                        "served-day",
                        "The date served must be the same as or after the date granted",
                    );
                }
            }
            let method: Option<ServiceMethod> = from_code(a.get(SERVED_METHOD));
            if method.is_none() {
                problem(p, SERVED_METHOD, "Select how they were served");
            }
            let by = short_text_at(a, SERVED_BY, "Enter who served them", "Who served them", p);
            Some(Bound::Served {
                served_on: on?,
                method: method?,
                served_by: by,
            })
        }
        _ => {
            problem(p, BOUND, "Select how the person is bound by the order");
            None
        }
    }
}
