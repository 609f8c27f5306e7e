//! How the person is bound by the order (s.10 Serious Crime Act 2007): an order binds its
//! subject only once they were represented at the hearing where it was made, or were given
//! notice of its terms (served). A prosecution for breach (s.25) must prove one of them, so an
//! order may carry the record of which (`bound`, optional in the cohort file).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::common::tagged::MissingField;
use crate::domain::time::dates::format_date;

/// How notice of the order was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMethod {
    InPerson,
    Post,
    LeftAtAddress,
    Electronic,
}

impl ServiceMethod {
    pub fn label(self) -> &'static str {
        match self {
            Self::InPerson => "In person",
            Self::Post => "By post",
            Self::LeftAtAddress => "Left at their address",
            Self::Electronic => "Electronically",
        }
    }
}

/// How the person is bound (s.10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "how", rename_all = "snake_case", try_from = "BoundRaw")]
pub enum Bound {
    /// Represented at the hearing at which the order was made: bound from the grant.
    Represented,
    /// Given notice of the order's terms: bound from `served_on`.
    Served {
        served_on: NaiveDate,
        method: ServiceMethod,
        served_by: String,
    },
}

impl Bound {
    /// In words, e.g. "Served in person on 24 Nov 2026 by PC Demo Officer".
    pub fn describe(&self) -> String {
        match self {
            Self::Represented => "Represented at the hearing at which the order was made".into(),
            Self::Served {
                served_on,
                method,
                served_by,
            } => format!(
                "Served with notice of the order ({}) on {} by {}",
                method.label().to_lowercase(),
                format_date(*served_on),
                served_by.trim()
            ),
        }
    }

    /// The first day the person is bound, given the day the order was granted.
    pub fn bound_from(&self, date_granted: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Self::Represented => date_granted,
            Self::Served { served_on, .. } => Some(*served_on),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum HowTag {
    Represented,
    Served,
}

/// Read through a plain struct so a bad field keeps its exact path (see `tagged`).
#[derive(Deserialize)]
pub struct BoundRaw {
    how: HowTag,
    #[serde(default)]
    #[serde(deserialize_with = "crate::domain::time::iso::opt_date")]
    served_on: Option<NaiveDate>,
    #[serde(default)]
    method: Option<ServiceMethod>,
    #[serde(default)]
    served_by: Option<String>,
}

impl TryFrom<BoundRaw> for Bound {
    type Error = MissingField;
    fn try_from(r: BoundRaw) -> Result<Self, MissingField> {
        Ok(match r.how {
            HowTag::Represented => Self::Represented,
            HowTag::Served => Self::Served {
                served_on: r.served_on.ok_or(MissingField("served_on"))?,
                method: r.method.ok_or(MissingField("method"))?,
                served_by: r.served_by.ok_or(MissingField("served_by"))?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::demo::demo_cohort;
    use crate::domain::time::dates::ymd;
    use crate::domain::Cohort;

    fn with_bound(bound: serde_json::Value) -> Result<Cohort, Vec<String>> {
        let c = demo_cohort(ymd(2026, 11, 24));
        let mut v: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
        v["orders"][0]["bound"] = bound;
        Cohort::from_json(&v.to_string())
            .map_err(|e| e.problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn represented_or_served_reads_from_the_file_and_an_order_without_it_still_reads() {
        let c = with_bound(serde_json::json!({"how": "represented"})).unwrap();
        assert_eq!(c.orders[0].bound, Some(Bound::Represented));
        let c = with_bound(serde_json::json!({
            "how": "served", "served_on": "2026-11-24", "method": "in_person", "served_by": "PC Demo Officer"
        }))
        .unwrap();
        let b = c.orders[0].bound.clone().unwrap();
        assert_eq!(
            b.describe(),
            "Served with notice of the order (in person) on 24 Nov 2026 by PC Demo Officer"
        );
        assert_eq!(b.bound_from(None), Some(ymd(2026, 11, 24)));
        assert_eq!(
            Bound::Represented.bound_from(Some(ymd(2025, 1, 1))),
            Some(ymd(2025, 1, 1))
        );
        // Written back the same way; an order without a record writes no `bound`.
        let json = serde_json::to_value(&c.orders[0]).unwrap();
        assert_eq!(json["bound"]["how"], "served");
        assert_eq!(json["bound"]["method"], "in_person");
        let json = serde_json::to_value(&c.orders[2]).unwrap();
        assert!(json.get("bound").is_none());
        assert!(with_bound(serde_json::Value::Null).is_ok());
    }

    #[test]
    fn a_bad_record_of_service_is_refused_with_its_exact_field() {
        let served = |on: &str, by: &str| serde_json::json!({"how": "served", "served_on": on, "method": "post", "served_by": by});
        let e = with_bound(
            serde_json::json!({"how": "served", "served_on": "2026-11-24", "method": "post"}),
        )
        .unwrap_err();
        assert_eq!(e[0], "orders[0].bound.served_by: is missing");
        let e = with_bound(serde_json::json!({"how": "served", "served_on": "2026-11-24", "served_by": "PC", "method": "pigeon"}))
            .unwrap_err();
        assert!(
            e[0].starts_with("orders[0].bound.method: unknown variant `pigeon`"),
            "{e:?}"
        );
        let e = with_bound(served("1990-01-01", "PC")).unwrap_err();
        assert!(
            e[0].starts_with("orders[0].bound.served_on: is before the order was granted"),
            "{e:?}"
        );
        let e = with_bound(served("2026-11-24", "  ")).unwrap_err();
        assert_eq!(
            e,
            ["orders[0].bound.served_by: is empty: say who served it"]
        );
        let e = with_bound(serde_json::json!({"how": "posted"})).unwrap_err();
        assert!(
            e[0].starts_with("orders[0].bound.how: unknown variant"),
            "{e:?}"
        );
    }

    #[test]
    fn only_a_granted_order_binds() {
        let mut c = demo_cohort(ymd(2026, 11, 24));
        c.orders[0].stage = crate::domain::order::scpo::OrderStage::AwaitingCourt;
        c.orders[0].bound = Some(Bound::Represented);
        let problems: Vec<String> = c.validate().iter().map(|p| p.to_string()).collect();
        assert!(problems.contains(
            &"orders[0].bound: only an order the court has granted can bind anyone".to_string()
        ));
    }
}
