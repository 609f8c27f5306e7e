//! What every form shares: a problem on one field, the limit on free text, and how a typed date
//! is read and what the officer is told when it cannot be.
//!
//! The forms (`breach_form`, `notification_form`, `contact_form`) keep their own questions
//! and wording; the rules here are the ones they must not drift apart on.

use chrono::NaiveDate;

use crate::domain::time::dates::{EARLIEST_DATE, LATEST_DATE};

/// Something that stops a form going further, worded for the officer: the field it is about
/// (the page's error summary links to that field) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldProblem<F> {
    pub fn new(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Longest free text accepted in one answer, in characters (leading and trailing spaces, which
/// are not kept, do not count).
pub const MAX_TEXT_CHARS: usize = 5_000;

/// More than [`MAX_TEXT_CHARS`] once trimmed.
pub fn too_long(text: &str) -> bool {
    text.trim().chars().count() > MAX_TEXT_CHARS
}

/// "`{name}` must be 5,000 characters or fewer", when the text is [`too_long`].
pub fn length_problem(text: &str, name: &str) -> Option<String> {
    too_long(text).then(|| format!("{name} must be 5,000 characters or fewer"))
}

/// What is wrong with free text the officer must give: `missing` when nothing but spaces is
/// typed, or that it is [`too_long`].
pub fn required_text_problem(text: &str, missing: &str, name: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some(missing.to_string())
    } else {
        length_problem(text, name)
    }
}

/// A date the app accepts: from [`EARLIEST_DATE`] to [`LATEST_DATE`]. Any other is not a
/// real date for the app, typed or imported.
fn accepted(d: NaiveDate) -> Option<NaiveDate> {
    (EARLIEST_DATE..=LATEST_DATE).contains(&d).then_some(d)
}

/// A date typed as `yyyy-mm-dd` (an HTML date input), if it is a real date the app accepts.
pub fn parse_entered_date(s: &str) -> Option<NaiveDate> {
    crate::domain::time::dates::parse_iso_date(s.trim()).and_then(accepted)
}

/// A date typed as `yyyy-mm-dd`, or what to tell the officer: `missing` when nothing is typed,
/// "`{name}` must be a real date" when it is not a date the app accepts.
pub fn entered_date(s: &str, missing: &str, name: &str) -> Result<NaiveDate, String> {
    if s.trim().is_empty() {
        return Err(missing.to_string());
    }
    parse_entered_date(s).ok_or_else(|| not_real(name))
}

/// A date typed as day, month and year (en-GB order), or what to tell the officer: `missing`
/// when nothing is typed, "`{name}` must include a day" (a month, a year) when a part is
/// missing, that the year needs 4 numbers, or that it must be a real date the app accepts.
pub fn entered_date_parts(
    day: &str,
    month: &str,
    year: &str,
    missing: &str,
    name: &str,
) -> Result<NaiveDate, String> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    match (d.is_empty(), m.is_empty(), y.is_empty()) {
        (true, true, true) => return Err(missing.to_string()),
        (true, _, _) => return Err(format!("{name} must include a day")),
        (_, true, _) => return Err(format!("{name} must include a month")),
        (_, _, true) => return Err(format!("{name} must include a year")),
        _ => {}
    }
    if y.len() != 4 {
        return Err("Year must include 4 numbers".to_string());
    }
    match (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) {
        (Ok(d), Ok(m), Ok(y)) => NaiveDate::from_ymd_opt(y, m, d)
            .and_then(accepted)
            .ok_or_else(|| not_real(name)),
        _ => Err(not_real(name)),
    }
}

fn not_real(name: &str) -> String {
    format!("{name} must be a real date")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::dates::ymd;

    #[test]
    fn typed_dates_outside_1900_to_2199_are_not_real_dates_for_the_app() {
        assert_eq!(parse_entered_date("2026-11-24"), Some(ymd(2026, 11, 24)));
        assert_eq!(parse_entered_date(" 1900-01-01 "), Some(ymd(1900, 1, 1)));
        assert_eq!(parse_entered_date("2199-12-31"), Some(ymd(2199, 12, 31)));
        assert_eq!(parse_entered_date("1899-12-31"), None);
        assert_eq!(parse_entered_date("2200-01-01"), None);
        assert_eq!(parse_entered_date("+262143-12-31"), None);
        assert_eq!(parse_entered_date("2026-02-29"), None);
    }

    #[test]
    fn a_date_in_parts_is_read_the_same_way_and_says_what_is_missing() {
        let read = |d, m, y| entered_date_parts(d, m, y, "Enter the date", "Date");
        assert_eq!(read(" 05 ", "1", "2026"), Ok(ymd(2026, 1, 5)));
        assert_eq!(read("1", "1", "1900"), Ok(ymd(1900, 1, 1)));
        assert_eq!(read("", "", ""), Err("Enter the date".to_string()));
        assert_eq!(
            read("", "1", "2026"),
            Err("Date must include a day".to_string())
        );
        assert_eq!(
            read("1", "", "2026"),
            Err("Date must include a month".to_string())
        );
        assert_eq!(
            read("1", "1", ""),
            Err("Date must include a year".to_string())
        );
        assert_eq!(
            read("1", "1", "26"),
            Err("Year must include 4 numbers".into())
        );
        for (d, m, y) in [
            ("29", "2", "2026"),
            ("31", "12", "1899"),
            ("1", "1", "2200"),
        ] {
            assert_eq!(read(d, m, y), Err("Date must be a real date".to_string()));
        }
        assert_eq!(
            read("x", "1", "2026"),
            Err("Date must be a real date".into())
        );
    }

    #[test]
    fn a_typed_date_is_missing_or_not_real() {
        let read = |s| entered_date(s, "Enter the date", "The date");
        assert_eq!(read("2026-11-24"), Ok(ymd(2026, 11, 24)));
        assert_eq!(read("  "), Err("Enter the date".to_string()));
        assert_eq!(
            read("2200-01-01"),
            Err("The date must be a real date".into())
        );
    }

    #[test]
    fn free_text_is_limited_once_trimmed() {
        let at_limit = format!("  {}  ", "x".repeat(MAX_TEXT_CHARS));
        assert!(!too_long(&at_limit));
        assert_eq!(length_problem(&at_limit, "Notes"), None);
        let over = "é".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            length_problem(&over, "Notes").as_deref(),
            Some("Notes must be 5,000 characters or fewer")
        );
        assert_eq!(
            required_text_problem(" ", "Enter the notes", "Notes").as_deref(),
            Some("Enter the notes")
        );
        assert_eq!(
            required_text_problem("ok", "Enter the notes", "Notes"),
            None
        );
    }
}
