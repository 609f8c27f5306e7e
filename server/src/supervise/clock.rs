//! Times on the supervisor's pages: the server keeps Unix milliseconds (UTC); a desk in the UK
//! reads them in UK time (GMT, or BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October), en-GB.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};
use scpo_field::domain::time::dates::format_date_time;

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    Some(last - Duration::days(i64::from(back)))
}

/// The UK wall-clock time of `ms`.
pub fn uk_local(ms: i64) -> NaiveDateTime {
    let utc = DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .naive_utc();
    let year = utc.year();
    let summer = match (last_sunday(year, 3), last_sunday(year, 10)) {
        (Some(start), Some(end)) => {
            let one = chrono::NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default();
            start.and_time(one) <= utc && utc < end.and_time(one)
        }
        _ => false,
    };
    if summer {
        utc + Duration::hours(1)
    } else {
        utc
    }
}

/// "24 Nov 2026, 14:05" in UK time.
pub fn uk_date_time(ms: i64) -> String {
    format_date_time(uk_local(ms))
}

/// The day it is in the UK at `ms`.
pub fn uk_today(ms: i64) -> NaiveDate {
    uk_local(ms).date()
}

/// The start of a UK day, in Unix ms.
pub fn uk_start_of(day: NaiveDate) -> Option<i64> {
    let utc = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
    // In summer time, midnight in the UK is 23:00 UTC the day before.
    Some(if uk_local(utc) == day.and_hms_opt(0, 0, 0)? {
        utc
    } else {
        utc - 60 * 60 * 1000
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|d| d.and_hms_opt(h, mi, 0))
            .map(|t| t.and_utc().timestamp_millis())
            .unwrap_or_default()
    }

    #[test]
    fn uk_time_is_gmt_in_winter_and_bst_from_the_last_sunday_of_march_to_that_of_october() {
        assert_eq!(uk_date_time(ms(2026, 11, 24, 14, 5)), "24 Nov 2026, 14:05");
        // 2026: BST from 29 Mar 01:00 UTC to 25 Oct 01:00 UTC.
        assert_eq!(uk_date_time(ms(2026, 3, 29, 0, 59)), "29 Mar 2026, 00:59");
        assert_eq!(uk_date_time(ms(2026, 3, 29, 1, 0)), "29 Mar 2026, 02:00");
        assert_eq!(uk_date_time(ms(2026, 7, 1, 23, 30)), "2 Jul 2026, 00:30");
        assert_eq!(uk_date_time(ms(2026, 10, 25, 0, 59)), "25 Oct 2026, 01:59");
        assert_eq!(uk_date_time(ms(2026, 10, 25, 1, 0)), "25 Oct 2026, 01:00");
        assert_eq!(
            uk_today(ms(2026, 7, 1, 23, 30)),
            NaiveDate::from_ymd_opt(2026, 7, 2).unwrap()
        );
    }

    #[test]
    fn a_uk_day_starts_at_midnight_uk_time() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(uk_start_of(day(11, 24)), Some(ms(2026, 11, 24, 0, 0)));
        assert_eq!(uk_start_of(day(7, 2)), Some(ms(2026, 7, 1, 23, 0)));
        assert_eq!(uk_today(ms(2026, 7, 1, 23, 0)), day(7, 2));
        assert_eq!(uk_today(ms(2026, 7, 1, 22, 59)), day(7, 1));
    }
}
