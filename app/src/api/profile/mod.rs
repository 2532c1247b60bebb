//! Server functions of the signed-in user's own profile.

mod authenticator_app;
mod change_password;
mod get;
mod language;
mod login_certificate_register;
mod login_certificate_remove;
mod login_certificates;
mod passkey_register;
mod passkey_remove;
mod passkey_rename;
mod passkeys;
mod update;

pub use authenticator_app::*;
pub use change_password::*;
pub use get::*;
pub use language::*;
pub use login_certificate_register::*;
pub use login_certificate_remove::*;
pub use login_certificates::*;
pub use passkey_register::*;
pub use passkey_remove::*;
pub use passkey_rename::*;
pub use passkeys::*;
pub use update::*;
