//! Sentences joined from parts: each part ends with one full stop (or its own ! or ?), never two,
//! however the part was written (a provision quoted word for word already ends with one).

/// The part, trimmed, ending with a full stop unless it already ends with `.`, `!` or `?`.
/// Nothing for an empty part.
pub fn sentence(part: &str) -> String {
    let part = part.trim();
    if part.is_empty() {
        return String::new();
    }
    if part.ends_with(['.', '!', '?']) {
        part.to_string()
    } else {
        format!("{part}.")
    }
}

/// The parts as sentences, one space between, empty parts left out.
pub fn sentences<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(sentence)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a record saved on the phone goes next, in a sentence: to the team server at the next
/// sync on a phone enrolled with one (it syncs by itself), else with the next export.
pub fn where_the_record_goes(enrolled: bool) -> &'static str {
    if enrolled {
        "It is kept on this phone and goes to the team server at the next sync."
    } else {
        "It is kept on this phone and goes to the team with the next export of records."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_full_stop_per_sentence() {
        assert_eq!(sentence("Report BR-1"), "Report BR-1.");
        assert_eq!(sentence("within 3 days. "), "within 3 days.");
        assert_eq!(sentence("Really?"), "Really?");
        assert_eq!(sentence("  "), "");
        assert_eq!(
            sentences(["within 3 days.", "Outcome: Charge", "", "Report BR-1"]),
            "within 3 days. Outcome: Charge. Report BR-1."
        );
    }

    #[test]
    fn an_enrolled_phone_sends_at_the_next_sync_not_with_an_export() {
        assert_eq!(
            where_the_record_goes(true),
            "It is kept on this phone and goes to the team server at the next sync."
        );
        assert!(!where_the_record_goes(true).contains("export"));
        assert_eq!(
            where_the_record_goes(false),
            "It is kept on this phone and goes to the team with the next export of records."
        );
    }
}
