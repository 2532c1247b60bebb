//! Server functions of the operator console.

mod accounts;
mod multiple_groups;
mod review_partner;

pub use accounts::*;
pub use multiple_groups::*;
pub use review_partner::*;
