//! An empty Leptos 0.8 CSR app: mounts one heading and nothing else. See Cargo.toml for why.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <h1>"Empty"</h1> });
}
