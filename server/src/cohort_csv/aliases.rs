//! The `aliases` cell of `nominals.csv`: a nominal's aliases separated by `;`. An alias may hold
//! a `;` of its own, written `\;` (and a backslash before a `;` or a backslash is written
//! `\\`), so every alias reads back as it was written out. Any other backslash is itself.

/// The aliases in one cell, each trimmed, empty ones left out.
pub fn split(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut alias = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' if matches!(chars.peek(), Some(';' | '\\')) => {
                if let Some(next) = chars.next() {
                    alias.push(next);
                }
            }
            ';' => out.push(std::mem::take(&mut alias)),
            other => alias.push(other),
        }
    }
    out.push(alias);
    out.into_iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

/// The aliases as one cell: `; ` between them, each `;` and `\` in one escaped.
pub fn join(aliases: &[String]) -> String {
    let escaped: Vec<String> = aliases
        .iter()
        .map(|a| a.replace('\\', "\\\\").replace(';', "\\;"))
        .collect();
    escaped.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_may_hold_a_semicolon() {
        assert_eq!(
            split(r"Lex\; the elder; A. Sample"),
            ["Lex; the elder", "A. Sample"]
        );
        assert_eq!(split(" Lex ;; A. Sample; "), ["Lex", "A. Sample"]);
        assert_eq!(split(r"A\B"), [r"A\B"]);
    }

    #[test]
    fn aliases_written_out_read_back_as_they_were() {
        let cases: [&[&str]; 4] = [
            &["Lex; the elder", "A. Sample"],
            &[r"Back\slash", r"ends\", r"\;both"],
            &["Plain"],
            &[],
        ];
        for aliases in cases {
            let aliases: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
            assert_eq!(split(&join(&aliases)), aliases, "{}", join(&aliases));
        }
    }
}
