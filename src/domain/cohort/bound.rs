//! The checks of how each order's subject was bound by it (s.10), against the cohort's orders.

use crate::domain::cohort::aggregate::Cohort;
use crate::domain::common::validation::Problems;
use crate::domain::common::validation::MAX_SHORT_CHARS;
use crate::domain::order::bound::*;
use crate::domain::time::dates::{format_date, EARLIEST_DATE, LATEST_DATE};

impl Cohort {
    /// An order's `bound`: only a granted order binds anyone; notice is served on a real date,
    /// not before the order was made, by someone named.
    pub(crate) fn check_bound(&self, p: &mut Problems) {
        for (i, o) in self.orders.iter().enumerate() {
            let at = |f: &str| format!("orders[{i}].bound{f}");
            let Some(bound) = &o.bound else { continue };
            let Some(granted) = o.date_granted() else {
                p.add(
                    at(""),
                    "only an order the court has granted can bind anyone",
                );
                continue;
            };
            if let Bound::Served {
                served_on,
                served_by,
                ..
            } = bound
            {
                if *served_on < EARLIEST_DATE || *served_on > LATEST_DATE {
                    p.add(at(".served_on"), format!("{served_on} is out of range"));
                } else if *served_on < granted {
                    p.add(
                        at(".served_on"),
                        format!("is before the order was granted ({})", format_date(granted)),
                    );
                }
                if served_by.trim().is_empty() {
                    p.add(at(".served_by"), "is empty: say who served it");
                } else if served_by.chars().count() > MAX_SHORT_CHARS {
                    p.add(
                        at(".served_by"),
                        format!("must be {MAX_SHORT_CHARS} characters or fewer"),
                    );
                }
            }
        }
    }
}
