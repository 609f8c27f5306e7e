//! The device's memory: IndexedDB, encryption at rest, drafts and the outbox.
