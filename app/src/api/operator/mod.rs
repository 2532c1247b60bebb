//! Server functions of the operator console.

mod accounts;
mod legal;
mod multiple_groups;
mod review_partner;
mod vetting;

pub use accounts::*;
pub use legal::*;
pub use multiple_groups::*;
pub use review_partner::*;
pub use vetting::*;
