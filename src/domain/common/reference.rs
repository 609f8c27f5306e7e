//! The short reference a person reads aloud to custody and writes on a property bag
//! ("DO/BR/2026/7"): the officer's initials, the kind of record, the year it was made and a
//! running number per initials, kind and year. It stands beside the record's id (the UUID that
//! sync uses), which stays the key everywhere; a record made before references existed has
//! none and is shown by its id.

/// The kind part of a breach report's reference.
pub const BREACH_REPORT: &str = "BR";
/// The kind part of a recall referral's reference.
pub const RECALL_REFERRAL: &str = "RR";

/// "DO/BR/2026/7" → ("DO", "BR", 2026, 7), when it has that shape: 1 to 4 capitals, the kind,
/// a four-digit year and a number from 1 with no leading 0.
pub(crate) fn split(reference: &str) -> Option<(&str, &str, i32, u32)> {
    let mut parts = reference.split('/');
    let (who, kind, year, n) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let who_ok = (1..=4).contains(&who.len()) && who.bytes().all(|b| b.is_ascii_uppercase());
    let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let n_ok =
        (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0');
    if !(who_ok && year_ok && n_ok) {
        return None;
    }
    Some((who, kind, year.parse().ok()?, n.parse().ok()?))
}

/// The next reference of `kind` for the officer in `year`: one more than the highest number
/// already used under the same initials, kind and year among `existing`.
pub fn next_reference<'a>(
    officer_name: &str,
    kind: &str,
    year: i32,
    existing: impl IntoIterator<Item = &'a str>,
) -> String {
    let who = initials(officer_name);
    let highest = existing
        .into_iter()
        .filter_map(split)
        .filter(|(w, k, y, _)| *w == who && *k == kind && *y == year)
        .map(|(_, _, _, n)| n)
        .max()
        .unwrap_or(0);
    format!("{who}/{kind}/{year}/{}", highest.saturating_add(1))
}

/// What a person reads for a record: its reference, or its id when it has none.
pub fn shown<'a>(reference: &'a str, id: &'a str) -> &'a str {
    if reference.is_empty() {
        id
    } else {
        reference
    }
}

/// Ranks left out of initials ("PC Jo Smith" → "JS").
const RANKS: [&str; 11] = [
    "PC", "DC", "PS", "DS", "DI", "DCI", "SGT", "INSP", "PCSO", "TDC", "DSGT",
];

/// The officer's initials from a name ("Jo Smith" → "JS", "Mary-Jane O'Neil" → "MO"), up to
/// four letters, a leading rank left out; "X" when the name has no letters. Already-initials
/// ("JS") stay as they are.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let rank = words
        .first()
        .is_some_and(|w| RANKS.contains(&w.trim_end_matches('.').to_ascii_uppercase().as_str()));
    let skip = usize::from(words.len() > 1 && rank);
    let letters: String = words
        .iter()
        .skip(skip)
        .filter_map(|w| w.chars().find(char::is_ascii_alphabetic))
        .map(|c| c.to_ascii_uppercase())
        .take(4)
        .collect();
    match letters.len() {
        0 => "X".into(),
        1 if name.trim().len() <= 4 && name.trim().chars().all(|c| c.is_ascii_alphabetic()) => {
            name.trim().to_ascii_uppercase()
        }
        _ => letters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_initials_kind_year_and_the_next_number_for_that_officer() {
        let existing = [
            "DO/BR/2026/6",
            "DO/BR/2026/7",
            "DO/BR/2025/40",
            "DO/RR/2026/9",
            "JS/BR/2026/12",
            "BR-800e8657-13c6-43c9-bef4-8d94b366d6dd",
        ];
        assert_eq!(
            next_reference("PC Dee Officer", BREACH_REPORT, 2026, existing),
            "DO/BR/2026/8"
        );
        assert_eq!(
            next_reference("Dee Officer", RECALL_REFERRAL, 2026, existing),
            "DO/RR/2026/10"
        );
        // A new year starts again at 1.
        assert_eq!(
            next_reference("Dee Officer", BREACH_REPORT, 2027, existing),
            "DO/BR/2027/1"
        );
        assert_eq!(shown("", "BR-1"), "BR-1");
        assert_eq!(shown("DO/BR/2026/8", "BR-1"), "DO/BR/2026/8");
    }

    #[test]
    fn only_well_formed_references_of_the_kind_pass() {
        for ok in ["DO/BR/2026/7", "ABCD/BR/1999/123456"] {
            assert!(split(ok).is_some_and(|(_, k, _, _)| k == "BR"), "{ok}");
        }
        for bad in [
            "do/BR/2026/7",
            "DO/BR/26/7",
            "DO/BR/2026/07",
            "DO/BR/2026/0",
            "DO/BR/2026",
            "DO/BR/2026/7/1",
            "ABCDE/BR/2026/1",
        ] {
            assert!(split(bad).is_none(), "{bad}");
        }
    }
}
