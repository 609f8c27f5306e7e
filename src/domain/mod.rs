//! The rules of orders, conditions, contacts, briefings and enforcement. No browser types.
