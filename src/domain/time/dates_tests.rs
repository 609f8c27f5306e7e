//! The hand-written date and time forms in `dates` against chrono's own pattern interpreter,
//! which the app no longer compiles in but which stays the reference here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use proptest::prelude::*;

use crate::domain::time::dates::*;

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

fn any_date_time() -> impl Strategy<Value = NaiveDateTime> {
    // Whole seconds, milliseconds (a phone's clock), micro- and nanoseconds (the server's).
    let nanos = prop_oneof![
        Just(0u32),
        (0u32..1000).prop_map(|ms| ms * 1_000_000),
        (0u32..1_000_000).prop_map(|us| us * 1000),
        0u32..1_000_000_000,
    ];
    (any_date(), 0u32..86_400, nanos).prop_map(|(d, secs, nanos)| {
        d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).unwrap())
    })
}

proptest! {
    // The records' dates are written by chrono's serde (kept) and read by `dates` (through
    // `domain::iso`): every value chrono writes must read back as itself.
    #[test]
    fn what_chrono_writes_reads_back(t in any_date_time(), offset_minutes in -1439i32..=1439) {
        let written = |v: &dyn erased::Json| v.json();
        prop_assert_eq!(parse_iso_date(&written(&t.date())), Some(t.date()));
        prop_assert_eq!(parse_iso_date_time(&written(&t)), Some(t));
        let utc = t.and_utc();
        prop_assert_eq!(parse_utc(&written(&utc)), Some(utc));
        for format in [SecondsFormat::Secs, SecondsFormat::Millis, SecondsFormat::AutoSi] {
            prop_assert_eq!(
                parse_utc(&utc.to_rfc3339_opts(format, true)),
                DateTime::parse_from_rfc3339(&utc.to_rfc3339_opts(format, true))
                    .ok()
                    .map(|d| d.with_timezone(&Utc))
            );
        }
        // Another offset, as another system may write it: the same moment.
        let zone = FixedOffset::east_opt(offset_minutes * 60).unwrap();
        let elsewhere = utc.with_timezone(&zone).to_rfc3339();
        prop_assert_eq!(parse_utc(&elsewhere), Some(utc));
    }

    // Whatever the hand-written readers take, chrono takes too, as the same value.
    #[test]
    fn what_is_read_chrono_reads_the_same(
        s in "20[0-9]{2}-[01][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{1,12})?([Zz]|[+-][0-2][0-9]:[0-6][0-9])?"
    ) {
        if let Some(t) = parse_iso_date_time(&s) {
            prop_assert_eq!(s.parse::<NaiveDateTime>().ok(), Some(t));
        }
        if let Some(t) = parse_utc(&s) {
            prop_assert_eq!(s.parse::<DateTime<Utc>>().ok(), Some(t));
        }
    }
}

/// Writes a value as chrono's serde does (a JSON string), without the quotes.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_value(self)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        }
    }
}

#[test]
fn what_is_not_a_date_and_time_is_refused() {
    for s in [
        "",
        "2026-11-24",
        "2026-11-24T09:30",
        "2026-11-24 09:30:00",
        "2026-11-24T9:30:00",
        "2026-11-24T09:30:00.",
        "2026-11-24T09:30:00.1x",
        "2026-11-24T09:30:00.12345678é",
        "2026-11-24T09:30:00.-1",
        "2026-11-24T24:00:00",
        "2026-11-24T09:30:60",
        "2026-02-30T09:30:00",
        "2026-11-24T09:30:00Z",
    ] {
        assert_eq!(parse_iso_date_time(s), None, "{s:?}");
    }
    for s in [
        "2026-11-24T09:30:00",
        "2026-11-24T09:30:00+0100",
        "2026-11-24T09:30:00+1:00",
        "2026-11-24T09:30:00+24:00",
        "2026-11-24T09:30:00ZZ",
        "2026-11-24X09:30:00Z",
    ] {
        assert_eq!(parse_utc(s), None, "{s:?}");
    }
    let t = parse_utc("2026-11-24 00:30:00.5+01:00").unwrap();
    assert_eq!(t.to_rfc3339(), "2026-11-23T23:30:00.500+00:00");
}

/// The serde readers in `domain::iso`, through the JSON reader the phone uses and through
/// serde_json (the server's).
#[test]
fn records_read_their_dates_without_chrono() {
    use serde::Deserialize;
    #[derive(Debug, Deserialize, PartialEq)]
    struct Record {
        #[serde(deserialize_with = "crate::domain::time::iso::date")]
        on: NaiveDate,
        #[serde(default, deserialize_with = "crate::domain::time::iso::opt_date_time")]
        at: Option<NaiveDateTime>,
        #[serde(default, deserialize_with = "crate::domain::time::iso::opt_utc")]
        acked: Option<DateTime<Utc>>,
    }
    let read = |v: serde_json::Value| {
        let ours = Record::deserialize(crate::domain::common::json_de::ValueReader(&v))
            .map_err(|e| e.to_string());
        let theirs = serde_json::from_value::<Record>(v).map_err(|e| e.to_string());
        (ours, theirs)
    };
    let on = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let (ours, theirs) = read(serde_json::json!({"on": "2026-11-24"}));
    let want = Record {
        on,
        at: None,
        acked: None,
    };
    assert_eq!(ours.as_ref(), Ok(&want));
    assert_eq!(theirs.as_ref(), Ok(&want));

    let (ours, theirs) = read(serde_json::json!({
        "on": "2026-11-24", "at": "2026-11-24T09:30:00.250", "acked": "2026-11-24T09:31:00Z"
    }));
    let want = Record {
        on,
        at: on.and_hms_milli_opt(9, 30, 0, 250),
        acked: on.and_hms_opt(9, 31, 0).map(|t| t.and_utc()),
    };
    assert_eq!(ours.as_ref(), Ok(&want));
    assert_eq!(theirs.as_ref(), Ok(&want));

    let (ours, _) = read(serde_json::json!({"on": "2026-11-24", "at": null}));
    assert_eq!(ours.map(|r| r.at), Ok(None));

    let (ours, theirs) = read(serde_json::json!({"on": "24/11/2026"}));
    assert_eq!(
        ours.unwrap_err(),
        "on: invalid value: string \"24/11/2026\", expected a date written yyyy-mm-dd"
    );
    assert!(theirs
        .unwrap_err()
        .contains("expected a date written yyyy-mm-dd"));
    let (ours, _) = read(serde_json::json!({"on": "2026-11-24", "acked": 5}));
    assert_eq!(
        ours.unwrap_err(),
        "acked: invalid type: integer `5`, expected a date and time with its offset (RFC 3339)"
    );
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

#[test]
fn time_left_rounds_to_years_and_months_and_never_says_12_months() {
    assert_eq!(time_left(590), "about 1 year 7 months left (590 days)");
    assert_eq!(time_left(29), "29 days left");
    assert_eq!(time_left(1), "1 day left");
    assert_eq!(time_left(30), "about 1 month left (30 days)");
    assert_eq!(time_left(365), "about 1 year left (365 days)");
    // 4 years and 360 to 364 days: twelve 30-day months carry to a fifth year.
    assert_eq!(
        time_left(4 * 365 + 359),
        "about 4 years 11 months left (1819 days)"
    );
    assert_eq!(time_left(4 * 365 + 360), "about 5 years left (1820 days)");
    assert_eq!(time_left(4 * 365 + 364), "about 5 years left (1824 days)");
    assert_eq!(time_left(364), "about 1 year left (364 days)");
    for days in 0..4000 {
        assert!(!time_left(days).contains("12 months"), "{days}");
    }
    assert_eq!(time_left(-1), "");
}
