//! A GOV.UK date input whose boxes are named after it (`{id}-day`, `{id}-month`, `{id}-year`),
//! so one form can ask several dates (a release and a licence's last day, say). Its problem is
//! found under `{id}-day`, the first box.

use maud::Markup;

use super::error_summary::Problem;
use super::field::date_boxes;

pub fn named_date_input(
    id: &str,
    legend: &str,
    hint: &str,
    values: [&str; 3],
    problems: &[Problem],
) -> Markup {
    date_boxes(id, legend, hint, values, problems, true)
}
