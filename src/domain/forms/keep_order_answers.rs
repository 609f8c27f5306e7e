//! What the desk's keeping forms share (issue 21): a form's answers as the page posts them
//! (field id to text, carried page to page in hidden fields), a problem at a field, and dates
//! typed as day, month and year under `{id}-day`, `{id}-month`, `{id}-year`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::common::form::{entered_date_parts, required_text_problem};
use crate::domain::common::validation::MAX_SHORT_CHARS;

/// A form's answers: field id to the text posted.
pub type Answers = BTreeMap<String, String>;

/// A problem with an answer: the id of the field it is about (the error summary links to it),
/// and what to do, in words.
pub type FieldProblems = Vec<(String, String)>;

/// The answer to `id` ("" when not given).
pub fn answer<'a>(a: &'a Answers, id: &str) -> &'a str {
    a.get(id).map_or("", String::as_str)
}

/// Add a problem at `field`.
pub fn problem(p: &mut FieldProblems, field: impl Into<String>, message: impl Into<String>) {
    p.push((field.into(), message.into()));
}

/// The date typed at `{id}-day/-month/-year`: `None` with a problem at `{id}-day` when it is
/// missing (`missing`) or not a real date (`name` starts the message).
pub fn date_at(
    a: &Answers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut FieldProblems,
) -> Option<NaiveDate> {
    let part = |s: &str| answer(a, &format!("{id}-{s}")).to_string();
    match entered_date_parts(&part("day"), &part("month"), &part("year"), missing, name) {
        Ok(d) => Some(d),
        Err(m) => {
            problem(p, format!("{id}-day"), m);
            None
        }
    }
}

/// Whether nothing is typed in the date at `id`.
pub fn date_blank(a: &Answers, id: &str) -> bool {
    ["day", "month", "year"]
        .iter()
        .all(|s| answer(a, &format!("{id}-{s}")).trim().is_empty())
}

/// An optional date at `id`: `None` when blank, else as [`date_at`].
pub fn optional_date_at(
    a: &Answers,
    id: &str,
    name: &str,
    p: &mut FieldProblems,
) -> Option<NaiveDate> {
    if date_blank(a, id) {
        return None;
    }
    date_at(a, id, "", name, p)
}

/// Short text that must be given (up to 200 characters), trimmed; a problem at `id` otherwise.
pub fn short_text_at(
    a: &Answers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut FieldProblems,
) -> String {
    let text = answer(a, id).trim();
    if text.is_empty() {
        problem(p, id, missing);
    } else if text.chars().count() > MAX_SHORT_CHARS {
        problem(
            p,
            id,
            format!("{name} must be {MAX_SHORT_CHARS} characters or fewer"),
        );
    }
    text.to_string()
}

/// Longer text that must be given (up to 5,000 characters); a problem at `id` otherwise. The
/// text is kept as typed apart from spaces at either end.
pub fn long_text_at(
    a: &Answers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut FieldProblems,
) -> String {
    let text = answer(a, id);
    if let Some(m) = required_text_problem(text, missing, name) {
        problem(p, id, m);
    }
    text.trim().to_string()
}
