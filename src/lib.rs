//! SCPO Field: an offline-first field app for police offender managers who supervise people
//! released under a Serious Crime Prevention Order (Serious Crime Act 2007).
//!
//! Three layers, one direction of dependency: `ui` → `store` → `domain`.
//! - [`domain`]: the rules, in plain Rust with no browser types.
//! - [`store`]: the device's memory (IndexedDB, WebCrypto, drafts, outbox).
//! - [`ui`]: Leptos pages and components.

//!
//! Built without the default `app` feature, the library is the domain alone: the team server
//! (`server/`) judges records with exactly these rules.

pub mod domain;
#[cfg(feature = "app")]
pub mod store;
#[cfg(feature = "app")]
pub mod ui;
