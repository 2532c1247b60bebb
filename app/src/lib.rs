//! The Rootline portal: Leptos components, pages and server functions, rendered on the server
//! (`ssr`) and hydrated in the browser (`hydrate`).

pub mod api;
pub mod components;
pub mod error;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
mod routes;
pub mod webauthn;

pub use routes::{App, shell};
