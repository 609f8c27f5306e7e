//! Entry point: only mounts the app. Everything else lives in the library so that plain
//! `cargo test` runs every native test.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(scpo_field::ui::App);
}
