//! Server functions of ACME: the "ACME APIs" settings page's External Account Binding
//! credentials, and marking an ACME order's certificate for early renewal (RFC 9773).

mod credential_create;
mod credential_revoke;
mod credentials;
mod renew_early;

pub use credential_create::*;
pub use credential_revoke::*;
pub use credentials::*;
pub use renew_early::*;
