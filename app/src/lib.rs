//! The Rootline portal: Leptos components, pages and server functions, rendered on the server
//! (`ssr`) and hydrated in the browser (`hydrate`).

pub mod api;
pub mod browser;
pub mod components;
pub mod error;
pub mod i18n;
#[cfg(feature = "ssr")]
mod island_scripts;
#[cfg(feature = "ssr")]
pub use island_scripts::lazy_island_name;
pub mod model;
pub mod pages;
pub mod pki;
#[cfg(feature = "ssr")]
pub mod ports;
mod routes;

// der's derive macros name their crate `::der`. The browser's key code (pki) uses der 0.8,
// which the workspace lists as `der-pki` because the server uses der 0.7 under the plain name.
extern crate der_pki as der;

pub use routes::App;
#[cfg(feature = "ssr")]
pub use routes::shell;
