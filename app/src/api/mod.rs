//! Server functions: the portal's implicit API. Each reads its context, makes one call on the
//! backend port and maps the result; the rules live in the server.

pub mod access;
pub mod acme;
pub mod auth;
pub mod billing;
pub mod catalog;
#[cfg(feature = "ssr")]
mod context;
pub mod domains;
pub mod operator;
pub mod orders;
pub mod profile;
pub mod smime;
pub mod track;
#[cfg(feature = "ssr")]
pub(crate) use context::{call, call_then_redirect, set_cookie};
