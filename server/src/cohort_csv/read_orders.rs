//! The rows of `orders.csv` and `provisions.csv` as the domain's orders and provisions.

use scpo_field::domain::order::bound::{Bound, ServiceMethod};
use scpo_field::domain::{
    Cohort, Condition, Deadline, NotificationDuty, NotificationKind, Order, OrderStage,
    ProvisionFamily,
};
use serde::Serialize;

use super::cells::{normal, Cells};
use super::ORDERS;

#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
enum HowBound {
    Represented,
    Served,
}

impl HowBound {
    fn label(self) -> &'static str {
        match self {
            Self::Represented => "represented at the hearing",
            Self::Served => "served with notice",
        }
    }
}

/// When a notification is due: the `notify_when` column.
#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
enum When {
    WithinDaysAfter,
    DaysBefore,
}

impl When {
    fn label(self) -> &'static str {
        match self {
            Self::WithinDaysAfter => "after",
            Self::DaysBefore => "before",
        }
    }
}

const METHODS: [ServiceMethod; 4] = [
    ServiceMethod::InPerson,
    ServiceMethod::Post,
    ServiceMethod::LeftAtAddress,
    ServiceMethod::Electronic,
];

/// An id made from a court reference: the id grammar's characters kept, any other as `-`.
fn id_from(prefix: &str, reference: &str) -> String {
    let body: String = reference
        .trim()
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || "._-:".contains(ch) {
                ch
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}{body}").chars().take(64).collect()
}

pub fn order(c: &mut Cells, held: &Cohort) -> Option<Order> {
    let reference = c.required("court_reference");
    let mut id = c.word("order_id").to_string();
    if id.is_empty() && !reference.trim().is_empty() {
        id = id_from("O-", &reference);
    }
    let nominal_id = c.word("nominal_id").to_string();
    if nominal_id.is_empty() {
        c.problem(
            "nominal_id",
            "is empty: give the id of the nominal the order is on",
        );
    }
    let court = c.required("court");
    let date_granted = c.date("date_granted");
    let in_force = match normal(c.word("comes_into_force")).as_str() {
        "" => {
            c.problem(
                "comes_into_force",
                "is empty: give the date it comes into force, or \"on release\" while release is not fixed",
            );
            None
        }
        "on_release" => Some(None),
        _ => c.optional_date("comes_into_force").map(Some),
    };
    let ends = c.date("ends");
    let discharged_on = c.optional_date("discharged_on");
    let bound = bound(c);
    // Variations are not in the files: an order held already keeps its own.
    let variations = held
        .orders
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.variations.clone())
        .unwrap_or_default();
    let (date_granted, comes_into_force, ends) = (date_granted?, in_force?, ends?);
    let stage = match discharged_on {
        Some(discharged_on) => OrderStage::Discharged {
            date_granted,
            comes_into_force,
            ends,
            discharged_on,
        },
        None => OrderStage::Granted {
            date_granted,
            comes_into_force,
            ends,
        },
    };
    Some(Order {
        id,
        nominal_id,
        court_reference: reference,
        court,
        stage,
        variations,
        bound: bound?,
    })
}

/// `Some(None)`: not said; `None`: a problem said.
fn bound(c: &mut Cells) -> Option<Option<Bound>> {
    let served = ["served_on", "served_method", "served_by"];
    let how = c.optional_choice(
        "bound",
        &[HowBound::Represented, HowBound::Served],
        HowBound::label,
    );
    match how {
        None if c.word("bound").is_empty() => {
            for k in served {
                if !c.word(k).is_empty() {
                    c.problem(
                        "bound",
                        "is empty, but the order's service is given: write \"served\"",
                    );
                    return None;
                }
            }
            Some(None)
        }
        None => None,
        Some(HowBound::Represented) => Some(Some(Bound::Represented)),
        Some(HowBound::Served) => {
            let served_on = c.date("served_on");
            let method = c.choice("served_method", &METHODS, ServiceMethod::label);
            let served_by = c.required("served_by");
            Some(Some(Bound::Served {
                served_on: served_on?,
                method: method?,
                served_by,
            }))
        }
    }
}

/// The order a provision names: by id, else by court reference (the files' orders first,
/// then the unit's).
fn find_order<'a>(
    reference: &str,
    read: &'a [(usize, Order)],
    held: &'a Cohort,
) -> Result<&'a Order, String> {
    let files = read.iter().map(|(_, o)| o);
    if let Some(o) = files
        .clone()
        .chain(held.orders.iter())
        .find(|o| o.id == reference)
    {
        return Ok(o);
    }
    for list in [files.collect::<Vec<_>>(), held.orders.iter().collect()] {
        let same: Vec<&Order> = list
            .into_iter()
            .filter(|o| o.court_reference.trim() == reference)
            .collect();
        match same.as_slice() {
            [one] => return Ok(one),
            [] => {}
            _ => {
                return Err(format!(
                    "{} orders have the reference \"{reference}\": give the order's id instead",
                    same.len()
                ))
            }
        }
    }
    Err(format!(
        "no order has the reference \"{}\": it must be in {ORDERS} or held by your unit",
        reference.chars().take(64).collect::<String>()
    ))
}

pub fn provision(c: &mut Cells, orders: &[(usize, Order)], held: &Cohort) -> Option<Condition> {
    let reference = c.word("order_reference").to_string();
    let order = if reference.is_empty() {
        c.problem(
            "order_reference",
            "is empty: give the court reference of the provision's order",
        );
        None
    } else {
        match find_order(&reference, orders, held) {
            Ok(o) => Some(o.id.clone()),
            Err(why) => {
                c.problem("order_reference", why);
                None
            }
        }
    };
    let number = c.optional_number("number", 1, 999);
    let mut id = c.word("provision_id").to_string();
    match (&order, number) {
        (Some(o), Some(n)) if id.is_empty() => id = format!("{o}-{n:02}"),
        _ if id.is_empty() && c.word("number").is_empty() => c.problem(
            "provision_id",
            "is empty: give the provision's id, or its number in the order",
        ),
        _ => {}
    }
    let family = c.choice("family", &ProvisionFamily::ALL, ProvisionFamily::label);
    let verbatim = c.required("wording");
    let summary = c.required("summary");
    let mirrored_in_licence = c.yes_no("mirrored_in_licence");
    let starts = c.optional_date("starts");
    let ends = c.optional_date("ends");
    let notification = duty(c);
    Some(Condition {
        id,
        order_id: order?,
        family: family?,
        verbatim,
        summary,
        starts,
        ends,
        mirrored_in_licence,
        notification: notification?,
        replaces: Some(c.word("replaces").to_string()).filter(|r| !r.is_empty()),
    })
}

/// The notification duty: what, how many days, after or before; all three or none.
fn duty(c: &mut Cells) -> Option<Option<NotificationDuty>> {
    let cols = ["notify_kind", "notify_days", "notify_when"];
    if cols.iter().all(|k| c.word(k).is_empty()) {
        return Some(None);
    }
    for k in cols {
        if c.word(k).is_empty() {
            c.problem(k, "is empty: a notification duty needs what is notified, how many days and whether after or before");
        }
    }
    let kind = c.optional_choice(
        "notify_kind",
        &NotificationKind::ALL,
        NotificationKind::label,
    );
    let days = c.optional_number("notify_days", 1, 365);
    let when = c.optional_choice(
        "notify_when",
        &[When::WithinDaysAfter, When::DaysBefore],
        When::label,
    );
    let days = days?;
    let deadline = match when? {
        When::WithinDaysAfter => Deadline::WithinDaysAfter { days },
        When::DaysBefore => Deadline::DaysBefore { days },
    };
    Some(Some(NotificationDuty {
        kind: kind?,
        deadline,
    }))
}
