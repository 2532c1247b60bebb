//! Server functions: the portal's implicit API. Each reads its context, makes one call on the
//! backend port and maps the result; the rules live in the server.
//!
//! A server function that takes a whole form takes it `#[server(flatten)]`: its fields keep
//! their own names in the post (`name=…`, as the page's form and the Playwright tests send
//! them, not `form[name]=…`). Flattening reads every value as text, so such a form holds text,
//! lists of text and checkboxes (`model::checkbox`); a number (an id) stays an argument of its
//! own beside it.

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
pub(crate) use context::{
    call, call_then_group, call_then_new_order, call_then_order, call_then_redirect, set_cookie,
};
