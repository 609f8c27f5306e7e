//! What every desk keeping form shares (issue 21: the nominal, custody and plan forms, and the
//! order, provision, variation and schedule forms): the answers as typed, carried page to page
//! by name (no state on the server between pages), a problem at a field, a date asked as day,
//! month and year under a prefix (`dob` is `dob-day`, `dob-month`, `dob-year`), and the domain's
//! cohort problems put at the form's fields.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::common::form::{entered_date_parts, required_text_problem, FieldProblem};
use crate::domain::common::validation::{Problem as CohortProblem, MAX_SHORT_CHARS};
use crate::domain::people::nominal::RiskRating;
use crate::domain::time::dates::format_date;

/// A problem at one of a keeping form's fields (its id on the page; the error summary links to
/// it). The id is fixed (`&'static str`) where the form knows its fields; the order forms, whose
/// ids are made as the page is (`p0-wording`, `reword-C-1-wording`), use `KeepProblem<String>`.
pub type KeepProblem<F = &'static str> = FieldProblem<F>;

/// The answers of a keeping form, by field name, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormAnswers(BTreeMap<String, String>);

impl FromIterator<(String, String)> for FormAnswers {
    /// A field sent twice: the last.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        Self(pairs.into_iter().collect())
    }
}

impl Extend<(String, String)> for FormAnswers {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, pairs: I) {
        self.0.extend(pairs);
    }
}

impl IntoIterator for FormAnswers {
    type Item = (String, String);
    type IntoIter = std::collections::btree_map::IntoIter<String, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FormAnswers {
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        pairs.into_iter().collect()
    }

    /// The answer to `field`, or "" when not given.
    pub fn get(&self, field: &str) -> &str {
        self.0.get(field).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: impl Into<String>, value: impl Into<String>) {
        self.0.insert(field.into(), value.into());
    }

    /// Keep only the answers whose field `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|k, _| keep(k));
    }

    /// Whether `field` was posted at all (even empty).
    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// A date's three boxes set from `day`.
    pub fn set_date(&mut self, prefix: &str, day: Option<NaiveDate>) {
        use chrono::Datelike;
        let (d, m, y) = match day {
            Some(x) => (
                x.day().to_string(),
                x.month().to_string(),
                x.year().to_string(),
            ),
            None => Default::default(),
        };
        self.set(format!("{prefix}-day"), d);
        self.set(format!("{prefix}-month"), m);
        self.set(format!("{prefix}-year"), y);
    }

    /// The three boxes of a date, as typed.
    pub fn date_parts(&self, prefix: &str) -> [&str; 3] {
        [
            self.get(&format!("{prefix}-day")),
            self.get(&format!("{prefix}-month")),
            self.get(&format!("{prefix}-year")),
        ]
    }

    /// The answer trimmed; `None` when empty.
    pub fn optional(&self, field: &str) -> Option<String> {
        let v = self.get(field).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Add a problem at `field` (an id made at run time).
pub fn problem(
    p: &mut Vec<KeepProblem<String>>,
    field: impl Into<String>,
    message: impl Into<String>,
) {
    p.push(KeepProblem::new(field.into(), message));
}

/// The date typed at `{id}-day/-month/-year`: `None` with a problem at `{id}-day` when it is
/// missing (`missing`) or not a real date (`name` starts the message).
pub fn date_at(
    a: &FormAnswers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut Vec<KeepProblem<String>>,
) -> Option<NaiveDate> {
    let [d, m, y] = a.date_parts(id);
    match entered_date_parts(d, m, y, missing, name) {
        Ok(day) => Some(day),
        Err(m) => {
            problem(p, format!("{id}-day"), m);
            None
        }
    }
}

/// Whether nothing is typed in the date at `id`.
pub fn date_blank(a: &FormAnswers, id: &str) -> bool {
    a.date_parts(id).iter().all(|s| s.trim().is_empty())
}

/// An optional date at `id`: `None` when blank, else as [`date_at`].
pub fn optional_date_at(
    a: &FormAnswers,
    id: &str,
    name: &str,
    p: &mut Vec<KeepProblem<String>>,
) -> Option<NaiveDate> {
    if date_blank(a, id) {
        return None;
    }
    date_at(a, id, "", name, p)
}

/// Short text that must be given (up to 200 characters), trimmed; a problem at `id` otherwise.
pub fn short_text_at(
    a: &FormAnswers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut Vec<KeepProblem<String>>,
) -> String {
    let text = a.get(id).trim();
    if text.is_empty() {
        problem(p, id, missing);
    } else if text.chars().count() > MAX_SHORT_CHARS {
        let too_long = format!("{name} must be {MAX_SHORT_CHARS} characters or fewer");
        problem(p, id, too_long);
    }
    text.to_string()
}

/// Longer text that must be given (up to 5,000 characters); a problem at `id` otherwise. The
/// text is kept as typed apart from spaces at either end.
pub fn long_text_at(
    a: &FormAnswers,
    id: &str,
    missing: &str,
    name: &str,
    p: &mut Vec<KeepProblem<String>>,
) -> String {
    let text = a.get(id);
    if let Some(m) = required_text_problem(text, missing, name) {
        problem(p, id, m);
    }
    text.trim().to_string()
}

/// The id of a date's first box, where its problem is shown: `dob` is at `dob-day`.
pub fn date_field(prefix: &'static str) -> &'static str {
    match prefix {
        "dob" => "dob-day",
        "reviewed" => "reviewed-day",
        "expected" => "expected-day",
        "released" => "released-day",
        "licence_ends" => "licence_ends-day",
        "ended" => "ended-day",
        "since" => "since-day",
        "agreed" => "agreed-day",
        "recalled" => "recalled-day",
        _ => "date-day",
    }
}

/// A date asked under `prefix`, or its problem at its first box.
pub fn date_answer(
    a: &FormAnswers,
    prefix: &'static str,
    missing: &str,
    name: &str,
    p: &mut Vec<KeepProblem>,
) -> Option<NaiveDate> {
    let [d, m, y] = a.date_parts(prefix);
    match entered_date_parts(d, m, y, missing, name) {
        Ok(day) => Some(day),
        Err(message) => {
            p.push(KeepProblem::new(date_field(prefix), message));
            None
        }
    }
}

/// Text the form must have, trimmed, or its problem.
pub fn required(
    a: &FormAnswers,
    field: &'static str,
    missing: &str,
    p: &mut Vec<KeepProblem>,
) -> String {
    let v = a.get(field).trim();
    if v.is_empty() {
        p.push(KeepProblem::new(field, missing));
    }
    v.to_string()
}

/// The risk rating chosen (`very_high`, `high`, `medium`, `low`), or its problem.
pub fn risk_answer(a: &FormAnswers, p: &mut Vec<KeepProblem>) -> Option<RiskRating> {
    let chosen = RiskRating::ALL
        .into_iter()
        .find(|r| risk_code(*r) == a.get("risk"));
    if chosen.is_none() {
        p.push(KeepProblem::new("risk", "Select the risk rating"));
    }
    chosen
}

/// The form's value for a risk rating.
pub fn risk_code(r: RiskRating) -> &'static str {
    match r {
        RiskRating::VeryHigh => "very_high",
        RiskRating::High => "high",
        RiskRating::Medium => "medium",
        RiskRating::Low => "low",
    }
}

/// Aliases typed one a line: each trimmed, blank lines left out.
pub fn aliases_answer(a: &FormAnswers) -> Vec<String> {
    a.get("aliases")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The nominal must be 18 or over on `day` (the day their first order was made, or today when
/// no order is held yet): the problem at the date of birth, or `None`.
pub fn adult_problem(born: NaiveDate, day: NaiveDate) -> Option<String> {
    if born > day {
        return Some("Date of birth must be in the past".into());
    }
    let age = day.years_since(born).unwrap_or(0);
    (age < 18).then(|| {
        format!(
            "The nominal must be 18 or over on {}, the day the order is made (this date of birth makes them {age})",
            format_date(day)
        )
    })
}

/// The form field a nominal's problem is about, from its path in the cohort
/// (`nominals[0].custody.released_on`); `None` for a field no keeping form asks.
pub fn nominal_field(path: &str) -> Option<&'static str> {
    let field = path.split_once("].").map_or(path, |(_, f)| f);
    Some(match field {
        "given_name" => "given_name",
        "family_name" => "family_name",
        f if f.starts_with("aliases") => "aliases",
        "date_of_birth" => "dob-day",
        "risk_reviewed_on" => "reviewed-day",
        "address" => "address",
        "phone" => "phone",
        "custody.expected_release" => "expected-day",
        "custody.released_on" => "released-day",
        "custody.licence_ends" => "licence_ends-day",
        "custody.licence_ended" => "ended-day",
        "custody.since" => "since-day",
        "custody.probation.name" => "probation_name",
        "custody.probation.phone" => "probation_phone",
        "custody.probation.email" => "probation_email",
        "offender_manager.name" | "offender_manager.id" => "officer",
        _ => return None,
    })
}

/// The domain's problems with a nominal's records, at the form's fields (`fallback` for one
/// about anything else), each a sentence.
pub fn at_fields(problems: &[CohortProblem], fallback: &'static str) -> Vec<KeepProblem> {
    problems
        .iter()
        .map(|p| {
            let field = if p.path.starts_with("nominals[") {
                nominal_field(&p.path).unwrap_or(fallback)
            } else {
                fallback
            };
            KeepProblem::new(field, sentence(&p.reason))
        })
        .collect()
}

/// A reason in the domain's words as a sentence: capital first letter.
pub fn sentence(reason: &str) -> String {
    let mut c = reason.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The reason for a change, as the form asks it: required, at most 200 characters.
pub fn reason_answer(a: &FormAnswers, p: &mut Vec<KeepProblem>) -> String {
    let r = required(a, "reason", "Enter the reason for the change", p);
    if r.chars().count() > 200 {
        p.push(KeepProblem::new(
            "reason",
            "The reason must be 200 characters or fewer",
        ));
    }
    r
}

#[cfg(test)]
#[path = "keep_answers_tests.rs"]
mod tests;
