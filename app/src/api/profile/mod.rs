//! Server functions of the signed-in user's own profile.

mod change_password;
mod get;
mod update;

pub use change_password::*;
pub use get::*;
pub use update::*;
