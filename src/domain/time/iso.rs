//! Reading chrono's date types from the records' JSON without chrono's parser.
//!
//! chrono reads a date by interpreting a list of format items at run time; that interpreter is
//! about 13 kB of the phone's wasm, and every date field of every record type would keep it. A
//! field names one of these instead: `#[serde(deserialize_with = "crate::domain::time::iso::date")]`
//! (an `Option` field: `opt_date`, with `default` so a missing field is still `None`). Writing is
//! left to chrono; [`crate::domain::time::dates`] reads exactly what it writes (property-tested).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use std::fmt;
use std::marker::PhantomData;

use crate::domain::time::dates::{parse_iso_date, parse_iso_date_time, parse_utc};

/// A chrono type and how its text is read.
trait Text: Sized {
    const EXPECTING: &'static str;
    fn parse(s: &str) -> Option<Self>;
}

impl Text for NaiveDate {
    const EXPECTING: &'static str = "a date written yyyy-mm-dd";
    fn parse(s: &str) -> Option<Self> {
        parse_iso_date(s)
    }
}

impl Text for NaiveDateTime {
    const EXPECTING: &'static str = "a date and time written yyyy-mm-ddThh:mm:ss";
    fn parse(s: &str) -> Option<Self> {
        parse_iso_date_time(s)
    }
}

impl Text for DateTime<Utc> {
    const EXPECTING: &'static str = "a date and time with its offset (RFC 3339)";
    fn parse(s: &str) -> Option<Self> {
        parse_utc(s)
    }
}

struct Read<T>(PhantomData<T>);

impl<T: Text> Visitor<'_> for Read<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        T::parse(s).ok_or_else(|| E::invalid_value(Unexpected::Str(s), &self))
    }
}

struct ReadOption<T>(PhantomData<T>);

impl<'de, T: Text> Visitor<'de> for ReadOption<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "null or {}", T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Read(PhantomData)).map(Some)
    }
}

fn one<'de, D: Deserializer<'de>, T: Text>(d: D) -> Result<T, D::Error> {
    d.deserialize_str(Read(PhantomData))
}

fn maybe<'de, D: Deserializer<'de>, T: Text>(d: D) -> Result<Option<T>, D::Error> {
    d.deserialize_option(ReadOption(PhantomData))
}

/// `"2026-11-24"`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    one(d)
}

/// `"2026-11-24"` or `null`.
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    maybe(d)
}

/// `"2026-11-24T14:05:09"`, with any fraction of a second.
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    one(d)
}

/// `"2026-11-24T14:05:09"` or `null`.
pub fn opt_date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
    maybe(d)
}

/// `"2026-11-24T14:05:09.123Z"` or with an offset, as UTC.
pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    one(d)
}

/// `"2026-11-24T14:05:09Z"` or `null`.
pub fn opt_utc<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    maybe(d)
}
