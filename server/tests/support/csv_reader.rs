//! A CSV reader for the tests (RFC 4180, `\n` or `\r\n` line ends): what a spreadsheet takes
//! each cell to be, and the value the README's rule gives back. Shared by the server's unit
//! tests (`src/csv_tests.rs`) and its HTTP tests.
#![allow(dead_code)]

/// The rows of `text`, each cell as a spreadsheet reads it (quotes undone, nothing else).
pub fn read(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The README's rule: a cell that begins with `'` had one put there; remove that one.
pub fn recover(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// Whether a spreadsheet would run the cell as a formula (or take a tab or line break at
/// its start as the start of one).
pub fn runs(cell: &str) -> bool {
    cell.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ])
}
