//! The catalogues under `locales/` (and the server's own under `locales-server/`) are compiled in by `fluent_templates::static_loader!`, which
//! lists the folder when the macro expands. Cargo notices an edited catalogue (each one is
//! `include_str!`-ed) but not a new one: a branch that only adds a `.ftl` file would leave the
//! crate built without it, and its keys would read "Unknown localization key". Watching the
//! folder rebuilds the crate for added, removed and edited files alike.
fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=locales-server");
}
