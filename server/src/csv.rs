//! CSV as the server writes it (RFC 4180): one writer for the command line and the supervisor's
//! downloads. Every cell goes through [`field`].
//!
//! Values come from phones and files, and a spreadsheet runs a cell that begins with `=`, `+`,
//! `-` or `@` (or a tab or line break before one) as a formula: `=HYPERLINK(…)` or
//! `-2+3+cmd|' /C calc'!A0`. Such a cell is written with a `'` in front, and quoted, so a
//! spreadsheet shows it as text (OWASP's advice). A cell that begins with `'` gets one more
//! `'` too, so the rule back is exact: **every cell that begins with `'` had one put there;
//! remove that one `'` to have the value as it was** (only cells this writer marked begin with
//! `'`, and each of them is quoted).

use chrono::NaiveDate;

use crate::storage::{AuditEntry, Storage};

/// How a cell may begin that a spreadsheet would run (the full-width signs too: some
/// spreadsheets read them as the ASCII ones), and the mark itself.
const MARKED: [char; 12] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\'',
];

/// One CSV field: a cell a spreadsheet would run (or one beginning with `'`) gets a `'` in
/// front and is quoted; any other is quoted when it holds a comma, quote or line break.
pub fn field(s: &str) -> String {
    let marked = s.starts_with(MARKED);
    if marked || s.contains([',', '"', '\n', '\r']) {
        let mark = if marked { "'" } else { "" };
        format!("\"{mark}{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line (no line end): every cell through [`field`].
pub fn line(cells: &[&str]) -> String {
    cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")
}

/// The header line of the audit log as CSV.
pub const AUDIT_HEADER: &str = "seq,at,actor,device,action,record_kind,record_id,nominal";

/// One audit line as CSV (no line end); the time in RFC 3339, UTC.
pub fn audit_line(r: &AuditEntry) -> String {
    let at = chrono::DateTime::from_timestamp_millis(r.at)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    line(&[
        &r.seq.to_string(),
        &at,
        &r.actor,
        r.device_id.as_deref().unwrap_or(""),
        &r.action,
        &r.record_kind,
        &r.record_id,
        r.nominal_id.as_deref().unwrap_or(""),
    ])
}

/// The audit log from `since` (UTC) as the command line prints it: the header, then a line
/// each, `\n` after each. Printing the log discloses it, so that is logged first (`cli`,
/// `disclosed`, `audit_log`, the date); nothing is given if it cannot be.
pub async fn audit_since(
    storage: &dyn Storage,
    since: NaiveDate,
    now: i64,
) -> Result<String, String> {
    let from = since
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis())
        .unwrap_or(0);
    let rows = storage.audit_since(from).await.map_err(|e| e.to_string())?;
    let mut text = format!("{AUDIT_HEADER}\n");
    for r in &rows {
        text.push_str(&audit_line(r));
        text.push('\n');
    }
    let what = since.to_string();
    storage
        .audit("cli", None, "disclosed", "audit_log", &what, None, now)
        .await
        .map_err(|e| e.to_string())?;
    Ok(text)
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
