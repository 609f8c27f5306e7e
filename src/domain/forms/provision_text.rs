//! An order's text as pasted at the desk: split at its numbered paragraphs ("1.", "(1)", "2)"
//! at the start of a line), and the s.5 family and any notification duty suggested from a
//! provision's wording (the officer confirms; nothing is recorded on a suggestion alone).

use crate::domain::order::condition::{Deadline, NotificationDuty, ProvisionFamily};
use crate::domain::order::notification_kind::NotificationKind;

/// One numbered paragraph: its number as the order writes it ("1.", "(2)", "3)") and its
/// wording exactly as pasted, lines kept, spaces at either end left off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub number: String,
    pub wording: String,
}

/// The number a line starts with, in one of the three styles, and where its wording starts.
/// Style 0: "1.", style 1: "(1)", style 2: "1)". The number must be followed by a space or tab.
fn numbered(line: &str) -> Option<(u32, usize, usize)> {
    let t = line.trim_start();
    let lead = line.len().checked_sub(t.len())?;
    let (style, rest) = match t.strip_prefix('(') {
        Some(r) => (1, r),
        None => (0, t),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = rest.get(..digits)?.parse().ok()?;
    let after = rest.get(digits..)?;
    let (style, after) = match (style, after.chars().next()) {
        (1, Some(')')) => (1, after.get(1..)?),
        (0, Some('.')) => (0, after.get(1..)?),
        (0, Some(')')) => (2, after.get(1..)?),
        _ => return None,
    };
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let start = lead.checked_add(t.len().checked_sub(after.len())?)?;
    Some((n, style, start))
}

/// The order's text split at its numbered paragraphs: a paragraph starts at a line beginning
/// with the next number in the style of the first numbered line (so a "(1)" inside paragraph
/// "1." or a line starting "2026." does not split it). Text before the first paragraph (the
/// heading, "IT IS ORDERED THAT:") is left out. Text with no numbered paragraph is one
/// provision, as pasted.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut style: Option<usize> = None;
    let mut next: u32 = 1;
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        let starts = numbered(line).filter(|(n, s, _)| {
            *n == next && style.is_none_or(|st| st == *s) && (style.is_some() || *n == 1)
        });
        if let Some((n, s, at)) = starts {
            if let Some(p) = current.take() {
                out.push(finish(p));
            }
            style = Some(s);
            next = n.saturating_add(1);
            let number = line.get(..at).unwrap_or("").trim().to_string();
            current = Some((number, vec![line.get(at..).unwrap_or("")]));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    if let Some((number, lines)) = current.take() {
        out.push(finish((number, end_of_last(lines))));
    }
    out.retain(|p| !p.wording.is_empty());
    if out.is_empty() && !text.trim().is_empty() {
        out.push(Paragraph {
            number: String::new(),
            wording: text.trim().to_string(),
        });
    }
    out
}

/// The last paragraph's lines without what follows it on the order: after a blank line, a
/// block that starts at the margin with a capital (the court's seal, a signature, "Schedule 1")
/// is not part of it; an indented line or a sub-paragraph ("(a)", "(ii)") is.
fn end_of_last(lines: Vec<&str>) -> Vec<&str> {
    let mut blank = false;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if blank && line.starts_with(|c: char| c.is_uppercase()) {
            return lines.into_iter().take(i).collect();
        }
        blank = false;
    }
    lines
}

fn finish((number, lines): (String, Vec<&str>)) -> Paragraph {
    Paragraph {
        number,
        wording: lines.join("\n").trim().to_string(),
    }
}

/// Words that point to each family, lower case.
const KEYWORDS: [(ProvisionFamily, &[&str]); 6] = [
    (
        ProvisionFamily::FinancialPropertyBusiness,
        &[
            "cash",
            "bank",
            "account",
            "financial",
            "business",
            "company",
            "money",
            "property",
            "cryptocurrency",
            "director",
        ],
    ),
    (
        ProvisionFamily::WorkingArrangements,
        &[
            "employment",
            "employer",
            "employed",
            "work",
            "occupation",
            "self-employ",
        ],
    ),
    (
        ProvisionFamily::AssociationsCommunications,
        &[
            "associate",
            "communicate",
            "contact with",
            "meet",
            "schedule 1",
        ],
    ),
    (
        ProvisionFamily::Premises,
        &[
            "premises",
            "enter",
            "reside",
            "exclusion zone",
            "metres",
            "schedule 2",
        ],
    ),
    (
        ProvisionFamily::UseOfItems,
        &[
            "device",
            "encrypted",
            "mobile telephone",
            "mobile phone",
            "sim card",
            "computer",
            "internet",
            "vehicle",
        ],
    ),
    (
        ProvisionFamily::Travel,
        &[
            "travel",
            "passport",
            "abroad",
            "outside the united kingdom",
            "leave the united kingdom",
            "airport",
        ],
    ),
];

fn hits(text: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| text.contains(*w)).count()
}

/// The s.5 family the wording suggests. A prohibition ("shall not", "must not", "not to") goes
/// to the family whose words it uses most (the first in the statute's order on a tie); a duty
/// to tell police with no prohibition is a notification requirement; wording that names no
/// family is Other.
pub fn suggest_family(wording: &str) -> ProvisionFamily {
    let text = wording.to_lowercase();
    let prohibits = [
        "shall not ",
        "must not ",
        "not to ",
        "is prohibited",
        "may not ",
    ]
    .iter()
    .any(|w| text.contains(w));
    let notifies = ["notify", "inform", "notice", "tell the police", "report to"]
        .iter()
        .any(|w| text.contains(w));
    if notifies && !prohibits {
        return ProvisionFamily::NotificationRequirements;
    }
    let mut best = (ProvisionFamily::Other, 0usize);
    for (family, words) in KEYWORDS {
        let n = hits(&text, words);
        if n > best.1 {
            best = (family, n);
        }
    }
    best.0
}

/// What to notify the wording suggests, by its words (first match in this order).
const DUTY_WORDS: [(NotificationKind, &[&str]); 7] = [
    (
        NotificationKind::TravelRequest,
        &["travel", "abroad", "outside the united kingdom"],
    ),
    (
        NotificationKind::NewPhone,
        &[
            "mobile telephone",
            "mobile phone",
            "sim card",
            "telephone number",
        ],
    ),
    (NotificationKind::Vehicle, &["vehicle"]),
    (NotificationKind::Address, &["address"]),
    (NotificationKind::BankAccount, &["bank", "account"]),
    (NotificationKind::Employment, &["employment", "employer"]),
    (NotificationKind::Business, &["business", "company"]),
];

/// The number of days in "within N days" or "at least N days" (N in figures), after `phrase`.
fn days_after(text: &str, phrase: &str) -> Option<u32> {
    let at = text.find(phrase)?;
    let rest = text.get(at.checked_add(phrase.len())?..)?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = digits.parse().ok()?;
    let unit = rest.get(digits.len()..)?.trim_start();
    (unit.starts_with("day") || unit.starts_with("clear day")).then_some(n)
}

/// The notification duty the wording suggests, when it asks the person to tell police of
/// something "within N days" (after) or "at least N days" before, with N in figures.
pub fn suggest_duty(wording: &str) -> Option<NotificationDuty> {
    let text = wording.to_lowercase();
    let deadline = match days_after(&text, "at least ") {
        Some(days) => Deadline::DaysBefore { days },
        None => Deadline::WithinDaysAfter {
            days: days_after(&text, "within ")?,
        },
    };
    let kind = DUTY_WORDS
        .iter()
        .find(|(_, words)| hits(&text, words) > 0)
        .map_or(NotificationKind::Other, |(k, _)| *k);
    Some(NotificationDuty { kind, deadline })
}
