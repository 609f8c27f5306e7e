//! Reading one CSV file into rows by column name, and its cells into values, each problem at
//! its file, row and column.

use chrono::NaiveDate;
use serde::Serialize;

use super::Located;

/// One row of a file: its number as a spreadsheet shows it (the header is row 1) and its cells
/// in the order of the file's columns (as the template lists them, whatever the file's order).
pub struct Row {
    pub number: usize,
    cells: Vec<String>,
}

/// Every row of `text` with a value in any cell, by the columns `columns` (each must head a
/// column once; no other column is taken, so a misspelt heading is said, never dropped).
pub fn rows(
    file: &'static str,
    text: &str,
    columns: &[&'static str],
    problems: &mut Vec<Located>,
) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Vec::new();
    }
    let at = |row: usize, column: &str, reason: String| Located {
        file,
        row,
        column: column.to_string(),
        reason,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => {
            problems.push(at(1, "", format!("the header row cannot be read ({e})")));
            return Vec::new();
        }
    };
    let before = problems.len();
    let mut place = Vec::new();
    for c in columns {
        match headers.iter().position(|h| h == c) {
            Some(i) => place.push(i),
            None => problems.push(at(
                1,
                c,
                "is missing from the header row: start from the template".into(),
            )),
        }
    }
    for (i, h) in headers.iter().enumerate() {
        let twice = headers.iter().take(i).any(|x| x == h);
        if !columns.contains(&h.as_str()) && !h.is_empty() {
            problems.push(at(
                1,
                h,
                format!(
                    "is not a column of {file}: its columns are {}",
                    columns.join(", ")
                ),
            ));
        } else if twice {
            problems.push(at(1, h, "heads two columns: keep one".into()));
        }
    }
    if problems.len() > before {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let number = i.saturating_add(2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(at(number, "", format!("cannot be read ({e})")));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            problems.push(at(
                number,
                "",
                format!(
                    "has {} cells but the header row names {} columns",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let cells = place
            .iter()
            .map(|&p| unmark(record.get(p).unwrap_or("")).to_string())
            .collect();
        out.push(Row { number, cells });
    }
    out
}

/// A cell as it was before the server's writer marked it (`crate::csv`): a cell beginning with
/// `'` had one put in front, against formulas; that one is taken off.
fn unmark(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// Reading one row's cells, noting each problem at its column.
pub struct Cells<'a> {
    pub file: &'static str,
    pub columns: &'a [&'static str],
    pub row: &'a Row,
    pub problems: &'a mut Vec<Located>,
}

impl Cells<'_> {
    pub fn problem(&mut self, column: &str, reason: impl Into<String>) {
        self.problems.push(Located {
            file: self.file,
            row: self.row.number,
            column: column.to_string(),
            reason: reason.into(),
        });
    }

    /// The cell as written (only the writer's mark taken off).
    pub fn raw(&self, column: &str) -> &str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.row.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The cell trimmed: ids, dates, choices, numbers.
    pub fn word(&self, column: &str) -> &str {
        self.raw(column).trim()
    }

    /// Text that may be left empty (nothing but spaces is empty).
    pub fn optional(&self, column: &str) -> Option<String> {
        let v = self.raw(column);
        (!v.trim().is_empty()).then(|| v.to_string())
    }

    /// Text that must be given.
    pub fn required(&mut self, column: &str) -> String {
        let v = self.raw(column).to_string();
        if v.trim().is_empty() {
            self.problem(column, "is empty");
        }
        v
    }

    pub fn date(&mut self, column: &str) -> Option<NaiveDate> {
        if self.word(column).is_empty() {
            self.problem(column, "is empty: give a date, as 24/11/2026 or 2026-11-24");
            return None;
        }
        self.optional_date(column)
    }

    pub fn optional_date(&mut self, column: &str) -> Option<NaiveDate> {
        let v = self.word(column).to_string();
        if v.is_empty() {
            return None;
        }
        let read = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(&v, "%d/%m/%Y"));
        match read {
            Ok(d) => Some(d),
            Err(_) => {
                let shown: String = v.chars().take(80).collect();
                self.problem(
                    column,
                    format!("\"{shown}\" is not a date: write it as 24/11/2026 or 2026-11-24"),
                );
                None
            }
        }
    }

    /// One of `all`, by its name in the cohort format (`very_high`) or its label ("Very
    /// high"), in any case.
    pub fn choice<T: Copy + Serialize>(
        &mut self,
        column: &str,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        if self.word(column).is_empty() {
            let names: Vec<String> = all.iter().map(|t| name(*t)).collect();
            self.problem(
                column,
                format!("is empty: give one of {}", names.join(", ")),
            );
            return None;
        }
        self.optional_choice(column, all, label)
    }

    pub fn optional_choice<T: Copy + Serialize>(
        &mut self,
        column: &str,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let v = normal(self.word(column));
        if v.is_empty() {
            return None;
        }
        let found = all
            .iter()
            .copied()
            .find(|t| normal(&name(*t)) == v || normal(label(*t)) == v);
        if found.is_none() {
            let names: Vec<String> = all.iter().map(|t| name(*t)).collect();
            let shown: String = self.word(column).chars().take(80).collect();
            self.problem(
                column,
                format!("\"{shown}\" is not one of {}", names.join(", ")),
            );
        }
        found
    }

    /// A whole number from `min` to `max`, or nothing when empty.
    pub fn optional_number(&mut self, column: &str, min: u32, max: u32) -> Option<u32> {
        let v = self.word(column).to_string();
        if v.is_empty() {
            return None;
        }
        match v.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                let shown: String = v.chars().take(80).collect();
                self.problem(
                    column,
                    format!("\"{shown}\" is not a whole number from {min} to {max}"),
                );
                None
            }
        }
    }

    /// Yes or no (`yes`, `no`, `true`, `false`, `y`, `n`); empty is no.
    pub fn yes_no(&mut self, column: &str) -> bool {
        match normal(self.word(column)).as_str() {
            "" | "no" | "n" | "false" => false,
            "yes" | "y" | "true" => true,
            _ => {
                self.problem(column, "must be yes or no");
                false
            }
        }
    }
}

/// The cohort format's name of a value (`very_high`).
fn name<T: Serialize>(t: T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Lower case, with runs of anything but letters and digits as one `_`: "Very high",
/// "very-high" and "VERY_HIGH" read alike.
pub fn normal(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}
