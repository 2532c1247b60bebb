//! The backend as the portal sees it: object-safe traits the server implements, one port a
//! file, and the request facts they share. Only with `ssr`. Everything is re-exported here so
//! a port is named `app::ports::OrdersApi` wherever it lives.

mod access;
mod acme;
mod backend;
mod billing;
mod catalog;
mod domains;
mod identity;
mod operator;
mod orders;
mod organizations;
mod partners;
mod passkeys;
mod payments;
mod request;
mod revocations;
mod session;
mod smime;
mod vetting;

pub use access::*;
pub use acme::*;
pub use backend::*;
pub use billing::*;
pub use catalog::*;
pub use domains::*;
pub use identity::*;
pub use operator::*;
pub use orders::*;
pub use organizations::*;
pub use partners::*;
pub use passkeys::*;
pub use payments::*;
pub use request::*;
pub use revocations::*;
pub use session::*;
pub use smime::*;
pub use vetting::*;
