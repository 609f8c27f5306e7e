//! The hand-written date and time forms in `dates` against chrono's own pattern interpreter,
//! which the app no longer compiles in but which stays the reference here.

use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::dates::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2199, 1u32..=366).prop_map(|(y, day)| {
        NaiveDate::from_yo_opt(y, day).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

proptest! {
    #[test]
    fn dates_and_times_are_written_as_chrono_writes_them(d in any_date(), secs in 0u32..86_400) {
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap();
        let t = d.and_time(time);
        prop_assert_eq!(format_date(d), d.format("%-d %b %Y").to_string());
        prop_assert_eq!(format_date_time(t), t.format("%-d %b %Y, %H:%M").to_string());
        prop_assert_eq!(clock_time(&t), t.format("%H:%M:%S").to_string());
        prop_assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        prop_assert_eq!(iso_date_time(t), t.format("%Y-%m-%dT%H:%M").to_string());
        prop_assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
    }

    #[test]
    fn typed_dates_read_as_chrono_reads_them(s in "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}") {
        prop_assert_eq!(parse_iso_date(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    }

    #[test]
    fn typed_times_read_as_chrono_reads_them(s in "[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?") {
        let chrono = NaiveTime::parse_from_str(&s, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M:%S"))
            .ok()
            // chrono takes a 60th second (a leap second); a phone's clock never shows one.
            .filter(|t| t.format("%S").to_string() != "60");
        prop_assert_eq!(parse_clock_time(&s), chrono);
    }
}

#[test]
fn what_is_not_a_date_or_a_time_is_refused() {
    for s in [
        "",
        "2026",
        "2026-11",
        "2026-11-24-1",
        "26-11-24",
        "2026-13-01",
        "2026-02-30",
        "2026-1x-01",
        "+2026-11-24",
        "2026-011-24",
        " 2026-11-24",
    ] {
        assert_eq!(parse_iso_date(s), None, "{s:?}");
    }
    for s in [
        "",
        "9",
        "09:5",
        "24:00",
        "12:60",
        "09:30:60",
        "09:30:1",
        "-1:30",
        "09.30",
        "09:30:00:00",
    ] {
        assert_eq!(parse_clock_time(s), None, "{s:?}");
    }
    assert_eq!(parse_clock_time("9:30"), NaiveTime::from_hms_opt(9, 30, 0));
    assert_eq!(
        parse_iso_date("2028-2-29"),
        NaiveDate::from_ymd_opt(2028, 2, 29)
    );
}
