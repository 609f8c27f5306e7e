//! The command line's parts beside `main.rs`: what it takes ([`args`]), the demo's codes
//! ([`demo`]) and the export ([`export`]).

pub mod args;
pub mod demo;
pub mod export;

/// Now, as the storage keeps times: milliseconds since 1970.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
