//! Calendar helpers: en-GB formatting and date arithmetic that is safe on 29 February.

use chrono::{
    DateTime, Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc,
};

/// The earliest date the app accepts, typed or imported.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The latest date the app accepts, typed or imported: far enough for any order, near enough
/// that no date arithmetic on it can leave the calendar.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

// Dates are written and read here by hand, not with chrono's `format`/`parse_from_str`: those
// interpret a pattern at run time, and their interpreter is about 3 kB gzip of the phone's wasm.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "24 Nov 2026": the short en-GB form used across the app.
pub fn format_date(d: NaiveDate) -> String {
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", d.day(), d.year())
}

/// "24 Nov 2026, 14:05": en-GB date and 24-hour time.
pub fn format_date_time(t: NaiveDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        format_date(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "14:05:09": a 24-hour clock time with seconds.
pub fn clock_time(t: &impl Timelike) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// "2026-11-24": the form an HTML date input and the files use.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "2026-11-24T14:05": the form of an HTML `<time datetime>`, to the minute.
pub fn iso_date_time(t: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", iso_date(t.date()), t.hour(), t.minute())
}

/// A date written `yyyy-mm-dd` (the month and day may have one digit), if it is a calendar date.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y)?, digits(m)?, digits(d)?)
}

/// A time written `hh:mm` or `hh:mm:ss` (the hour may have one digit), if it is a clock time.
pub fn parse_clock_time(s: &str) -> Option<NaiveTime> {
    let mut parts = s.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let sec = parts.next();
    if parts.next().is_some()
        || !(1..=2).contains(&h.len())
        || m.len() != 2
        || sec.is_some_and(|s| s.len() != 2)
    {
        return None;
    }
    NaiveTime::from_hms_opt(digits(h)?, digits(m)?, sec.map_or(Some(0), digits)?)
}

/// A date and time as the records hold it: `yyyy-mm-ddThh:mm:ss`, with any fraction of a second
/// (`.5`, `.123456789`; digits past the ninth are dropped). What chrono writes for a
/// `NaiveDateTime`, read without chrono's run-time parser (see [`crate::domain::time::iso`]).
pub fn parse_iso_date_time(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    date_and_time(date, time)
}

/// A moment as RFC 3339 writes it (`2026-11-24T14:05:09Z`, `2026-11-24T15:05:09.5+01:00`), as
/// UTC. Like chrono's reading of a `DateTime<Utc>`: a space or a lower-case `t` may part the date
/// from the time, and `z` may stand for `Z`.
pub fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
    let (date, rest) = s.split_once(['T', 't', ' '])?;
    let (time, offset_minutes) = match rest.strip_suffix(['Z', 'z']) {
        Some(time) => (time, 0),
        None => {
            let sign_at = rest.rfind(['+', '-'])?;
            let (time, offset) = rest.split_at(sign_at);
            let (sign, hh_mm) = offset.split_at(1);
            let (h, m) = hh_mm.split_once(':')?;
            if h.len() != 2 || m.len() != 2 {
                return None;
            }
            let (h, m) = (digits::<i64>(h)?, digits::<i64>(m)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h.checked_mul(60)?.checked_add(m)?;
            match sign {
                "-" => (time, minutes.checked_neg()?),
                _ => (time, minutes),
            }
        }
    };
    let local = date_and_time(date, time)?;
    let utc = local.checked_sub_signed(TimeDelta::minutes(offset_minutes))?;
    Some(utc.and_utc())
}

/// `yyyy-mm-dd` and `hh:mm:ss[.fraction]`.
fn date_and_time(date: &str, time: &str) -> Option<NaiveDateTime> {
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let mut parts = clock.split(':');
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let nanos = match fraction {
        None => 0,
        Some(f) => {
            // Digits only, checked before cutting, so the cut falls between characters.
            if !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let kept = f.get(..f.len().min(9))?;
            let scale = 10u32.checked_pow(9u32.checked_sub(kept.len() as u32)?)?;
            digits::<u32>(kept)?.checked_mul(scale)?
        }
    };
    let time = NaiveTime::from_hms_nano_opt(digits(h)?, digits(m)?, digits(sec)?, nanos)?;
    Some(parse_iso_date(date)?.and_time(time))
}

/// ASCII digits only (no sign, no spaces) as a number.
fn digits<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The same calendar day `years` later; 29 February moves to 28 February in a common year.
/// Used for ages and demo data. For statutory periods use [`last_day_of_period`].
pub fn add_years(d: NaiveDate, years: u32) -> NaiveDate {
    d.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day of a period of `years` years *beginning with* `start` (the wording of s.16):
/// the day before the anniversary. The anniversary of 29 February in a common year is taken
/// as 1 March, so the period ends on 28 February and is never shorter than the years given.
pub fn last_day_of_period(start: NaiveDate, years: u32) -> NaiveDate {
    let Some(target_year) = i32::try_from(years)
        .ok()
        .and_then(|y| start.year().checked_add(y))
    else {
        return NaiveDate::MAX;
    };
    let anniversary = NaiveDate::from_ymd_opt(target_year, start.month(), start.day())
        .or_else(|| NaiveDate::from_ymd_opt(target_year, 3, 1))
        .unwrap_or(NaiveDate::MAX);
    anniversary.pred_opt().unwrap_or(anniversary)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// "in 3 days", "today", "2 days ago": relative wording for badges.
pub fn relative_days(today: NaiveDate, d: NaiveDate) -> String {
    match days_between(today, d) {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", n.unsigned_abs()),
    }
}

/// "about 1 year 7 months left (590 days)": the time left on an order, readable at a glance.
/// Whole years of 365 days, then whole months of 30; twelve months carry to a year, so it never
/// says "12 months". Under a month, the days alone; nothing for a negative count.
pub fn time_left(days: i64) -> String {
    if days < 0 {
        return String::new();
    }
    let plural = |n: i64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (mut years, mut months) = (days / 365, (days % 365) / 30);
    if months >= 12 {
        years = years.saturating_add(1);
        months = 0;
    }
    let rough = match (years, months) {
        (0, 0) => return format!("{} left", plural(days, "day")),
        (0, m) => plural(m, "month"),
        (y, 0) => plural(y, "year"),
        (y, m) => format!("{} {}", plural(y, "year"), plural(m, "month")),
    };
    format!("about {rough} left ({})", plural(days, "day"))
}

/// A date for tests and fixtures: panics on an impossible date, which is a bug in the caller.
/// Never called with imported or typed data.
#[allow(clippy::expect_used)]
pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

/// True when the year has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// The year of a date, kept here so callers need not import chrono's traits.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_the_uk_way() {
        assert_eq!(format_date(ymd(2026, 11, 24)), "24 Nov 2026");
        assert_eq!(format_date(ymd(2027, 1, 5)), "5 Jan 2027");
        let t = ymd(2026, 11, 24).and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(format_date_time(t), "24 Nov 2026, 09:05");
    }

    #[test]
    fn five_years_from_29_february_ends_on_28_february() {
        assert_eq!(add_years(ymd(2024, 2, 29), 5), ymd(2029, 2, 28));
        assert_eq!(add_years(ymd(2024, 2, 29), 4), ymd(2028, 2, 29));
        assert_eq!(add_years(ymd(2026, 11, 24), 5), ymd(2031, 11, 24));
    }

    #[test]
    fn statutory_period_ends_the_day_before_the_anniversary() {
        assert_eq!(last_day_of_period(ymd(2026, 11, 24), 5), ymd(2031, 11, 23));
        // Begins on a leap day: ends 28 Feb, the day before the (1 March) anniversary.
        assert_eq!(last_day_of_period(ymd(2024, 2, 29), 5), ymd(2029, 2, 28));
        assert_eq!(last_day_of_period(ymd(2024, 2, 29), 4), ymd(2028, 2, 28));
        // Runs over a leap day: 1 Mar 2023 + 5 years ends on 29 Feb 2028.
        assert_eq!(last_day_of_period(ymd(2023, 3, 1), 5), ymd(2028, 2, 29));
        assert_eq!(last_day_of_period(ymd(2026, 1, 1), 1), ymd(2026, 12, 31));
    }

    #[test]
    fn relative_wording() {
        let today = ymd(2026, 11, 24);
        assert_eq!(relative_days(today, today), "today");
        assert_eq!(relative_days(today, ymd(2026, 11, 25)), "tomorrow");
        assert_eq!(relative_days(today, ymd(2026, 11, 23)), "yesterday");
        assert_eq!(relative_days(today, ymd(2026, 12, 4)), "in 10 days");
        assert_eq!(relative_days(today, ymd(2026, 11, 20)), "4 days ago");
        assert!(is_leap_year(2028) && !is_leap_year(2100) && is_leap_year(2000));
    }
}
