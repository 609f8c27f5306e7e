//! Leptos views: one page per route, small shared components.
