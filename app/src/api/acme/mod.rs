//! Server functions of the "ACME APIs" settings page: External Account Binding credentials.

mod credential_create;
mod credential_revoke;
mod credentials;

pub use credential_create::*;
pub use credential_revoke::*;
pub use credentials::*;
